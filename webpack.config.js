// Builds the add-in's web pages: the task pane, the ribbon's function file and the browser preview.
// Production builds (npm run build) rewrite https://localhost:3000/ in manifest.xml to the production URL, set here once.
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
/** Where the built add-in is hosted. Set PORTFOLIO_SUMMARY_URL when building for your council's web server. */
const PRODUCTION_URL = process.env.PORTFOLIO_SUMMARY_URL || "https://portfolio-summary.example.org/";
const PORT = 3000;

/** The pages; another engineer may not have written an entry's files yet, so a missing entry is skipped. */
const PAGES = [
  { name: "taskpane", script: "src/taskpane/index.tsx", html: "src/taskpane/taskpane.html" },
  { name: "commands", script: "src/commands/commands.ts", html: "src/commands/commands.html" },
  { name: "report", script: "src/commands/report-page.ts", html: "src/commands/report.html" },
  { name: "preview", script: "src/preview/index.tsx", html: "src/preview/preview.html" },
];

function presentPages(root) {
  return PAGES.filter(
    (p) => fs.existsSync(path.join(root, p.script)) && fs.existsSync(path.join(root, p.html)),
  );
}

function productionUrl() {
  if (!/^https:\/\/[^/]+\/(.*\/)?$/.test(PRODUCTION_URL)) {
    throw new Error(`PORTFOLIO_SUMMARY_URL must be an https address ending in "/": got "${PRODUCTION_URL}".`);
  }
  return PRODUCTION_URL;
}

/** HTTPS options from office-addin-dev-certs; plain http (with a warning) when no certificate can be had. */
async function devServerTransport() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    console.warn(
      `Warning: no trusted development certificate (${error instanceof Error ? error.message : error}). ` +
        "Serving over http; Office will not load the add-in until you run `npx office-addin-dev-certs install`.",
    );
    return { type: "http" };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const root = __dirname;
  const production = argv.mode === "production";
  const pages = presentPages(root);
  const outDir = env.outDir ? path.resolve(env.outDir) : path.join(root, "dist");
  const serving = Boolean(env.WEBPACK_SERVE);

  const copies = [
    { from: "assets/icon-*.png", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      // Whole URLs first, then the bare origin (AppDomains lists origins without a trailing slash).
      transform: (content) =>
        production
          ? content
              .toString()
              .split(DEV_URL)
              .join(productionUrl())
              .split(DEV_URL.slice(0, -1))
              .join(new URL(productionUrl()).origin)
          : content.toString(),
    },
  ];
  // Only the preview (a page outside Office) needs a local office.js; the pane and commands use Microsoft's CDN.
  // The preview also runs Microsoft's Excel web library (the client an add-in has on Excel on the web) in a frame
  // of its own, with the in-memory Excel as its host.
  if (pages.some((p) => p.name === "preview")) {
    copies.push({ from: "src/preview/excel-client.html", to: "office-js/excel-client.html" });
    for (const file of ["office.js", "o15apptofilemappingtable.js", "excel-web-16.00.js"]) {
      // Already minified by Microsoft: marked so that the build does not minify it again.
      copies.push({
        from: `node_modules/@microsoft/office-js/dist/${file}`,
        to: `office-js/${file}`,
        info: { minimized: true },
      });
    }
  }

  return {
    context: root,
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    entry: Object.fromEntries(pages.map((p) => [p.name, `./${p.script}`])),
    output: { path: outDir, filename: "[name].[contenthash:8].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, loader: "esbuild-loader", options: { target: "es2020" } },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    plugins: [
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({ filename: `${p.name}.html`, template: `./${p.html}`, chunks: [p.name] }),
      ),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    performance: { hints: false },
    optimization: { minimize: production },
    devServer: serving
      ? {
          port: PORT,
          hot: true,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await devServerTransport(),
          static: { directory: path.join(root, "assets"), publicPath: "/assets" },
        }
      : undefined,
  };
};

module.exports.PRODUCTION_URL = PRODUCTION_URL;
module.exports.DEV_URL = DEV_URL;
module.exports.PAGES = PAGES;
