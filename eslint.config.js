const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");

// Dependency direction (see README "Architecture"): a leak fails lint, not a code review.
const restrict = (files, message, patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }] },
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
  restrict(["src/shared/**"], "shared/ holds types only and imports nothing of ours.", [
    "**/policy/**", "**/office/**", "**/event/**", "**/taskpane/**", "**/i18n/**", "**/cli/**", "**/server/**", "**/playground/**",
  ]),
  restrict(["src/policy/**", "src/inspect/**", "src/approval/**"], "The engine is pure: no Office, no text, no runtime code.", [
    "**/office/**", "**/event/**", "**/taskpane/**", "**/i18n/**", "**/cli/**", "**/server/**", "**/playground/**",
  ]),
  restrict(["src/i18n/**"], "i18n turns codes into text; it must not reach Office or runtimes.", [
    "**/office/**", "**/event/**", "**/taskpane/**", "**/cli/**", "**/server/**",
  ]),
  restrict(["src/cli/**", "src/server/**"], "Node code must not import Office or browser code.", [
    "**/office/**", "**/event/**", "**/taskpane/**",
  ]),
  restrict(["src/office/**", "src/event/**", "src/taskpane/**"], "The add-in never imports the playground (its simulated Outlook).", [
    "**/playground/**",
  ]),
  restrict(["src/pages/**"], "Web pages run outside Outlook: no Office, handler or playground code.", [
    "**/office/**", "**/event/**", "**/playground/**", "**/server/**", "**/cli/**",
  ]),
  restrict(["src/office/**"], "office/ is the Office boundary; it must not reach UI or handlers.", [
    "**/event/**", "**/taskpane/**", "**/cli/**", "**/server/**", "**/playground/**",
  ]),
  restrict(["src/playground/**"], "The playground runs the built add-in (launchevent.js, taskpane.html); it must not import its source.", [
    "**/office/**", "**/event/**", "**/taskpane/**", "**/cli/**", "**/server/**",
  ]),
);
