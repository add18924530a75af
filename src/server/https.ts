import type { ServerConfig } from "./config";

export type TlsFiles = { cert: Buffer; key: Buffer };

type DevCertsModule = { getHttpsServerOptions(): Promise<{ cert: Buffer | string; key: Buffer | string }> };

/**
 * The TLS certificate to serve with: the one given (SEND_GUARD_TLS_CERT / _KEY), else, with
 * SEND_GUARD_DEV_CERTS=on, office-addin-dev-certs' localhost certificate, which it creates
 * and trusts on first use so that Outlook accepts a sideloaded add-in; else plain HTTP.
 */
export async function resolveHttps(
  config: Pick<ServerConfig, "https" | "devCerts">,
  loadDevCerts: () => Promise<DevCertsModule> = () => import("office-addin-dev-certs"),
): Promise<TlsFiles | undefined> {
  if (config.https || !config.devCerts) return config.https;
  let module: DevCertsModule;
  try {
    module = await loadDevCerts();
  } catch {
    throw new Error("SEND_GUARD_DEV_CERTS=on needs the office-addin-dev-certs package (npm install)");
  }
  const options = await module.getHttpsServerOptions();
  return { cert: Buffer.from(options.cert), key: Buffer.from(options.key) };
}
