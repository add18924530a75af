/** @type {import('jest').Config} */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" }, module: { type: "commonjs" } }];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(ts|tsx)$": swc },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
  testTimeout: 30000,
};
