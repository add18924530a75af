const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");

// Dependency direction (see README "Architecture"): a leak fails lint, not a code review.
// Every folder of src/ says which other folders it may import; anything else is an error.
// Runtimes (what a bundle or a process starts from) never import each other; shared homes
// never import a runtime.
const RUNTIMES = ["event", "taskpane", "pages", "server", "cli", "playground"];
const MAY_IMPORT = {
  // shared homes, lowest first
  shared: [],
  util: [],
  policy: ["shared", "util"],
  inspect: ["policy", "shared", "util"],
  memory: ["policy", "shared", "util"],
  api: ["memory", "policy", "shared"],
  approval: ["api", "policy", "shared", "util"],
  views: ["policy", "shared", "util"],
  i18n: ["api", "policy", "shared", "util", "views"],
  attachments: ["inspect", "policy", "shared", "util"],
  office: ["policy", "shared", "util"],
  ui: ["api", "i18n", "policy", "shared", "util", "views"],
  // runtimes
  event: ["approval", "attachments", "i18n", "inspect", "memory", "office", "policy", "shared", "util", "views"],
  taskpane: ["api", "approval", "attachments", "i18n", "inspect", "memory", "office", "policy", "shared", "ui", "util", "views"],
  pages: ["api", "i18n", "policy", "shared", "ui", "util", "views"],
  server: ["api", "approval", "i18n", "memory", "policy", "shared", "util", "views"],
  cli: ["approval", "i18n", "inspect", "memory", "policy", "shared", "util", "views"],
  playground: ["api", "i18n", "memory", "policy", "shared", "util", "views"],
};
const FOLDERS = Object.keys(MAY_IMPORT);
const zones = FOLDERS.map((folder) => {
  const allowed = MAY_IMPORT[folder];
  const kind = RUNTIMES.includes(folder) ? "a runtime" : "a shared home";
  return {
    files: [`src/${folder}/**`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: FOLDERS.filter((other) => other !== folder && !allowed.includes(other)).flatMap((other) => [`**/${other}`, `**/${other}/**`]),
              message: `src/${folder} (${kind}) may import only ${allowed.length ? allowed.join(", ") : "nothing of ours"}: see README "Architecture" and eslint.config.js MAY_IMPORT.`,
            },
          ],
        },
      ],
    },
  };
});

module.exports = tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "coverage/", "test-artifacts/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always"],
    },
  },
  { files: ["**/*.js"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  ...zones,
  {
    // Office is reached through src/office only (the playground is the simulated Outlook that defines it).
    files: ["src/**"],
    ignores: ["src/office/**", "src/playground/**"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "MemberExpression[object.name='Office']", message: "Reach Office through src/office (README: Architecture)." }],
    },
  },
);
