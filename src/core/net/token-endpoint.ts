/**
 * The one client for token endpoints (the identity sources, Chainguard's STS, ACR's exchange):
 * send, retry under the service's rules, turn an answer that is not a token into one status error
 * (ServiceStatus) whose quotes of the service's text are clipped and redacted of everything the
 * request carried, and read the token answer, masking it before anything else happens.
 */
import type { Clock } from '../clock.js';
import { LoginError } from '../errors.js';
import { isRecord, jsonObject } from '../json.js';
import { clip } from '../text.js';
import { HttpFailure } from './failure.js';
import type { HttpRequest, HttpResponse } from './http.js';
import { delayFor, retrying, type RetryRules } from './retry.js';

/** What a call to a token endpoint needs from the step: its transport, time, and where to report. */
export interface EndpointContext {
  send: (request: HttpRequest) => Promise<HttpResponse>;
  clock: Clock;
  signal?: AbortSignal;
  /** Masks a secret in every later log line; called the moment a token is parsed. */
  mask: (secret: string) => void;
  debug: (message: string) => void;
}

/**
 * How a service spells an error answer: OAuth's `{error, error_description}` (or `{message}`),
 * grpc-gateway's `{code, message}` (Chainguard's STS), or the registry API's `{errors: [{code,
 * message}]}` (ACR).
 */
export type ErrorDialect = 'oauth' | 'grpc' | 'registry';

/** A complete HTTP answer that is not a token. */
export class ServiceStatus extends Error {
  constructor(
    readonly response: HttpResponse,
    /** "HTTP 400 (invalid_request: …)", "HTTP 403 PermissionDenied: …", "HTTP 401 UNAUTHORIZED: …", for messages. */
    readonly summary: string,
    /** The service's error code, when it gave one. */
    readonly code: string,
    /** The service's description, clipped, when it gave one. */
    readonly description: string
  ) {
    super(summary);
    this.name = 'ServiceStatus';
  }
}

const GRPC_CODES: Record<number, string> = {
  3: 'InvalidArgument',
  5: 'NotFound',
  7: 'PermissionDenied',
  13: 'Internal',
  14: 'Unavailable',
  16: 'Unauthenticated'
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Reads an error answer in `dialect`. Every piece quoted is clipped and redacted of what the request carried (`response.secrets`). */
export function serviceStatus(response: HttpResponse, dialect: ErrorDialect = 'oauth'): ServiceStatus {
  const body = jsonObject(response.body);
  const secrets = response.secrets ?? [];
  const status = `HTTP ${response.status}`;
  if (dialect === 'grpc') {
    const code = typeof body?.code === 'number' ? (GRPC_CODES[body.code] ?? `code ${body.code}`) : '';
    const message = clip(text(body?.message), 300, secrets);
    return new ServiceStatus(response, `${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`, code, message);
  }
  if (dialect === 'registry') {
    const first = Array.isArray(body?.errors) ? (isRecord(body.errors[0]) ? body.errors[0] : undefined) : body;
    const code = text(first?.code) || text(first?.error);
    const message = text(first?.message) || text(first?.error_description);
    const detail = clip([code, message].filter(Boolean).join(': '), 300, secrets);
    return new ServiceStatus(response, `${status}${detail ? ` ${detail}` : ''}`, code, message);
  }
  const code = clip(text(body?.error) || text(body?.code), 100, secrets);
  const description = clip(text(body?.error_description) || text(body?.message) || text(body?.Message), 300, secrets);
  const detail = [code, description].filter(Boolean).join(': ');
  return new ServiceStatus(response, `${status}${detail ? ` (${detail})` : ''}`, code, description);
}

/** One service's endpoint: how to ask it once, how it answers errors, and which failures are worth another try. */
export interface EndpointCall {
  /** Names the service in the debug line before each retry ("IMDS", "STS", "ACR exchange", …). */
  label: string;
  /** Sends one attempt (`attempt` counts from 1) and returns the answer. */
  attempt: (attempt: number) => Promise<HttpResponse>;
  /** The answers that are a success (default 200). */
  ok?: readonly number[];
  dialect?: ErrorDialect;
  rules: RetryRules;
  /**
   * A service's own rule, asked before `rules` (IMDS's 410 and silence budgets): a delay, undefined
   * to give up, or 'rules' to let `rules` decide.
   */
  retry?: (error: unknown, attempt: number, elapsedMs: number) => number | undefined | 'rules';
}

/** Calls the endpoint until it answers with success or its rules say to stop; throws the last failure (HttpFailure or ServiceStatus). */
export function callEndpoint(call: EndpointCall, context: EndpointContext): Promise<HttpResponse> {
  const ok = call.ok ?? [200];
  return retrying({
    clock: context.clock,
    signal: context.signal,
    run: async (n) => {
      const response = await call.attempt(n);
      if (ok.includes(response.status)) return response;
      throw serviceStatus(response, call.dialect);
    },
    retryAfter: (error, n, elapsed) => {
      const own = call.retry?.(error, n, elapsed) ?? 'rules';
      return own === 'rules' ? delayFor(call.rules, error, n, context.clock) : own;
    },
    onRetry: (error, n, delay) =>
      context.debug(
        `${call.label} attempt ${n} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`
      )
  });
}

/** Throws a ServiceStatus unless the answer's status is one of `ok`. */
export function expectStatus(response: HttpResponse, ok: readonly number[] = [200], dialect: ErrorDialect = 'oauth'): HttpResponse {
  if (ok.includes(response.status)) return response;
  throw serviceStatus(response, dialect);
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
export function abortedAs(error: unknown, context: { signal?: AbortSignal }): Error | undefined {
  if (!context.signal?.aborted) return undefined;
  return error instanceof Error ? error : new Error(String(error));
}

/** An access token and, when the service said, its expiry. */
export interface AccessToken {
  token: string;
  expiresAt?: Date;
}

/**
 * Reads an OAuth-style token answer (`access_token`, `expires_on` or `expires_in`), masking the
 * token before anything else happens. `elsewhere` explains a 200 that is not a token answer.
 */
export function accessTokenFrom(response: HttpResponse, context: EndpointContext, call: string, elsewhere: string): AccessToken {
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
export function maskLongValues(body: Record<string, unknown> | undefined, context: Pick<EndpointContext, 'mask'>): void {
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
