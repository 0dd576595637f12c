/** The ACR exchange and login-server validation, against loopback emulators of IMDS and a registry. */
import http from 'node:http';
import { startAcr } from '../../../../emulators/acr.mjs';
import { makeJwt, readJwt, startImds, SYSTEM, TENANT, USER_A } from '../../../../emulators/index.mjs';
import { InputError } from '../../../../src/core/errors.js';
import { ACR_USERNAME } from '../../../../src/core/docker/users.js';
import { ACR_RESOURCE, acrBaseUrl, exchangeAtAcr } from '../../../../src/core/exchange/acr.js';
import { parseAcrLoginServer, parseAcrLoginServers } from '../../../../src/core/inputs/acr-servers.js';
import { ImdsSource } from '../../../../src/core/sources/imds.js';
import { testContext } from '../../../helpers/context.js';
import { failure } from '../../../helpers/failure.js';
import { closedPort } from '../../../helpers/temp.js';

type Imds = Awaited<ReturnType<typeof startImds>>;
type Acr = Awaited<ReturnType<typeof startAcr>>;

let imds: Imds;
let acr: Acr;
beforeEach(async () => {
  imds = await startImds({ tenantId: TENANT, systemAssigned: SYSTEM, userAssigned: [USER_A] });
  acr = await startAcr({ azureTokens: imds, tenantId: TENANT, pullers: [SYSTEM.objectId] });
});
afterEach(async () => {
  await Promise.all([imds.close(), acr.close()]);
});

/** An Azure token from the IMDS emulator, for `resource`, as the job's source would get it. */
function fromImds(resource = ACR_RESOURCE, clientId?: string): () => Promise<string> {
  const selector = clientId ? { kind: 'client-id' as const, value: clientId, inputLabel: 'managed-identity-client-id' } : undefined;
  const source = new ImdsSource(selector, ['managed-identity-client-id'], imds.url);
  return async () => (await source.getToken(resource, testContext())).token;
}

/** The error `fn` throws. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

/** GET /v2/ with docker's Basic credential, as docker does after login. */
function v2Status(host: string, username: string, password: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const auth = Buffer.from(`${username}:${password}`).toString('base64');
    http
      .get(`http://${host}/v2/`, { headers: { Authorization: `Basic ${auth}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('parseAcrLoginServer', () => {
  it.each([
    ['myregistry.azurecr.io', 'myregistry.azurecr.io'],
    ['MyRegistry.AzureCR.io', 'myregistry.azurecr.io'],
    ['https://myregistry.azurecr.io/', 'myregistry.azurecr.io'],
    ['contoso01.azurecr.cn', 'contoso01.azurecr.cn'],
    ['contosogov.azurecr.us', 'contosogov.azurecr.us'],
    ['myregistry-b4dsd9fuhpc0gbcz.azurecr.io', 'myregistry-b4dsd9fuhpc0gbcz.azurecr.io']
  ])('accepts %s', (raw, expected) => {
    expect(parseAcrLoginServer(raw, 'acr-registries')).toBe(expected);
  });

  it.each(['127.0.0.1:5000', 'localhost:8443', '[::1]:5000'])('accepts the loopback %s only under the test-only setting', (raw) => {
    expect(parseAcrLoginServer(raw, 'acr-registries', true)).toBe(raw);
    const error = thrown(() => parseAcrLoginServer(raw, 'acrRegistries'));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `Input acrRegistries names ${raw}, a loopback address: accepted only for tests with CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS=1, since it would hand this job's tokens to whatever listens on this machine. Give <registry name>.azurecr.io.`
    );
  });

  it.each([
    'myregistry',
    'abcd.azurecr.io',
    'my_registry.azurecr.io',
    'myregistry.azurecr.io.example.test',
    'myregistry.azurecr.de',
    'http://myregistry.azurecr.io',
    'myregistry.azurecr.io/path',
    'myregistry.azurecr.io:443',
    '10.0.0.4:5000',
    '127.0.0.1',
    'registry.example.test:5000',
    'eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln'
  ])('refuses %s, naming the input and the expected form', (raw) => {
    const error = thrown(() => parseAcrLoginServer(raw, 'acrRegistries'));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('acr-registries');
    expect(error.message).toContain('Input acrRegistries');
    expect(error.message).toContain('.azurecr.io');
    expect(error.message).not.toContain('eyJhbGciOiJSUzI1NiJ9');
  });

  it('reads a list separated by commas, spaces or new lines, without repeats', () => {
    expect(parseAcrLoginServers('one11.azurecr.io, two22.azurecr.io\nONE11.azurecr.io  three3.azurecr.cn', 'acr-registries')).toEqual([
      'one11.azurecr.io',
      'two22.azurecr.io',
      'three3.azurecr.cn'
    ]);
    expect(parseAcrLoginServers('  ', 'acr-registries')).toEqual([]);
    expect(() => parseAcrLoginServers('one11.azurecr.io,bad', 'acr-registries')).toThrow(InputError);
  });

  it('uses https except for a loopback host:port', () => {
    expect(acrBaseUrl('myregistry.azurecr.io').href).toBe('https://myregistry.azurecr.io/');
    expect(acrBaseUrl('127.0.0.1:5000').href).toBe('http://127.0.0.1:5000/');
  });
});

describe('exchangeAtAcr', () => {
  it('posts the documented form with the tenant from the token, masks the refresh token, and docker can use it', async () => {
    const context = testContext();
    let azureToken = '';
    const getToken = fromImds();
    const credential = await exchangeAtAcr(
      { loginServer: acr.host, azureToken: async () => (azureToken = await getToken()), inputLabel: 'acr-registries' },
      context
    );
    expect(credential.username).toBe(ACR_USERNAME);
    expect(acr.issued).toEqual([credential.password]);
    expect(context.masked).toEqual([credential.password]);
    expect(credential.expiresAt.getTime()).toBe(readJwt(credential.password)!.exp * 1000);
    expect(credential.expiresAt.getTime() - Date.now()).toBeGreaterThan(2.9 * 3600 * 1000);

    const exchanges = acr.requests.filter((r) => r.url.pathname === '/oauth2/exchange');
    expect(exchanges).toHaveLength(1);
    expect(exchanges[0].method).toBe('POST');
    expect(exchanges[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(exchanges[0].body))).toEqual({
      grant_type: 'access_token',
      service: acr.host,
      tenant: TENANT,
      access_token: azureToken
    });
    expect(exchanges[0].headers.authorization).toBeUndefined();
    expect(context.debugs.join('\n')).not.toContain(azureToken);

    expect(await v2Status(acr.host, credential.username, credential.password)).toBe(200);
    expect(await v2Status(acr.host, credential.username, 'not-the-token')).toBe(401);
  });

  it('leaves the tenant out when the token carries none', async () => {
    const token = makeJwt({ aud: ACR_RESOURCE, exp: Math.floor(Date.now() / 1000) + 600, oid: SYSTEM.objectId });
    await expect(
      exchangeAtAcr({ loginServer: acr.host, azureToken: async () => token, inputLabel: 'acr-registries' }, testContext())
    ).rejects.toThrow(/HTTP 401/);
    const [exchange] = acr.requests;
    expect(new URLSearchParams(exchange.body).has('tenant')).toBe(false);
  });

  it('retries 429 (honouring Retry-After) and 5xx, then succeeds', async () => {
    acr.script(
      { status: 429, body: { errors: [{ code: 'TOOMANYREQUESTS', message: 'slow down' }] }, headers: { 'Retry-After': '7' } },
      { status: 503, body: 'unavailable' }
    );
    const context = testContext();
    const credential = await exchangeAtAcr({ loginServer: acr.host, azureToken: fromImds(), inputLabel: 'acr-registries' }, context);
    expect(acr.issued).toEqual([credential.password]);
    expect(acr.requests).toHaveLength(3);
    expect(context.clock.sleeps).toEqual([7000, 2000]);
  });

  it('gives up after five attempts of 5xx, saying so', async () => {
    acr.script(...Array.from({ length: 5 }, () => ({ status: 500, body: { errors: [{ code: 'INTERNAL', message: 'boom' }] } })));
    const context = testContext();
    const error = await failure(exchangeAtAcr({ loginServer: acr.host, azureToken: fromImds(), inputLabel: 'acr-registries' }, context));
    expect(error.message).toContain(`Could not log in to the Azure Container Registry ${acr.host}`);
    expect(error.message).toContain('HTTP 500 INTERNAL: boom');
    expect(error.message).toContain('after 5 attempts');
    expect(acr.requests).toHaveLength(5);
  });

  it('does not retry 401/403, and explains a missing AcrPull with the role assignment command', async () => {
    const context = testContext();
    let azureToken = '';
    const getToken = fromImds(ACR_RESOURCE, USER_A.clientId);
    const error = await failure(
      exchangeAtAcr(
        { loginServer: acr.host, azureToken: async () => (azureToken = await getToken()), inputLabel: 'acrRegistries' },
        context
      )
    );
    expect(acr.requests).toHaveLength(1);
    expect(error.message).toContain('HTTP 403 DENIED');
    expect(error.message).toContain(`principal ${USER_A.objectId}`);
    expect(error.message).toContain(
      `\n  az role assignment create --assignee-object-id ${USER_A.objectId} --assignee-principal-type ServicePrincipal --role AcrPull`
    );
    expect(error.message).toContain('Container Registry Repository Reader');
    expect(error.message).not.toContain(azureToken);
  });

  it('explains a token for the wrong resource as a refusal (401)', async () => {
    const error = await failure(
      exchangeAtAcr({ loginServer: acr.host, azureToken: fromImds('api://some-app'), inputLabel: 'acr-registries' }, testContext())
    );
    expect(error.message).toMatch(/HTTP 401 UNAUTHORIZED: token validation failed: audience/);
    expect(error.message).toContain('AcrPull');
  });

  it('says when the address is not a registry (404) and when nothing listens', async () => {
    acr.script({ status: 404, body: '404 page not found' });
    const notFound = await failure(
      exchangeAtAcr({ loginServer: acr.host, azureToken: fromImds(), inputLabel: 'acr-registries' }, testContext())
    );
    expect(notFound.message).toContain('HTTP 404');
    expect(notFound.message).toContain('check that acr-registries names an Azure Container Registry login server');

    const port = await closedPort();
    const refused = await failure(
      exchangeAtAcr({ loginServer: `127.0.0.1:${port}`, azureToken: fromImds(), inputLabel: 'acr-registries' }, testContext())
    );
    expect(refused.message).toContain(`127.0.0.1:${port} refused the connection`);
    expect(refused.message).toContain('check acr-registries');
  });

  it('refuses a 200 without a refresh token', async () => {
    acr.script({ status: 200, body: { access_token: 'eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.c2lnbmF0dXJlLXZhbHVl' } });
    const context = testContext();
    const error = await failure(exchangeAtAcr({ loginServer: acr.host, azureToken: fromImds(), inputLabel: 'acr-registries' }, context));
    expect(error.message).toContain('JSON without a refresh_token');
    expect(context.masked).toEqual(['eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.c2lnbmF0dXJlLXZhbHVl']);
  });
});
