// Polite HTTP fetching for feed and page sources: http(s) only, timeout, size cap, per-host limit, retries.

/** Why a fetch failed, in a form a run report can show. */
export type FetchErrorCode =
  | "bad_url"
  | "unsupported_protocol"
  | "timeout"
  | "too_large"
  | "too_many_redirects"
  | "http_status"
  | "network";

/** A fetch that could not produce a body; `transient` errors were retried before being thrown. */
export class FetchError extends Error {
  readonly code: FetchErrorCode;
  readonly url: string;
  readonly status: number | undefined;

  constructor(
    code: FetchErrorCode,
    url: string,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(`${url}: ${message}`, { cause: options.cause });
    this.name = "FetchError";
    this.code = code;
    this.url = url;
    this.status = options.status;
  }

  /** Worth another try: the network, a timeout, or a status the server may not give next time. */
  get transient(): boolean {
    if (this.code === "network" || this.code === "timeout") return true;
    return this.code === "http_status" && this.status !== undefined && TRANSIENT_STATUS.has(this.status);
  }
}

const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** A fetched body with the URL it finally came from (after redirects). */
export interface Fetched {
  url: string;
  status: number;
  contentType: string;
  text: string;
}

/** Limits of a fetcher; every field has a default. */
export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  perHostConcurrency: number;
  maxRedirects: number;
  /** Tries after the first one, for transient failures only. */
  retries: number;
  /** First backoff delay; doubles on each retry, with jitter. */
  backoffMs: number;
  userAgent: string;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  perHostConcurrency: 2,
  maxRedirects: 5,
  retries: 2,
  backoffMs: 500,
  userAgent: "onrecord-indexer/0.1 (+https://github.com/onrecord; news search indexer)",
};

/** Fetches one URL's text, or throws a `FetchError`. */
export type Fetcher = (url: string) => Promise<Fetched>;

/** Builds a fetcher with `options` over the defaults; its per-host limits are shared by all its calls. */
export function createFetcher(options: Partial<FetchOptions> = {}): Fetcher {
  const opts: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, ...options };
  const hosts = new Map<string, Semaphore>();
  const slotFor = (host: string): Semaphore => {
    let slot = hosts.get(host);
    if (!slot) hosts.set(host, (slot = new Semaphore(opts.perHostConcurrency)));
    return slot;
  };
  return async (url) => {
    const host = checkUrl(url).host;
    return slotFor(host).run(() => withRetries(() => fetchFollowing(url, opts), opts));
  };
}

/** Parses `raw` and refuses anything but http(s). */
export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new FetchError("bad_url", raw, "not a valid URL", { cause });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("unsupported_protocol", raw, `only http and https are fetched, not ${url.protocol}`);
  }
  return url;
}

async function withRetries<T>(attempt: () => Promise<T>, opts: FetchOptions): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof FetchError) || !err.transient || tries >= opts.retries) throw err;
      const delay = opts.backoffMs * 2 ** tries * (0.75 + Math.random() * 0.5);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** One attempt: follows up to `maxRedirects` redirects by hand so each hop is checked, all under one timeout. */
async function fetchFollowing(start: string, opts: FetchOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let url = checkUrl(start).href;
  for (let hop = 0; ; hop++) {
    const res = await request(url, opts, signal);
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      if (hop >= opts.maxRedirects)
        throw new FetchError("too_many_redirects", start, `more than ${opts.maxRedirects} redirects`);
      url = checkUrl(new URL(location, url).href).href;
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new FetchError("http_status", url, `HTTP ${res.status}`, { status: res.status });
    }
    const text = await readCapped(res, url, opts);
    return { url, status: res.status, contentType: res.headers.get("content-type") ?? "", text };
  }
}

async function request(url: string, opts: FetchOptions, signal: AbortSignal): Promise<Response> {
  try {
    return await fetch(url, {
      redirect: "manual",
      signal,
      headers: {
        "user-agent": opts.userAgent,
        accept:
          "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.5",
      },
    });
  } catch (cause) {
    throw abortOr(cause, url, opts);
  }
}

/** Reads the body as UTF-8 text, giving up as soon as it passes `maxBytes` (the declared length is checked first). */
async function readCapped(res: Response, url: string, opts: FetchOptions): Promise<string> {
  const { maxBytes } = opts;
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new FetchError("too_large", url, `body of ${declared} bytes is over the ${maxBytes}-byte cap`);
  }
  if (!res.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new FetchError("too_large", url, `body is over the ${maxBytes}-byte cap`);
      }
      chunks.push(value);
    }
  } catch (cause) {
    if (cause instanceof FetchError) throw cause;
    throw abortOr(cause, url, opts);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}

function abortOr(cause: unknown, url: string, opts: Pick<FetchOptions, "timeoutMs">): FetchError {
  const name = (cause as { name?: string } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return new FetchError("timeout", url, `no complete answer within ${opts.timeoutMs} ms`, { cause });
  }
  const detail = (cause as { cause?: { code?: string } } | null)?.cause?.code ?? (cause as Error).message;
  return new FetchError("network", url, `network error (${detail})`, { cause });
}

/** A counting semaphore: at most `limit` tasks run at once, the rest wait in order. */
class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
