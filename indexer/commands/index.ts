// `index` command: read, chunk and push to Meilisearch. Placeholder until the pusher lands.

/** Indexes every article under `paths`; returns the exit code (0 all in, 2 files skipped, 1 fatal). */
export async function runIndexCommand(paths: string[]): Promise<number> {
  await Promise.resolve();
  process.stderr.write(`index: not implemented yet (${paths.join(", ")})\n`);
  return 1;
}
