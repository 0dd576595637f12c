import { AZURE_DEVOPS, readJwt, startAzureDevOpsOidc } from '../emulators/index.mjs';
import { AzureDevOpsOidcSource, oidcRequestUri } from '../src/core/sources/azure-devops-oidc.js';
import type { PlatformIdentity } from '../src/core/sources/source.js';
import { testContext } from './helpers/context.js';
import { failure } from './helpers/failure.js';

type Endpoint = Awaited<ReturnType<typeof startAzureDevOpsOidc>>;
let ado: Endpoint;
beforeEach(async () => {
  ado = await startAzureDevOpsOidc({ ...AZURE_DEVOPS, serviceConnections: { [AZURE_DEVOPS.serviceConnectionId]: AZURE_DEVOPS.serviceConnectionName } });
});
afterEach(async () => {
  await ado.close();
});

const offered = (token: string | null = ado.accessToken): PlatformIdentity => ({ azureDevOpsAccessToken: () => token ?? undefined });
const connection = { id: AZURE_DEVOPS.serviceConnectionId, inputLabel: 'azureDevOpsServiceConnection' };

describe('AzureDevOpsOidcSource', () => {
  it('asks for the pipeline\'s token with the job\'s access token, masking both', async () => {
    const context = testContext({ platform: offered() });
    const result = await new AzureDevOpsOidcSource(ado.requestUri).getToken(context);
    expect(readJwt(result.token)).toMatchObject({
      iss: `https://vstoken.dev.azure.com/${AZURE_DEVOPS.orgId}`,
      sub: `p://${AZURE_DEVOPS.org}/${AZURE_DEVOPS.project}/${AZURE_DEVOPS.pipeline}`,
      aud: 'api://AzureADTokenExchange'
    });
    expect(context.masked).toEqual([ado.accessToken, result.token]);
    const [request] = ado.requests;
    expect(request.method).toBe('POST');
    expect(Object.fromEntries(request.url.searchParams)).toEqual({ 'api-version': '7.1' });
    expect(request.headers.authorization).toBe(`Bearer ${ado.accessToken}`);
    expect(request.headers['x-tfs-fedauthredirect']).toBe('Suppress');
    expect(request.headers['content-length']).toBe('0');
    expect(context.debugs.join('\n')).not.toContain(ado.accessToken);
  });

  it('asks for a service connection\'s token', async () => {
    const result = await new AzureDevOpsOidcSource(ado.requestUri, connection).getToken(testContext({ platform: offered() }));
    expect(readJwt(result.token)?.sub).toBe(`sc://${AZURE_DEVOPS.org}/${AZURE_DEVOPS.project}/${AZURE_DEVOPS.serviceConnectionName}`);
    expect(ado.requests[0].url.searchParams.get('serviceConnectionId')).toBe(AZURE_DEVOPS.serviceConnectionId);
  });

  it('explains an unknown or unauthorized service connection, naming the input', async () => {
    const other = { id: '00000000-1111-4222-8333-444444444444', inputLabel: 'azureDevOpsServiceConnection' };
    const error = await failure(new AzureDevOpsOidcSource(ado.requestUri, other).getToken(testContext({ platform: offered() })));
    expect(error.message).toMatch(/HTTP 400 .*The service connection 00000000-1111-4222-8333-444444444444 \(azureDevOpsServiceConnection\) does not exist in this project, this pipeline is not authorized to use it/);
  });

  it('explains a refused access token without showing it', async () => {
    const error = await failure(new AzureDevOpsOidcSource(ado.requestUri).getToken(testContext({ platform: offered('expired-access-token-value') })));
    expect(error.message).toMatch(/HTTP 401 .*Azure DevOps did not accept the job's access token \(System\.AccessToken\)/);
    expect(error.message).not.toContain('expired-access-token-value');
    expect(ado.requests).toHaveLength(1);
  });

  it('treats a sign-in page as a refused access token', async () => {
    ado.script({ status: 203, body: '<html>Sign In</html>' });
    const error = await failure(new AzureDevOpsOidcSource(ado.requestUri).getToken(testContext({ platform: offered() })));
    expect(error.message).toMatch(/HTTP 203.*did not accept the job's access token/);
    ado.script({ status: 200, body: '<html>Sign In</html>' });
    const second = await failure(new AzureDevOpsOidcSource(ado.requestUri).getToken(testContext({ platform: offered() })));
    expect(second.message).toMatch(/not JSON \(a sign-in page, when the access token is not accepted\)/);
  });

  it('retries 503 and 429', async () => {
    ado.script({ status: 503, body: {} }, { status: 429, headers: { 'Retry-After': '3' }, body: {} });
    const context = testContext({ platform: offered() });
    await new AzureDevOpsOidcSource(ado.requestUri).getToken(context);
    expect(ado.requests).toHaveLength(3);
    expect(context.clock.sleeps).toEqual([1000, 3000]);
  });

  it('says how to hand the access token over when the job has none', async () => {
    const error = await failure(new AzureDevOpsOidcSource(ado.requestUri).getToken(testContext({ platform: offered(null) })));
    expect(error.message).toMatch(/the job has no access token \(System\.AccessToken\).*env: SYSTEM_ACCESSTOKEN: \$\(System\.AccessToken\)/);
    expect(ado.requests).toHaveLength(0);
  });

  it('reads SYSTEM_ACCESSTOKEN and SYSTEM_OIDCREQUESTURI from the environment when the platform offers nothing (the command-line tool)', async () => {
    const env = { SYSTEM_ACCESSTOKEN: ado.accessToken, SYSTEM_OIDCREQUESTURI: ado.requestUri };
    expect(oidcRequestUri(env, undefined)).toBe(ado.requestUri);
    const result = await new AzureDevOpsOidcSource(oidcRequestUri(env, undefined)!).getToken(testContext({ env }));
    expect(result.token).toMatch(/^eyJ/);
    expect(oidcRequestUri({ SYSTEM_OIDCREQUESTURI: 'x' }, { variable: (name) => (name === 'System.OidcRequestUri' ? 'from-task-lib' : undefined) })).toBe('from-task-lib');
  });

  it('refuses a request URI off https', () => {
    expect(() => new AzureDevOpsOidcSource('http://dev.azure.com/o/p/_apis/oidctoken')).toThrow(/System\.OidcRequestUri .* uses plain http off this machine/);
  });
});
