import { startImds, SYSTEM, TENANT, USER_A, USER_B, readJwt } from '../../../../emulators/index.mjs';
import { LoginError } from '../../../../src/core/errors.js';
import { expiryFrom } from '../../../../src/core/net/token-endpoint.js';
import { ImdsSource, imdsBase, IMDS_DEFAULT_BASE } from '../../../../src/core/sources/imds.js';
import type { IdentitySelector } from '../../../../src/core/sources/inputs.js';
import { testContext } from '../../../helpers/context.js';
import { failure } from '../../../helpers/failure.js';
import { closedPort } from '../../../helpers/temp.js';

const SELECTORS = ['managed-identity-client-id', 'managed-identity-object-id', 'managed-identity-resource-id'];
const RESOURCE = 'api://3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c';
type Imds = Awaited<ReturnType<typeof startImds>>;

let imds: Imds;
beforeEach(async () => {
  imds = await startImds({ tenantId: TENANT, systemAssigned: SYSTEM, userAssigned: [USER_A, USER_B] });
});
afterEach(async () => {
  await imds.close();
});

const source = (selector?: IdentitySelector, base = imds.url) => new ImdsSource(selector, SELECTORS, base);
const clientSelector = (value: string): IdentitySelector => ({ kind: 'client-id', value, inputLabel: 'managed-identity-client-id' });

describe('ImdsSource', () => {
  it('asks for the system-assigned identity exactly as IMDS expects, and masks the token first', async () => {
    const context = testContext();
    const result = await source().getToken(RESOURCE, context);
    expect(readJwt(result.token)).toMatchObject({ sub: SYSTEM.objectId, aud: '3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c' });
    expect(context.masked).toEqual([result.token]);
    expect(result.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    const [request] = imds.requests;
    expect(request.method).toBe('GET');
    expect(request.url.pathname).toBe('/metadata/identity/oauth2/token');
    expect(Object.fromEntries(request.url.searchParams)).toEqual({ 'api-version': '2018-02-01', resource: RESOURCE });
    expect(request.headers.metadata).toBe('true');
    expect(request.headers['x-forwarded-for']).toBeUndefined();
    expect(context.debugs.join('\n')).not.toContain(result.token);
  });

  it.each<[IdentitySelector, string, string]>([
    [{ kind: 'client-id', value: USER_A.clientId, inputLabel: 'x' }, 'client_id', USER_A.objectId],
    [{ kind: 'object-id', value: USER_B.objectId, inputLabel: 'x' }, 'object_id', USER_B.objectId],
    [{ kind: 'resource-id', value: USER_A.resourceId, inputLabel: 'x' }, 'msi_res_id', USER_A.objectId]
  ])('selects a user-assigned identity by %j', async (selector, parameter, subject) => {
    const result = await source(selector).getToken(RESOURCE, testContext());
    expect(readJwt(result.token)?.sub).toBe(subject);
    expect(imds.requests[0].url.searchParams.get(parameter)).toBe(selector.value);
  });

  it('explains an identity that is not assigned, naming the selector input', async () => {
    const context = testContext();
    const error = await failure(source(clientSelector('99999999-aaaa-4aaa-8aaa-999999999999')).getToken(RESOURCE, context));
    expect(error).toBeInstanceOf(LoginError);
    expect(error.message).toMatch(/Could not get an Azure token from IMDS/);
    expect(error.message).toMatch(/Identity not found/);
    expect(error.message).toMatch(
      /selected by managed-identity-client-id \(99999999-aaaa-4aaa-8aaa-999999999999\) is not assigned to this machine/
    );
    expect(imds.requests).toHaveLength(1);
    expect(context.clock.sleeps).toEqual([]);
  });

  it('names all three selectors when several identities exist and none was chosen', async () => {
    const multi = await startImds({ tenantId: TENANT, userAssigned: [USER_A, USER_B] });
    try {
      const error = await failure(source(undefined, multi.url).getToken(RESOURCE, testContext()));
      expect(error.message).toMatch(/Multiple user assigned identities exist/);
      for (const name of SELECTORS) expect(error.message).toContain(name);
    } finally {
      await multi.close();
    }
  });

  it('says there is no managed identity endpoint when the connection is refused, without retrying', async () => {
    const context = testContext();
    const port = await closedPort();
    const error = await failure(source(undefined, `http://127.0.0.1:${port}`).getToken(RESOURCE, context));
    expect(error.message).toMatch(/refused the connection/);
    expect(error.message).toMatch(/no Azure managed identity endpoint/);
    expect(context.clock.sleeps).toEqual([]);
  });

  it('retries 404, 429 (honouring Retry-After) and 5xx with backoff, then succeeds', async () => {
    imds.script({ status: 404, body: 'updating' }, { status: 429, headers: { 'Retry-After': '7' }, body: {} }, { status: 503, body: {} });
    const context = testContext();
    const result = await source().getToken(RESOURCE, context);
    expect(result.token).toMatch(/^eyJ/);
    expect(imds.requests).toHaveLength(4);
    // backoff 1 s, 2 s, 4 s (random fixed at 0.5, so no jitter); Retry-After raises the second to 7 s.
    expect(context.clock.sleeps).toEqual([1000, 7000, 4000]);
  });

  it('keeps riding out 410 for at least 70 s, then gives up with a clear message', async () => {
    imds.script(...Array.from({ length: 40 }, () => ({ status: 410, body: { error: 'gone', error_description: 'IMDS is updating' } })));
    const context = testContext();
    const error = await failure(source().getToken(RESOURCE, context));
    const waited = context.clock.sleeps.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThanOrEqual(70_000);
    expect(waited).toBeLessThan(90_000);
    expect(error.message).toMatch(/still updating/);
  });

  it('stops retrying 5xx after a bounded number of attempts', async () => {
    imds.script(...Array.from({ length: 10 }, () => ({ status: 500, body: {} })));
    const context = testContext();
    const error = await failure(source().getToken(RESOURCE, context));
    expect(imds.requests).toHaveLength(6);
    expect(error.message).toMatch(/kept failing \(last answer HTTP 500\) after 6 attempts/);
  });

  it('does not retry other 4xx', async () => {
    imds.script({ status: 403, body: { error: 'forbidden', error_description: 'no' } });
    const context = testContext();
    const error = await failure(source().getToken(RESOURCE, context));
    expect(error.message).toMatch(/IMDS answered HTTP 403 \(forbidden: no\)/);
    expect(imds.requests).toHaveLength(1);
  });

  it('refuses a 200 that is not a token response', async () => {
    imds.script({ status: 200, body: '<html>proxy login</html>' });
    const error = await failure(source().getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(/answered 200 with a body that is not JSON/);
    imds.script({ status: 200, body: { token_type: 'Bearer' } });
    const second = await failure(source().getToken(RESOURCE, testContext()));
    expect(second.message).toMatch(/JSON without an access_token/);
  });

  it('caps the body size instead of buffering it', async () => {
    imds.script({ bodyBytes: 10 * 1024 * 1024 });
    const error = await failure(source().getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(/larger than 65536 bytes/);
  });

  it('does not follow redirects', async () => {
    imds.script({ status: 307, headers: { Location: 'http://127.0.0.1:1/elsewhere' }, body: '' });
    const error = await failure(source().getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(/redirect/);
    expect(imds.requests).toHaveLength(1);
  });

  it('never uses a proxy, even when the environment names one', async () => {
    const saved = { ...process.env };
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    process.env.http_proxy = 'http://127.0.0.1:9';
    try {
      const result = await source().getToken(RESOURCE, testContext());
      expect(result.token).toMatch(/^eyJ/);
    } finally {
      process.env = saved;
    }
  });

  it('honours AZURE_POD_IDENTITY_AUTHORITY_HOST and defaults to the link-local address', () => {
    expect(imdsBase({})).toBe(IMDS_DEFAULT_BASE);
    expect(imdsBase({ AZURE_POD_IDENTITY_AUTHORITY_HOST: 'http://127.0.0.1:1234' })).toBe('http://127.0.0.1:1234');
    expect(new ImdsSource(undefined, SELECTORS).endpoint).toBe('http://169.254.169.254/metadata/identity/oauth2/token');
  });
});

describe('expiryFrom', () => {
  it('reads expires_on as epoch seconds or a date string, else expires_in', () => {
    expect(expiryFrom({ expires_on: '1702429034' }, 0)?.toISOString()).toBe('2023-12-13T00:57:14.000Z');
    expect(expiryFrom({ expires_on: '12/13/2023 1:57:14 AM +00:00' }, 0)?.toISOString()).toBe('2023-12-13T01:57:14.000Z');
    expect(expiryFrom({ expires_in: '60' }, 1000)?.getTime()).toBe(61_000);
    expect(expiryFrom({}, 0)).toBeUndefined();
  });
});
