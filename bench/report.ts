// Benchmark results: each figure is a ratio against a baseline measured in the same run, printed as a table
// and written to bench-results/<date>.json.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** One line of the table: a measured figure, the baseline it is compared with, and the goal on their ratio. */
export interface Row {
  section: string;
  metric: string;
  value: number;
  baseline: number | null;
  unit: string;
  /** `value / baseline` (null without a baseline). */
  ratio: number | null;
  /** Human-readable goal, e.g. "<= 1.15"; null when the row is informational. */
  goal: string | null;
  met: boolean | null;
}

/** A goal on a row's ratio (or value, for absolute limits such as RSS). */
export interface Goal {
  text: string;
  test: (ratio: number | null, value: number, baseline: number | null) => boolean;
}

export const atMost = (limit: number, on: "ratio" | "value" = "ratio"): Goal => ({
  text: `${on === "value" ? "" : "ratio "}<= ${limit}`,
  test: (r, v) => (on === "value" ? v : (r ?? Infinity)) <= limit,
});

export const atLeast = (limit: number): Goal => ({ text: `ratio >= ${limit}`, test: (r) => (r ?? -Infinity) >= limit });

/** Builds a row, computing the ratio and checking the goal. */
export function row(section: string, metric: string, value: number, unit: string, baseline: number | null = null, goal?: Goal): Row {
  const ratio = baseline === null || baseline === 0 ? null : value / baseline;
  return { section, metric, value, baseline, unit, ratio, goal: goal?.text ?? null, met: goal ? goal.test(ratio, value, baseline) : null };
}

/** The value at quantile `q` (0..1) of `values` (nearest rank). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

const fmt = (n: number | null, digits = 2): string => {
  if (n === null || Number.isNaN(n)) return "-";
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString("en-US");
  return n.toFixed(digits);
};

/** The rows as a Markdown table (readable in a terminal and pasteable into the README). */
export function formatTable(rows: Row[]): string {
  const head = ["section", "metric", "value", "baseline", "unit", "ratio", "goal", "met"];
  const lines = rows.map((r) => [
    r.section,
    r.metric,
    fmt(r.value),
    fmt(r.baseline),
    r.unit,
    fmt(r.ratio, 3),
    r.goal ?? "",
    r.met === null ? "" : r.met ? "yes" : "NO",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...lines.map(line)].join("\n");
}

/** Everything one run measured, as written to disk. */
export interface BenchRun {
  startedAt: string;
  finishedAt: string;
  options: Record<string, unknown>;
  machine: { cpus: number; totalMemMB: number; node: string; platform: string };
  rows: Row[];
  /** Free-form details per section (raw latencies, batch sizes, profiles). */
  details: Record<string, unknown>;
}

/** Writes `run` to `<dir>/<date>.json` (UTC date and time, so runs on one day do not overwrite each other). */
export async function writeRun(dir: string, run: BenchRun): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = run.startedAt.replace(/:/g, "").replace(/\.\d+Z$/, "Z");
  const file = join(dir, `${stamp}.json`);
  await writeFile(file, `${JSON.stringify(run, null, 2)}\n`);
  return file;
}
