/**
 * The fault matrix, against the built GitHub bundle: what IMDS, the STS, proxies and the
 * whole-step timeout can do wrong, and what the user sees. Every failure exits 1 with one
 * message naming the failed call and the fix, and leaves no docker config, output or file.
 * Retry waits run 100 times faster (CHAINGUARD_LOGIN_TIME_SCALE), so a 70 s IMDS update
 * window takes under a second.
 */
import { readdirSync } from 'node:fs';
import {
  IDENTITY_APP_SERVICE,
  IDENTITY_ARC,
  IDENTITY_KUBERNETES,
  IDENTITY_WORKLOAD,
  JENKINS_SERVICE_ACCOUNT,
  systemAzureJwt,
  WORKLOAD_MI,
  WORKLOAD_SERVICE_ACCOUNT
} from '../../emulators/index.mjs';
import type { GithubStepResult, Job } from '../../emulators/runners.mjs';
import { useBundleHarness } from '../helpers/bundles.js';
import { startProxy } from '../helpers/proxy.js';
import { makeSelfSignedCert, type TestTls } from '../helpers/tls.js';
import { closedPort } from '../helpers/temp.js';

const SCALE = 0.01;
const fast = { CHAINGUARD_LOGIN_TIME_SCALE: String(SCALE) };

/** Asserts a clean failure: exit 1, exactly one error line matching `message`, nothing left. */
function expectCleanFailure(job: Job, main: GithubStepResult, message: RegExp): void {
  expect(main.code).toBe(1);
  const errors = main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(message);
  expect(main.outputs).toEqual({});
  expect(main.state).toEqual({});
  expect(main.exported).toEqual({});
  expect(readdirSync(job.temp)).toEqual([]);
  expect(readdirSync(job.home)).toEqual([]);
}

describe('IMDS faults', () => {
  const h = useBundleHarness();
  let job: Job;
  beforeEach(() => {
    job = h.githubJob();
  });
  const login = (env: NodeJS.ProcessEnv = {}, inputs: Record<string, string> = {}) =>
    h.githubMain(job, h.githubInputs(inputs), { ...fast, ...env });

  it('rides out 404 (IMDS updating)', async () => {
    h.emulators.imds.script({ status: 404, body: 'Not Found' }, { status: 404, body: 'Not Found' });
    const main = await login();
    expect(main.code).toBe(0);
    expect(h.emulators.imds.requests).toHaveLength(3);
  });

  it('rides out repeated 410 within the 70 s update window', async () => {
    h.emulators.imds.script(
      ...Array.from({ length: 6 }, () => ({ status: 410, body: { error: 'gone', error_description: 'IMDS is updating' } }))
    );
    const started = Date.now();
    const main = await login();
    expect(main.code).toBe(0);
    expect(h.emulators.imds.requests).toHaveLength(7);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up on 410 only after at least 70 s of (scaled) waiting', async () => {
    h.emulators.imds.script(
      ...Array.from({ length: 100 }, () => ({ status: 410, body: { error: 'gone', error_description: 'IMDS is updating' } }))
    );
    const main = await login();
    expectCleanFailure(
      job,
      main,
      /::error::Could not get an Azure token from IMDS .*IMDS was still updating \(HTTP 410 .*after more than 70 s/
    );
    const requests = h.emulators.imds.requests;
    const waitedVirtualMs = (requests[requests.length - 1].at - requests[0].at) / SCALE;
    expect(waitedVirtualMs).toBeGreaterThanOrEqual(70_000);
  });

  it('honours Retry-After on 429, and backs off without it', async () => {
    h.emulators.imds.script({ status: 429, headers: { 'Retry-After': '40' }, body: {} }, { status: 429, body: {} });
    const main = await login();
    expect(main.code).toBe(0);
    const [first, second, third] = h.emulators.imds.requests;
    expect((second.at - first.at) / SCALE).toBeGreaterThanOrEqual(40_000);
    expect((third.at - second.at) / SCALE).toBeLessThan(20_000);
  });

  it('rides out a burst of 500 and 503', async () => {
    h.emulators.imds.script({ status: 500, body: {} }, { status: 503, body: {} }, { status: 500, body: {} });
    const main = await login();
    expect(main.code).toBe(0);
    expect(h.emulators.imds.requests).toHaveLength(4);
  });

  it('fails fast when IMDS refuses connections', async () => {
    const port = await closedPort();
    const started = Date.now();
    const main = await login({ AZURE_POD_IDENTITY_AUTHORITY_HOST: `http://127.0.0.1:${port}` });
    expect(Date.now() - started).toBeLessThan(2_000);
    expectCleanFailure(job, main, /refused the connection\. This machine has no Azure managed identity endpoint/);
  });

  it('is bounded by the timeout input when IMDS accepts but never answers', async () => {
    h.emulators.imds.script({ hang: true }, { hang: true }, { hang: true });
    const started = Date.now();
    // In real time: the timeout input (2 s) ends the step before IMDS's own limit for silence.
    const main = await h.githubMain(job, h.githubInputs({ timeout: '2' }));
    expect(Date.now() - started).toBeLessThan(6_000);
    expectCleanFailure(
      job,
      main,
      /::error::Timed out after 2 s \(timeout\) while waiting for an Azure token from IMDS \(http:\/\/127\.0\.0\.1:\d+\/metadata\/identity\/oauth2\/token\)\. Raise timeout/
    );
  });

  it.each<[string, object, RegExp]>([
    [
      'an HTML page with status 200',
      { status: 200, body: '<html><body>Sign in to the proxy</body></html>' },
      /answered 200 with a body that is not JSON/
    ],
    [
      'truncated JSON',
      { status: 200, body: '{"access_token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOi' },
      /answered 200 with a body that is not JSON/
    ],
    ['JSON without access_token', { status: 200, body: { token_type: 'Bearer', expires_in: '3599' } }, /JSON without an access_token/],
    [
      'a body larger than any token response',
      { bodyBytes: 8 * 1024 * 1024 },
      /sent a response larger than 65536 bytes; a token response is a few kilobytes/
    ],
    ['a 403', { status: 403, body: { error: 'forbidden', error_description: 'blocked' } }, /IMDS answered HTTP 403 \(forbidden: blocked\)/]
  ])('refuses %s without retrying', async (_what, fault, message) => {
    h.emulators.imds.script(fault);
    const main = await login();
    expectCleanFailure(job, main, message);
    expect(h.emulators.imds.requests).toHaveLength(1);
  });

  it('retries a response cut off mid-body, then reports it', async () => {
    h.emulators.imds.script({ truncate: true }, { truncate: true }, { truncate: true });
    const main = await login();
    expectCleanFailure(job, main, /the response from 127\.0\.0\.1:\d+ was cut off/);
    expect(h.emulators.imds.requests).toHaveLength(3);
  });

  it('accepts expires_on as a date string', async () => {
    const token = systemAzureJwt();
    h.extraTokens.push(token);
    h.emulators.imds.script({
      status: 200,
      body: { access_token: token, expires_on: '12/13/2030 1:57:14 AM +00:00', resource: 'x', token_type: 'Bearer' }
    });
    const main = await login();
    expect(main.code).toBe(0);
  });
});

describe('STS faults', () => {
  const h = useBundleHarness();
  let job: Job;
  beforeEach(() => {
    job = h.githubJob();
  });
  const login = () => h.githubMain(job, h.githubInputs(), fast);

  it.each<[string, object, RegExp]>([
    [
      '400 Audience must be specified',
      { status: 400, body: { code: 3, message: 'Audience must be specified' } },
      /HTTP 400 InvalidArgument: Audience must be specified\. The STS refused the request's parameters: check identity .* and audience/
    ],
    [
      '401',
      { status: 401, body: { code: 16, message: 'token expired' } },
      /HTTP 401 Unauthenticated: token expired\. The identity .* must match the Azure token's claims: issuer "https:\/\/login\.microsoftonline\.com\/.*\/v2\.0", subject/
    ],
    [
      '403',
      { status: 403, body: { code: 7, message: 'denied' } },
      /HTTP 403 PermissionDenied: denied\. The identity .* must match the Azure token's claims/
    ],
    [
      '404',
      { status: 404, body: { code: 5, message: 'not found' } },
      /HTTP 404 NotFound: not found\. Check identity: no assumable identity with that UIDP/
    ],
    ['500', { status: 500, body: { code: 13, message: 'internal' } }, /HTTP 500 Internal: internal\./],
    ['a non-JSON 200', { status: 200, body: 'OK' }, /answered 200 with a body that is not JSON\. Check the issuer input/],
    ['a 200 without token', { status: 200, body: { refresh_token: 'r' } }, /answered 200 with a body that is JSON without a token/],
    [
      'a token that is not a JWT',
      { status: 200, body: { token: 'opaque-registry-token-0123456789' } },
      /the token it returned is not a JWT with an expiry/
    ]
  ])('fails cleanly on %s', async (_what, fault, message) => {
    h.emulators.sts.script(fault);
    if ('body' in fault && typeof fault.body === 'object' && fault.body && 'token' in fault.body)
      h.extraTokens.push(String(fault.body.token));
    const main = await login();
    expectCleanFailure(job, main, new RegExp(`::error::Could not exchange the Azure token at Chainguard's STS .*${message.source}`));
    expect(h.emulators.sts.requests).toHaveLength(1);
  });

  it('rides out 502 then 503, then logs in', async () => {
    h.emulators.sts.script({ status: 502, body: 'Bad Gateway' }, { status: 503, body: { code: 14, message: 'unavailable' } });
    const main = await login();
    expect(main.code).toBe(0);
    expect(h.emulators.sts.requests).toHaveLength(3);
  });

  it('is bounded by the timeout input when the STS never answers', async () => {
    h.emulators.sts.script({ hang: true });
    const main = await h.githubMain(job, h.githubInputs({ timeout: '2' }), fast);
    expectCleanFailure(
      job,
      main,
      /::error::Timed out after 2 s \(timeout\) while waiting for Chainguard's STS \(http:\/\/127\.0\.0\.1:\d+\)/
    );
  });
});

describe('proxies', () => {
  const tls: TestTls = { key: '', cert: '', host: 'sts.example.test', certFile: '' };
  beforeAll(() => makeSelfSignedCert(tls));
  const h = useBundleHarness(() => ({ stsTls: tls }));
  let job: Job;
  beforeEach(() => {
    job = h.githubJob();
  });
  const proxyEnv = (url: string) => ({
    HTTP_PROXY: url,
    http_proxy: url,
    HTTPS_PROXY: url,
    https_proxy: url,
    NODE_EXTRA_CA_CERTS: tls.certFile
  });

  it('reaches IMDS directly and the STS through HTTPS_PROXY', async () => {
    const proxy = await startProxy((host) => (host.endsWith('.example.test') ? '127.0.0.1' : host));
    try {
      const main = await h.githubMain(job, h.githubInputs(), proxyEnv(proxy.url));
      expect(main.stdout).not.toMatch(/::error::/);
      expect(main.code).toBe(0);
      expect(proxy.seen).toEqual([`${tls.host}:${h.emulators.sts.port}`]);
      expect(h.emulators.imds.requests).toHaveLength(1);
      expect(h.emulators.sts.requests).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('goes straight to the STS when NO_PROXY matches it', async () => {
    const proxy = await startProxy();
    try {
      const main = await h.githubMain(job, h.githubInputs(), {
        ...proxyEnv(proxy.url),
        NO_PROXY: 'example.test',
        no_proxy: 'example.test'
      });
      expect(main.code).toBe(0);
      expect(proxy.seen).toEqual([]);
      expect(h.emulators.sts.requests).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('names the proxy settings when the proxy is down', async () => {
    const port = await closedPort();
    const main = await h.githubMain(job, h.githubInputs(), { ...proxyEnv(`http://127.0.0.1:${port}`), ...fast });
    expectCleanFailure(
      job,
      main,
      /::error::Could not exchange the Azure token at Chainguard's STS \(https:\/\/sts\.example\.test:\d+\/sts\/exchange\): the proxy named by HTTPS_PROXY could not be reached \(connect ECONNREFUSED\)\. Check the issuer input and, behind a proxy, HTTPS_PROXY and NO_PROXY/
    );
    expect(h.emulators.imds.requests).toHaveLength(1);
  });
});

describe('identity source faults', () => {
  const h = useBundleHarness();
  let job: Job;
  beforeEach(() => {
    job = h.githubJob();
  });
  const login = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
    h.githubMain(job, h.githubInputs(inputs), { ...fast, ...env });
  const untouched = () => {
    expect(h.emulators.imds.requests).toHaveLength(0);
    expect(h.emulators.sts.requests).toHaveLength(0);
  };

  it("Arc: a realm outside the agent's token directory is refused; nothing is read or sent", async () => {
    h.emulators.arc.script({ status: 401, headers: { 'WWW-Authenticate': 'Basic realm=/etc/shadow' }, body: '' });
    const main = await login({ identity: IDENTITY_ARC }, h.emulators.environments.arc());
    expectCleanFailure(
      job,
      main,
      /^::error::Could not get an Azure token from the Azure Arc agent's identity endpoint \(http:\/\/127\.0\.0\.1:\d+\/metadata\/identity\/oauth2\/token\): it asked for the key file "\/etc\/shadow", which is not directly in \S+; .*Nothing was read or sent\./
    );
    expect(h.emulators.arc.requests).toHaveLength(1);
    untouched();
  });

  it("Entra ID: no federated credential matches the pod's service account (AADSTS700213), with the command that adds one", async () => {
    const env = h.emulators.environments.workloadIdentity();
    h.emulators.kubelet.writeToken({ ...WORKLOAD_SERVICE_ACCOUNT, serviceAccount: 'builder', file: 'azure-identity-token' });
    const main = await login({ identity: IDENTITY_WORKLOAD }, env);
    expectCleanFailure(
      job,
      main,
      new RegExp(
        `^::error::Could not get an Azure token from Entra ID \\(workload identity\\) .*Entra ID answered 400 AADSTS700213: no federated credential on the identity ${WORKLOAD_MI.clientId} \\(AZURE_CLIENT_ID\\) matches .*subject "system:serviceaccount:ci:builder".*az identity federated-credential create .*--subject system:serviceaccount:ci:builder --audience api://AzureADTokenExchange`
      )
    );
    expect(h.emulators.entra.requests).toHaveLength(1);
    untouched();
  });

  it('Entra ID: rides out throttling (429 with Retry-After), then logs in', async () => {
    h.emulators.entra.script({ status: 429, headers: { 'Retry-After': '20' }, body: {} });
    const main = await login({ identity: IDENTITY_WORKLOAD }, h.emulators.environments.workloadIdentity());
    expect(main.code).toBe(0);
    const [first, second] = h.emulators.entra.requests;
    expect((second.at - first.at) / SCALE).toBeGreaterThanOrEqual(20_000);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'under auto',
      {},
      /^::error::Input azure-audience is not set, and no other identity source is available to this job\..*this is a GitHub Actions job, but ACTIONS_ID_TOKEN_REQUEST_URL is not set, so this job may not ask GitHub for an OIDC token: add "permissions: id-token: write"/
    ],
    [
      'with identity-source github',
      { 'identity-source': 'github' },
      /^::error::identity-source is github, but ACTIONS_ID_TOKEN_REQUEST_URL is not set, .*add "permissions: id-token: write" to the workflow or the job/
    ]
  ])('GitHub: a job without permissions: id-token: write is told to add it (%s)', async (_what, inputs, message) => {
    const main = await login({ 'azure-audience': '', ...inputs });
    expectCleanFailure(job, main, message);
    expect(h.emulators.github.requests).toHaveLength(0);
    untouched();
  });

  it('App Service: a 401 (IDENTITY_HEADER not accepted) is explained, not retried, and the header stays masked', async () => {
    const env = { ...h.emulators.environments.appService(), IDENTITY_HEADER: 'stale-identity-header-0123456789abcdef' };
    h.extraTokens.push(env.IDENTITY_HEADER);
    const main = await login({ identity: IDENTITY_APP_SERVICE }, env);
    expectCleanFailure(
      job,
      main,
      /^::error::Could not get an Azure token from the App Service \/ Container Apps identity endpoint .*it refused the request, HTTP 401 .*did not accept IDENTITY_HEADER/
    );
    expect(main.stdout.split('\n').filter((line) => line.includes(env.IDENTITY_HEADER))).toEqual([`::add-mask::${env.IDENTITY_HEADER}`]);
    expect(h.emulators.appService.requests).toHaveLength(1);
    untouched();
  });

  it('App Service: an endpoint that is not running is reported at once', async () => {
    const port = await closedPort();
    const main = await login(
      { identity: IDENTITY_APP_SERVICE },
      { ...h.emulators.environments.appService(), IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token` }
    );
    expectCleanFailure(job, main, /refused the connection\. IDENTITY_ENDPOINT names an endpoint that is not running/);
    untouched();
  });

  it('App Service: an endpoint off this machine over plain http is refused before any request', async () => {
    const main = await login(
      { identity: IDENTITY_APP_SERVICE },
      { ...h.emulators.environments.appService(), IDENTITY_ENDPOINT: 'http://identity.example.test/msi/token' }
    );
    expectCleanFailure(job, main, /^::error::IDENTITY_ENDPOINT \(http:\/\/identity\.example\.test\) uses plain http off this machine/);
    expect(h.emulators.appService.requests).toHaveLength(0);
  });

  it('token file: an expired projected token is refused before the exchange', async () => {
    const file = h.emulators.kubelet.writeToken({ ...JENKINS_SERVICE_ACCOUNT, lifetimeSeconds: -120 });
    const main = await login({ identity: IDENTITY_KUBERNETES, 'azure-audience': '', 'identity-token-file': file });
    expectCleanFailure(job, main, /^::error::The token in \S+ \(identity-token-file\) expired at .*the kubelet rotates projected tokens/);
    untouched();
  });
});
