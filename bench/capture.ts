// A recording loopback proxy in front of Meilisearch: the API is pointed at it once per benchmark query, so the
// direct-to-Meilisearch baseline replays exactly the requests the API sends (path, body, key), nothing guessed.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the API made to Meilisearch. */
export interface Recorded {
  method: string;
  path: string;
  body: string;
  headers: Record<string, string>;
}

/** The proxy: its URL, what it recorded since the last `take()`, and `close()`. */
export interface CaptureProxy {
  url: string;
  take(): Recorded[];
  close(): Promise<void>;
}

const KEEP = ["authorization", "content-type", "accept-encoding"];

/** Starts a proxy to `target` on a free loopback port. */
export async function startCapture(target: string): Promise<CaptureProxy> {
  let recorded: Recorded[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(KEEP.filter((k) => req.headers[k] !== undefined).map((k) => [k, String(req.headers[k])]));
      recorded.push({ method: req.method ?? "GET", path: req.url ?? "/", body: body.toString("utf8"), headers });
      const up = http.request(`${target}${req.url ?? "/"}`, { method: req.method, headers: { ...headers, "content-length": body.length }, agent }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on("error", () => res.writeHead(502).end());
      up.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take: () => {
      const out = recorded;
      recorded = [];
      return out;
    },
    close: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
