// In-process extraction scores on the benchmark, per half: Readability alone vs the reader's full pipeline.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { load } from "cheerio/slim";
import { parseHtml } from "../indexer/read/html.js";
import { runReadability } from "../indexer/read/html-body.js";
import { scorePage, summarise } from "./shingles.js";

/** The development half (ids sorting before "8") and the held-out half. */
export type Half = "dev" | "test" | "all";

export function inHalf(id: string, half: Half): boolean {
  return half === "all" || (half === "dev" ? id < "8" : id >= "8");
}

/** Readability alone: the text of its content, as readability.js users get it. */
function readabilityBody(html: string): string {
  const rd = runReadability(html);
  return rd ? load(rd.content).text() : "";
}

function pipelineBody(html: string, id: string): string {
  return parseHtml(html, `${id}.html`)?.paragraphs.join("\n") ?? "";
}

/** Scores one extractor over one half of the benchmark in `bench` (html/<id>.html.gz + ground-truth.json). */
export function scoreExtraction(bench: string, half: Half, extractor: "readability" | "pipeline") {
  const truth = JSON.parse(readFileSync(join(bench, "ground-truth.json"), "utf8")) as Record<string, { articleBody: string }>;
  const scores = Object.keys(truth)
    .sort()
    .filter((id) => inHalf(id, half))
    .map((id) => {
      const html = gunzipSync(readFileSync(join(bench, "html", `${id}.html.gz`))).toString("utf8");
      const body = extractor === "readability" ? readabilityBody(html) : pipelineBody(html, id);
      return scorePage(truth[id]?.articleBody ?? "", body);
    });
  return { ...summarise(scores), pages: scores.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bench = process.argv[2] ?? "../shared/corpus/extraction-benchmark";
  for (const extractor of ["readability", "pipeline"] as const) {
    for (const half of ["dev", "test"] as const) {
      const s = scoreExtraction(bench, half, extractor);
      console.log(`${extractor} ${half}: F1=${s.f1.toFixed(3)} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} accuracy=${s.accuracy.toFixed(3)} pages=${s.pages}`);
    }
  }
}
