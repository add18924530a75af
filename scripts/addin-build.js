/**
 * Build settings and generated add-in files for webpack.config.js.
 * Reads SEND_GUARD_ORIGIN, SEND_GUARD_POLICY, SEND_GUARD_SEND_MODE, SEND_GUARD_ADDIN_ID and
 * SEND_GUARD_APPROVAL_KEYS, validates them, and produces dist/manifest.xml, dist/policy.json and
 * the well-known file.
 */
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const TEMPLATE_ORIGIN = "https://localhost:3000";
const SEND_MODES = ["SoftBlock", "Block"];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class BuildSettingError extends Error {}

function parseOrigin(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new BuildSettingError(`SEND_GUARD_ORIGIN "${value}" is not a URL; use e.g. https://sendguard.example.co.jp`);
  }
  if (url.protocol !== "https:") throw new BuildSettingError(`SEND_GUARD_ORIGIN must use https: (Outlook loads add-ins only over HTTPS), got "${value}"`);
  if (url.pathname !== "/" || url.search || url.hash || url.username || url.password) {
    throw new BuildSettingError(`SEND_GUARD_ORIGIN must be an origin only (scheme, host, optional port), got "${value}"`);
  }
  return url.origin;
}

/** The policy engine compiled by `npm run build:node` (build/ is produced before webpack runs). */
function loadEngine() {
  const enginePath = path.join(ROOT, "build/policy/index.js");
  if (!fs.existsSync(enginePath)) throw new BuildSettingError("build/policy is missing: run `npm run build` (it compiles the engine first)");
  return require(enginePath);
}

const APPROVAL_KEY = /^[0-9a-f]{64}$/;

/**
 * SEND_GUARD_APPROVAL_KEYS: the review server's Ed25519 public keys (64 hex characters each,
 * separated by commas or spaces; `npm run -s approval-key` prints the server's), or `none`.
 * Returns the keys, or null for `none`.
 */
function parseApprovalKeys(value) {
  const text = (value || "").trim();
  if (text.toLowerCase() === "none") return null;
  const keys = text.split(/[\s,]+/).filter(Boolean).map((key) => key.toLowerCase());
  for (const key of keys) {
    if (!APPROVAL_KEY.test(key)) {
      throw new BuildSettingError(`SEND_GUARD_APPROVAL_KEYS: "${key}" is not an approval key (64 hex characters, an Ed25519 public key as \`npm run -s approval-key\` prints it)`);
    }
  }
  return keys;
}

/** The rules (and the not-inspected setting) that ask for a reviewer's approval. */
function reviewLevels(policy) {
  const named = Object.entries(policy.rules)
    .filter(([, level]) => level === "review")
    .map(([code]) => code);
  if (policy.exposure.smallSet.level === "review") named.push("exposure.smallSet.level");
  if (policy.inspection.notInspected === "review") named.push("inspection.notInspected");
  return named;
}

/**
 * The policy to build in, with the approval keys the handler needs to verify an approval when
 * Outlook cannot fetch policy.json at Send (issue 15): the file's own `approvalKeys` and those
 * of SEND_GUARD_APPROVAL_KEYS. A policy that asks for review with no key known is an error:
 * approved mail would stay blocked whenever policy.json cannot be fetched.
 */
function withApprovalKeys(policyPath, policyText, parsed, env) {
  const file = JSON.parse(policyText);
  const given = parseApprovalKeys(env.SEND_GUARD_APPROVAL_KEYS);
  const keys = [...new Set([...parsed.approvalKeys, ...(given || [])])];
  const asking = reviewLevels(parsed);
  if (asking.length > 0 && keys.length === 0 && given !== null) {
    throw new BuildSettingError(
      `${policyPath} asks for a reviewer's approval (${asking.join(", ")}) but no approval key is known, so an approved message would stay ` +
        "blocked whenever Outlook cannot fetch policy.json at Send. Set SEND_GUARD_APPROVAL_KEYS to the review server's public key " +
        "(`npm run -s approval-key` prints it, run with the server's database settings), or SEND_GUARD_APPROVAL_KEYS=none to verify approvals " +
        "only with the policy.json the server serves (README \"Build for your origin\").",
    );
  }
  if (keys.length === parsed.approvalKeys.length) return { policyText, policy: file, approvalKeys: keys };
  const policy = { ...file, approvalKeys: keys };
  return { policyText: `${JSON.stringify(policy, null, 2)}\n`, policy, approvalKeys: keys };
}

function readSettings(env = process.env) {
  const origin = parseOrigin(env.SEND_GUARD_ORIGIN || TEMPLATE_ORIGIN);
  const sendMode = env.SEND_GUARD_SEND_MODE || "SoftBlock";
  if (!SEND_MODES.includes(sendMode)) throw new BuildSettingError(`SEND_GUARD_SEND_MODE must be one of ${SEND_MODES.join(", ")}, got "${sendMode}"`);
  const addinId = env.SEND_GUARD_ADDIN_ID || "";
  if (addinId && !GUID.test(addinId)) throw new BuildSettingError(`SEND_GUARD_ADDIN_ID must be a GUID, got "${addinId}"`);

  const policyPath = path.resolve(ROOT, env.SEND_GUARD_POLICY || "policy.json");
  if (!fs.existsSync(policyPath)) throw new BuildSettingError(`SEND_GUARD_POLICY file not found: ${policyPath}`);
  const policyText = fs.readFileSync(policyPath, "utf8");
  const { parsePolicyText, formatPolicyErrors, sealPolicy } = loadEngine();
  const result = parsePolicyText(policyText);
  if (!result.ok) throw new BuildSettingError(`${policyPath} is not a valid Send Guard policy: ${formatPolicyErrors(result.errors)}`);
  const built = withApprovalKeys(policyPath, policyText, result.policy, env);
  // Built in validated and normalised (policy/sealed.ts): loading the event bundle then builds no schemas.
  const sealed = parsePolicyText(built.policyText);
  if (!sealed.ok) throw new BuildSettingError(`${policyPath} with the approval keys added is not valid: ${formatPolicyErrors(sealed.errors)}`);
  return { origin, sendMode, addinId, policyPath, policyText: built.policyText, policy: built.policy, sealedPolicy: sealPolicy(sealed.policy), approvalKeys: built.approvalKeys };
}

function renderManifest(settings) {
  let xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  xml = xml.split(TEMPLATE_ORIGIN).join(settings.origin);
  xml = xml.replace(/(<LaunchEvent Type="OnMessageSend"[^>]*SendMode=")[A-Za-z]+(")/, `$1${settings.sendMode}$2`);
  if (settings.addinId) xml = xml.replace(/<Id>[^<]*<\/Id>/, `<Id>${settings.addinId}</Id>`);
  return xml;
}

/** Classic Outlook's JavaScript-only runtime may fetch only from origins that list its script here. */
function renderWellKnown(settings) {
  return `${JSON.stringify({ allowed: [`${settings.origin}/launchevent.js`] }, null, 2)}\n`;
}

/** webpack plugin that emits the generated files next to the bundles. */
class AddinFilesPlugin {
  constructor(settings) {
    this.settings = settings;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("AddinFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "AddinFilesPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset("manifest.xml", new RawSource(renderManifest(this.settings)));
        compilation.emitAsset(".well-known/microsoft-officeaddins-allowed.json", new RawSource(renderWellKnown(this.settings)));
        compilation.emitAsset("policy.json", new RawSource(this.settings.policyText));
        compilation.emitAsset("help.html", new RawSource(fs.readFileSync(path.join(ROOT, "scripts/help.html"))));
        for (const file of fs.readdirSync(path.join(ROOT, "assets"))) {
          compilation.emitAsset(`assets/${file}`, new RawSource(fs.readFileSync(path.join(ROOT, "assets", file))));
        }
        compilation.fileDependencies.add(path.join(ROOT, "manifest.xml"));
        compilation.fileDependencies.add(this.settings.policyPath);
      });
    });
  }
}

module.exports = { readSettings, parseApprovalKeys, renderManifest, renderWellKnown, AddinFilesPlugin, BuildSettingError, TEMPLATE_ORIGIN };
