// The run planner, as a pure function: what is new, changed, unchanged, removed or kept, and why.
import assert from "node:assert/strict";
import { revisionOf } from "../indexer/chunk.js";
import { planCounts, planRun, type IndexedArticle } from "../indexer/reindex-plan.js";
import type { SourceRead } from "../indexer/sources/types.js";
import type { Article } from "../indexer/types.js";

const article = (id: string, text = `Text of ${id}.`, origin = `dir/${id}.txt`): Article => ({
  id,
  title: `Title ${id}`,
  paragraphs: [text],
  origin,
});
const indexed = (a: Article, sourceName: string | undefined, revision = revisionOf(a)): IndexedArticle => ({
  articleId: a.id,
  revision,
  ...(sourceName ? { sourceName } : {}),
  ...(a.origin ? { origin: a.origin } : {}),
});
const ok = (name: string, articles: Article[], skipped: string[] = []): SourceRead => ({
  name,
  ok: true,
  articles,
  skipped: skipped.map((path) => ({ path, reason: "binary file" })),
});
const down = (name: string): SourceRead => ({ name, ok: false, error: "HTTP 500" });
const index = (...entries: IndexedArticle[]) => new Map(entries.map((e) => [e.articleId, e]));
const pruneAll = new Map<string, { prune: boolean }>();

describe("reindex plan", () => {
  it("classifies articles as new, changed or unchanged by content hash", () => {
    const [a, b, c] = [article("a"), article("b"), article("c")];
    const plan = planRun(
      [ok("s", [a, { ...b, paragraphs: ["Edited."] }, c])],
      index(indexed(b, "s"), indexed(c, "s")),
      pruneAll,
    );
    assert.deepEqual(
      plan.read.map((r) => `${r.article.id}:${r.status}`),
      ["a:new", "b:changed", "c:unchanged"],
    );
    assert.deepEqual(planCounts(plan), { seen: 3, new: 1, changed: 1, unchanged: 1, removed: 0 });
    assert.deepEqual(plan.relabel, []);
  });

  it("relabels unchanged articles indexed without this source or from another file", () => {
    const [a, b] = [article("a"), article("b")];
    const plan = planRun(
      [ok("s", [a, b])],
      index(indexed(a, undefined), { ...indexed(b, "s"), origin: "old/b.txt" }),
      pruneAll,
    );
    assert.deepEqual(
      plan.relabel.map((r) => r.article.id),
      ["a", "b"],
    );
    assert.equal(planCounts(plan).unchanged, 2);
  });

  it("removes an article gone from a source read successfully", () => {
    const [a, gone] = [article("a"), article("gone")];
    const plan = planRun([ok("s", [a])], index(indexed(a, "s"), indexed(gone, "s")), pruneAll);
    assert.deepEqual(
      plan.removed.map((r) => r.articleId),
      ["gone"],
    );
  });

  it("keeps what it cannot be sure is gone: failed source, skipped file, no source, pruning off, other source", () => {
    const [x, bad, loose, rolling, other] = ["x", "bad", "loose", "rolling", "other"].map((id) =>
      article(id),
    );
    const plan = planRun(
      [down("feed"), ok("dir", [], ["dir/bad.txt"]), ok("wire", [])],
      index(
        indexed(x!, "feed"),
        indexed(bad!, "dir"),
        indexed(loose!, undefined),
        indexed(rolling!, "wire"),
        indexed(other!, "removed-from-config"),
      ),
      new Map([["wire", { prune: false }]]),
    );
    assert.deepEqual(plan.removed, []);
    assert.deepEqual(plan.kept.map((k) => k.articleId).sort(), ["bad", "loose", "other", "rolling", "x"]);
  });

  it("takes an id given by two sources from the first, and reports the second", () => {
    const first = article("dup", "First version.");
    const second = article("dup", "Second version.", "feed/dup");
    const plan = planRun([ok("one", [first]), ok("two", [second])], index(), pruneAll);
    assert.deepEqual(
      plan.read.map((r) => [r.sourceName, r.article.paragraphs[0]]),
      [["one", "First version."]],
    );
    assert.deepEqual(plan.duplicates, [{ articleId: "dup", source: "two" }]);
  });

  it("does not remove an article that moved to another source", () => {
    const a = article("a");
    const plan = planRun([ok("old", []), ok("new", [a])], index(indexed(a, "old")), pruneAll);
    assert.deepEqual(plan.removed, []);
    assert.deepEqual(
      plan.relabel.map((r) => r.sourceName),
      ["new"],
    );
  });
});
