/**
 * The built Azure Pipelines task with the agent's own network settings, passed as the agent
 * passes them (variables, not HTTPS_PROXY): an authenticating proxy and a private CA. The STS
 * is https with a self-signed certificate behind the proxy; IMDS is always reached directly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { IDENTITY_AZURE_DEVOPS } from '../../emulators/index.mjs';
import type { AzureTaskResult, Job } from '../../emulators/runners.mjs';
import { waitUntilExpired } from '../helpers/clock.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { helperGet, helperNameIn } from '../helpers/helper-process.js';
import { tokenLeaks } from '../helpers/hygiene.js';
import { startProxy, type RecordingProxy } from '../helpers/proxy.js';
import { makeSelfSignedCert, type TestTls } from '../helpers/tls.js';

const PROXY_USER = 'build-agent';
const PROXY_PASSWORD = 'pr0xy-Secret-7f3a9c';
const tls: TestTls = { key: '', cert: '', host: 'sts.example.test', certFile: '' };

beforeAll(() => makeSelfSignedCert(tls));

/** How long the STS emulator's tokens live in the current test (the default: an hour). */
let lifetime: number | undefined;
const h = useBundleHarness(() => ({ stsTls: tls, stsTokenLifetimeSeconds: lifetime }));
let job: Job;
let proxy: RecordingProxy;
beforeEach(async () => {
  job = h.azureJob();
  proxy = await startProxy((host) => (host.endsWith('.example.test') ? '127.0.0.1' : host), {
    username: PROXY_USER,
    password: PROXY_PASSWORD
  });
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
  for (const line of carrying)
    expect([`##vso[task.setsecret]${password}`, `##vso[task.debug]Agent.ProxyPassword=${password}`]).toContain(line);
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
    expect(errors[0].message).toMatch(
      /Could not exchange .* at Chainguard.s STS .*: the proxy 127\.0\.0\.1:\d+ refused to open a tunnel to sts\.example\.test:\d+ \(HTTP 407: Proxy Authentication Required, check the proxy user name and password\)\. Check the issuer input and the agent.s proxy and certificate settings \(Agent\.ProxyUrl/
    );
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
    expect(errors[0].message).toMatch(
      /the connection to sts\.example\.test:\d+ failed \(DEPTH_ZERO_SELF_SIGNED_CERT\)\. Check the issuer input and the agent.s proxy and certificate settings \(.*Agent\.CAInfo\)/
    );
  });
});

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

describe('the credential helper on an agent with a proxy and a private CA', () => {
  beforeAll(() => {
    lifetime = 4;
  });
  afterAll(() => {
    lifetime = undefined;
  });

  it.each([
    ['the proxy variables', () => agentNetwork()],
    [
      'credentials in Agent.ProxyUrl',
      () => {
        const env = agentNetwork({ AGENT_PROXYURL: proxy.url.replace('http://', `http://${PROXY_USER}:${PROXY_PASSWORD}@`) });
        delete env.AGENT_PROXYUSERNAME;
        delete env.SECRET_AGENT_PROXYPASSWORD;
        return env;
      }
    ]
  ])(
    'refreshes through the authenticating proxy with the agent CA (%s); the password is only in the 0600 secrets file, which the post step removes',
    async (_, network) => {
      const main = await h.azureMain(job, h.azureInputs({ credentialHelper: 'true' }), network());
      expect(main.result).toBe('Succeeded');
      const stsHost = `${tls.host}:${h.emulators.sts.port}`;
      expect(proxy.seen).toEqual([stsHost]);
      const bin = main.commands.find((c) => c.command === 'task.prependpath')?.message ?? '';
      const dockerConfig = main.variables.DOCKER_CONFIG;

      await waitUntilExpired(h.emulators.sts.issued[0]);
      // A later step runs docker: no proxy variables in its environment, only what the agent gives every step.
      const get = await helperGet(bin, helperNameIn(dockerConfig), 'cgr.dev', { HOME: job.home, ...job.env });
      expect(get.stderr).toBe('');
      expect(h.emulators.sts.issued).toHaveLength(2);
      expect(JSON.parse(get.stdout).Secret).toBe(h.emulators.sts.issued[1]);
      expect(proxy.seen).toEqual([stsHost, stsHost]);
      expect(proxy.refused).toBe(0);
      expect(h.emulators.imds.requests).toHaveLength(2);

      // The helper's configuration names the proxy without its credentials; the password is in no file but the secrets file.
      const helperDir = path.dirname(bin);
      const helperJson = readFileSync(path.join(helperDir, 'helper.json'), 'utf8');
      expect(helperJson).toContain(proxy.url);
      expect(helperJson).toContain(tls.certFile);
      const holding = filesUnder(dockerConfig).filter((file) => readFileSync(file, 'latin1').includes(PROXY_PASSWORD));
      const secrets = path.join(helperDir, 'network-secrets.json');
      expect(holding).toEqual([secrets]);
      expect(statSync(secrets).mode & 0o777).toBe(0o600);
      // Output: the first line holding the password masks it (see the System.Debug tests below).
      const shown = main.stdout.split('\n').filter((line) => line.includes(PROXY_PASSWORD));
      expect(shown[0]).toBe(`##vso[task.setsecret]${PROXY_PASSWORD}`);
      expect(main.stderr).not.toContain(PROXY_PASSWORD);
      expect(tokenLeaks([PROXY_PASSWORD], [], [job.dir]).filter((leak) => leak !== `file: ${secrets}`)).toEqual([]);
      expect(get.stdout + get.stderr).not.toContain(PROXY_PASSWORD);

      const post = await h.azurePost(job, main);
      expect(post.result).toBe('Succeeded');
      expect(existsSync(dockerConfig)).toBe(false);
    }
  );
});

describe('secrets the agent hands over, with System.Debug', () => {
  /** The stdout lines that hold `secret`, in order. */
  function linesHolding(result: AzureTaskResult, secret: string): string[] {
    return result.stdout.split('\n').filter((line) => line.includes(secret));
  }

  it('masks a password in Agent.ProxyUrl before the task library prints the URL', async () => {
    const env = agentNetwork({ AGENT_PROXYURL: proxy.url.replace('http://', `http://${PROXY_USER}:${PROXY_PASSWORD}@`) });
    delete env.AGENT_PROXYUSERNAME;
    delete env.SECRET_AGENT_PROXYPASSWORD;
    const main = await h.azureMain(job, h.azureInputs(), env);
    expect(main.result).toBe('Succeeded');
    expect(proxy.seen).toHaveLength(1);
    expect(proxy.refused).toBe(0);
    // The first line holding the password is the command that masks it; the agent masks it in every
    // later line. The only later ones are the task library's debug print of the variable (at import
    // and at each read), which the agent shows masked.
    const lines = linesHolding(main, PROXY_PASSWORD);
    expect(lines[0]).toBe(`##vso[task.setsecret]${PROXY_PASSWORD}`);
    expect(new Set(lines.slice(1))).toEqual(new Set([`##vso[task.debug]Agent.ProxyUrl=${env.AGENT_PROXYURL}`]));
    expect(main.stderr).not.toContain(PROXY_PASSWORD);
  });

  it('masks the job access token first and never debug-prints it when it comes from System.AccessToken', async () => {
    const { azureDevOps } = h.emulators;
    // The job's access token as a secret variable (no SystemVssConnection endpoint), and the agent's CA for the https STS.
    const env = {
      SYSTEM_OIDCREQUESTURI: azureDevOps.requestUri,
      SECRET_SYSTEM_ACCESSTOKEN: azureDevOps.accessToken,
      AGENT_CAINFO: tls.certFile,
      // The emulator listens on loopback: accepted only under the test-only setting.
      CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS: '1'
    };
    const main = await h.azureMain(job, h.azureInputs({ identity: IDENTITY_AZURE_DEVOPS, azureAudience: '' }), env);
    expect(main.result).toBe('Succeeded');
    expect(azureDevOps.requests[0].headers.authorization).toBe(`Bearer ${azureDevOps.accessToken}`);
    // Every line holding it is the command that masks it (issued again by each layer that handles
    // the token, which is harmless), and the first of them is the first line the task prints.
    expect(new Set(linesHolding(main, azureDevOps.accessToken))).toEqual(new Set([`##vso[task.setsecret]${azureDevOps.accessToken}`]));
    expect(main.stdout.split('\n')[0]).toBe(`##vso[task.setsecret]${azureDevOps.accessToken}`);
  });
});
