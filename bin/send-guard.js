#!/usr/bin/env node
// Admin CLI entry point: `npx send-guard check [--policy FILE] [--json] FILE...`
const path = require("node:path");
const fs = require("node:fs");

const compiled = path.join(__dirname, "../build/cli/send-guard.js");
if (!fs.existsSync(compiled)) {
  process.stderr.write("send-guard: the CLI is not built yet; run `npm run build` first\n");
  process.exit(2);
}
require(compiled)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`send-guard: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  });
