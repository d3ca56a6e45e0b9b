// The extraction benchmark's scoring method (4-token shingles, per-page normalised tp/fp/fn), for in-process runs.

/** Per-page precision and recall, as the benchmark defines them (null when undefined for that page). */
export interface PageScore {
  precision: number | null;
  recall: number | null;
  exact: boolean;
}

function shingles(text: string, n = 4): { bag: Map<string, number>; tokens: string[] } {
  const tokens = text.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];
  const bag = new Map<string, number>();
  if (tokens.length === 0) return { bag, tokens };
  const count = tokens.length < n ? 1 : tokens.length - n + 1;
  for (let i = 0; i < count; i++) {
    const key = tokens.slice(i, i + Math.min(n, tokens.length)).join("\u0001");
    bag.set(key, (bag.get(key) ?? 0) + 1);
  }
  return { bag, tokens };
}

/** Scores one predicted body against the gold body. */
export function scorePage(gold: string, predicted: string): PageScore {
  const a = shingles(gold);
  const b = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...a.bag.keys(), ...b.bag.keys()])) {
    const x = a.bag.get(key) ?? 0;
    const y = b.bag.get(key) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const exact = a.tokens.join(" ") === b.tokens.join(" ");
  if (fp === 0 && fn === 0) return { precision: 1, recall: 1, exact };
  return { precision: tp + fp ? tp / (tp + fp) : null, recall: tp + fn ? tp / (tp + fn) : null, exact };
}

/** Corpus figures: mean precision, mean recall, F1 of those means, share of exact pages. */
export function summarise(scores: PageScore[]): { f1: number; precision: number; recall: number; accuracy: number } {
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  const precision = mean(scores.map((s) => s.precision).filter((x): x is number => x !== null));
  const recall = mean(scores.map((s) => s.recall).filter((x): x is number => x !== null));
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall, accuracy: scores.length ? scores.filter((s) => s.exact).length / scores.length : 0 };
}
