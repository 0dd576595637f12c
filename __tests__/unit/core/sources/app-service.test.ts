import { APP_SERVICE_MI, readJwt, startAppService, TENANT, USER_A } from '../../../../emulators/index.mjs';
import { LoginError } from '../../../../src/core/errors.js';
import { AppServiceSource, detectAppService } from '../../../../src/core/sources/app-service.js';
import type { IdentitySelector } from '../../../../src/core/sources/inputs.js';
import { testContext } from '../../../helpers/context.js';
import { failure } from '../../../helpers/failure.js';
import { closedPort } from '../../../helpers/temp.js';

const RESOURCE = 'api://3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c';
type AppService = Awaited<ReturnType<typeof startAppService>>;

let endpoint: AppService;
beforeEach(async () => {
  endpoint = await startAppService({ tenantId: TENANT, systemAssigned: APP_SERVICE_MI, userAssigned: [USER_A] });
});
afterEach(async () => {
  await endpoint.close();
});

const source = (selector?: IdentitySelector, header = endpoint.identityHeader, url = endpoint.endpoint) =>
  new AppServiceSource({ endpoint: url, header }, selector);

describe('AppServiceSource', () => {
  it('asks as App Service and Container Apps expect, masking the identity header and the token', async () => {
    const context = testContext();
    const result = await source().getToken(RESOURCE, context);
    expect(readJwt(result.token)).toMatchObject({ sub: APP_SERVICE_MI.objectId, aud: '3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c' });
    expect(context.masked).toEqual([endpoint.identityHeader, result.token]);
    const [request] = endpoint.requests;
    expect(request.method).toBe('GET');
    expect(request.url.pathname).toBe('/msi/token');
    expect(Object.fromEntries(request.url.searchParams)).toEqual({ 'api-version': '2019-08-01', resource: RESOURCE });
    expect(request.headers['x-identity-header']).toBe(endpoint.identityHeader);
    // The answer carries expires_on and no expires_in.
    expect(result.expiresAt?.getTime()).toBe(readJwt(result.token)!.exp * 1000);
    expect(context.debugs.join('\n')).not.toContain(endpoint.identityHeader);
  });

  it.each<[IdentitySelector, string]>([
    [{ kind: 'client-id', value: USER_A.clientId, inputLabel: 'managed-identity-client-id' }, 'client_id'],
    [{ kind: 'object-id', value: USER_A.objectId, inputLabel: 'managed-identity-object-id' }, 'principal_id'],
    [{ kind: 'resource-id', value: USER_A.resourceId, inputLabel: 'managed-identity-resource-id' }, 'mi_res_id']
  ])('selects a user-assigned identity by %j as %s', async (selector, parameter) => {
    const result = await source(selector).getToken(RESOURCE, testContext());
    expect(readJwt(result.token)?.sub).toBe(USER_A.objectId);
    expect(endpoint.requests[0].url.searchParams.get(parameter)).toBe(selector.value);
  });

  it('explains a refused identity header without showing it, and does not retry', async () => {
    const context = testContext();
    const error = await failure(source(undefined, 'stale-header-value-0123456789').getToken(RESOURCE, context));
    expect(error).toBeInstanceOf(LoginError);
    expect(error.message).toMatch(
      /^Could not get an Azure token from the App Service \/ Container Apps identity endpoint \(http:\/\/127\.0\.0\.1:\d+\/msi\/token\): it refused the request, HTTP 401/
    );
    expect(error.message).toMatch(/did not accept IDENTITY_HEADER/);
    expect(error.message).not.toContain('stale-header-value-0123456789');
    expect(endpoint.requests).toHaveLength(1);
    expect(context.clock.sleeps).toEqual([]);
  });

  it('names the selector input when the identity is not assigned to the app', async () => {
    const selector: IdentitySelector = {
      kind: 'client-id',
      value: '99999999-aaaa-4aaa-8aaa-999999999999',
      inputLabel: 'managedIdentityClientId'
    };
    const error = await failure(source(selector).getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(/HTTP 400 \(Identity not found\)/);
    expect(error.message).toMatch(/selected by managedIdentityClientId \(99999999-aaaa-4aaa-8aaa-999999999999\) may not be assigned/);
  });

  it("retries 404, 429 (honouring Retry-After) and 503 as Microsoft's SDKs do, then succeeds", async () => {
    endpoint.script({ status: 404, body: {} }, { status: 429, headers: { 'Retry-After': '6' }, body: {} }, { status: 503, body: {} });
    const context = testContext();
    const result = await source().getToken(RESOURCE, context);
    expect(result.token).toMatch(/^eyJ/);
    expect(endpoint.requests).toHaveLength(4);
    expect(context.clock.sleeps).toEqual([1000, 6000, 4000]);
  });

  it('gives up after three retries', async () => {
    endpoint.script(...Array.from({ length: 6 }, () => ({ status: 500, body: { statusCode: 500, message: 'boom' } })));
    const error = await failure(source().getToken(RESOURCE, testContext()));
    expect(endpoint.requests).toHaveLength(4);
    expect(error.message).toMatch(/kept failing \(last answer HTTP 500 \(boom\)\) after 4 attempts/);
  });

  it('says the endpoint is not running when the connection is refused', async () => {
    const port = await closedPort();
    const error = await failure(source(undefined, 'h', `http://127.0.0.1:${port}/msi/token`).getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(/refused the connection\. IDENTITY_ENDPOINT names an endpoint that is not running/);
  });

  it('refuses a 200 that is not a token answer', async () => {
    endpoint.script({ status: 200, body: '<html>login</html>' });
    expect((await failure(source().getToken(RESOURCE, testContext()))).message).toMatch(/answered 200 with a body that is not JSON/);
  });

  it('takes its endpoint from the environment under the https-or-loopback rule', () => {
    expect(detectAppService({ IDENTITY_ENDPOINT: 'http://127.0.0.1:41741/msi/token' })).toBeUndefined();
    expect(detectAppService({ IDENTITY_ENDPOINT: 'http://localhost:42356/msi/token', IDENTITY_HEADER: 'h' })).toEqual({
      endpoint: 'http://localhost:42356/msi/token',
      header: 'h'
    });
    expect(() => source(undefined, 'h', 'http://10.0.0.4:8081/msi/token')).toThrow(
      /IDENTITY_ENDPOINT \(http:\/\/10\.0\.0\.4:8081\) uses plain http off this machine/
    );
    expect(() => source(undefined, 'h', 'https://user:pw@example.com/msi/token')).toThrow(/IDENTITY_ENDPOINT must not carry credentials/);
    expect(() => source(undefined, 'h', 'file:///etc/passwd')).toThrow(/IDENTITY_ENDPOINT must be an https URL/);
    expect(source(undefined, 'h', 'https://identity.example.com/msi/token').endpoint).toBe('https://identity.example.com/msi/token');
  });
});
