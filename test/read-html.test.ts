// Reading .html articles: JSON-LD/meta metadata, body from the main content without page furniture.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readArticleFile } from "../indexer/read/index.js";
import { parseHtml } from "../indexer/read/html.js";

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/read/${name}`, import.meta.url));

describe("read › html", () => {
  it("takes metadata from JSON-LD inside @graph", async () => {
    const result = await readArticleFile(fixture("story.html"));
    assert.ok(result.ok, result.ok ? "" : result.reason);
    const article = result.articles[0];
    assert.equal(article?.title, "Night market reopens by the river");
    assert.equal(article?.author, "Ines Duarte");
    assert.equal(article?.publishedAt, "2026-05-02T19:00:00+02:00");
    assert.equal(article?.source, "The Riverside Echo");
    assert.equal(article?.url, "https://echo.example/2026/05/night-market");
    assert.match(article?.id ?? "", /^night-market-[0-9a-f]{10}$/);
  });

  it("keeps the four body paragraphs and nothing else", async () => {
    const result = await readArticleFile(fixture("story.html"));
    assert.ok(result.ok);
    const paragraphs = result.articles[0]?.paragraphs ?? [];
    assert.equal(paragraphs.length, 4, paragraphs.join("\n"));
    assert.match(paragraphs[0] ?? "", /^After two years/);
    assert.match(paragraphs[1] ?? "", /^“People kept asking/);
    assert.match(paragraphs[3] ?? "", /^Organisers expect/);
    const all = paragraphs.join("\n");
    for (const junk of ["Share on", "Lanterns over", "Related", "Sign up", "Home", "All rights reserved", "tracking"]) {
      assert.ok(!all.includes(junk), `"${junk}" leaked into the body`);
    }
  });

  it("falls back to <title> and the largest paragraph block on a page without article markup", () => {
    const html = `<html><head><title>Quiet page</title></head><body><div><p>${"Short menu. ".repeat(2)}</p></div>
      <div id="c"><p>The water board said the reservoir stood at ninety percent after the spring rains.</p>
      <p>Engineers will inspect the dam wall in June.</p></div></body></html>`;
    const article = parseHtml(html, "quiet.html");
    assert.equal(article?.title, "Quiet page");
    assert.deepEqual(article?.paragraphs.slice(-2), [
      "The water board said the reservoir stood at ninety percent after the spring rains.",
      "Engineers will inspect the dam wall in June.",
    ]);
  });

  it("keeps guillemets and low-high quotation marks in pages in other languages", () => {
    const body = `<p>« Nous reviendrons l'an prochain », a déclaré la maire devant la foule réunie sur la place du marché ce soir.</p>
      <p>„Wir sind sehr zufrieden“, sagte der Trainer nach dem Spiel im fast vollen Stadion am Samstagabend.</p>
      <p>‹ Petit › est un mot que les enfants répètent souvent pendant la fête du village chaque été.</p>`;
    const article = parseHtml(`<html lang="fr"><head><title>Fête</title></head><body><article>${body.repeat(2)}</article></body></html>`, "f.html");
    const all = article?.paragraphs.join("\n") ?? "";
    assert.ok(all.includes("« Nous reviendrons l'an prochain »"));
    assert.ok(all.includes("„Wir sind sehr zufrieden“"));
    assert.ok(all.includes("‹ Petit ›"));
  });

  it("returns no article for a page with no text", () => {
    assert.equal(parseHtml("<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "e.html"), null);
  });
});
