#!/usr/bin/env node
/**
 * `npm start` builds only when something the build reads has changed since the last build:
 * the sources (src, types, scripts, assets), the build and TypeScript configuration, the
 * dependencies (package-lock.json), manifest.xml, the policy file, and the build settings
 * (SEND_GUARD_ORIGIN, SEND_GUARD_POLICY, SEND_GUARD_SEND_MODE, SEND_GUARD_ADDIN_ID,
 * SEND_GUARD_APPROVAL_KEYS, SEND_GUARD_OUT). Their digest is kept beside the build
 * (dist/.build-inputs); `npm run build` writes it. SEND_GUARD_REBUILD=1 (or `npm run build`)
 * forces a build.
 *
 * Without SEND_GUARD_APPROVAL_KEYS, the build carries the key of the server `npm start` is about
 * to run: `node build/server/main.js --approval-key` reads it from the same database (creating it
 * there when the database is new), so approvals are verified even when Outlook cannot fetch
 * policy.json at Send.
 *
 *   node scripts/build-if-stale.js          build when stale, else say it is up to date
 *   node scripts/build-if-stale.js --stamp  record the inputs of the build just made
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");
const DIRECTORIES = ["src", "types", "scripts", "assets"];
const FILES = ["webpack.config.js", "tsconfig.json", "tsconfig.node.json", "package.json", "package-lock.json", "manifest.xml"];
const SETTINGS = ["SEND_GUARD_ORIGIN", "SEND_GUARD_POLICY", "SEND_GUARD_SEND_MODE", "SEND_GUARD_ADDIN_ID", "SEND_GUARD_APPROVAL_KEYS", "SEND_GUARD_OUT"];

function walk(dir, out) {
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** The digest of everything the build reads, for `root` and the given environment. */
function inputsDigest(root = ROOT, env = process.env) {
  const hash = crypto.createHash("sha256");
  const policy = path.resolve(root, env.SEND_GUARD_POLICY || "policy.json");
  const files = [...DIRECTORIES.flatMap((d) => walk(path.join(root, d), [])), ...FILES.map((f) => path.join(root, f)), policy];
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : "(missing)");
    hash.update("\0");
  }
  for (const name of SETTINGS) hash.update(`${name}=${env[name] ?? ""}\0`);
  return hash.digest("hex");
}

function outputs(root = ROOT, env = process.env) {
  const dist = path.resolve(root, env.SEND_GUARD_OUT || "dist");
  return { dist, stamp: path.join(dist, ".build-inputs"), required: [path.join(dist, "commands.js"), path.join(dist, "launchevent.js"), path.join(root, "build/server/main.js")] };
}

/** True when the last build was made from exactly these inputs and its files are all there. */
function upToDate(root = ROOT, env = process.env) {
  if (env.SEND_GUARD_REBUILD && env.SEND_GUARD_REBUILD !== "0") return false;
  const { stamp, required } = outputs(root, env);
  if (!required.every((f) => fs.existsSync(f)) || !fs.existsSync(stamp)) return false;
  return fs.readFileSync(stamp, "utf8").trim() === inputsDigest(root, env);
}

function writeStamp(root = ROOT, env = process.env) {
  const { dist, stamp } = outputs(root, env);
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(stamp, `${inputsDigest(root, env)}\n`);
}

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** The public key the local server signs approvals with (from its database; see the header). */
function serverApprovalKey(env) {
  const main = path.join(ROOT, "build/server/main.js");
  // A server compiled before `--approval-key` existed would start instead of answering: compile first.
  if (!fs.existsSync(main) || !fs.readFileSync(main, "utf8").includes("--approval-key")) {
    const compiled = spawnSync(NPM, ["run", "-s", "build:node"], { cwd: ROOT, stdio: "inherit", env });
    if (compiled.status !== 0) throw new Error("compiling the server failed");
  }
  const result = spawnSync(process.execPath, [main, "--approval-key"], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
  const key = (result.stdout || "").trim();
  if (result.status !== 0 || !/^[0-9a-f]{64}$/.test(key)) {
    throw new Error(`could not read the server's approval key from its database: ${(result.stderr || "").trim() || `exit ${result.status}`}`);
  }
  return key;
}

module.exports = { inputsDigest, upToDate, writeStamp };

if (require.main === module) {
  if (process.argv.includes("--stamp")) {
    writeStamp();
  } else {
    const env = { ...process.env };
    if (!env.SEND_GUARD_APPROVAL_KEYS) env.SEND_GUARD_APPROVAL_KEYS = serverApprovalKey(env);
    if (upToDate(ROOT, env)) {
      process.stdout.write("send-guard: the build is up to date (SEND_GUARD_REBUILD=1 or `npm run build` to rebuild)\n");
    } else {
      process.stdout.write("send-guard: building (sources, settings or dependencies changed since the last build)\n");
      const result = spawnSync(NPM, ["run", "build"], { cwd: ROOT, stdio: "inherit", env });
      process.exitCode = result.status ?? 1;
    }
  }
}
