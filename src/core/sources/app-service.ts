/**
 * The managed-identity endpoint of App Service, Functions and Container Apps (where runners in
 * Container Apps jobs live): `IDENTITY_ENDPOINT` on this machine, authenticated by the secret
 * `IDENTITY_HEADER`. The answer carries `expires_on` and no `expires_in`.
 */
import { LoginError } from '../errors.js';
import { HttpFailure, type HttpResponse } from '../http.js';
import {
  abortedAs,
  accessTokenFrom,
  endpointFromEnvironment,
  expectStatus,
  explainNetworkFailure,
  MANAGED_IDENTITY_RETRIES,
  routeFor,
  ServiceStatus,
  withRetries
} from './http-source.js';
import type { AzureToken, IdentitySelector, SourceContext, TokenSource } from './source.js';

const API_VERSION = '2019-08-01';
const CONNECT_TIMEOUT_MS = 2_000;
const ATTEMPT_TIMEOUT_MS = 20_000;
const MAX_BODY_BYTES = 64 * 1024;
const SELECTOR_PARAMETER: Record<IdentitySelector['kind'], string> = {
  'client-id': 'client_id',
  'object-id': 'principal_id',
  'resource-id': 'mi_res_id'
};

export interface AppServiceEnvironment {
  endpoint: string;
  /** A secret: masked as soon as the source is chosen, never logged. */
  header: string;
}

export class AppServiceSource implements TokenSource {
  readonly name = 'the App Service / Container Apps identity endpoint';
  readonly endpoint: string;
  private readonly url: URL;

  constructor(
    private readonly environment: AppServiceEnvironment,
    private readonly selector: IdentitySelector | undefined
  ) {
    this.url = endpointFromEnvironment(environment.endpoint, 'IDENTITY_ENDPOINT');
    this.endpoint = `${this.url.origin}${this.url.pathname}`;
  }

  /** `IDENTITY_ENDPOINT` and `IDENTITY_HEADER`, when both are set. */
  static detect(env: NodeJS.ProcessEnv): AppServiceEnvironment | undefined {
    const endpoint = env.IDENTITY_ENDPOINT?.trim();
    const header = env.IDENTITY_HEADER?.trim();
    return endpoint && header ? { endpoint, header } : undefined;
  }

  async getToken(resource: string, context: SourceContext): Promise<AzureToken> {
    context.mask(this.environment.header);
    const url = new URL(this.url);
    url.searchParams.set('api-version', API_VERSION);
    url.searchParams.set('resource', resource);
    if (this.selector) url.searchParams.set(SELECTOR_PARAMETER[this.selector.kind], this.selector.value);
    const who = this.selector ? `user-assigned identity ${this.selector.value}` : 'system-assigned identity';
    context.debug(`Requesting an Azure token from ${this.endpoint} for ${resource} with the ${who}`);

    let response: HttpResponse;
    try {
      response = await withRetries(MANAGED_IDENTITY_RETRIES, 'Identity endpoint', context, () => this.attempt(url, context));
    } catch (error) {
      throw abortedAs(error, context) ?? this.explain(error, resource);
    }
    return accessTokenFrom(
      response,
      context,
      this.call(),
      "Something other than the platform's identity endpoint answered: check what sets IDENTITY_ENDPOINT in this job."
    );
  }

  private async attempt(url: URL, context: SourceContext): Promise<HttpResponse> {
    const response = await context.send({
      url,
      method: 'GET',
      headers: { 'X-IDENTITY-HEADER': this.environment.header, Accept: 'application/json' },
      secrets: [this.environment.header],
      route: routeFor(url),
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      maxBodyBytes: MAX_BODY_BYTES,
      signal: context.signal
    });
    return expectStatus(response);
  }

  private call(): string {
    return `Could not get an Azure token from ${this.name} (${this.endpoint})`;
  }

  private explain(error: unknown, resource: string): Error {
    const call = this.call();
    if (error instanceof HttpFailure) {
      return explainNetworkFailure(
        call,
        error,
        'IDENTITY_ENDPOINT names an endpoint that is not running: enable a managed identity on the app or Container Apps job ' +
          '(the platform then sets IDENTITY_ENDPOINT and IDENTITY_HEADER), or choose another identity-source.'
      );
    }
    if (!(error instanceof ServiceStatus)) return error instanceof Error ? error : new Error(String(error));
    const status = error.response.status;
    if (status === 401 || status === 403) {
      return new LoginError(
        `${call}: it refused the request, ${error.summary}. The endpoint did not accept IDENTITY_HEADER: the platform ` +
          'sets it with IDENTITY_ENDPOINT and changes it when the app restarts, so do not copy, cache or override either ' +
          'variable in the job; let the step read them from the environment the platform gives it.'
      );
    }
    if (status === 400 || (status === 404 && this.selector)) {
      const which = this.selector
        ? `The managed identity selected by ${this.selector.inputLabel} (${this.selector.value}) may not be assigned to this app or job: assign it, or correct ${this.selector.inputLabel}.`
        : 'The app or job may have no system-assigned identity: enable it, or select a user-assigned identity with managed-identity-client-id, managed-identity-object-id or managed-identity-resource-id.';
      return new LoginError(
        `${call}: it refused the request, ${error.summary}. ${which} If the identity is right, check azure-audience ` +
          `(${resource}): it must be the Application ID URI of an Entra app or another resource Entra ID knows.`
      );
    }
    if (MANAGED_IDENTITY_RETRIES.statuses.includes(status)) {
      return new LoginError(
        `${call}: it kept failing (last answer ${error.summary}) after ${MANAGED_IDENTITY_RETRIES.retries + 1} attempts. Try again shortly.`
      );
    }
    if (status >= 300 && status < 400) {
      return new LoginError(
        `${call}: it answered with a redirect (${error.summary}), which the identity endpoint never sends; something else answered.`
      );
    }
    return new LoginError(`${call}: it answered ${error.summary}.`);
  }
}
