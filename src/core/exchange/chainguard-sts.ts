/**
 * Chainguard's security token service: exchanges an OIDC token (Azure's, a pipeline's, a
 * Kubernetes service account's) for a token of an assumable identity. Parameters travel
 * form-encoded; a JSON body would be ignored. A refused token is a typed TokenRefused: the caller
 * adds the setup doctor's advice (advice/trust.ts), which this module knows nothing of.
 */
import { LoginError } from '../errors.js';
import { jsonObject } from '../json.js';
import { decodeClaims, ExpiryRefused, issuedExpiry } from '../jwt.js';
import { HttpFailure } from '../net/failure.js';
import type { HttpResponse } from '../net/http.js';
import type { RetryRules } from '../net/retry.js';
import { callEndpoint, ServiceStatus, type EndpointContext } from '../net/token-endpoint.js';

const LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 256 * 1024 };
/** Chainguard's SDK retries only Unavailable (503, and 502 or 504 from a proxy): three attempts, quickly. */
const STS_RETRIES: RetryRules = {
  statuses: [502, 503, 504],
  retries: 2,
  backoff: { baseMs: 150, capMs: 1_000 },
  network: { kinds: ['reset', 'refused'], retries: 2, backoff: { baseMs: 150, capMs: 1_000 } }
};

export interface ExchangeRequest {
  /** STS base URL, without a trailing slash. */
  issuer: string;
  identity: string;
  /** The token's audience: the registry host, or the API's. */
  audience: string;
  /** The token to present (masked already). */
  subjectToken: string;
  /** What the presented token is, for messages ("Azure token", "GitHub OIDC token", …; default an Azure token). */
  tokenName?: string;
  /** The inputs that name the identity and the audience, as the user writes them, for messages. */
  identityInput: string;
  audienceInput: string;
}

export interface ChainguardToken {
  token: string;
  expiresAt: Date;
}

/** The STS refused the presented token (401 or 403): its claims do not match the identity. */
export class TokenRefused extends LoginError {
  constructor(
    message: string,
    readonly request: ExchangeRequest
  ) {
    super(message);
    this.name = 'TokenRefused';
  }
}

/** Exchanges `subjectToken` for a Chainguard token. */
export async function exchangeAtChainguard(request: ExchangeRequest, context: EndpointContext): Promise<ChainguardToken> {
  const url = new URL(`${request.issuer}/sts/exchange`);
  const tokenName = request.tokenName ?? 'Azure token';
  const call = `Could not exchange the ${tokenName} at Chainguard's STS (${url.origin}${url.pathname})`;
  context.debug(
    `Exchanging the ${tokenName} at ${url.origin}${url.pathname} for identity ${request.identity}, audience ${request.audience}`
  );
  let response: HttpResponse;
  try {
    response = await callEndpoint(
      { label: 'STS', rules: STS_RETRIES, dialect: 'grpc', attempt: () => attempt(url, request, context) },
      context
    );
  } catch (error) {
    if (context.signal?.aborted) throw error;
    throw explain(error, call, request);
  }
  const token = jsonObject(response.body)?.token;
  if (typeof token !== 'string' || token.length === 0) {
    const what = jsonObject(response.body) ? 'JSON without a token' : 'not JSON';
    throw new LoginError(`${call}: it answered 200 with a body that is ${what}. Check the issuer input: it must name Chainguard's STS.`);
  }
  context.mask(token);
  return { token, expiresAt: expiryOf(token, call, context.clock.now()) };
}

/** The issued token's expiry, refused when it has none or an implausible one. */
function expiryOf(token: string, call: string, now: number): Date {
  let expiresAt: Date | undefined;
  try {
    expiresAt = issuedExpiry(decodeClaims(token), now, 'the token it returned');
  } catch (error) {
    if (!(error instanceof ExpiryRefused)) throw error;
    const check = error.clock
      ? "the issuer input (it must name Chainguard's STS) and this machine's clock"
      : "the issuer input: it must name Chainguard's STS";
    throw new LoginError(`${call}: ${error.message}. Check ${check}.`);
  }
  if (!expiresAt) {
    throw new LoginError(
      `${call}: the token it returned is not a JWT with an expiry. Check the issuer input: it must name Chainguard's STS.`
    );
  }
  return expiresAt;
}

function attempt(url: URL, request: ExchangeRequest, context: EndpointContext): Promise<HttpResponse> {
  return context.send({
    url,
    method: 'POST',
    headers: {
      Authorization: `Bearer ${request.subjectToken}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json'
    },
    body: new URLSearchParams({ aud: request.audience, identity: request.identity }).toString(),
    secrets: [request.subjectToken],
    route: 'environment',
    ...LIMITS,
    signal: context.signal
  });
}

function explain(error: unknown, call: string, request: ExchangeRequest): Error {
  if (error instanceof HttpFailure) {
    const check = error.settings
      ? `the issuer input and ${error.settings}`
      : 'the issuer input and, behind a proxy, HTTPS_PROXY and NO_PROXY';
    return new LoginError(`${call}: ${error.message}. Check ${check}.`);
  }
  if (!(error instanceof ServiceStatus)) return error instanceof Error ? error : new Error(String(error));
  const status = error.response.status;
  if (status === 401 || status === 403) return new TokenRefused(`${call}: ${error.summary}.`, request);
  if (status === 400) {
    return new LoginError(
      `${call}: ${error.summary}. The STS refused the request's parameters: check ${request.identityInput} ` +
        `(an assumable identity's UIDP) and ${request.audienceInput}.`
    );
  }
  if (status === 404) {
    return new LoginError(
      `${call}: ${error.summary}. Check ${request.identityInput}: no assumable identity with that UIDP was found, ` +
        "or the issuer input does not name Chainguard's STS."
    );
  }
  if (STS_RETRIES.statuses.includes(status)) {
    return new LoginError(
      `${call}: the STS stayed unavailable (${error.summary}) after ${STS_RETRIES.retries + 1} attempts. Try again shortly.`
    );
  }
  return new LoginError(`${call}: ${error.summary}.`);
}
