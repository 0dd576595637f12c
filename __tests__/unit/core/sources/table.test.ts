/** Which source a job gets, from its inputs and environment, before any request. */
import { InputError, LoginError } from '../../../../src/core/errors.js';
import { readInputs } from '../../../../src/core/inputs/read.js';
import { type InputName } from '../../../../src/core/inputs/definitions.js';
import type { SelectionRequest } from '../../../../src/core/sources/source.js';
import { selectSource } from '../../../../src/core/sources/table.js';
import { NO_TEST_SETTINGS } from '../../../../src/core/test-settings.js';
import type { PlatformIdentity } from '../../../../src/core/platform.js';

const IDENTITY = '0123456789abcdef0123456789abcdef01234567/0123456789abcdef';
const AUDIENCE = 'api://3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c';
const GUID = '22222222-aaaa-4aaa-8aaa-222222222222';
const RESOURCE_ID =
  '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/runner-a';
const camel = (n: string) => n.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

const ENV = {
  workload: {
    AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/azure/tokens/azure-identity-token',
    AZURE_CLIENT_ID: GUID,
    AZURE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47'
  },
  appService: { IDENTITY_ENDPOINT: 'http://localhost:42356/msi/token', IDENTITY_HEADER: 'header-secret' },
  arc: { IDENTITY_ENDPOINT: 'http://localhost:40342/metadata/identity/oauth2/token', IMDS_ENDPOINT: 'http://localhost:40342' },
  github: {
    GITHUB_ACTIONS: 'true',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://runner.example/idtoken?api-version=2.0',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'rt'
  },
  azureDevOps: {
    TF_BUILD: 'True',
    SYSTEM_OIDCREQUESTURI: 'https://dev.azure.com/o/p/_apis/distributedtask/hubs/build/plans/1/jobs/2/oidctoken'
  }
};

function select(
  inputs: Partial<Record<InputName, string>>,
  env: NodeJS.ProcessEnv = {},
  options: { label?: (n: InputName) => string; platform?: PlatformIdentity; exists?: (f: string) => boolean } = {}
) {
  const label = options.label ?? ((n: InputName) => n);
  const request: SelectionRequest = {
    inputs: readInputs({ get: (n) => ({ identity: IDENTITY, ...inputs })[n] ?? '', label }, { cwd: '/work' }),
    env,
    platform: options.platform,
    label,
    test: NO_TEST_SETTINGS,
    exists: options.exists ?? (() => false)
  };
  return selectSource(request);
}

function refusal(...args: Parameters<typeof select>): Error {
  try {
    select(...args);
  } catch (error) {
    return error as Error;
  }
  throw new Error('a source was chosen');
}

describe('auto-detection', () => {
  it.each<[string, Partial<Record<InputName, string>>, NodeJS.ProcessEnv, string, RegExp]>([
    [
      'a token file, whatever else is there',
      { 'identity-token-file': 'sa/token' },
      { ...ENV.workload, ...ENV.github },
      'token-file',
      /^auto: identity-token-file is set$/
    ],
    [
      'workload identity first among the Azure sources',
      { 'azure-audience': AUDIENCE },
      { ...ENV.workload, ...ENV.appService, ...ENV.github },
      'workload-identity',
      /AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and AZURE_TENANT_ID are set/
    ],
    [
      'App Service / Container Apps next',
      { 'azure-audience': AUDIENCE },
      { ...ENV.appService, IMDS_ENDPOINT: 'http://localhost:40342' },
      'app-service',
      /IDENTITY_ENDPOINT and IDENTITY_HEADER are set/
    ],
    ['Arc by its two variables', { 'azure-audience': AUDIENCE }, ENV.arc, 'arc', /IDENTITY_ENDPOINT and IMDS_ENDPOINT are set/],
    [
      'IMDS last, even in a GitHub job with an OIDC token',
      { 'azure-audience': AUDIENCE },
      ENV.github,
      'imds',
      /azure-audience is set and no other Azure identity endpoint/
    ],
    ["GitHub's token without azure-audience", {}, ENV.github, 'github', /ACTIONS_ID_TOKEN_REQUEST_URL is set and azure-audience is not/],
    [
      "Azure DevOps' token without azure-audience",
      {},
      ENV.azureDevOps,
      'azure-devops',
      /System\.OidcRequestUri is set and azure-audience is not/
    ]
  ])('picks %s', (_what, inputs, env, kind, reason) => {
    const { source, reason: why } = select(inputs, env);
    expect(source.kind).toBe(kind);
    expect(why).toMatch(reason);
  });

  it('picks Arc when only its agent is installed', () => {
    const { source, reason } = select({ 'azure-audience': AUDIENCE }, {}, { exists: (f) => f === '/opt/azcmagent/bin/himds' });
    expect(source.kind).toBe('arc');
    expect(source.endpoint).toBe('http://localhost:40342/metadata/identity/oauth2/token');
    expect(reason).toBe('auto: the Arc agent is installed (/opt/azcmagent/bin/himds)');
  });

  it('binds azure-audience into the Azure sources and names where each asks', () => {
    const { source } = select({ 'azure-audience': `${AUDIENCE}/.default` }, ENV.appService);
    expect(source).toMatchObject({
      kind: 'app-service',
      resource: AUDIENCE,
      tokenName: 'Azure token',
      endpoint: 'http://localhost:42356/msi/token'
    });
    expect(source.name).toBe('the App Service / Container Apps identity endpoint');
  });

  it('takes the Azure DevOps request URI from the task library when it offers it', () => {
    const platform: PlatformIdentity = {
      variable: (n) => (n === 'System.OidcRequestUri' ? ENV.azureDevOps.SYSTEM_OIDCREQUESTURI : undefined)
    };
    expect(select({}, {}, { platform }).source.kind).toBe('azure-devops');
  });

  it('lists what it looked for, and which input to set, when nothing is found', () => {
    const error = refusal({}, {}, { label: camel });
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('azure-audience');
    expect(error.message.split('\n')).toEqual([
      'Input azureAudience is not set, and no other identity source is available to this job. Looked for:',
      '- identityTokenFile: not set;',
      '- azureAudience: not set, so the Azure managed identity sources (workload identity, App Service / Container Apps, Azure Arc, IMDS) were not tried;',
      "- GitHub Actions' OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set (not a GitHub Actions job);",
      "- Azure DevOps' OIDC token: System.OidcRequestUri is not set (not an Azure Pipelines job).",
      'Set azureAudience (e.g. api://<app-client-id>) to use the Azure managed identity of this machine, pod or app; identityTokenFile to present an OIDC token file (e.g. a Kubernetes projected service-account token); or identitySource to choose a source.'
    ]);
  });

  it('names the missing permission in a GitHub job without an OIDC token', () => {
    expect(refusal({}, { GITHUB_ACTIONS: 'true' }).message).toContain(
      '- GitHub Actions\' OIDC token: this is a GitHub Actions job, but ACTIONS_ID_TOKEN_REQUEST_URL is not set, so this job may not ask GitHub for an OIDC token: add "permissions: id-token: write"'
    );
  });
});

describe('an explicit identity-source', () => {
  it.each<[string, NodeJS.ProcessEnv]>([
    ['imds', ENV.appService],
    ['app-service', ENV.appService],
    ['arc', {}],
    ['workload-identity', ENV.workload]
  ])('%s is used as asked, and needs azure-audience', (kind, env) => {
    expect(select({ 'identity-source': kind, 'azure-audience': AUDIENCE }, env)).toMatchObject({
      source: { kind },
      reason: `identity-source: ${kind}`
    });
    const error = refusal({ 'identity-source': kind }, env, { label: camel });
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(new RegExp(`^Input azureAudience is required with identitySource ${kind}: the Application ID URI`));
  });

  it('token-file needs identity-token-file', () => {
    expect(refusal({ 'identity-source': 'token-file' }).message).toMatch(
      /^Input identity-token-file is required with identity-source token-file/
    );
  });

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['app-service', {}, /^identity-source is app-service, but IDENTITY_ENDPOINT and IDENTITY_HEADER are not both set/],
    [
      'workload-identity',
      { AZURE_CLIENT_ID: GUID },
      /^identity-source is workload-identity, but AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID are not set: the pod is not set up for workload identity/
    ],
    [
      'github',
      { GITHUB_ACTIONS: 'true' },
      /^identity-source is github, but ACTIONS_ID_TOKEN_REQUEST_URL is not set, .*permissions: id-token: write/
    ],
    ['azure-devops', {}, /^identity-source is azure-devops, but System\.OidcRequestUri is not set/]
  ])('%s says what is missing from the environment', (kind, env, message) => {
    const error = refusal(
      { 'identity-source': kind, 'azure-audience': kind === 'app-service' || kind === 'workload-identity' ? AUDIENCE : '' },
      env
    );
    expect(error).toBeInstanceOf(LoginError);
    expect(error.message).toMatch(message);
  });

  it("arc without its variables asks the agent's default endpoint", () => {
    expect(select({ 'identity-source': 'arc', 'azure-audience': AUDIENCE }).source.endpoint).toBe(
      'http://localhost:40342/metadata/identity/oauth2/token'
    );
  });
});

describe('inputs the chosen source would ignore are refused', () => {
  it.each<[string, Partial<Record<InputName, string>>, NodeJS.ProcessEnv, InputName, RegExp]>([
    [
      'a selector on Arc',
      { 'azure-audience': AUDIENCE, 'managed-identity-client-id': GUID },
      ENV.arc,
      'managed-identity-client-id',
      /Azure Arc offers the machine's system-assigned identity only/
    ],
    [
      'an object ID with workload identity',
      { 'azure-audience': AUDIENCE, 'managed-identity-object-id': GUID },
      ENV.workload,
      'managed-identity-object-id',
      /workload identity chooses the identity by client ID only/
    ],
    [
      'a resource ID with workload identity',
      { 'azure-audience': AUDIENCE, 'managed-identity-resource-id': RESOURCE_ID },
      ENV.workload,
      'managed-identity-resource-id',
      /by client ID only/
    ],
    [
      "a selector with GitHub's token",
      { 'managed-identity-client-id': GUID },
      ENV.github,
      'managed-identity-client-id',
      /selects an Azure managed identity, which this source does not use/
    ],
    [
      'azure-audience with a token file',
      { 'identity-token-file': 'token', 'azure-audience': AUDIENCE },
      {},
      'azure-audience',
      /the token file is presented to Chainguard as it is/
    ],
    [
      'azure-audience with an explicit github source',
      { 'identity-source': 'github', 'azure-audience': AUDIENCE },
      ENV.github,
      'azure-audience',
      /its token is presented to Chainguard as it is/
    ],
    [
      'identity-token-file with an explicit Azure source',
      { 'identity-source': 'imds', 'azure-audience': AUDIENCE, 'identity-token-file': 'token' },
      {},
      'identity-token-file',
      /read only by the token-file source/
    ],
    [
      'a service connection with IMDS',
      { 'azure-audience': AUDIENCE, 'azure-devops-service-connection': GUID },
      ENV.azureDevOps,
      'azure-devops-service-connection',
      /applies only to the Azure DevOps OIDC token/
    ],
    [
      'oidc-audience with Azure DevOps',
      { 'oidc-audience': 'issuer.enforce.dev' },
      ENV.azureDevOps,
      'oidc-audience',
      /always carry the audience api:\/\/AzureADTokenExchange/
    ],
    [
      'oidc-audience with IMDS',
      { 'azure-audience': AUDIENCE, 'oidc-audience': 'x' },
      {},
      'oidc-audience',
      /audience asked of GitHub's OIDC provider only/
    ]
  ])('%s', (_what, inputs, env, input, why) => {
    const error = refusal(inputs, env);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
    expect(error.message).toMatch(new RegExp(`^Input ${input} cannot be used here: the identity source is `));
    expect(error.message).toMatch(why);
  });

  it('keeps the selectors that apply: all three on App Service, a client ID with workload identity', () => {
    for (const [name, value] of [
      ['managed-identity-client-id', GUID],
      ['managed-identity-object-id', GUID],
      ['managed-identity-resource-id', RESOURCE_ID]
    ]) {
      expect(select({ 'azure-audience': AUDIENCE, [name]: value }, ENV.appService).source.kind).toBe('app-service');
    }
    expect(select({ 'azure-audience': AUDIENCE, 'managed-identity-client-id': GUID }, ENV.workload).source.kind).toBe('workload-identity');
  });
});
