// Bundles the search page with esbuild into src/page/dist/ (hashed, minified assets + index.html) and reports gzipped sizes.
import { build } from "esbuild";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const pageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "src", "page");
/** Where the built page goes; `src/routes/page.ts` serves it. */
export const distDir = join(pageDir, "dist");
/** The budget for shipped JavaScript, gzipped. */
export const jsBudgetBytes = 50 * 1024;

/** What a build produced: asset file names and gzipped sizes in bytes. */
export interface PageBuild {
  js: string;
  css: string;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/** Build the page; throws when the JavaScript goes over budget. */
export async function buildPage(outDir = distDir): Promise<PageBuild> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, "assets"), { recursive: true });
  const result = await build({
    entryPoints: [join(pageDir, "main.tsx"), join(pageDir, "style.css")],
    outdir: join(outDir, "assets"),
    entryNames: "[name]-[hash]",
    bundle: true,
    minify: true,
    format: "esm",
    target: ["chrome109", "firefox115", "safari16"],
    jsx: "automatic",
    jsxImportSource: "preact",
    sourcemap: false,
    metafile: true,
    legalComments: "none",
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs);
  const js = outputs.find((f) => f.endsWith(".js"));
  const css = outputs.find((f) => f.endsWith(".css"));
  if (!js || !css) throw new Error(`esbuild produced no JS or CSS: ${outputs.join(", ")}`);
  const template = await readFile(join(pageDir, "index.html"), "utf8");
  await writeFile(join(outDir, "index.html"), template.replace("{{js}}", basename(js)).replace("{{css}}", basename(css)));
  const gz = async (file: string) => gzipSync(await readFile(file), { level: 9 }).length;
  const built = { js: basename(js), css: basename(css), jsGzipBytes: await gz(js), cssGzipBytes: await gz(css) };
  if (built.jsGzipBytes > jsBudgetBytes) throw new Error(`page JS is ${built.jsGzipBytes} bytes gzipped, over the ${jsBudgetBytes} budget`);
  return built;
}

async function main(): Promise<void> {
  const b = await buildPage();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`page built: ${b.js} ${kb(b.jsGzipBytes)} gzipped, ${b.css} ${kb(b.cssGzipBytes)} gzipped (JS budget ${kb(jsBudgetBytes)})`);
}

// No top-level await: mocha may load this module through a CommonJS transform.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
