// Re-indexing test fixtures: original sample articles written to a temp folder, and a local HTTP server for feeds and pages.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PLACES = [
  "Harrowgate",
  "Millbrook",
  "Quenford",
  "Ashcombe",
  "Tillwater",
  "Brenmoor",
  "Kestrel Bay",
  "Orlin Vale",
];
const TOPICS = [
  "bridge repairs",
  "library hours",
  "river cleanup",
  "school buses",
  "market stalls",
  "harbour dredging",
  "tram timetable",
  "park lighting",
];
const NAMES = [
  "Ilse Navarro",
  "Tomas Okafor",
  "Wren Halvorsen",
  "Priya Castellano",
  "Dmitri Abara",
  "Lena Fairweather",
];

/** Body paragraphs of sample article `n` (version `v`): invented local news, with one attributed quote. */
export function articleParagraphs(n: number, v = 1): string[] {
  const place = PLACES[n % PLACES.length]!;
  const topic = TOPICS[(n * 3) % TOPICS.length]!;
  const name = NAMES[n % NAMES.length]!;
  const tag = `zq${n}x`;
  return [
    `The council of ${place} voted on Tuesday to review its plan for ${topic}, item ${tag} on the agenda.`,
    `"We have listened to every neighbour who wrote to us," ${name} said after the vote.`,
    `Residents will see the first changes next month, according to a notice posted at the town hall (revision ${v}).`,
  ];
}

/** The `.txt` file text of sample article `n`, version `v`. */
export function articleText(n: number, v = 1): string {
  return [
    `---`,
    `title: Council in ${PLACES[n % PLACES.length]} reviews plan number ${n}`,
    `id: sample-${n}`,
    `---`,
    ...articleParagraphs(n, v),
    "",
  ].join("\n");
}

/** An HTML page for sample article `n`, as a news site would serve it. */
export function articleHtml(n: number, v = 1, url = ""): string {
  const paragraphs = articleParagraphs(n, v)
    .map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
    .join("\n");
  return `<!doctype html><html><head><title>Web story ${n}</title>${url ? `<link rel="canonical" href="${url}">` : ""}</head>
<body><nav><a href="/">Home</a></nav><article><h1>Web story ${n} about ${PLACES[n % PLACES.length]}</h1>${paragraphs}</article>
<footer>Sign up for our newsletter</footer></body></html>`;
}

/** A temp folder holding sample articles `0..count-1`; `remove()` deletes it. */
export async function articleFolder(
  count: number,
): Promise<{ dir: string; write(n: number, v?: number): Promise<string>; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "onrecord-reindex-"));
  const write = async (n: number, v = 1) => {
    const path = join(dir, `article-${String(n).padStart(3, "0")}.txt`);
    await writeFile(path, articleText(n, v));
    return path;
  };
  for (let n = 0; n < count; n++) await write(n);
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** What a route answers; a function can decide per request. */
export interface Route {
  status?: number;
  type?: string;
  body?: string;
  headers?: Record<string, string>;
  delayMs?: number;
}

/** A local HTTP server on 127.0.0.1 with a free port, answering from a mutable route table; counts hits per path. */
export interface FixtureServer {
  url: string;
  routes: Map<string, Route | ((req: IncomingMessage) => Route)>;
  hits: Map<string, number>;
  requests: IncomingMessage[];
  /** Most requests answered at the same time so far. */
  maxInFlight(): number;
  close(): Promise<void>;
}

export async function fixtureServer(): Promise<FixtureServer> {
  const routes: FixtureServer["routes"] = new Map();
  const hits = new Map<string, number>();
  const requests: IncomingMessage[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "/").split("?")[0]!;
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    res.on("close", () => inFlight--);
    hits.set(path, (hits.get(path) ?? 0) + 1);
    requests.push(req);
    const found = routes.get(path);
    const route = typeof found === "function" ? found(req) : (found ?? { status: 404, body: "not here" });
    const answer = () => {
      res.writeHead(route.status ?? 200, {
        "content-type": route.type ?? "text/html; charset=utf-8",
        ...route.headers,
      });
      res.end(route.body ?? "");
    };
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    hits,
    requests,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An RSS 2.0 feed listing `links`. */
export function rssFeed(links: string[]): string {
  const items = links.map(
    (l, i) =>
      `<item><title>Item ${i}</title><link>${l}</link><guid isPermaLink="true">${l}</guid><pubDate>Mon, 02 Nov 2026 10:0${i % 10}:00 GMT</pubDate></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Sample wire</title><link>http://example.test/</link><description>Invented news</description>${items.join("")}</channel></rss>`;
}

/** An Atom feed listing `links`. */
export function atomFeed(links: string[]): string {
  const entries = links.map(
    (l, i) =>
      `<entry><title>Entry ${i}</title><id>tag:example.test,2026:${i}</id><link rel="alternate" href="${l}"/><updated>2026-11-02T10:00:00Z</updated></entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Sample atom</title><id>tag:example.test,2026:feed</id><updated>2026-11-02T10:00:00Z</updated>${entries.join("")}</feed>`;
}
