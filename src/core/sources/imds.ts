/**
 * Azure Instance Metadata Service: the managed-identity endpoint of VMs and scale sets.
 * Never goes through a proxy, never follows a redirect, and retries the way Microsoft advises.
 */
import { LoginError } from '../errors.js';
import { HttpFailure, type HttpResponse } from '../http.js';
import { backoffMs, retrying } from '../retry.js';
import { accessTokenFrom, expectStatus, explainNetworkFailure, retryDelay, ServiceStatus, type RetryPolicy } from './http-source.js';
export { expiryFrom } from './http-source.js';
import type { AzureToken, IdentitySelector, SourceContext, TokenSource } from './source.js';

export const IMDS_DEFAULT_BASE = 'http://169.254.169.254';
const TOKEN_PATH = '/metadata/identity/oauth2/token';
const API_VERSION = '2018-02-01';
const CONNECT_TIMEOUT_MS = 2_000;
/** IMDS answers within milliseconds even when busy (it says 410 or 429 at once). */
const ATTEMPT_TIMEOUT_MS = 5_000;
/** Accepting connections and never answering is given up on after this long in all. */
const SILENT_BUDGET_MS = 20_000;
const MAX_BODY_BYTES = 64 * 1024;
/** Microsoft's advice for IMDS: 404, 429 and 5xx, about five retries with exponential backoff. */
const IMDS_RETRIES: RetryPolicy = {
  statuses: [404, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)],
  retries: 5,
  baseMs: 1_000,
  capMs: 16_000
};
/** 410 means IMDS is updating, which takes up to 70 s: keep trying at least that long. */
const UPDATING_BUDGET_MS = 75_000;
const SELECTOR_PARAMETER: Record<IdentitySelector['kind'], string> = {
  'client-id': 'client_id',
  'object-id': 'object_id',
  'resource-id': 'msi_res_id'
};

/** Attempts in a row that got no answer at all; times are ms since the first attempt. */
interface Silence {
  attemptStart: number;
  since: number | undefined;
  attempts: number;
}

export class ImdsSource implements TokenSource {
  readonly name = 'IMDS';
  readonly endpoint: string;

  /**
   * @param selector  a user-assigned identity, or undefined for the system-assigned one
   * @param allSelectorInputs  the three selector inputs as the user writes them, for messages
   * @param base  the IMDS base URL (`AZURE_POD_IDENTITY_AUTHORITY_HOST` overrides the default)
   */
  constructor(
    private readonly selector: IdentitySelector | undefined,
    private readonly allSelectorInputs: readonly string[],
    base: string = IMDS_DEFAULT_BASE
  ) {
    this.endpoint = new URL(TOKEN_PATH, base).href;
  }

  /** The IMDS base URL for this environment. */
  static baseFrom(env: NodeJS.ProcessEnv): string {
    const override = env.AZURE_POD_IDENTITY_AUTHORITY_HOST?.trim();
    return override ? override : IMDS_DEFAULT_BASE;
  }

  async getToken(resource: string, context: SourceContext): Promise<AzureToken> {
    const url = new URL(this.endpoint);
    url.searchParams.set('api-version', API_VERSION);
    url.searchParams.set('resource', resource);
    if (this.selector) url.searchParams.set(SELECTOR_PARAMETER[this.selector.kind], this.selector.value);
    const who = this.selector ? `user-assigned identity ${this.selector.value}` : 'system-assigned identity';
    context.debug(`Requesting an Azure token from IMDS (${url.origin}${url.pathname}) for ${resource} with the ${who}`);

    // Consecutive attempts that got no answer, and when the first of them started.
    const begin = context.clock.now();
    const silence: Silence = { attemptStart: 0, since: undefined, attempts: 0 };
    const response = await retrying({
      clock: context.clock,
      signal: context.signal,
      run: () => {
        silence.attemptStart = context.clock.now() - begin;
        return this.attempt(url, context);
      },
      retryAfter: (error, attempt, elapsed) => this.retryDelay(error, attempt, elapsed, context, silence),
      onRetry: (error, attempt, delay) =>
        context.debug(`IMDS attempt ${attempt} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`)
    }).catch((error: unknown) => {
      throw this.explain(error, context, silence.attempts);
    });
    return this.parse(response, context);
  }

  private async attempt(url: URL, context: SourceContext): Promise<HttpResponse> {
    const response = await context.send({
      url,
      method: 'GET',
      headers: { Metadata: 'true', Accept: 'application/json' },
      route: 'direct',
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      timeoutMs: scaledLimit(ATTEMPT_TIMEOUT_MS, context.clock.scale),
      maxBodyBytes: MAX_BODY_BYTES,
      signal: context.signal
    });
    return expectStatus(response);
  }

  private retryDelay(error: unknown, attempt: number, elapsed: number, context: SourceContext, silence: Silence): number | undefined {
    const { clock } = context;
    if (error instanceof HttpFailure && error.kind === 'timeout') {
      // Accepted, then nothing: retry only while the whole silence, with the next attempt,
      // stays within its budget.
      silence.since ??= silence.attemptStart;
      silence.attempts++;
      const delay = backoffMs(attempt, 1_000, 4_000, clock.random);
      return elapsed - silence.since + delay + ATTEMPT_TIMEOUT_MS <= SILENT_BUDGET_MS ? delay : undefined;
    }
    silence.since = undefined;
    silence.attempts = 0;
    if (error instanceof ServiceStatus && error.response.status === 410) {
      if (elapsed >= UPDATING_BUDGET_MS) return undefined;
      return Math.min(backoffMs(attempt, 1_000, 10_000, clock.random), UPDATING_BUDGET_MS - elapsed + 1);
    }
    return retryDelay(IMDS_RETRIES, error, attempt, context);
  }

  private parse(response: HttpResponse, context: SourceContext): AzureToken {
    return accessTokenFrom(
      response,
      context,
      `Could not get an Azure token from IMDS (${this.endpoint})`,
      'Something other than the Azure metadata service answered: check AZURE_POD_IDENTITY_AUTHORITY_HOST and any ' +
        'network appliance in front of the metadata address.'
    );
  }

  /** Turns the last failure into one message that names the call and the fix. */
  private explain(error: unknown, context: SourceContext, silentAttempts: number): Error {
    if (context.signal?.aborted) return error instanceof Error ? error : new Error(String(error));
    const call = `Could not get an Azure token from IMDS (${this.endpoint})`;
    if (error instanceof HttpFailure && error.kind === 'timeout') {
      return new LoginError(
        `${call}: it accepted the connection but sent no answer within ${SILENT_BUDGET_MS / 1000} s ` +
          `(${silentAttempts} ${silentAttempts === 1 ? 'attempt' : 'attempts'}). The Azure metadata service answers within ` +
          'milliseconds even when busy, so something else is holding the connection: check firewalls, proxies or ' +
          'security software on this machine, and AZURE_POD_IDENTITY_AUTHORITY_HOST.'
      );
    }
    if (error instanceof HttpFailure) {
      return explainNetworkFailure(
        call,
        error,
        'This machine has no Azure managed identity endpoint: it is not an Azure VM or scale set instance, or a firewall ' +
          'or route blocks the metadata address. Run the step on an Azure machine with a managed identity (or point ' +
          'AZURE_POD_IDENTITY_AUTHORITY_HOST at your endpoint).'
      );
    }
    if (error instanceof ServiceStatus) {
      const status = error.response.status;
      const audienceHint =
        'If the identity is right, check azure-audience: it must be the Application ID URI of an Entra app ' +
        '(api://<app-client-id>) or another resource Entra ID knows.';
      if (status === 400 && this.selector) {
        return new LoginError(
          `${call}: IMDS refused the request, ${error.summary}. The managed identity selected by ` +
            `${this.selector.inputLabel} (${this.selector.value}) is not assigned to this machine: assign it to the VM ` +
            `or scale set, or correct ${this.selector.inputLabel}. ${audienceHint}`
        );
      }
      if (status === 400) {
        return new LoginError(
          `${call}: IMDS refused the request, ${error.summary}. Either this machine has no system-assigned managed ` +
            'identity, or it has several user-assigned identities and IMDS cannot choose one: set exactly one of ' +
            `${this.allSelectorInputs.join(', ')}, or enable the system-assigned identity. ${audienceHint}`
        );
      }
      if (status === 410)
        return new LoginError(`${call}: IMDS was still updating (${error.summary}) after more than 70 s. Try again shortly.`);
      if (status === 404 || status === 429 || status >= 500) {
        return new LoginError(
          `${call}: IMDS kept failing (last answer ${error.summary}) after ${IMDS_RETRIES.retries + 1} attempts. Try again shortly.`
        );
      }
      if (status >= 300 && status < 400) {
        return new LoginError(
          `${call}: it answered with a redirect (${error.summary}), which the metadata service never sends; something else answered.`
        );
      }
      return new LoginError(`${call}: IMDS answered ${error.summary}.`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * A real-time limit under the clock's time scale: shortened like the waits (tests run time
 * faster), but never below 250 ms, so that a busy test machine does not look like a silent
 * endpoint.
 */
function scaledLimit(ms: number, scale = 1): number {
  return scale >= 1 ? ms : Math.max(ms * scale, Math.min(ms, 250));
}
