/** @type {import('jest').Config} */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" }, module: { type: "commonjs" } }];

// An ESM-only dependency (e.g. jose 6) would need `transformIgnorePatterns` plus an swc
// transform for its .js files: Jest's CommonJS loader cannot require ESM on Node 20.
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(ts|tsx)$": swc },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
  testTimeout: 30000,
};
