import { AZURE_DEVOPS, readJwt, startAzureDevOpsOidc } from '../../../../emulators/index.mjs';
import { AzureDevOpsOidcSource, oidcRequestUri } from '../../../../src/core/sources/azure-devops-oidc.js';
import type { PlatformIdentity } from '../../../../src/core/platform.js';
import { testContext } from '../../../helpers/context.js';
import { failure } from '../../../helpers/failure.js';

type Endpoint = Awaited<ReturnType<typeof startAzureDevOpsOidc>>;
let ado: Endpoint;
beforeEach(async () => {
  ado = await startAzureDevOpsOidc({
    ...AZURE_DEVOPS,
    serviceConnections: { [AZURE_DEVOPS.serviceConnectionId]: AZURE_DEVOPS.serviceConnectionName }
  });
});
afterEach(async () => {
  await ado.close();
});

const offered = (token: string | null = ado.accessToken): PlatformIdentity => ({ azureDevOpsAccessToken: () => token ?? undefined });
const connection = { id: AZURE_DEVOPS.serviceConnectionId, inputLabel: 'azureDevOpsServiceConnection' };
/** The emulator listens on loopback: accepted under the test-only setting (CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS). */
const TEST_LOOPBACK = true;

describe('AzureDevOpsOidcSource', () => {
  it("asks for the pipeline's token with the job's access token, masking both", async () => {
    const context = testContext({ platform: offered() });
    const result = await new AzureDevOpsOidcSource(ado.requestUri, undefined, TEST_LOOPBACK).getToken(context);
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

  it("asks for a service connection's token", async () => {
    const result = await new AzureDevOpsOidcSource(ado.requestUri, connection, TEST_LOOPBACK).getToken(
      testContext({ platform: offered() })
    );
    expect(readJwt(result.token)?.sub).toBe(`sc://${AZURE_DEVOPS.org}/${AZURE_DEVOPS.project}/${AZURE_DEVOPS.serviceConnectionName}`);
    expect(ado.requests[0].url.searchParams.get('serviceConnectionId')).toBe(AZURE_DEVOPS.serviceConnectionId);
  });

  it('explains an unknown or unauthorized service connection, naming the input', async () => {
    const other = { id: '00000000-1111-4222-8333-444444444444', inputLabel: 'azureDevOpsServiceConnection' };
    const error = await failure(
      new AzureDevOpsOidcSource(ado.requestUri, other, TEST_LOOPBACK).getToken(testContext({ platform: offered() }))
    );
    expect(error.message).toMatch(
      /HTTP 400 .*The service connection 00000000-1111-4222-8333-444444444444 \(azureDevOpsServiceConnection\) does not exist in this project, this pipeline is not authorized to use it/
    );
  });

  it('explains a refused access token without showing it', async () => {
    const error = await failure(
      new AzureDevOpsOidcSource(ado.requestUri, undefined, TEST_LOOPBACK).getToken(
        testContext({ platform: offered('expired-access-token-value') })
      )
    );
    expect(error.message).toMatch(/HTTP 401 .*Azure DevOps did not accept the job's access token \(System\.AccessToken\)/);
    expect(error.message).not.toContain('expired-access-token-value');
    expect(ado.requests).toHaveLength(1);
  });

  it('treats a sign-in page as a refused access token', async () => {
    ado.script({ status: 203, body: '<html>Sign In</html>' });
    const error = await failure(
      new AzureDevOpsOidcSource(ado.requestUri, undefined, TEST_LOOPBACK).getToken(testContext({ platform: offered() }))
    );
    expect(error.message).toMatch(/HTTP 203.*did not accept the job's access token/);
    ado.script({ status: 200, body: '<html>Sign In</html>' });
    const second = await failure(
      new AzureDevOpsOidcSource(ado.requestUri, undefined, TEST_LOOPBACK).getToken(testContext({ platform: offered() }))
    );
    expect(second.message).toMatch(/not JSON \(a sign-in page, when the access token is not accepted\)/);
  });

  it('retries 503 and 429', async () => {
    ado.script({ status: 503, body: {} }, { status: 429, headers: { 'Retry-After': '3' }, body: {} });
    const context = testContext({ platform: offered() });
    await new AzureDevOpsOidcSource(ado.requestUri, undefined, TEST_LOOPBACK).getToken(context);
    expect(ado.requests).toHaveLength(3);
    expect(context.clock.sleeps).toEqual([1000, 3000]);
  });

  it('says how to hand the access token over when the job has none', async () => {
    const error = await failure(
      new AzureDevOpsOidcSource(ado.requestUri, undefined, TEST_LOOPBACK).getToken(testContext({ platform: offered(null) }))
    );
    expect(error.message).toMatch(
      /the job has no access token \(System\.AccessToken\).*env: SYSTEM_ACCESSTOKEN: \$\(System\.AccessToken\)/
    );
    expect(ado.requests).toHaveLength(0);
  });

  it('reads SYSTEM_ACCESSTOKEN and SYSTEM_OIDCREQUESTURI from the environment when the platform offers nothing (the command-line tool)', async () => {
    const env = { SYSTEM_ACCESSTOKEN: ado.accessToken, SYSTEM_OIDCREQUESTURI: ado.requestUri };
    expect(oidcRequestUri(env, undefined)).toBe(ado.requestUri);
    const result = await new AzureDevOpsOidcSource(oidcRequestUri(env, undefined)!, undefined, TEST_LOOPBACK).getToken(
      testContext({ env })
    );
    expect(result.token).toMatch(/^eyJ/);
    expect(
      oidcRequestUri(
        { SYSTEM_OIDCREQUESTURI: 'x' },
        { variable: (name) => (name === 'System.OidcRequestUri' ? 'from-task-lib' : undefined) }
      )
    ).toBe('from-task-lib');
  });

  it.each([
    'https://dev.azure.com/o/p/_apis/distributedtask/hubs/build/plans/1/jobs/2/oidctoken',
    'https://DEV.Azure.com/o/p/_apis/oidctoken',
    'https://octo-org.visualstudio.com/p/_apis/oidctoken'
  ])('takes a request URI on Azure DevOps Services: %s', (uri) => {
    expect(new AzureDevOpsOidcSource(uri).endpoint).toBe(new URL(uri).origin + new URL(uri).pathname);
  });

  it.each([
    'https://evil.example/o/p/_apis/oidctoken',
    'https://dev.azure.com.evil.example/o/p/_apis/oidctoken',
    'https://azure.com/o/p/_apis/oidctoken',
    'https://a.b.visualstudio.com/p/_apis/oidctoken',
    'https://visualstudio.com/p/_apis/oidctoken'
  ])('refuses a request URI elsewhere, which would receive the access token: %s', (uri) => {
    expect(() => new AzureDevOpsOidcSource(uri)).toThrow(
      /^System\.OidcRequestUri \(https:\/\/[^)]+\) is not an Azure DevOps Services address \(dev\.azure\.com or \*\.visualstudio\.com\), and the job's access token would be sent there/
    );
  });

  it('refuses a loopback request URI unless the test-only setting allows it', () => {
    expect(() => new AzureDevOpsOidcSource(ado.requestUri)).toThrow(
      /^System\.OidcRequestUri \(http:\/\/127\.0\.0\.1:\d+\) is a loopback address, accepted only for tests with CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS=1/
    );
    expect(new AzureDevOpsOidcSource(ado.requestUri, undefined, TEST_LOOPBACK).endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('refuses a request URI off https', () => {
    expect(() => new AzureDevOpsOidcSource('http://dev.azure.com/o/p/_apis/oidctoken')).toThrow(
      /System\.OidcRequestUri .* uses plain http off this machine/
    );
  });
});
