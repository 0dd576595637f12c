/**
 * Chainguard's security token service: exchanges an OIDC token (here Azure's) for a token of
 * an assumable identity. Parameters travel form-encoded; a JSON body would be ignored.
 */
import { LoginError } from '../errors.js';
import { HttpFailure, jsonObject, type HttpResponse } from '../http.js';
import { refusalAdvice, type Presented } from '../doctor.js';
import { decodeClaims, ExpiryRefused, issuedExpiry } from '../jwt.js';
import { backoffMs, retrying } from '../retry.js';
import { clip, type SourceContext } from '../sources/source.js';

const CONNECT_TIMEOUT_MS = 10_000;
const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_BODY_BYTES = 256 * 1024;
const ATTEMPTS = 3;

export interface ExchangeRequest {
  /** STS base URL, without a trailing slash. */
  issuer: string;
  identity: string;
  audience: string;
  /** The token to present (masked already). */
  subjectToken: string;
  /** The input that names the identity, for messages. */
  identityInput: string;
  audienceInput: string;
  /** Where the token came from, for messages and the setup doctor (default: an Azure source). */
  presented?: Pick<Presented, 'kind' | 'tokenName' | 'label'>;
}

export interface ChainguardToken {
  token: string;
  expiresAt: Date;
}

class StsStatus extends Error {
  constructor(
    readonly response: HttpResponse,
    readonly code: string,
    readonly detail: string
  ) {
    super(`HTTP ${response.status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`);
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

/** Exchanges `subjectToken` for a Chainguard token. */
export async function exchangeAtChainguard(request: ExchangeRequest, context: SourceContext): Promise<ChainguardToken> {
  const url = new URL(`${request.issuer}/sts/exchange`);
  const body = new URLSearchParams({ aud: request.audience, identity: request.identity }).toString();
  const tokenName = request.presented?.tokenName ?? 'Azure token';
  const call = `Could not exchange the ${tokenName} at Chainguard's STS (${url.origin}${url.pathname})`;
  context.debug(
    `Exchanging the ${tokenName} at ${url.origin}${url.pathname} for identity ${request.identity}, audience ${request.audience}`
  );

  let response: HttpResponse;
  try {
    response = await retrying({
      clock: context.clock,
      signal: context.signal,
      run: () => attempt(url, body, request.subjectToken, context),
      retryAfter: (error, n) => {
        const transient =
          (error instanceof StsStatus && [502, 503, 504].includes(error.response.status)) ||
          (error instanceof HttpFailure && (error.kind === 'reset' || error.kind === 'refused'));
        return transient && n < ATTEMPTS ? backoffMs(n, 150, 1_000, context.clock.random) : undefined;
      },
      onRetry: (error, n, delay) =>
        context.debug(`STS attempt ${n} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`)
    });
  } catch (error) {
    if (context.signal?.aborted) throw error;
    throw explain(error, call, request);
  }

  const parsed = jsonObject(response.body);
  const token = parsed?.token;
  if (typeof token !== 'string' || token.length === 0) {
    const what = parsed ? 'JSON without a token' : 'not JSON';
    throw new LoginError(`${call}: it answered 200 with a body that is ${what}. Check the issuer input: it must name Chainguard's STS.`);
  }
  context.mask(token);
  let expiresAt: Date | undefined;
  try {
    expiresAt = issuedExpiry(decodeClaims(token), context.clock.now(), 'the token it returned');
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
  return { token, expiresAt };
}

async function attempt(url: URL, body: string, subjectToken: string, context: SourceContext): Promise<HttpResponse> {
  const response = await context.send({
    url,
    method: 'POST',
    headers: {
      Authorization: `Bearer ${subjectToken}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json'
    },
    body,
    secrets: [subjectToken],
    route: 'environment',
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    timeoutMs: ATTEMPT_TIMEOUT_MS,
    maxBodyBytes: MAX_BODY_BYTES,
    signal: context.signal
  });
  if (response.status === 200) return response;
  const parsed = jsonObject(response.body);
  const grpc = typeof parsed?.code === 'number' ? (GRPC_CODES[parsed.code] ?? `code ${parsed.code}`) : '';
  const message = typeof parsed?.message === 'string' ? clip(parsed.message, 300, [subjectToken, ...(response.secrets ?? [])]) : '';
  throw new StsStatus(response, grpc, message);
}

function explain(error: unknown, call: string, request: ExchangeRequest): Error {
  if (error instanceof HttpFailure) {
    const check = error.settings
      ? `the issuer input and ${error.settings}`
      : 'the issuer input and, behind a proxy, HTTPS_PROXY and NO_PROXY';
    return new LoginError(`${call}: ${error.message}. Check ${check}.`);
  }
  if (!(error instanceof StsStatus)) return error instanceof Error ? error : new Error(String(error));
  const status = error.response.status;
  if (status === 401 || status === 403) return new LoginError(`${call}: ${error.message}. ${claimsAdvice(request)}`);
  if (status === 400) {
    return new LoginError(
      `${call}: ${error.message}. The STS refused the request's parameters: check ${request.identityInput} ` +
        `(an assumable identity's UIDP) and ${request.audienceInput}.`
    );
  }
  if (status === 404) {
    return new LoginError(
      `${call}: ${error.message}. Check ${request.identityInput}: no assumable identity with that UIDP was found, ` +
        "or the issuer input does not name Chainguard's STS."
    );
  }
  if ([502, 503, 504].includes(status)) {
    return new LoginError(`${call}: the STS stayed unavailable (${error.message}) after ${ATTEMPTS} attempts. Try again shortly.`);
  }
  return new LoginError(`${call}: ${error.message}.`);
}

/**
 * Explains a refused token by its claims (decoded, never the token) and says how to make
 * Chainguard trust it: the setup doctor's `chainctl` command and Terraform block.
 */
export function claimsAdvice(request: ExchangeRequest): string {
  return refusalAdvice({
    kind: request.presented?.kind ?? 'imds',
    tokenName: request.presented?.tokenName ?? 'Azure token',
    label: request.presented?.label ?? ((name) => name),
    token: request.subjectToken,
    identity: request.identity,
    now: Date.now()
  });
}
