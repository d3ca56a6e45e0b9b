// Reliability-suite helpers: a Meilisearch of the test's own (so it can be SIGKILLed and restarted on the same
// port and data), the API and the indexer as separate processes, and RSS readings from /proc.
import { spawn } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureEmbedded, freePort, type EmbeddedMeili } from "../../src/meili/embedded.js";
import { writeCorpus } from "../../bench/corpus.js";
import { runNode, runScript, startService, tsxArgs, type ChildRun, type Service } from "../../bench/proc.js";

export { runNode, tsxArgs, type ChildRun };

/** A Meilisearch owned by one test file. */
export interface OwnMeili {
  url: string;
  key: string;
  pid(): number;
  kill(): void;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts a Meilisearch on a free port with a temporary data folder. */
export async function ownMeili(): Promise<OwnMeili> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-rel-meili-"));
  const port = await freePort();
  let current: EmbeddedMeili = await ensureEmbedded({ dataDir, port });
  return {
    url: current.url,
    key: current.masterKey,
    pid: () => current.pid,
    kill: () => process.kill(current.pid, "SIGKILL"),
    restart: async () => {
      await current.stop();
      current = await ensureEmbedded({ dataDir, port });
    },
    stop: async () => {
      await current.stop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A synthetic corpus of `n` articles in a temporary folder. */
export async function tempCorpus(n: number): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-rel-corpus-"));
  await writeCorpus(dir, n, 3);
  return dir;
}

/** The `index` CLI (package.json's `cli` script, as users run it) as a child against `meili`, into base index `base`. */
export function indexCli(meili: OwnMeili, base: string, paths: string[], env: Record<string, string> = {}): Promise<ChildRun> {
  return runScript("cli", ["index", ...paths], { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, INDEX_NAME: base, LOG_LEVEL: "warn", ...env });
}

/** The API (`src/server.ts`) as its own process, output captured (for the key-leak checks). */
export interface ApiProcess {
  url: string;
  pid: number;
  /** Everything it wrote to stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the API against `meili` serving `base`; `env` overrides (e.g. ADMIN_TOKEN, LOG_LEVEL). */
export async function startApi(meili: OwnMeili, base: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const empty = await fs.mkdtemp(path.join(os.tmpdir(), "onrecord-rel-empty-"));
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  const child = spawn(process.execPath, tsxArgs("src/server.ts"), {
    env: { ...process.env, PORT: String(port), MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.key, INDEX_NAME: base, ARTICLES_DIR: empty, REINDEX_CRON: "off", RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (c: Buffer): void => void (out += c.toString());
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(t);
    }
    await fs.rm(empty, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${out.slice(-3000)}`);
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`API not healthy within 60 s:\n${out.slice(-3000)}`);
    }
    await sleep(100);
  }
  return { url, pid: child.pid ?? 0, output: () => out, stop };
}

/** Resident set size of `pid` now, in MB. */
export async function rssMB(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** GET `url` with a timeout; resolves with status and elapsed ms (status 0 when the request itself failed). */
export async function timedGet(url: string, timeoutMs = 10_000, headers: Record<string, string> = {}): Promise<{ status: number; ms: number; body: string }> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers });
    const body = await res.text();
    return { status: res.status, ms: performance.now() - t0, body };
  } catch {
    return { status: 0, ms: performance.now() - t0, body: "" };
  }
}

export type { Service };
export { startService };
