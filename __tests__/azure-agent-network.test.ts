/**
 * The built Azure Pipelines task with the agent's own network settings, passed as the agent
 * passes them (variables, not HTTPS_PROXY): an authenticating proxy and a private CA. The STS
 * is https with a self-signed certificate behind the proxy; IMDS is always reached directly.
 */
import type { Job } from '../emulators/runners.mjs';
import { useBundleHarness } from './helpers/bundles.js';
import { tokenLeaks } from './helpers/hygiene.js';
import { startProxy, type RecordingProxy } from './helpers/proxy.js';
import { makeSelfSignedCert, type TestTls } from './helpers/tls.js';

const PROXY_USER = 'build-agent';
const PROXY_PASSWORD = 'pr0xy-Secret-7f3a9c';
const tls: TestTls = { key: '', cert: '', host: 'sts.example.test', certFile: '' };

beforeAll(() => makeSelfSignedCert(tls));

const h = useBundleHarness(() => ({ stsTls: tls }));
let job: Job;
let proxy: RecordingProxy;
beforeEach(async () => {
  job = h.azureJob();
  proxy = await startProxy((host) => (host.endsWith('.example.test') ? '127.0.0.1' : host), { username: PROXY_USER, password: PROXY_PASSWORD });
});
afterEach(() => proxy.close());

/** The agent's variables for its proxy and CA, as environment variables of the task. */
function agentNetwork(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    AGENT_PROXYURL: proxy.url,
    AGENT_PROXYUSERNAME: PROXY_USER,
    SECRET_AGENT_PROXYPASSWORD: PROXY_PASSWORD,
    AGENT_PROXYBYPASSLIST: '[]',
    AGENT_CAINFO: tls.certFile,
    ...extra
  };
}

/**
 * The password never reaches the log the agent shows, and the step itself never prints it.
 * The task library debug-prints each variable it reads (`Agent.ProxyPassword=…`), relying on
 * the agent, which registered the variable as a secret and masks it in every line; those are
 * the only raw lines besides the step's own `task.setsecret` allowed to carry it.
 */
function expectPasswordNeverShown(stdout: string, stderr: string, password: string): void {
  const carrying = `${stdout}\n${stderr}`.split('\n').filter((line) => line.includes(password));
  for (const line of carrying) expect([`##vso[task.setsecret]${password}`, `##vso[task.debug]Agent.ProxyPassword=${password}`]).toContain(line);
  expect(carrying).toContain(`##vso[task.setsecret]${password}`);
  expect(tokenLeaks([password], [], [job.dir])).toEqual([]);
}

function expectNoProxyVariables(env: NodeJS.ProcessEnv): void {
  for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NODE_EXTRA_CA_CERTS']) expect(env[name]).toBeUndefined();
}

describe('Azure Pipelines task on an agent with a proxy and a private CA', () => {
  it('reaches the https STS through the authenticating proxy, IMDS directly, and never prints the password', async () => {
    const env = agentNetwork();
    expectNoProxyVariables({ ...job.env, ...h.env(), ...env });
    const main = await h.azureMain(job, h.azureInputs(), env);
    expect(main.result).toBe('Succeeded');
    expect(main.outputs.token.value).toBe(h.emulators.sts.issued[0]);
    expect(proxy.seen).toEqual([`${tls.host}:${h.emulators.sts.port}`]);
    expect(proxy.refused).toBe(0);
    expect(h.emulators.imds.requests).toHaveLength(1);
    expect(h.emulators.sts.requests).toHaveLength(1);
    expectPasswordNeverShown(main.stdout, main.stderr, PROXY_PASSWORD);
  });

  it('fails with one message, without the password, when the proxy refuses the credentials', async () => {
    const wrong = 'not-the-Password-1b2c';
    const main = await h.azureMain(job, h.azureInputs(), agentNetwork({ SECRET_AGENT_PROXYPASSWORD: wrong }));
    expect(main.result).toBe('Failed');
    expect(proxy.refused).toBeGreaterThan(0);
    const errors = main.commands.filter((c) => c.command === 'task.issue' && c.properties.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/Could not exchange .* at Chainguard.s STS .*: the proxy 127\.0\.0\.1:\d+ refused to open a tunnel to sts\.example\.test:\d+ \(HTTP 407: Proxy Authentication Required, check the proxy user name and password\)\. Check the issuer input and the agent.s proxy and certificate settings \(Agent\.ProxyUrl/);
    expectPasswordNeverShown(main.stdout, main.stderr, wrong);
  });

  it('goes straight to the STS when the agent bypass list matches it', async () => {
    const main = await h.azureMain(job, h.azureInputs(), agentNetwork({ AGENT_PROXYBYPASSLIST: JSON.stringify(['sts\\.example\\.test']) }));
    expect(main.result).toBe('Succeeded');
    expect(proxy.seen).toEqual([]);
    expect(h.emulators.sts.requests).toHaveLength(1);
  });

  it('refuses the self-signed STS without the agent CA', async () => {
    const env = agentNetwork();
    delete env.AGENT_CAINFO;
    const main = await h.azureMain(job, h.azureInputs(), env);
    expect(main.result).toBe('Failed');
    expect(h.emulators.sts.requests).toHaveLength(0);
    const errors = main.commands.filter((c) => c.command === 'task.issue' && c.properties.type === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(/the connection to sts\.example\.test:\d+ failed \(DEPTH_ZERO_SELF_SIGNED_CERT\)\. Check the issuer input and the agent.s proxy and certificate settings \(.*Agent\.CAInfo\)/);
  });
});
