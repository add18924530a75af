/** @type {import('jest').Config} */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" }, module: { type: "commonjs" } }];

const esmToCjs = ["@swc/jest", { module: { type: "commonjs" } }];

// jose 6, @stablelib, unzipit, htmlparser2 (and its entities) and zip.js are ESM-only, and Jest's CommonJS loader cannot require ESM on Node 20: transform it.
// PGlite's CommonJS build uses dynamic import(): `npm run test:unit` sets --experimental-vm-modules.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(ts|tsx)$": swc, "^.+/node_modules/(jose|@stablelib|unzipit|@zip\\.js|htmlparser2|entities|domhandler|domelementtype|domutils|dom-serializer)/.+\\.js$": esmToCjs },
  transformIgnorePatterns: ["/node_modules/(?!(jose|@stablelib|unzipit|@zip\\.js|htmlparser2|entities|domhandler|domelementtype|domutils|dom-serializer)/)"],
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
  testTimeout: 30000,
};
