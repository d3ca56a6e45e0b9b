// Child processes for the benchmark: run a TypeScript entry under tsx, measure its wall time and peak RSS
// (VmHWM from /proc, polled), and start/stop long-running ones such as the API server.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";

/** What a finished child did. */
export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  /** Highest resident set size seen, in MB (VmHWM is itself a high-water mark, so polling misses little). */
  peakRssMB: number;
  stdout: string;
  stderr: string;
}

/** Arguments that run a TypeScript file with this Node and tsx, without npm or npx in between (one pid to watch). */
export const tsxArgs = (file: string, args: string[] = []): string[] => ["--import", "tsx", file, ...args];

/** Peak RSS of process `pid` in MB, or 0 when it has gone. */
export async function peakRssMB(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs `node <args>` to completion with `env` added, polling its peak RSS every 100 ms. */
export function runNode(args: string[], env: Record<string, string> = {}, cwd = process.cwd()): Promise<ChildRun> {
  return runCommand(process.execPath, args, env, cwd);
}

/**
 * Runs package.json script `name` exactly as `npm run` would, minus npm itself: `sh -c "exec <script> args"`, so
 * the pid watched is the script's own process (node) and its flags (e.g. a heap cap) are the ones users get.
 */
export async function runScript(name: string, args: string[], env: Record<string, string> = {}, cwd = process.cwd()): Promise<ChildRun> {
  const pkg = JSON.parse(await readFile(path.join(cwd, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.[name];
  if (!script) throw new Error(`package.json has no "${name}" script`);
  const bin = path.join(cwd, "node_modules", ".bin");
  return runCommand("sh", ["-c", `exec ${script} "$@"`, "sh", ...args], { PATH: `${bin}:${process.env.PATH ?? ""}`, ...env }, cwd);
}

async function runCommand(cmd: string, args: string[], env: Record<string, string>, cwd: string): Promise<ChildRun> {
  const start = performance.now();
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-20_000)));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) void peakRssMB(child.pid).then((mb) => (peak = Math.max(peak, mb)));
  }, 100);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("exit", (c, s) => resolve([c, s])));
  clearInterval(timer);
  return { code, signal, ms: performance.now() - start, peakRssMB: peak, stdout, stderr };
}

/** A long-running child (the API server), stopped with `stop()`. */
export interface Service {
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts `node <args>` and resolves once `ready()` says so (polled every 100 ms), or rejects after `timeoutMs`. */
export async function startService(args: string[], env: Record<string, string>, ready: () => Promise<boolean>, timeoutMs = 60_000): Promise<Service> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr?.on("data", (c: Buffer) => (err = (err + c.toString()).slice(-8_000)));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const t = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(t);
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await ready().catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode} before it was ready:\n${err}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`service not ready within ${timeoutMs} ms:\n${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => err, stop };
}
