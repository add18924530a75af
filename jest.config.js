/** @type {import('jest').Config} */
const swc = ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" }, module: { type: "commonjs" } }];

const esmToCjs = ["@swc/jest", { module: { type: "commonjs" } }];

// jose 6, @stablelib, unzipit, htmlparser2 (and its entities) and zip.js are ESM-only, and Jest's CommonJS loader cannot require ESM on Node 20: transform it.
// PGlite's CommonJS build uses dynamic import(): `npm run test:unit` sets --experimental-vm-modules.
const common = {
  transform: { "^.+\\.(ts|tsx)$": swc, "^.+/node_modules/(jose|@stablelib|unzipit|@zip\\.js|htmlparser2|entities|domhandler|domelementtype|domutils|dom-serializer)/.+\\.js$": esmToCjs },
  transformIgnorePatterns: ["/node_modules/(?!(jose|@stablelib|unzipit|@zip\\.js|htmlparser2|entities|domhandler|domelementtype|domutils|dom-serializer)/)"],
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
};

module.exports = {
  projects: [
    // Everything that runs in Node: the engine, the handler on the Office simulator, the server, the browsers (e2e).
    { ...common, displayName: "node", testEnvironment: "node", roots: ["<rootDir>/test"], testMatch: ["**/*.test.ts"] },
    // React components on their own, in jsdom (React Testing Library).
    { ...common, displayName: "dom", testEnvironment: "jsdom", roots: ["<rootDir>/test"], testMatch: ["**/*.test.tsx"], setupFilesAfterEnv: ["<rootDir>/test/support/setup-dom.ts"] },
  ],
  testTimeout: 30000,
  // One worker per core, not Jest's default of one fewer: many suites mostly wait (timers of the
  // Office simulator, child processes, the browser), so on a 2-core machine a second worker
  // halves the run (measured: 255 s with one worker, 153-170 s with two, no test slower to fail).
  maxWorkers: "100%",
};
