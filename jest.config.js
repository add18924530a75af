/** @type {import('jest').Config} */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" }, module: { type: "commonjs" } }];

// ESM-only dependencies that Jest's CommonJS loader cannot require on Node 20: transpile them.
const ESM_ONLY = ["content-disposition"];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(ts|tsx)$": swc, [`^.+/node_modules/(${ESM_ONLY.join("|")})/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join("|")})/)`],
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
  testTimeout: 30000,
};
