import * as fs from "node:fs";
import { formatPolicyErrors, isDomainOrSubdomain, parseAddress, parsePolicyText, type Policy } from "../policy";
import { DevIssuer } from "./auth/dev-issuer";
import { oidcIssuer, TokenVerifier, type IssuerSettings } from "./auth/verifier";
import { ConfigError, type ServerConfig } from "./config";
import { generateSigningKeyPem, loadSigningKey, type SigningKey } from "./review/approval-signer";
import { ReviewEventHub } from "./review/events";
import { NO_EMAIL, smtpNotifier, type Notifier } from "./review/mailer";
import type { ReviewRoutesOptions } from "./review/routes";
import { ReviewService } from "./review/service";
import type { LockOwner } from "./storage/data-lock";
import { openDatabase, type Database } from "./storage/database";
import { migrate } from "./storage/migrations";
import { ReviewStore } from "./storage/review-store";
import { MemoryStore } from "./storage/memory-store";

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** Everything the review API runs on, built from the configuration; `close` releases it in order. */
export interface Services {
  db: Database;
  service: ReviewService;
  routes: ReviewRoutesOptions;
  /** The policy file as written, served as /policy.json with the signing key added. */
  policyJson: Record<string, unknown>;
  policy: Policy;
  signingKey: SigningKey;
  close(): Promise<void>;
}

export function readPolicyFile(file: string): { json: Record<string, unknown>; policy: Policy } {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new ConfigError(`SEND_GUARD_POLICY: cannot read ${file}`);
  }
  const result = parsePolicyText(text);
  if (!result.ok) throw new ConfigError(`SEND_GUARD_POLICY (${file}): ${formatPolicyErrors(result.errors)}`);
  return { json: JSON.parse(text) as Record<string, unknown>, policy: result.policy };
}

/** The approval signing key in the database, created (and then shared by every instance) when there is none. */
export async function approvalSigningKey(store: ReviewStore): Promise<SigningKey> {
  return loadSigningKey(
    await store.signingKeyPem(() => {
      const pem = generateSigningKeyPem();
      return { pem, publicKeyHex: loadSigningKey(pem).publicKeyHex };
    }),
  );
}

function demoUsers(policy: Policy, extra: readonly string[]): { address: string; name?: string | undefined }[] {
  const users = new Map<string, string | undefined>();
  for (const reviewer of policy.review.reviewers) users.set(reviewer.address, reviewer.name);
  for (const admin of policy.review.admins) if (!users.has(admin)) users.set(admin, undefined);
  for (const address of extra) if (!users.has(address.toLowerCase())) users.set(address.toLowerCase(), undefined);
  return [...users].map(([address, name]) => ({ address, name }));
}

export interface ServiceOptions {
  database?: Database;
  /** The embedded database's folder lock was lost (another process may now write to it): the default rethrows, ending the process. */
  onLockLost?: (error: Error) => void;
}

export async function createServices(config: ServerConfig, log: Logger, options: ServiceOptions = {}): Promise<Services> {
  const { json, policy } = readPolicyFile(config.policyFile);
  const lock = {
    onWait: (owner: LockOwner | undefined) =>
      log.info(
        `the embedded database in ${config.dataDir} is locked${owner ? ` by process ${owner.pid} on ${owner.host}` : ""}: ` +
          "waiting for it to be released (a lock left by a stopped server expires within seconds)",
      ),
    onLost: (error: Error) => {
      log.error(`lost the lock on the embedded database in ${config.dataDir} (${error.message}): stopping`);
      if (options.onLockLost) options.onLockLost(error);
      else throw error;
    },
  };
  const db = options.database ?? (await openDatabase(config, { lock }));
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info(`database (${db.kind}): applied migrations ${applied.join(", ")}`);
    const store = new ReviewStore(db);
    const signingKey = await approvalSigningKey(store);
    const issuers: IssuerSettings[] = [];
    if (config.oidc) issuers.push(oidcIssuer(config.oidc));
    const devIssuer = config.devSignIn ? await DevIssuer.create() : undefined;
    if (devIssuer) issuers.push(devIssuer.settings());
    const verifier = new TokenVerifier(issuers);
    const onError = (error: Error, what: string) => log.error(`${what}: ${error.message}`);
    const notifier: Notifier = config.smtp ? smtpNotifier({ ...config.smtp, publicUrl: config.publicUrl }, onError) : NO_EMAIL;
    const service = new ReviewService({ store, policy: () => policy, signingKey, notifier, onBackgroundError: onError });
    const hub = new ReviewEventHub();
    await hub.start(db);

    const sweep = () => service.expireDue().catch((error: unknown) => onError(error as Error, "expiring overdue requests"));
    await sweep();
    const sweeper = setInterval(sweep, config.expirySweepSeconds * 1000);
    sweeper.unref();

    const users = demoUsers(policy, config.devUsers);
    const routes: ReviewRoutesOptions = {
      service,
      memories: new MemoryStore(db),
      verifier,
      hub,
      dev: devIssuer
        ? {
            issuer: devIssuer,
            users: () => users,
            mayUse: (email) => {
              const parsed = parseAddress(email);
              if (!parsed.ok) return false;
              return users.some((u) => u.address === parsed.key) || policy.internalDomains.some((domain) => isDomainOrSubdomain(parsed.domain, domain));
            },
          }
        : undefined,
      oidcClient: config.oidc?.clientId
        ? { clientId: config.oidc.clientId, authority: config.oidc.authority, scopes: config.oidc.scopes }
        : undefined,
    };
    let closed = false;
    return {
      db,
      service,
      routes,
      policyJson: json,
      policy,
      signingKey,
      async close() {
        if (closed) return;
        closed = true;
        clearInterval(sweeper);
        await hub.stop();
        notifier.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
