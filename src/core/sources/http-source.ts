/**
 * What the sources that ask an HTTP endpoint share, following the conventions IMDS set: endpoints
 * taken from the environment are checked (https, or plain http only on loopback), answers that
 * are not a token become a `ServiceStatus`, retries follow the provider's documented policy with
 * `Retry-After` honoured, and every failure is explained in one message that names the call.
 */
import { LoginError } from '../errors.js';
import { HttpFailure, jsonObject, retryAfterMs, type HttpResponse } from '../http.js';
import { isLoopback } from '../loopback.js';
import { backoffMs, retrying } from '../retry.js';
import { clip, type AzureToken, type SourceContext } from './source.js';

/** A complete HTTP answer that is not a token. */
export class ServiceStatus extends Error {
  constructor(
    readonly response: HttpResponse,
    /** "HTTP 400 (invalid_request: …)", for messages. */
    readonly summary: string,
    /** The service's error code (`error`, or `code`), when it gave one. */
    readonly code: string,
    /** The service's description, clipped, when it gave one. */
    readonly description: string
  ) {
    super(summary);
    this.name = 'ServiceStatus';
  }
}

/**
 * Reads an error answer: OAuth's `{error, error_description}`, or `{message}` / `{Message}`. Every
 * piece quoted is clipped and redacted of what the request carried (`response.secrets`).
 */
export function serviceStatus(response: HttpResponse): ServiceStatus {
  const body = jsonObject(response.body);
  const secrets = response.secrets ?? [];
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const code = clip(text(body?.error) || text(body?.code), 100, secrets);
  const description = clip(text(body?.error_description) || text(body?.message) || text(body?.Message), 300, secrets);
  const detail = [code, description].filter(Boolean).join(': ');
  return new ServiceStatus(response, `HTTP ${response.status}${detail ? ` (${detail})` : ''}`, code, description);
}

/** Which answers a provider documents as worth another try, and how often. */
export interface RetryPolicy {
  statuses: readonly number[];
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  capMs: number;
}

/**
 * Microsoft's SDKs for the managed-identity endpoints other than IMDS (App Service, Arc):
 * 404, 408, 429 and 5xx, three retries, `Retry-After` honoured.
 */
export const MANAGED_IDENTITY_RETRIES: RetryPolicy = {
  statuses: [404, 408, 429, 500, 502, 503, 504],
  retries: 3,
  baseMs: 1_000,
  capMs: 8_000
};
/** Token services on the internet (Entra ID, Azure DevOps): throttling and server errors only. */
export const TOKEN_SERVICE_RETRIES: RetryPolicy = { statuses: [408, 429, 500, 502, 503, 504], retries: 3, baseMs: 1_000, capMs: 8_000 };
const MAX_RETRY_AFTER_MS = 60_000;

/** The delay before another attempt under `policy`, or undefined to give up. */
export function retryDelay(policy: RetryPolicy, error: unknown, attempt: number, context: SourceContext): number | undefined {
  const { clock } = context;
  if (error instanceof HttpFailure) {
    // A connection that opened and then stalled or broke is worth another try; one that never
    // opened means there is no endpoint there, and waiting will not change that.
    const transient = error.kind === 'timeout' || error.kind === 'reset';
    return transient && attempt <= 2 ? backoffMs(attempt, 1_000, 4_000, clock.random) : undefined;
  }
  if (!(error instanceof ServiceStatus)) return undefined;
  const status = error.response.status;
  if (!policy.statuses.includes(status) || attempt > policy.retries) return undefined;
  let delay = backoffMs(attempt, policy.baseMs, policy.capMs, clock.random);
  const asked = retryAfterMs(error.response.headers, clock.now());
  if (asked !== undefined) delay = Math.max(delay, Math.min(asked, MAX_RETRY_AFTER_MS));
  if (status >= 500) delay = Math.max(delay, 1_000);
  return delay;
}

/** Runs `attempt` under `policy`, with a debug line before each retry. */
export function withRetries<T>(policy: RetryPolicy, label: string, context: SourceContext, attempt: (n: number) => Promise<T>): Promise<T> {
  return retrying({
    clock: context.clock,
    signal: context.signal,
    run: attempt,
    retryAfter: (error, n) => retryDelay(policy, error, n, context),
    onRetry: (error, n, delay) =>
      context.debug(`${label} attempt ${n} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`)
  });
}

/** Throws a ServiceStatus unless the answer's status is one of `ok`. */
export function expectStatus(response: HttpResponse, ok: readonly number[] = [200]): HttpResponse {
  if (ok.includes(response.status)) return response;
  throw serviceStatus(response);
}

/**
 * One message for a request that got no complete answer. `absent` says what it means when
 * nothing listens there (the source is not really available on this machine).
 */
export function explainNetworkFailure(call: string, error: HttpFailure, absent: string): LoginError {
  switch (error.kind) {
    case 'refused':
    case 'connect-timeout':
    case 'unreachable':
      return new LoginError(`${call}: ${error.message}. ${absent}`);
    case 'too-large':
      return new LoginError(`${call}: ${error.message}; a token response is a few kilobytes, so something else answered.`);
    default:
      return new LoginError(`${call}: ${error.message}.`);
  }
}

/** The failure as it is when the step's own timeout cut it short, else undefined. */
export function abortedAs(error: unknown, context: SourceContext): Error | undefined {
  if (!context.signal?.aborted) return undefined;
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Reads an OAuth-style token answer (`access_token`, `expires_on` or `expires_in`), masking the
 * token before anything else happens. `elsewhere` explains a 200 that is not a token answer.
 */
export function accessTokenFrom(response: HttpResponse, context: SourceContext, call: string, elsewhere: string): AzureToken {
  const body = jsonObject(response.body);
  const token = body?.access_token;
  if (typeof token !== 'string' || token.length === 0) {
    maskLongValues(body, context);
    const what = body ? 'JSON without an access_token' : 'not JSON';
    throw new LoginError(`${call}: it answered ${response.status} with a body that is ${what}. ${elsewhere}`);
  }
  context.mask(token);
  return { token, expiresAt: expiryFrom(body ?? {}, context.clock.now()) };
}

/** Masks every long string of an unexpected answer, in case it carries a token in another shape. */
export function maskLongValues(body: Record<string, unknown> | undefined, context: SourceContext): void {
  if (body) for (const value of Object.values(body)) if (typeof value === 'string' && value.length > 20) context.mask(value);
}

/**
 * The token's expiry from `expires_on` (epoch seconds or a date string) or `expires_in`;
 * undefined when neither gives a valid time.
 */
export function expiryFrom(body: Record<string, unknown>, now: number): Date | undefined {
  const valid = (ms: number): Date | undefined => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms) : undefined);
  const on = body.expires_on;
  if (typeof on === 'number' || (typeof on === 'string' && /^\d+$/.test(on.trim()))) {
    const at = valid(Number(on) * 1000);
    if (at) return at;
  } else if (typeof on === 'string' && on.trim()) {
    const at = valid(Date.parse(on));
    if (at) return at;
  }
  const inSeconds = body.expires_in;
  if (typeof inSeconds === 'number' || (typeof inSeconds === 'string' && /^\d+$/.test(inSeconds.trim()))) {
    return valid(now + Number(inSeconds) * 1000);
  }
  return undefined;
}

/**
 * An endpoint URL read from the environment variable `variable`, under the issuer's rule:
 * https, or plain http only on a loopback address; no credentials, no fragment.
 */
export function endpointFromEnvironment(raw: string, variable: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new LoginError(`${variable} is not a URL; it is set by the platform, so check what overrides it in this job.`);
  }
  if (url.username || url.password) throw new LoginError(`${variable} must not carry credentials.`);
  if (url.hash) throw new LoginError(`${variable} must not have a fragment.`);
  if (url.protocol === 'http:') {
    if (!isLoopback(url.hostname)) {
      throw new LoginError(
        `${variable} (${url.origin}) uses plain http off this machine; only https, or http on a loopback address, is accepted. ` +
          `Check what sets ${variable} in this job.`
      );
    }
  } else if (url.protocol !== 'https:') {
    throw new LoginError(`${variable} must be an https URL (or http on a loopback address), not ${url.protocol}.`);
  }
  return url;
}

/** Endpoints on this machine are reached directly; anything else follows the proxy settings. */
export function routeFor(url: URL): 'direct' | 'environment' {
  return isLoopback(url.hostname) ? 'direct' : 'environment';
}
