import { APP_CLIENT_ID, readJwt, startSts, SYSTEM, systemAzureJwt, TENANT } from '../../../../emulators/index.mjs';
import { refusalAdvice, withTrustAdvice } from '../../../../src/core/advice/trust.js';
import { exchangeAtChainguard as exchange, type ExchangeRequest } from '../../../../src/core/exchange/chainguard-sts.js';
import type { EndpointContext } from '../../../../src/core/net/token-endpoint.js';
import { sourceDefinition } from '../../../../src/core/sources/table.js';
import { testContext } from '../../../helpers/context.js';
import { failure } from '../../../helpers/failure.js';
import { closedPort } from '../../../helpers/temp.js';

const IDENTITY = '0123456789abcdef0123456789abcdef01234567/0123456789abcdef';
const V2_ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
type Sts = Awaited<ReturnType<typeof startSts>>;

let sts: Sts;
beforeEach(async () => {
  sts = await startSts({ identities: { [IDENTITY]: { issuer: V2_ISSUER, subject: SYSTEM.objectId, audience: APP_CLIENT_ID } } });
});
afterEach(async () => {
  await sts.close();
});

/** Who presents the tokens here: an Azure source (IMDS), as the setup doctor sees it. */
const PRESENTED = { source: sourceDefinition('imds'), tokenName: 'Azure token', label: (name: string) => name };

/** The exchange as the login runs it: a refused token gets the setup doctor's advice. */
async function exchangeAtChainguard(req: ExchangeRequest, context: EndpointContext) {
  try {
    return await exchange(req, context);
  } catch (error) {
    throw withTrustAdvice(error, PRESENTED);
  }
}

/** The setup doctor's advice on a refused token. */
function claimsAdvice(req: ExchangeRequest): string {
  return refusalAdvice({ ...PRESENTED, token: req.subjectToken, identity: req.identity, now: Date.now() });
}

function request(overrides: Partial<ExchangeRequest> = {}): ExchangeRequest {
  return {
    issuer: sts.url,
    identity: IDENTITY,
    audience: 'cgr.dev',
    subjectToken: systemAzureJwt(),
    identityInput: 'identity',
    audienceInput: 'audience',
    ...overrides
  };
}

describe('exchangeAtChainguard', () => {
  it('posts aud and identity form-encoded with the Azure token as Bearer, and masks the result', async () => {
    const req = request();
    const context = testContext();
    const result = await exchangeAtChainguard(req, context);
    expect(readJwt(result.token)).toMatchObject({ sub: IDENTITY, aud: 'cgr.dev' });
    expect(result.expiresAt.getTime()).toBe(readJwt(result.token)!.exp * 1000);
    expect(context.masked).toEqual([result.token]);
    const [recorded] = sts.requests;
    expect(recorded.method).toBe('POST');
    expect(recorded.url.pathname).toBe('/sts/exchange');
    expect(recorded.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(recorded.headers.authorization).toBe(`Bearer ${req.subjectToken}`);
    expect(Object.fromEntries(new URLSearchParams(recorded.body))).toEqual({ aud: 'cgr.dev', identity: IDENTITY });
    expect(context.debugs.join('\n')).not.toContain(req.subjectToken);
  });

  it('retries 502/503 with a short jittered delay, then succeeds', async () => {
    sts.script({ status: 502, body: 'bad gateway' }, { status: 503, body: { code: 14, message: 'unavailable' } });
    const context = testContext();
    const result = await exchangeAtChainguard(request(), context);
    expect(result.token).toMatch(/^eyJ/);
    expect(sts.requests).toHaveLength(3);
    expect(context.clock.sleeps).toEqual([150, 300]);
  });

  it('gives up on a persistently unavailable STS after three attempts', async () => {
    sts.script(...Array.from({ length: 5 }, () => ({ status: 503, body: { code: 14, message: 'unavailable' } })));
    const error = await failure(exchangeAtChainguard(request(), testContext()));
    expect(sts.requests).toHaveLength(3);
    expect(error.message).toMatch(/stayed unavailable .*after 3 attempts/);
  });

  it.each([400, 401, 403, 404, 500])('never retries %i', async (status) => {
    sts.script({ status, body: { code: 3, message: 'nope' } });
    await failure(exchangeAtChainguard(request(), testContext()));
    expect(sts.requests).toHaveLength(1);
  });

  it("explains a claim mismatch with the token's claims and the v1 issuer cause", async () => {
    const v1 = systemAzureJwt({ iss: `https://sts.windows.net/${TENANT}/`, aud: `api://${APP_CLIENT_ID}` });
    const error = await failure(exchangeAtChainguard(request({ subjectToken: v1 }), testContext()));
    expect(error.message).toMatch(/Could not exchange the Azure token at Chainguard's STS/);
    expect(error.message).toMatch(/HTTP 403 PermissionDenied/);
    expect(error.message).toContain(`issuer "https://sts.windows.net/${TENANT}/"`);
    expect(error.message).toContain(`subject "${SYSTEM.objectId}"`);
    expect(error.message).toMatch(/v1 issuer.*requestedAccessTokenVersion/);
    expect(error.message).not.toContain(v1);
    expect(error.message).not.toContain(v1.split('.')[1]);
  });

  it('explains a wrong principal', () => {
    const advice = claimsAdvice(request({ subjectToken: systemAzureJwt({ sub: 'someone-else' }) }));
    expect(advice).toMatch(/subject "someone-else"/);
    expect(advice).toMatch(/principal \(object\) ID/);
  });

  it('treats 401 like 403', async () => {
    const expired = systemAzureJwt({ exp: 1 });
    const error = await failure(exchangeAtChainguard(request({ subjectToken: expired }), testContext()));
    expect(error.message).toMatch(/HTTP 401 Unauthenticated: Unauthenticated: token expired/);
    expect(error.message).toMatch(/must match the Azure token's claims/);
  });

  it('points at the identity input on 404 and the parameters on 400', async () => {
    sts.script({ status: 404, body: { code: 5, message: 'not found' } });
    expect((await failure(exchangeAtChainguard(request(), testContext()))).message).toMatch(/Check identity/);
    const error = await failure(exchangeAtChainguard(request({ audience: '' }), testContext()));
    expect(error.message).toMatch(/HTTP 400 InvalidArgument: Audience must be specified/);
    expect(error.message).toMatch(/check identity .* and audience/);
  });

  it('refuses bodies that are not a token response', async () => {
    sts.script(
      { status: 200, body: 'ok' },
      { status: 200, body: { refresh_token: 'x' } },
      { status: 200, body: { token: 'opaque-not-a-jwt' } }
    );
    expect((await failure(exchangeAtChainguard(request(), testContext()))).message).toMatch(/not JSON/);
    expect((await failure(exchangeAtChainguard(request(), testContext()))).message).toMatch(/JSON without a token/);
    const context = testContext();
    const error = await failure(exchangeAtChainguard(request(), context));
    expect(error.message).toMatch(/not a JWT/);
    expect(error.message).not.toContain('opaque-not-a-jwt');
    expect(context.masked).toEqual(['opaque-not-a-jwt']);
  });

  it('names the STS and the issuer input when it cannot be reached', async () => {
    const port = await closedPort();
    const error = await failure(exchangeAtChainguard(request({ issuer: `http://127.0.0.1:${port}` }), testContext()));
    expect(error.message).toMatch(/refused the connection/);
    expect(error.message).toMatch(/Check the issuer input/);
  });
});
