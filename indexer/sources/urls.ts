// URL-list source: article URLs given inline or in a list (a local file or an http(s) URL), one a line.
import { readFile } from "node:fs/promises";
import type { Fetcher } from "../fetch.js";
import { readPages, resolveLink } from "./pages.js";
import type { SourceRead } from "./types.js";

/** URLs of a list's text: one a line; blank lines and `#` comments ignored. */
export function parseUrlList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line !== "");
}

/** Reads a URL-list source; if the list itself cannot be read, the whole source fails. */
export async function readUrlsSource(
  name: string,
  spec: { urls?: string[] | undefined; list?: string | undefined },
  fetcher: Fetcher,
): Promise<SourceRead> {
  const links = [...(spec.urls ?? [])];
  if (spec.list) {
    try {
      const isRemote = /^https?:\/\//i.test(spec.list);
      const text = isRemote ? (await fetcher(spec.list)).text : await readFile(spec.list, "utf8");
      links.push(...parseUrlList(text).map((l) => (isRemote ? resolveLink(l, spec.list!) : l)));
    } catch (err) {
      return { name, ok: false, error: `${spec.list}: ${(err as Error).message}` };
    }
  }
  return {
    name,
    ok: true,
    ...(await readPages(
      links.map((link) => ({ link })),
      fetcher,
    )),
  };
}
