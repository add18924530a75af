import { buildApp } from "./app";
import { ConfigError, readConfig } from "./config";
import { resolveHttps } from "./https";
import { approvalSigningKey, createServices } from "./services";
import { ReviewStore } from "./storage/review-store";
import { openDatabase } from "./storage/database";
import { migrate } from "./storage/migrations";

/** `--migrate`: apply the database migrations and exit (as the tables' owner role; see deploy/postgres-roles.sql). */
async function migrateOnly(): Promise<void> {
  const config = readConfig(process.env);
  const db = await openDatabase(config, { lock: { onLost: () => process.exit(1) } });
  try {
    const applied = await migrate(db);
    process.stdout.write(applied.length > 0 ? `applied migrations ${applied.join(", ")}\n` : "the database is up to date\n");
  } finally {
    await db.close();
  }
}

/**
 * `--approval-key`: print the public key the server signs approvals with (created in the
 * database when there is none yet, exactly as the server's start would), for the add-in build's
 * SEND_GUARD_APPROVAL_KEYS. Reads the same settings as the server (SEND_GUARD_DATA, DATABASE_URL).
 */
async function approvalKeyOnly(): Promise<void> {
  const config = readConfig(process.env);
  const db = await openDatabase(config, { lock: { onLost: () => process.exit(1) } });
  try {
    await migrate(db);
    process.stdout.write(`${(await approvalSigningKey(new ReviewStore(db))).publicKeyHex}\n`);
  } finally {
    await db.close();
  }
}

/** The server process: configuration from the environment, database, listen, clean shutdown on SIGTERM/SIGINT. */
async function start(): Promise<void> {
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`send-guard server: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = {
    info: (message: string) => process.stdout.write(`${message}\n`),
    error: (message: string) => process.stderr.write(`${message}\n`),
  };
  let services;
  try {
    // Another process may now write to the embedded database: stop at once rather than write beside it.
    services = await createServices(config, log, { onLockLost: () => process.exit(1) });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`send-guard server: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const built = (services.policyJson.approvalKeys as string[] | undefined) ?? [];
  if (!built.includes(services.signingKey.publicKeyHex)) {
    log.info(
      `note: ${config.policyFile} does not list this server's approval key (${services.signingKey.publicKeyHex}); policy.json is served with it, ` +
        "but an add-in built without it cannot verify approvals when Outlook cannot fetch policy.json at Send: " +
        "build with SEND_GUARD_APPROVAL_KEYS set to it (README \"Build for your origin\")",
    );
  }
  const https = await resolveHttps(config);
  const app = buildApp({ distDir: config.distDir, https, playground: config.playground, services, logger: { level: "info" } });
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(`Send Guard add-in files at ${address}/manifest.xml`);
  app.log.info(`Database: ${config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded, in ${config.dataDir}`}`);
  app.log.info(`Reviewer page at ${address}/review/ · audit at ${address}/admin/`);
  if (config.devSignIn) app.log.info("Development sign-in is on (loopback only): pick a demo user on the pages");
  if (config.playground) app.log.info(`Playground (no Outlook needed) at ${address}/playground/`);

  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      app.log.info(`${signal}: finishing requests in flight, then closing the database`);
      // Requests already accepted complete (and their writes commit) before the database closes.
      // A keep-alive connection whose request finishes during shutdown turns idle only then:
      // close such connections as they turn idle instead of waiting for the keep-alive timeout.
      const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
      void app
        .close()
        .finally(() => clearInterval(closeIdle))
        .then(() => services.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`send-guard server: shutdown failed: ${(error as Error).message}\n`);
            process.exit(1);
          },
        );
    });
  }
}

(process.argv.includes("--migrate") ? migrateOnly() : process.argv.includes("--approval-key") ? approvalKeyOnly() : start()).catch((error: unknown) => {
  process.stderr.write(`send-guard server: ${(error as Error).message}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
