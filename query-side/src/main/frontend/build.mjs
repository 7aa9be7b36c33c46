// Builds the pages' static files into the directory given as the first argument (Maven passes
// query-side/target/classes): the govuk-frontend styles compiled with a system font (no GDS
// Transport, which is only for GOV.UK), govuk-frontend's and ECharts' scripts, Calon's chart
// script, and the DejaVu fonts that the PDF reports embed.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error("usage: node build.mjs OUTPUT_DIRECTORY");
  process.exit(2);
}
const staticDir = join(out, "static", "calon");
const fontDir = join(out, "calon", "fonts");
mkdirSync(staticDir, { recursive: true });
mkdirSync(fontDir, { recursive: true });

const css = compile(join(here, "styles.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "slash-div"],
});
writeFileSync(join(staticDir, "calon.css"), css.css);

const copies = [
  ["node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", staticDir, "govuk-frontend.min.js"],
  ["node_modules/echarts/dist/echarts.min.js", staticDir, "echarts.min.js"],
  ["charts.js", staticDir, "charts.js"],
  ["node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf", fontDir, "DejaVuSans.ttf"],
  ["node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf", fontDir, "DejaVuSans-Bold.ttf"],
];
for (const [from, dir, name] of copies) {
  copyFileSync(join(here, from), join(dir, name));
}
console.log(`calon-pages: styles, scripts and fonts written to ${out}`);
