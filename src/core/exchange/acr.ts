/**
 * Azure Container Registry: turns an Entra token for `https://containerregistry.azure.net`
 * into an ACR refresh token (`POST https://<login server>/oauth2/exchange`), which docker
 * presents as the password of the null-GUID user. The refresh token lives about three hours.
 */
import { InputError, LoginError } from '../errors.js';
import { HttpFailure, jsonObject, retryAfterMs, type HttpResponse } from '../http.js';
import { decodeClaims, ExpiryRefused, issuedExpiry } from '../jwt.js';
import { isLoopback, LOOPBACK_FOR_TESTS_ONLY } from '../loopback.js';
import { isGuid, shellArg, shellWord } from '../shell.js';
import { backoffMs, retrying } from '../retry.js';
import { clip, type SourceContext } from '../sources/source.js';

/** The resource (audience) to ask of the Azure source for an ACR exchange. */
export const ACR_RESOURCE = 'https://containerregistry.azure.net';
/** Docker's user name for an ACR refresh token. */
export const ACR_USERNAME = '00000000-0000-0000-0000-000000000000';
/** Login-server suffixes: Azure's public cloud, Azure China, Azure US Government. */
export const ACR_SUFFIXES = ['azurecr.io', 'azurecr.cn', 'azurecr.us'] as const;
/** How long a refresh token lives when the answer does not say (Microsoft: renew every 3 hours). */
const DEFAULT_LIFETIME_MS = 3 * 60 * 60 * 1000;

const CONNECT_TIMEOUT_MS = 10_000;
const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_BODY_BYTES = 64 * 1024;
/** 429 and 5xx are retried this many times. */
const MAX_RETRIES = 4;
const MAX_RETRY_AFTER_MS = 30_000;
const INPUT = 'acr-registries';

// A registry name is 5-50 letters and digits; a registry created with a domain name label
// scope carries a hyphen and a hash after it.
const LOGIN_SERVER = new RegExp(`^[a-z0-9]{5,50}(-[a-z0-9]{1,64})?\\.(${ACR_SUFFIXES.map((s) => s.replace(/\./g, '\\.')).join('|')})$`);
const LOOPBACK_HOST_PORT = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]):(\d{1,5})$/;

export interface AcrCredential {
  username: typeof ACR_USERNAME;
  /** The ACR refresh token (masked the moment it arrived). */
  password: string;
  expiresAt: Date;
}

export interface AcrExchangeRequest {
  /** A login server as `parseAcrLoginServer` returns it. */
  loginServer: string;
  /** Gets an Azure token for ACR_RESOURCE from the job's source (masked by the source). */
  azureToken: () => Promise<string>;
  /** The input that lists the registries, as the user spells it on this platform. */
  inputLabel: string;
}

/**
 * Checks one login server and returns it in the form docker and the exchange use: lower case,
 * without a scheme or trailing slash. A loopback `host:port` (the project's emulator, reached over
 * http) is accepted only when `testLoopback` (the test-only setting) allows it.
 */
export function parseAcrLoginServer(raw: string, inputLabel: string, testLoopback = false): string {
  const value = raw
    .trim()
    .toLowerCase()
    .replace(/^https:\/\//, '')
    .replace(/\/+$/, '');
  const loopback = LOOPBACK_HOST_PORT.exec(value);
  if (loopback) {
    const port = Number(loopback[2]);
    if (port >= 1 && port <= 65535) {
      if (testLoopback) return value;
      throw new InputError(
        INPUT,
        `Input ${inputLabel} names ${value}, a loopback address: ${LOOPBACK_FOR_TESTS_ONLY}. Give <registry name>.azurecr.io.`
      );
    }
  }
  if (LOGIN_SERVER.test(value)) return value;
  throw new InputError(
    INPUT,
    `Input ${inputLabel} names "${shown(raw.trim())}", which is not an Azure Container Registry login server: give <registry name>.azurecr.io ` +
      '(.azurecr.cn in Azure China, .azurecr.us in Azure US Government), as az acr show --name <registry> --query loginServer prints it.'
  );
}

/** Splits a list of login servers (commas, spaces or new lines), checks each, drops repeats. */
export function parseAcrLoginServers(raw: string, inputLabel: string, testLoopback = false): string[] {
  const servers = raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => parseAcrLoginServer(item, inputLabel, testLoopback));
  return [...new Set(servers)];
}

/** The base URL of a login server: https, or http for a loopback `host:port` (accepted only under the test-only setting). */
export function acrBaseUrl(loginServer: string): URL {
  const url = new URL(`https://${loginServer}`);
  if (url.port && isLoopback(url.hostname)) return new URL(`http://${loginServer}`);
  return url;
}

class AcrStatus extends Error {
  constructor(
    readonly response: HttpResponse,
    readonly summary: string
  ) {
    super(summary);
  }
}

/** Exchanges an Azure token for an ACR refresh token for `loginServer`. */
export async function exchangeAtAcr(request: AcrExchangeRequest, context: SourceContext): Promise<AcrCredential> {
  const url = new URL('/oauth2/exchange', acrBaseUrl(request.loginServer));
  const call = `Could not log in to the Azure Container Registry ${request.loginServer} (POST ${url.origin}${url.pathname})`;
  const azureToken = await request.azureToken();
  const claims = decodeClaims(azureToken);
  const form = new URLSearchParams({ grant_type: 'access_token', service: request.loginServer });
  const tenant = typeof claims?.tid === 'string' ? claims.tid : undefined;
  if (tenant) form.set('tenant', tenant);
  form.set('access_token', azureToken);
  const body = form.toString();
  context.debug(`Exchanging the Azure token at ${url.origin}${url.pathname}${tenant ? ` for tenant ${tenant}` : ''}`);

  let response: HttpResponse;
  try {
    response = await retrying({
      clock: context.clock,
      signal: context.signal,
      run: () => attempt(url, body, azureToken, context),
      retryAfter: (error, n) => retryDelay(error, n, context),
      onRetry: (error, n, delay) =>
        context.debug(
          `ACR exchange attempt ${n} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`
        )
    });
  } catch (error) {
    if (context.signal?.aborted) throw error;
    throw explain(error, call, request, claims);
  }

  const parsed = jsonObject(response.body);
  const refreshToken = parsed?.refresh_token;
  if (typeof refreshToken !== 'string' || refreshToken.length === 0) {
    if (parsed) for (const value of Object.values(parsed)) if (typeof value === 'string' && value.length > 20) context.mask(value);
    const what = parsed ? 'JSON without a refresh_token' : 'not JSON';
    throw new LoginError(
      `${call}: it answered 200 with a body that is ${what}. Check ${request.inputLabel}: it must name an Azure Container Registry login server.`
    );
  }
  context.mask(refreshToken);
  const now = context.clock.now();
  let expiresAt: Date | undefined;
  try {
    expiresAt = issuedExpiry(decodeClaims(refreshToken), now, 'the refresh token it returned');
  } catch (error) {
    if (!(error instanceof ExpiryRefused)) throw error;
    const clock = error.clock ? ", and this machine's clock" : '';
    throw new LoginError(
      `${call}: ${error.message}. Check ${request.inputLabel}: it must name an Azure Container Registry login server${clock}.`
    );
  }
  return { username: ACR_USERNAME, password: refreshToken, expiresAt: expiresAt ?? new Date(now + DEFAULT_LIFETIME_MS) };
}

async function attempt(url: URL, body: string, azureToken: string, context: SourceContext): Promise<HttpResponse> {
  const response = await context.send({
    url,
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body,
    secrets: [azureToken],
    route: 'environment',
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
    timeoutMs: ATTEMPT_TIMEOUT_MS,
    maxBodyBytes: MAX_BODY_BYTES,
    signal: context.signal
  });
  if (response.status === 200) return response;
  throw new AcrStatus(response, `HTTP ${response.status}${detailOf(response.body, response.secrets ?? [])}`);
}

/** ` CODE: message` from ACR's {"errors":[{code,message}]} (or an OAuth error), or '', redacted of `secrets`. */
function detailOf(body: string, secrets: readonly string[]): string {
  const parsed = jsonObject(body);
  const first = Array.isArray(parsed?.errors) ? (parsed.errors[0] as Record<string, unknown> | undefined) : parsed;
  if (!first || typeof first !== 'object') return '';
  const code = typeof first.code === 'string' ? first.code : typeof first.error === 'string' ? first.error : '';
  const message =
    typeof first.message === 'string' ? first.message : typeof first.error_description === 'string' ? first.error_description : '';
  const text = [code, message].filter(Boolean).join(': ');
  return text ? ` ${clip(text, 300, secrets)}` : '';
}

function retryDelay(error: unknown, attempt: number, context: SourceContext): number | undefined {
  if (attempt > MAX_RETRIES) return undefined;
  if (error instanceof HttpFailure) {
    return error.kind === 'reset' || error.kind === 'timeout' ? backoffMs(attempt, 1_000, 8_000, context.clock.random) : undefined;
  }
  if (!(error instanceof AcrStatus)) return undefined;
  const status = error.response.status;
  if (status !== 429 && status < 500) return undefined;
  const delay = backoffMs(attempt, 1_000, 8_000, context.clock.random);
  const asked = retryAfterMs(error.response.headers, context.clock.now());
  return asked === undefined ? delay : Math.max(delay, Math.min(asked, MAX_RETRY_AFTER_MS));
}

function explain(error: unknown, call: string, request: AcrExchangeRequest, claims: ReturnType<typeof decodeClaims>): Error {
  if (error instanceof HttpFailure) {
    const settings = error.settings ?? 'the network (HTTPS_PROXY and NO_PROXY, behind a proxy)';
    const hint =
      error.kind === 'unreachable'
        ? `no registry answers at that name: check ${request.inputLabel}`
        : `check ${request.inputLabel} and ${settings}`;
    return new LoginError(`${call}: ${error.message}; ${hint}.`);
  }
  if (!(error instanceof AcrStatus)) return error instanceof Error ? error : new Error(String(error));
  const status = error.response.status;
  if (status === 401 || status === 403) {
    const oid = typeof claims?.oid === 'string' ? claims.oid : undefined;
    const principal = oid && isGuid(oid) ? oid : undefined;
    const assignee = shellArg(principal, '<principal-id of the managed identity>');
    const name = shellWord(request.loginServer.split('.')[0]);
    return new LoginError(
      `${call}: ${error.summary}. The registry refused the Azure identity${principal ? ` (principal ${principal})` : ''}: it needs the AcrPull role on ` +
        'this registry (or, on a registry with repository permissions (ABAC), Container Registry Repository Reader). Grant it with:\n' +
        `  az role assignment create --assignee-object-id ${assignee} --assignee-principal-type ServicePrincipal --role AcrPull ` +
        `--scope "$(az acr show --name ${name} --query id --output tsv)"\n` +
        'Role assignments can take a few minutes to apply.'
    );
  }
  if (status === 404) {
    return new LoginError(
      `${call}: ${error.summary}. Nothing at that address exchanges Azure tokens: check that ${request.inputLabel} names an Azure Container Registry login server.`
    );
  }
  if (status === 429 || status >= 500) {
    return new LoginError(
      `${call}: the registry kept failing (last answer ${error.summary}) after ${MAX_RETRIES + 1} attempts. Try again shortly.`
    );
  }
  return new LoginError(`${call}: ${error.summary}.`);
}

/** A value as shown in a message: clipped, and never something that looks like a token. */
function shown(value: string): string {
  if (/^eyJ/.test(value)) return '(a value that looks like a token, not shown)';
  return clip(value, 80);
}
