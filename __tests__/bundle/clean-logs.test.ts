/**
 * Behind a proxy that needs a user name and password, every bundle's stderr holds nothing the
 * product did not write: no library's deprecation notice (a proxy tunnel's `new Buffer()`), no
 * warning of Node's. Run with `--pending-deprecation` (as every bundle test is) under both Nodes.
 * The GitHub step's OIDC request goes through @actions/core's HTTP client, the rest through the
 * product's own; both tunnel through the proxy with its credentials here.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { IDENTITY_GITHUB } from '../../emulators/index.mjs';
import { STATE_VARIABLE } from '../../src/platform/cli-args.js';
import { waitUntilExpired } from '../helpers/clock.js';
import { useBundleHarness } from '../helpers/bundles.js';
import { helperGet, helperNameIn } from '../helpers/helper-process.js';
import { startProxy, type RecordingProxy } from '../helpers/proxy.js';
import { tempDir } from '../helpers/temp.js';
import { makeSelfSignedCert, type TestTls } from '../helpers/tls.js';

const USER = 'build-agent';
const PASSWORD = 'pr0xy-Secret-5d1e8b';
const stsTls: TestTls = { key: '', cert: '', host: 'sts.example.test', certFile: '' };
const githubTls: TestTls = { key: '', cert: '', host: 'pipelines.example.test', certFile: '' };
/** Both emulators' certificates, trusted as the runner's NODE_EXTRA_CA_CERTS would be. */
let caFile = '';

beforeAll(async () => {
  await Promise.all([makeSelfSignedCert(stsTls), makeSelfSignedCert(githubTls)]);
  caFile = path.join(tempDir('cgl-ca-'), 'ca.pem');
  writeFileSync(caFile, `${stsTls.cert}\n${githubTls.cert}`);
});

// Tokens that live 4 s, so that the helper refreshes within the test.
const h = useBundleHarness(() => ({ stsTls, githubTls, stsTokenLifetimeSeconds: 4 }));
let proxy: RecordingProxy;
beforeEach(async () => {
  proxy = await startProxy((host) => (host.endsWith('.example.test') ? '127.0.0.1' : host), { username: USER, password: PASSWORD });
});
afterEach(() => proxy.close());

/** The proxy as a runner machine names it for every process: in HTTPS_PROXY, with its credentials. */
const proxyEnvironment = (): NodeJS.ProcessEnv => {
  const url = proxy.url.replace('http://', `http://${USER}:${PASSWORD}@`);
  return { HTTPS_PROXY: url, https_proxy: url, NODE_EXTRA_CA_CERTS: caFile };
};

describe('stderr behind a proxy with a user name and password', () => {
  it("stays empty through the GitHub step (GitHub's OIDC token), the helper's refresh and the post step", async () => {
    const job = h.githubJob('github', proxyEnvironment());
    const inputs = h.githubInputs({ identity: IDENTITY_GITHUB, 'azure-audience': '', 'credential-helper': 'true' });
    // The runner's token endpoint is https under a real host name: a loopback one would bypass the proxy.
    const main = await h.githubMain(job, inputs, h.emulators.environments.github());
    expect(main.stdout).not.toMatch(/::error::/);
    expect(main.code).toBe(0);
    const oidcHost = `${githubTls.host}:${h.emulators.github.port}`;
    const stsHost = `${stsTls.host}:${h.emulators.sts.port}`;
    expect(proxy.seen).toEqual([oidcHost, stsHost]);
    expect(proxy.refused).toBe(0);

    await waitUntilExpired(h.emulators.sts.issued[0]);
    const get = await helperGet(main.paths[0], helperNameIn(main.exported.DOCKER_CONFIG), 'cgr.dev', {
      ...job.env,
      ...h.emulators.environments.github()
    });
    expect(get.stderr).toBe('');
    expect(get.code).toBe(0);
    expect(h.emulators.sts.issued).toHaveLength(2);
    expect(proxy.seen).toEqual([oidcHost, stsHost, oidcHost, stsHost]);

    const post = await h.githubPost(job, main);
    expect(post.code).toBe(0);
    expect([main.stderr, post.stderr]).toEqual(['', '']);
  });

  it('stays empty through the Azure task with the agent proxy, the helper and the post step', async () => {
    const job = h.azureJob();
    const agentProxy = {
      AGENT_PROXYURL: proxy.url,
      AGENT_PROXYUSERNAME: USER,
      SECRET_AGENT_PROXYPASSWORD: PASSWORD,
      AGENT_CAINFO: stsTls.certFile
    };
    const main = await h.azureMain(job, h.azureInputs({ credentialHelper: 'true' }), agentProxy);
    expect(main.result).toBe('Succeeded');
    expect(proxy.seen).toEqual([`${stsTls.host}:${h.emulators.sts.port}`]);
    await waitUntilExpired(h.emulators.sts.issued[0]);
    const bin = main.commands.find((c) => c.command === 'task.prependpath')?.message ?? '';
    const get = await helperGet(bin, helperNameIn(main.variables.DOCKER_CONFIG), 'cgr.dev', { HOME: job.home, ...job.env });
    expect(get.stderr).toBe('');
    expect(h.emulators.sts.issued).toHaveLength(2);
    const post = await h.azurePost(job, main);
    expect(post.result).toBe('Succeeded');
    expect([main.stderr, post.stderr]).toEqual(['', '']);
  });

  it("holds only the CLI's own lines through a login with the helper and a logout", async () => {
    const env = { ...proxyEnvironment(), HOME: h.dir, TMPDIR: h.dir };
    const login = await h.cli(env, h.cliLogin(['--credential-helper', 'true']));
    expect(login.code).toBe(0);
    expect(proxy.seen).toEqual([`${stsTls.host}:${h.emulators.sts.port}`]);
    const exported = Object.fromEntries([...login.stdout.matchAll(/^export ([A-Z_]+)='([^']*)'/gm)].map((m) => [m[1], m[2]]));
    const logout = await h.cli({ ...env, [STATE_VARIABLE]: exported[STATE_VARIABLE] }, ['logout']);
    expect(logout.code).toBe(0);
    // The harness fails the test on any line of Node's own; these are the CLI's.
    expect(`${login.stderr}${logout.stderr}`).not.toMatch(/\(node:\d+\)|Warning/);
  });
});
