/** What every identity-token source shares: the token it returns and the context it runs in. */
import type { Clock } from '../clock.js';
import type { HttpRequest, HttpResponse } from '../http.js';

/** A user-assigned managed identity, chosen by exactly one of three inputs. */
export interface IdentitySelector {
  kind: 'client-id' | 'object-id' | 'resource-id';
  value: string;
  /** The input as the user writes it on this platform, for messages. */
  inputLabel: string;
}

export interface AzureToken {
  token: string;
  /** When the source said the token expires, if it said. */
  expiresAt?: Date;
}

/**
 * What the job's own platform can hand a source: its OIDC token (GitHub) or its access token
 * (Azure Pipelines). Each is absent where the job does not run on that platform. Values returned
 * are secrets; the adapter masks them before returning.
 */
export interface PlatformIdentity {
  /** GitHub Actions: the job's OIDC token for `audience` (`@actions/core` `getIDToken`). */
  githubIdToken?: (audience: string) => Promise<string>;
  /** Azure Pipelines: the job's access token (`System.AccessToken`), or undefined when the job has none. */
  azureDevOpsAccessToken?: () => string | undefined;
  /** Azure Pipelines: a pipeline variable (e.g. `System.OidcRequestUri`), or undefined. */
  variable?: (name: string) => string | undefined;
}

export interface SourceContext {
  send: (request: HttpRequest) => Promise<HttpResponse>;
  /** Told about something the user should see (e.g. a setting meant for tests only). */
  warn?: (message: string) => void;
  clock: Clock;
  signal?: AbortSignal;
  /** Masks a secret in every later log line; called the moment a token is parsed. */
  mask: (secret: string) => void;
  debug: (message: string) => void;
  env: NodeJS.ProcessEnv;
  /** What the platform offers (empty for the command-line tool). */
  platform?: PlatformIdentity;
}

export interface TokenSource {
  /** Short name for logs, e.g. "IMDS". */
  readonly name: string;
  /** Where it asks, for logs and for a timeout's message (never carries a secret). */
  readonly endpoint: string;
  getToken(resource: string, context: SourceContext): Promise<AzureToken>;
}

/** The `identity-source` values: `auto`, or one source. */
export const SOURCE_CHOICES = ['auto', 'imds', 'app-service', 'arc', 'workload-identity', 'token-file', 'github', 'azure-devops'] as const;
export type SourceChoice = (typeof SOURCE_CHOICES)[number];
export type SourceKind = Exclude<SourceChoice, 'auto'>;
/** The sources that ask Azure for a token for `azure-audience`. */
export const AZURE_SOURCES = ['workload-identity', 'app-service', 'arc', 'imds'] as const satisfies readonly SourceKind[];

/** An identity token as a source returns it (masked already). */
export type IdentityToken = AzureToken;

/** A source chosen for this job: asks once per call, with everything it needs bound in. */
export interface IdentitySource {
  readonly kind: SourceKind;
  /** Short name for logs, e.g. "App Service / Container Apps identity endpoint". */
  readonly name: string;
  /** Where it asks (a URL or a file path), for logs and a timeout's message; never a secret. */
  readonly endpoint: string;
  /** What it returns, for messages: "Azure token", "GitHub OIDC token", … */
  readonly tokenName: string;
  /** The `resource` an Azure source asks for (azure-audience). */
  readonly resource?: string;
  getToken(context: SourceContext): Promise<IdentityToken>;
}

/** Anything that starts like a JWT (`eyJ`: base64url of `{"`), up to three base64url parts. */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){0,2}/g;
const REDACTED = '[redacted]';

/**
 * Removes secrets from text a service sent, before it goes into any message: each of `secrets`
 * (what the request carried: a header, a key, the token presented; as sent or encoded) and
 * anything shaped like a JWT, whole or cut short.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 8) continue;
    // As sent, and as a service may quote it back: form- or URL-encoded, or escaped in JSON.
    const forms = new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1)
    ]);
    for (const form of [...forms].sort((a, b) => b.length - a.length)) result = result.split(form).join(REDACTED);
  }
  return result.replace(JWT_LIKE, REDACTED);
}

/**
 * Text from a service, made fit for a message: secrets removed (see redact), then one line,
 * printable, at most `max` characters. Every piece of service text that reaches a message goes
 * through here.
 */
export function clip(text: string, max = 300, secrets: readonly (string | undefined)[] = []): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = redact(text, secrets)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
