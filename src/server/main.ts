import { buildApp } from "./app";
import { ConfigError, readConfig } from "./config";

/** The server process: configuration from the environment, listen, shut down cleanly on SIGTERM/SIGINT. */
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
  const app = buildApp({ distDir: config.distDir, https: config.https, playground: config.playground, logger: { level: "info" } });
  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(`Send Guard add-in files at ${address}/manifest.xml`);
  if (config.playground) app.log.info(`Playground (no Outlook needed) at ${address}/playground/`);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: shutting down`);
      void app.close().then(() => process.exit(0));
    });
  }
}

start().catch((error: unknown) => {
  process.stderr.write(`send-guard server: ${(error as Error).message}\n`);
  process.exit(1);
});
