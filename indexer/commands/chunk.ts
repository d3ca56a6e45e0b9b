// `chunk` command: articles in, NDJSON documents out on stdout. Placeholder until the reader and chunker land.

/** Prints every document of every article under `paths` as one JSON line; returns the exit code. */
export async function runChunkCommand(paths: string[]): Promise<number> {
  await Promise.resolve();
  process.stderr.write(`chunk: not implemented yet (${paths.join(", ")})\n`);
  return 1;
}
