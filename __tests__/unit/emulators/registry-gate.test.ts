/** The registry gate the end-to-end tests put in front of a real registry: what it lets through. */
import http from 'node:http';
import { IDENTITY_SYSTEM, makeJwt, startEmulators, systemAzureJwt } from '../../../emulators/index.mjs';
import { startRegistryGate, stsTokens } from '../../../emulators/registry-gate.mjs';
import { startScripted } from '../../../emulators/scripted.mjs';
import { waitUntilExpired } from '../../helpers/clock.js';

type Emulators = Awaited<ReturnType<typeof startEmulators>>;
type Upstream = Awaited<ReturnType<typeof startScripted>>;
type Gate = Awaited<ReturnType<typeof startRegistryGate>>;

let emulators: Emulators;
let upstream: Upstream;
let gate: Gate;
beforeEach(async () => {
  emulators = await startEmulators({ stsTokenLifetimeSeconds: 2 });
  upstream = await startScripted(() => ({
    status: 200,
    body: { upstream: true },
    headers: { Location: `http://${upstreamHost()}/v2/x/blobs/uploads/1` }
  }));
  gate = await startRegistryGate({
    upstream: upstream.url,
    upstreamCredentials: { username: 'registry', password: 'registry-pass' },
    accept: stsTokens(emulators.sts)
  });
});
afterEach(async () => {
  await Promise.all([gate.close(), upstream.close(), emulators.close()]);
});
const upstreamHost = (): string => new URL(upstream.url).host;

function get(path: string, user?: string, password?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const headers: Record<string, string> =
    user === undefined ? {} : { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
  return new Promise((resolve, reject) => {
    http
      .get(`${gate.url}${path}`, { headers }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      })
      .on('error', reject);
  });
}

/** A token from the STS emulator, as the step would get it. */
async function stsToken(): Promise<string> {
  const azure = systemAzureJwt({ exp: Math.floor(Date.now() / 1000) + 600 });
  const response = await fetch(`${emulators.sts.url}/sts/exchange`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${azure}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ aud: gate.host, identity: IDENTITY_SYSTEM }).toString()
  });
  return ((await response.json()) as { token: string }).token;
}

describe('the registry gate', () => {
  it('challenges a request without credentials as a registry does', async () => {
    const answer = await get('/v2/');
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toBe('Basic realm="chainguard-test-gate"');
    expect(answer.headers['docker-distribution-api-version']).toBe('registry/2.0');
    expect(upstream.requests).toHaveLength(0);
    expect(gate.requests).toMatchObject([{ method: 'GET', path: '/v2/', verdict: 'missing', status: 401 }]);
  });

  it("forwards a live STS token with the registry's own credentials, and rewrites its locations", async () => {
    const token = await stsToken();
    const answer = await get('/v2/e2e/hello/manifests/latest', '_token', token);
    expect(answer.status).toBe(200);
    expect(answer.headers.location).toBe(`http://${gate.host}/v2/x/blobs/uploads/1`);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0].url.pathname).toBe('/v2/e2e/hello/manifests/latest');
    expect(upstream.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('registry:registry-pass').toString('base64')}`);
    expect(gate.requests).toMatchObject([{ user: '_token', token, verdict: 'ok', status: 200 }]);
  });

  it('refuses a token the STS did not issue, another user name, and an expired token', async () => {
    const token = await stsToken();
    const forged = makeJwt({ iss: emulators.sts.url, exp: Math.floor(Date.now() / 1000) + 600 });
    expect((await get('/v2/', '_token', forged)).status).toBe(401);
    expect((await get('/v2/', 'someone', token)).status).toBe(401);
    await waitUntilExpired(token);
    const expired = await get('/v2/', '_token', token);
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toBe('Basic realm="chainguard-test-gate"');
    expect(gate.requests.map((r) => r.verdict)).toEqual(['unknown', 'wrong-user', 'expired']);
    expect(upstream.requests).toHaveLength(0);
  });
});
