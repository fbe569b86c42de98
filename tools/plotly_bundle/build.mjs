// Builds the site's plotly.js: the core plus the trace types in traces.json, minified.
// Usage: node build.mjs [output file]  (default: ../../book/_static/plotly-lab.min.js)
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const traces = JSON.parse(readFileSync(join(here, "traces.json"), "utf8"));
const version = JSON.parse(readFileSync(join(here, "node_modules/plotly.js/package.json"), "utf8")).version;
const outfile = resolve(process.argv[2] ?? join(here, "../../book/_static/plotly-lab.min.js"));

// scatter lives in plotly's core; every other trace type is registered explicitly.
const registered = traces.filter((t) => t !== "scatter");
const entry = [
  "var Plotly = require('plotly.js/lib/core');",
  `Plotly.register([${registered.map((t) => `require('plotly.js/lib/${t}')`).join(", ")}]);`,
  "module.exports = Plotly;",
].join("\n");

await build({
  stdin: { contents: entry, resolveDir: here, sourcefile: "entry.js" },
  bundle: true,
  minify: true,
  format: "iife",
  globalName: "Plotly",
  // The same definitions plotly.js's own build uses.
  define: { global: "window", "define.amd": "false", "process.env.NODE_DEBUG": "false" },
  target: "es2016",
  // Only map traces need maplibre's stylesheet, and the book draws none.
  loader: { ".css": "empty" },
  legalComments: "none",
  banner: { js: `/*! plotly.js v${version} (MIT), partial bundle: ${traces.join(", ")} */` },
  outfile,
  logLevel: "warning",
});
writeFileSync(outfile.replace(/\.min\.js$/, ".traces.json"), JSON.stringify({ version, traces }) + "\n");
console.log(`wrote ${outfile}`);
