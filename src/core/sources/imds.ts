/**
 * Azure Instance Metadata Service: the managed-identity endpoint of VMs and scale sets.
 * Never goes through a proxy, never follows a redirect, and retries the way Microsoft advises,
 * with two rules of its own: 410 (IMDS updating) is tried for at least 70 s, and an endpoint
 * that accepts connections but never answers is given up on within a bounded silence.
 */
import type { Clock } from '../clock.js';
import { LoginError } from '../errors.js';
import { HttpFailure } from '../net/failure.js';
import type { HttpResponse } from '../net/http.js';
import { backoffMs } from '../net/retry.js';
import { abortedAs, accessTokenFrom, callEndpoint, explainNetworkFailure, ServiceStatus } from '../net/token-endpoint.js';
import { azureAdvice, azureSource, IMDS_RETRIES } from './azure-endpoint.js';
import type { IdentityToken, SourceContext, SourceDefinition, TokenSource } from './source.js';
import type { IdentitySelector } from '../sources/inputs.js';

export const IMDS_DEFAULT_BASE = 'http://169.254.169.254';
const TOKEN_PATH = '/metadata/identity/oauth2/token';
const API_VERSION = '2018-02-01';
const CONNECT_TIMEOUT_MS = 2_000;
/** IMDS answers within milliseconds even when busy (it says 410 or 429 at once). */
const ATTEMPT_TIMEOUT_MS = 5_000;
/** Accepting connections and never answering is given up on after this long in all. */
const SILENT_BUDGET_MS = 20_000;
const MAX_BODY_BYTES = 64 * 1024;
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

/** The IMDS base URL for this environment (`AZURE_POD_IDENTITY_AUTHORITY_HOST` overrides the default). */
export function imdsBase(env: NodeJS.ProcessEnv): string {
  const override = env.AZURE_POD_IDENTITY_AUTHORITY_HOST?.trim();
  return override ? override : IMDS_DEFAULT_BASE;
}

/**
 * IMDS's own retry rule, before the general ones: a request that got no answer is retried only
 * while the whole silence, with the next attempt, stays within its budget; 410 (updating) is
 * tried until the update window has surely passed.
 */
function imdsRetry(error: unknown, attempt: number, elapsed: number, clock: Clock, silence: Silence): number | undefined | 'rules' {
  if (error instanceof HttpFailure && error.kind === 'timeout') {
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
  return 'rules';
}

export class ImdsSource implements TokenSource {
  readonly name = 'IMDS';
  readonly endpoint: string;

  /**
   * @param selector  a user-assigned identity, or undefined for the system-assigned one
   * @param allSelectorInputs  the three selector inputs as the user writes them, for messages
   * @param base  the IMDS base URL (see imdsBase)
   */
  constructor(
    private readonly selector: IdentitySelector | undefined,
    private readonly allSelectorInputs: readonly string[],
    base: string = IMDS_DEFAULT_BASE
  ) {
    this.endpoint = new URL(TOKEN_PATH, base).href;
  }

  async getToken(resource: string, context: SourceContext): Promise<IdentityToken> {
    const url = new URL(this.endpoint);
    url.searchParams.set('api-version', API_VERSION);
    url.searchParams.set('resource', resource);
    if (this.selector) url.searchParams.set(SELECTOR_PARAMETER[this.selector.kind], this.selector.value);
    const who = this.selector ? `user-assigned identity ${this.selector.value}` : 'system-assigned identity';
    context.debug(`Requesting an Azure token from IMDS (${url.origin}${url.pathname}) for ${resource} with the ${who}`);
    const begin = context.clock.now();
    const silence: Silence = { attemptStart: 0, since: undefined, attempts: 0 };
    let response: HttpResponse;
    try {
      response = await callEndpoint(
        {
          label: 'IMDS',
          rules: IMDS_RETRIES,
          attempt: () => {
            silence.attemptStart = context.clock.now() - begin;
            return this.attempt(url, context);
          },
          retry: (error, attempt, elapsed) => imdsRetry(error, attempt, elapsed, context.clock, silence)
        },
        context
      );
    } catch (error) {
      throw abortedAs(error, context) ?? this.explain(error, silence.attempts);
    }
    return accessTokenFrom(
      response,
      context,
      this.call(),
      'Something other than the Azure metadata service answered: check AZURE_POD_IDENTITY_AUTHORITY_HOST and any ' +
        'network appliance in front of the metadata address.'
    );
  }

  private attempt(url: URL, context: SourceContext): Promise<HttpResponse> {
    return context.send({
      url,
      method: 'GET',
      headers: { Metadata: 'true', Accept: 'application/json' },
      route: 'direct',
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      timeoutMs: scaledLimit(ATTEMPT_TIMEOUT_MS, context.clock.scale),
      maxBodyBytes: MAX_BODY_BYTES,
      signal: context.signal
    });
  }

  private call(): string {
    return `Could not get an Azure token from IMDS (${this.endpoint})`;
  }

  /** Turns the last failure into one message that names the call and the fix. */
  private explain(error: unknown, silentAttempts: number): Error {
    const call = this.call();
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
    if (error instanceof ServiceStatus) return this.refusal(error);
    return error instanceof Error ? error : new Error(String(error));
  }

  private refusal(error: ServiceStatus): LoginError {
    const call = this.call();
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
}

/**
 * A real-time limit under the clock's time scale: shortened like the waits (tests run time
 * faster), but never below 250 ms, so that a busy test machine does not look like a silent
 * endpoint.
 */
function scaledLimit(ms: number, scale = 1): number {
  return scale >= 1 ? ms : Math.max(ms * scale, Math.min(ms, 250));
}

/** The source table's entry: with azure-audience, the last Azure source auto tries, always there on an Azure VM. */
export const imdsSource: SourceDefinition = {
  kind: 'imds',
  azure: true,
  title: 'IMDS',
  detect(request) {
    const { inputs, label } = request;
    const selectorLabels = (['managed-identity-client-id', 'managed-identity-object-id', 'managed-identity-resource-id'] as const).map(
      label
    );
    return {
      found: true,
      how: `${label('azure-audience')} is set and no other Azure identity endpoint is in the environment`,
      build: () =>
        azureSource('imds', new ImdsSource(inputs.selector, selectorLabels, imdsBase(request.env)), inputs.azureResource as string)
    };
  },
  selectors: 'any',
  doctorName: 'azure-vm-runners',
  advice: azureAdvice,
  environment: ['AZURE_POD_IDENTITY_AUTHORITY_HOST']
};
