// The article view: the whole article, with the hit's paragraph (and quote) highlighted and scrolled into view.
import { useEffect, useRef, useState } from "preact/hooks";
import { article, ApiError, isAbort, type ArticleResponse } from "./api.js";
import { formatDate } from "./format.js";
import { lastSearch } from "./state.js";

type Load = { status: "loading" } | { status: "ok"; data: ArticleResponse } | { status: "error"; error: ApiError };

/** Split a paragraph around the quoted words so they can be marked; `null` when the quote is not found verbatim. */
export function splitAround(text: string, quote: string): [string, string, string] | null {
  if (!quote) return null;
  let at = text.indexOf(quote);
  // Fall back to a case-blind match when lower-casing keeps the lengths (so the offsets still line up).
  const lower = text.toLowerCase();
  if (at < 0 && lower.length === text.length) at = lower.indexOf(quote.toLowerCase());
  return at < 0 ? null : [text.slice(0, at), text.slice(at, at + quote.length), text.slice(at + quote.length)];
}

function Paragraph({ text, position, target, quote }: { text: string; position: number; target: boolean; quote: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!target || !ref.current) return;
    ref.current.scrollIntoView({ block: "center" });
    ref.current.focus({ preventScroll: true });
  }, [target]);
  const parts = target ? splitAround(text, quote) : null;
  return (
    <p id={`p-${position}`} ref={ref} class={target ? "para para-hit" : "para"} tabIndex={target ? -1 : undefined} aria-current={target ? "true" : undefined}>
      {parts ? [parts[0], <mark key="q">{parts[1]}</mark>, parts[2]] : text}
    </p>
  );
}

/** Back to the last search of this tab (remembered by the search page; the referrer is not sent), else the start page. */
function BackLink() {
  return (
    <a class="back" href={`/${lastSearch()}`}>
      ‹ Back to search
    </a>
  );
}

/** `/article/:id?p=<paragraph>&quote=<quote id>`. */
export function ArticlePage({ id, params }: { id: string; params: URLSearchParams }) {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  useEffect(() => {
    const ctrl = new AbortController();
    article(id, ctrl.signal).then(
      (data) => setLoad({ status: "ok", data }),
      (e: unknown) => { if (!isAbort(e)) setLoad({ status: "error", error: e instanceof ApiError ? e : new ApiError(0, "error", String(e)) }); },
    );
    return () => ctrl.abort();
  }, [id]);
  const target = Number.parseInt(params.get("p") ?? "", 10);

  if (load.status !== "ok") {
    const message = load.status === "loading" ? "Loading the article…" : load.error.status === 404 ? "This article is not in the index (any more)." : "The article cannot be loaded right now; please try again in a moment.";
    return (
      <div class="article-layout">
        <header class="masthead"><BackLink /><a class="brand" href="/">onrecord</a></header>
        <main>
          <p class={load.status === "error" ? "notice notice-error" : "notice"} role={load.status === "error" ? "alert" : "status"}>{message}</p>
        </main>
      </div>
    );
  }
  const { article: a, paragraphs, quotes } = load.data;
  const quote = quotes.find((q) => q.id === params.get("quote"))?.text ?? "";
  const date = formatDate(a.publishedAt);
  document.title = `${a.title} · onrecord`;
  return (
    <div class="article-layout">
      <header class="masthead"><BackLink /><a class="brand" href="/">onrecord</a></header>
      <main>
        <article class="article">
          <h1>{a.title}</h1>
          <p class="hit-meta">
            {a.source ? <span class="hit-source">{a.source}</span> : null}
            {date ? <time dateTime={a.publishedAt}>{date}</time> : null}
            {a.author ? <span>{a.author}</span> : null}
            {a.url ? <a href={a.url} rel="noopener noreferrer">Original</a> : null}
          </p>
          {paragraphs.map((p) => <Paragraph key={p.id} text={p.text} position={p.position} target={p.position === target} quote={quote} />)}
        </article>
      </main>
    </div>
  );
}
