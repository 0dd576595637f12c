/**
 * The managed-identity endpoint of App Service, Functions and Container Apps (where runners in
 * Container Apps jobs live): `IDENTITY_ENDPOINT` on this machine, authenticated by the secret
 * `IDENTITY_HEADER`. The answer carries `expires_on` and no `expires_in`.
 */
import { LoginError } from '../errors.js';
import type { HttpResponse } from '../net/http.js';
import type { ServiceStatus } from '../net/token-endpoint.js';
import { endpointFromEnvironment, routeOf } from '../net/url.js';
import { AzureEndpointSource, azureAdvice, azureSource, MANAGED_IDENTITY_RETRIES, tokenRequest } from './azure-endpoint.js';
import type { IdentityToken, SourceContext, SourceDefinition } from './source.js';
import type { IdentitySelector } from '../sources/inputs.js';

const API_VERSION = '2019-08-01';
const LIMITS = { connectTimeoutMs: 2_000, timeoutMs: 20_000, maxBodyBytes: 64 * 1024 };
const SELECTOR_PARAMETER: Record<IdentitySelector['kind'], string> = {
  'client-id': 'client_id',
  'object-id': 'principal_id',
  'resource-id': 'mi_res_id'
};

export interface AppServiceEnvironment {
  endpoint: string;
  /** A secret: masked as soon as the source is asked, never logged. */
  header: string;
}

/** `IDENTITY_ENDPOINT` and `IDENTITY_HEADER`, when both are set. */
export function detectAppService(env: NodeJS.ProcessEnv): AppServiceEnvironment | undefined {
  const endpoint = env.IDENTITY_ENDPOINT?.trim();
  const header = env.IDENTITY_HEADER?.trim();
  return endpoint && header ? { endpoint, header } : undefined;
}

export class AppServiceSource extends AzureEndpointSource {
  readonly name = 'the App Service / Container Apps identity endpoint';
  readonly endpoint: string;
  protected readonly label = 'Identity endpoint';
  protected readonly rules = MANAGED_IDENTITY_RETRIES;
  private readonly url: URL;

  constructor(
    private readonly environment: AppServiceEnvironment,
    private readonly selector: IdentitySelector | undefined
  ) {
    super();
    this.url = endpointFromEnvironment(environment.endpoint, 'IDENTITY_ENDPOINT');
    this.endpoint = `${this.url.origin}${this.url.pathname}`;
  }

  override getToken(resource: string, context: SourceContext): Promise<IdentityToken> {
    context.mask(this.environment.header);
    return super.getToken(resource, context);
  }

  protected describe(resource: string): string {
    const who = this.selector ? `user-assigned identity ${this.selector.value}` : 'system-assigned identity';
    return `Requesting an Azure token from ${this.endpoint} for ${resource} with the ${who}`;
  }

  protected attempt(resource: string, context: SourceContext): Promise<HttpResponse> {
    const url = new URL(this.url);
    url.searchParams.set('api-version', API_VERSION);
    url.searchParams.set('resource', resource);
    if (this.selector) url.searchParams.set(SELECTOR_PARAMETER[this.selector.kind], this.selector.value);
    const headers = { 'X-IDENTITY-HEADER': this.environment.header, Accept: 'application/json' };
    return tokenRequest(context, { url, method: 'GET', headers, secrets: [this.environment.header], route: routeOf(url) }, LIMITS);
  }

  protected absent(): string {
    return (
      'IDENTITY_ENDPOINT names an endpoint that is not running: enable a managed identity on the app or Container Apps job ' +
      '(the platform then sets IDENTITY_ENDPOINT and IDENTITY_HEADER), or choose another identity-source.'
    );
  }

  protected elsewhere(): string {
    return "Something other than the platform's identity endpoint answered: check what sets IDENTITY_ENDPOINT in this job.";
  }

  protected refusal(error: ServiceStatus, resource: string): LoginError {
    const call = this.call();
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
    const kept = this.keptFailing(error);
    if (kept) return kept;
    if (status >= 300 && status < 400) {
      return new LoginError(
        `${call}: it answered with a redirect (${error.summary}), which the identity endpoint never sends; something else answered.`
      );
    }
    return new LoginError(`${call}: it answered ${error.summary}.`);
  }
}

/** The source table's entry. */
export const appServiceSource: SourceDefinition = {
  kind: 'app-service',
  azure: true,
  title: 'App Service / Container Apps',
  detect(request) {
    const found = detectAppService(request.env);
    if (!found) {
      return {
        found: false,
        why:
          'IDENTITY_ENDPOINT and IDENTITY_HEADER are not both set: this job does not run in App Service, Functions or ' +
          'Container Apps with a managed identity. Enable a managed identity on the app or Container Apps job, or choose another source.'
      };
    }
    const resource = request.inputs.azureResource as string;
    return {
      found: true,
      how: 'IDENTITY_ENDPOINT and IDENTITY_HEADER are set',
      build: () => azureSource('app-service', new AppServiceSource(found, request.inputs.selector), resource)
    };
  },
  selectors: 'any',
  doctorName: 'azure-container-apps-runners',
  advice: azureAdvice,
  environment: ['IDENTITY_ENDPOINT'],
  secretEnvironment: ['IDENTITY_HEADER']
};
