/**
 * The credential helper in process: its configuration, cache, lock, get and list, refresh
 * description and wrappers (the built helper is run in bundle/credential-helper.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ACR_USERNAME as ACR_USER } from '../../../../emulators/acr.mjs';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, makeJwt, readJwt } from '../../../../emulators/index.mjs';
import { ROOT } from '../../../../emulators/runners.mjs';
import {
  findHelperBundle,
  helperName,
  sourceTreeHelperBundle,
  installHelper,
  removeHelper,
  sharedHelperName,
  writeHelperWrappers
} from '../../../../src/core/credential-helper/install.js';
import { helperGet, helperList } from '../../../../src/core/credential-helper/get.js';
import {
  HelperError,
  readHelperConfig,
  writeHelperConfig,
  type HelperConfig,
  type HelperCredential
} from '../../../../src/core/credential-helper/config.js';
import { normaliseHost, readCached, reuseMarginMs, FAILURE_WINDOW_MS, writeCached } from '../../../../src/core/credential-helper/cache.js';
import { writeFileAtomic } from '../../../../src/core/fs/atomic.js';
import { bypassesProxy, networkSettingsFrom } from '../../../../src/core/net/proxy.js';
import { describeSource, helperConfigFor } from '../../../../src/core/credential-helper/refresh.js';
import { readInputs } from '../../../../src/core/inputs/read.js';
import { runProgram } from '../../../helpers/helper-process.js';
import { gonePid, plantLock } from '../../../helpers/lock.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

afterAll(removeTempDirs);

const HOST = 'cgr.dev';
const mode = (file: string): number => statSync(file).mode & 0o777;
const inMinutes = (minutes: number): Date => new Date(Date.now() + minutes * 60_000);
const token = (label: string, expiresAt: Date): string => makeJwt({ label, exp: Math.floor(expiresAt.getTime() / 1000) });

function baseConfig(extra: Partial<HelperConfig> = {}): HelperConfig {
  return {
    version: 2,
    hosts: {
      [HOST]: { kind: 'chainguard', issuer: 'http://127.0.0.1:9', identity: IDENTITY_SYSTEM, audience: HOST },
      'myregistry.azurecr.io': { kind: 'acr' }
    },
    source: { kind: 'imds', inputs: { azureResource: AZURE_AUDIENCE }, env: { AZURE_POD_IDENTITY_AUTHORITY_HOST: 'http://127.0.0.1:9' } },
    ...extra
  };
}

/** A refresh that counts its calls and returns a fresh credential living `minutes`. */
function countingRefresh(minutes = 60, delayMs = 0): { calls: string[]; refresh: (host: string) => Promise<HelperCredential> } {
  const calls: string[] = [];
  return {
    calls,
    refresh: async (host) => {
      calls.push(host);
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const expiresAt = inMinutes(minutes);
      return { username: '_token', secret: token(`fresh-${calls.length}`, expiresAt), expiresAt };
    }
  };
}

describe('the helper directory', () => {
  it('writes the configuration 0600 in a 0700 directory, and reads it back', () => {
    const dir = path.join(tempDir(), 'helper');
    writeHelperConfig(dir, baseConfig());
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'helper.json'))).toBe(0o600);
    expect(readHelperConfig(dir)).toEqual(baseConfig());
  });

  it('says what to do when the configuration is missing or from another version', () => {
    const dir = tempDir();
    expect(() => readHelperConfig(dir)).toThrow(/cannot read its configuration .*helper\.json \(ENOENT\).*run the login step again/);
    writeFileSync(path.join(dir, 'helper.json'), JSON.stringify({ version: 99, hosts: {}, source: {} }));
    expect(() => readHelperConfig(dir)).toThrow(/not version 2 of this helper's format/);
    writeFileSync(path.join(dir, 'helper.json'), '{');
    expect(() => readHelperConfig(dir)).toThrow(/is not JSON/);
  });

  it('replaces files atomically and leaves no temporary file when the replacement fails', () => {
    const dir = tempDir();
    const file = path.join(dir, 'cache.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(mode(file)).toBe(0o600);
    mkdirSync(path.join(dir, 'occupied'));
    writeFileSync(path.join(dir, 'occupied', 'x'), 'keeps the directory non-empty');
    expect(() => writeFileAtomic(path.join(dir, 'occupied'), 'data')).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['cache.json', 'occupied']);
  });

  it.each([
    ['https://cgr.dev', 'cgr.dev'],
    ['cgr.dev', 'cgr.dev'],
    ['cgr.dev/', 'cgr.dev'],
    ['  CGR.dev\n', 'cgr.dev'],
    ['https://index.docker.io/v1/', 'index.docker.io'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000']
  ])('normalises the server URL %j to %s', (input, host) => {
    expect(normaliseHost(input)).toBe(host);
  });

  it("names a shared config's helper per directory and host, the same for every job", () => {
    const one = sharedHelperName('/shared/docker', 'cgr.dev');
    expect(one).toMatch(/^chainguard-[a-z0-9]{6}$/);
    expect(sharedHelperName('/shared/docker/', 'cgr.dev')).toBe(one);
    expect(sharedHelperName('/shared/docker', 'second.example.test')).not.toBe(one);
    expect(sharedHelperName('/other/docker', 'cgr.dev')).not.toBe(one);
  });

  it('names helpers uniquely per job', () => {
    const names = new Set(Array.from({ length: 50 }, helperName));
    expect(names.size).toBe(50);
    for (const name of names) expect(name).toMatch(/^chainguard-[a-z0-9]{6}$/);
  });
});

describe('helperConfigFor', () => {
  it('describes the Chainguard registry, the ACR login servers and the source the step chose, and no secret', () => {
    const labels = { identity: 'identity', 'acr-registries': 'acrRegistries' };
    const reader = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? '', label: (name: string) => name });
    const inputs = readInputs(
      reader({
        identity: IDENTITY_SYSTEM,
        'azure-audience': AZURE_AUDIENCE,
        'managed-identity-client-id': '22222222-aaaa-4aaa-8aaa-222222222222'
      })
    );
    const env = {
      AZURE_POD_IDENTITY_AUTHORITY_HOST: 'http://127.0.0.1:1234',
      IDENTITY_ENDPOINT: 'http://127.0.0.1:5678/msi/token',
      IDENTITY_HEADER: 'secret-identity-header',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'secret-request-token',
      SYSTEM_ACCESSTOKEN: 'secret-access-token',
      HOME: '/home/someone'
    };
    const source = describeSource('app-service', inputs, env);
    expect(source).toEqual({
      kind: 'app-service',
      inputs: {
        azureResource: AZURE_AUDIENCE,
        selector: { kind: 'client-id', value: '22222222-aaaa-4aaa-8aaa-222222222222', inputLabel: 'managed-identity-client-id' }
      },
      env: { AZURE_POD_IDENTITY_AUTHORITY_HOST: 'http://127.0.0.1:1234', IDENTITY_ENDPOINT: 'http://127.0.0.1:5678/msi/token' }
    });
    const config = helperConfigFor({
      source,
      registry: 'cgr.dev',
      issuer: 'https://issuer.enforce.dev',
      identity: IDENTITY_SYSTEM,
      audience: 'cgr.dev',
      acrRegistries: ['one11.azurecr.io', 'two22.azurecr.cn'],
      labels,
      timeoutSeconds: 60
    });
    expect(config).toEqual({
      version: 2,
      hosts: {
        'cgr.dev': { kind: 'chainguard', issuer: 'https://issuer.enforce.dev', identity: IDENTITY_SYSTEM, audience: 'cgr.dev' },
        'one11.azurecr.io': { kind: 'acr' },
        'two22.azurecr.cn': { kind: 'acr' }
      },
      source,
      labels,
      timeoutSeconds: 60
    });
    expect(JSON.stringify(config)).not.toMatch(/secret-/);
  });
});

describe("the runner's network settings, rebuilt for the helper", () => {
  const network = {
    proxyUrl: 'http://127.0.0.1:3128/',
    proxyUsername: 'build-agent',
    proxyBypass: ['\\.internal\\.example$', 'sts\\.example\\.test'],
    caFile: '/etc/agent/ca.pem',
    source: 'the agent'
  };

  it('sends what the bypass list does not match through the proxy, with the user name and the password from the secrets file', () => {
    const settings = networkSettingsFrom(network, { proxyPassword: 'pw', passphrase: 'pass' });
    expect(settings.proxyFor(new URL('https://issuer.enforce.dev/sts/exchange'))).toEqual({
      url: new URL('http://127.0.0.1:3128/'),
      username: 'build-agent',
      password: 'pw'
    });
    expect(settings.proxyFor(new URL('https://STS.example.test:8443/sts/exchange'))).toBeUndefined();
    expect(settings).toMatchObject({ caFile: '/etc/agent/ca.pem', passphrase: 'pass', source: 'the agent' });
    expect(networkSettingsFrom({ source: 'the agent', caFile: '/ca.pem' }, {}).proxyFor(new URL('https://cgr.dev/'))).toBeUndefined();
  });

  it("matches the bypass list as azure-pipelines-task-lib's getHttpProxyConfiguration does", () => {
    const bypass = ['sts\\.example\\.test', '^https://[^/]*\\.corp/', 'ISSUER', ':8443'];
    const urls = [
      'https://sts.example.test:1/x',
      'https://a.corp/x',
      'http://a.corp/x',
      'https://issuer.enforce.dev/sts/exchange',
      'https://cgr.dev:8443/',
      'https://cgr.dev/'
    ];
    const script = `const tl = require('azure-pipelines-task-lib/task'); console.log(JSON.stringify(${JSON.stringify(urls)}.map((u) => tl.getHttpProxyConfiguration(u) === null)));`;
    const output = execFileSync(process.execPath, ['-e', script], {
      cwd: ROOT,
      // The library keeps its vault key in the agent's temp directory (else the working directory).
      env: {
        PATH: process.env.PATH,
        AGENT_TEMPDIRECTORY: tempDir(),
        AGENT_PROXYURL: 'http://127.0.0.1:3128',
        AGENT_PROXYBYPASSLIST: JSON.stringify(bypass)
      },
      encoding: 'utf8'
    });
    const library = JSON.parse(output.split('\n').filter((line) => line.startsWith('['))[0]) as boolean[];
    expect(urls.map((u) => bypassesProxy(bypass, new URL(u)))).toEqual(library);
    expect(library).toEqual([true, true, false, true, true, false]);
  });
});

describe('helperGet', () => {
  it('answers from the cache while more than 5 minutes are left', async () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    const cached = { username: '_token', secret: token('cached', inMinutes(6)), expiresAt: inMinutes(6) };
    writeCached(dir, HOST, cached);
    const { calls, refresh } = countingRefresh();
    expect(await helperGet(dir, 'https://cgr.dev/', { refresh })).toEqual({ ServerURL: HOST, Username: '_token', Secret: cached.secret });
    expect(calls).toEqual([]);
  });

  it('refreshes when less than 5 minutes are left, and replaces the cache (0600)', async () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    // An hour-long token obtained 56 minutes ago.
    writeCached(dir, HOST, { username: '_token', secret: token('old', inMinutes(4)), expiresAt: inMinutes(4) }, Date.now() - 56 * 60_000);
    const { calls, refresh } = countingRefresh();
    const answer = await helperGet(dir, HOST, { refresh });
    expect(calls).toEqual([HOST]);
    expect(readJwt(answer!.Secret)).toMatchObject({ label: 'fresh-1' });
    expect(readCached(dir, HOST)?.secret).toBe(answer!.Secret);
    expect(mode(path.join(dir, 'cache-cgr.dev.json'))).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });

  it('reuses a short-lived token while more than half its lifetime is left, and refreshes it after', async () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    const now = Date.now();
    // An 8-second token obtained 3 s ago (5 s left, over half of 8) and one obtained 5 s ago (3 s left).
    const short = { username: '_token', secret: token('short', new Date(now + 5000)), expiresAt: new Date(now + 5000) };
    writeCached(dir, HOST, short, now - 3000);
    const { calls, refresh } = countingRefresh();
    expect((await helperGet(dir, HOST, { refresh }))?.Secret).toBe(short.secret);
    expect(calls).toEqual([]);
    writeCached(dir, HOST, { ...short, expiresAt: new Date(now + 3000) }, now - 5000);
    expect((await helperGet(dir, HOST, { refresh }))?.Secret).not.toBe(short.secret);
    expect(calls).toEqual([HOST]);
  });

  it('reuses a credential while more than 5 minutes are left, however long it lives', () => {
    const at = Date.now();
    expect(reuseMarginMs({ obtainedAt: at, expiresAt: new Date(at + 3_600_000) })).toBe(300_000);
    expect(reuseMarginMs({ obtainedAt: at, expiresAt: new Date(at + 8_000) })).toBe(4_000);
    expect(reuseMarginMs({ obtainedAt: 0, expiresAt: new Date(at + 8_000) })).toBe(300_000);
    expect(reuseMarginMs({ obtainedAt: at, expiresAt: new Date(at - 1_000) })).toBe(0);
  });

  it('returns nothing for a host it was not configured for, without refreshing', async () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    const { calls, refresh } = countingRefresh();
    expect(await helperGet(dir, 'https://index.docker.io/v1/', { refresh })).toBeUndefined();
    expect(await helperGet(dir, 'constructor', { refresh })).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('refreshes once for concurrent gets in one process', async () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    const { calls, refresh } = countingRefresh(60, 100);
    const answers = await Promise.all(Array.from({ length: 8 }, () => helperGet(dir, HOST, { refresh })));
    expect(calls).toHaveLength(1);
    expect(new Set(answers.map((a) => a!.Secret)).size).toBe(1);
  });

  it('waits for a live process holding the lock and uses what it wrote', async () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    const lock = path.join(dir, 'refresh-cgr.dev.lock');
    writeFileSync(lock, `${process.pid} someone-else\n`);
    const written = { username: '_token', secret: token('by-the-holder', inMinutes(60)), expiresAt: inMinutes(60) };
    setTimeout(() => {
      writeCached(dir, HOST, written);
    }, 150);
    const { calls, refresh } = countingRefresh();
    const answer = await helperGet(dir, HOST, { refresh });
    expect(answer?.Secret).toBe(written.secret);
    expect(calls).toEqual([]);
    expect(existsSync(lock)).toBe(true);
  });

  it('takes over a lock whose holder is dead', async () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    plantLock(path.join(dir, 'refresh-cgr.dev.lock'), gonePid());
    const { calls, refresh } = countingRefresh();
    const answer = await helperGet(dir, HOST, { refresh });
    expect(calls).toEqual([HOST]);
    expect(answer?.Secret).toBeTruthy();
    expect(readdirSync(dir).filter((f) => f.includes('.lock'))).toEqual([]);
  });

  it('gives up waiting for a live holder that never finishes, naming it', async () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    plantLock(path.join(dir, 'refresh-cgr.dev.lock'), process.pid);
    const { calls, refresh } = countingRefresh();
    const error = await helperGet(dir, HOST, { refresh, waitMs: 200 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(HelperError);
    expect((error as Error).message).toBe(`timed out after 0 s waiting for the refresh of cgr.dev by process ${process.pid}`);
    expect(calls).toEqual([]);
  });

  it('releases the lock when the refresh fails; gets within the failure window share its failure, and the next one after it tries again', async () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    const failing = async (): Promise<HelperCredential> => {
      throw new HelperError('could not refresh the credential for cgr.dev: STS down');
    };
    await expect(helperGet(dir, HOST, { refresh: failing })).rejects.toThrow('STS down');
    expect(readdirSync(dir).filter((f) => f.includes('.lock'))).toEqual([]);
    const { calls, refresh } = countingRefresh();
    await expect(helperGet(dir, HOST, { refresh })).rejects.toThrow('could not refresh the credential for cgr.dev: STS down');
    expect(calls).toEqual([]);
    await helperGet(dir, HOST, { refresh, now: () => Date.now() + FAILURE_WINDOW_MS });
    expect(calls).toEqual([HOST]);
    expect(readdirSync(dir).filter((f) => f.startsWith('failure-'))).toEqual([]);
  });
});

describe('helperList', () => {
  it('names every configured host with its user name', () => {
    const dir = tempDir();
    writeHelperConfig(dir, baseConfig());
    expect(helperList(dir)).toEqual({ [HOST]: '_token', 'myregistry.azurecr.io': ACR_USER });
  });
});

describe('wrappers', () => {
  it('run the given Node and script by absolute path with the helper directory, quoting any path', async () => {
    const root = path.join(tempDir(), "it's a dir with spaces");
    const script = path.join(root, 'print-args.mjs');
    mkdirSync(root, { recursive: true });
    writeFileSync(
      script,
      'process.stdin.resume(); let input = ""; process.stdin.on("data", (d) => (input += d)); process.stdin.on("end", () => console.log(JSON.stringify({ args: process.argv.slice(2), input })));'
    );
    const files = writeHelperWrappers({
      binDir: path.join(root, 'bin'),
      name: 'chainguard-abc123',
      dir: path.join(root, 'state $HOME `x`'),
      nodePath: process.execPath,
      helperScript: script
    });
    // The .cmd wrapper is written on Windows only.
    expect(files.map((f) => path.basename(f))).toEqual(['docker-credential-chainguard-abc123']);
    expect(mode(files[0])).toBe(0o700);
    expect(readFileSync(files[0], 'utf8')).toMatch(/^#!\/bin\/sh\n/);
    // No PATH: the wrapper must not need node (or anything else) on it.
    const run = await runProgram(files[0], ['get'], 'cgr.dev', { PATH: '' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ args: ['--dir', path.join(root, 'state $HOME `x`'), 'get'], input: 'cgr.dev' });
  });

  it('write a Windows wrapper that quotes paths and keeps % literal', () => {
    const dir = tempDir();
    const [, cmd] = writeHelperWrappers({
      windows: true,
      binDir: dir,
      name: 'chainguard-abc123',
      dir: 'C:\\agent\\_work\\_temp\\chainguard-helper-x',
      nodePath: 'C:\\agent\\externals\\node20_1\\bin\\node.exe',
      helperScript: 'C:\\agent\\_work\\_tasks\\ChainguardLogin\\1.0.0\\dist\\helper\\index.js'
    });
    expect(readFileSync(cmd, 'utf8').split('\r\n')).toEqual([
      '@echo off',
      'rem Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
      '"C:\\agent\\externals\\node20_1\\bin\\node.exe" "C:\\agent\\_work\\_tasks\\ChainguardLogin\\1.0.0\\dist\\helper\\index.js" --dir "C:\\agent\\_work\\_temp\\chainguard-helper-x" %*',
      ''
    ]);
    const [, percent] = writeHelperWrappers({
      windows: true,
      binDir: dir,
      name: 'chainguard-pct000',
      dir: 'C:\\100%done',
      nodePath: 'node.exe',
      helperScript: 'x.js'
    });
    expect(readFileSync(percent, 'utf8')).toContain('--dir "C:\\100%%done" %*');
  });

  it('install into a fresh private directory with the seeded cache, and uninstall completely', () => {
    const root = tempDir();
    const seed = { [HOST]: { username: '_token', secret: token('seed', inMinutes(60)), expiresAt: inMinutes(60) } };
    const installed = installHelper({ root, config: baseConfig(), nodePath: process.execPath, helperScript: '/opt/helper/index.js', seed });
    expect(installed.dir.startsWith(path.join(root, 'chainguard-helper-'))).toBe(true);
    expect(mode(installed.dir)).toBe(0o700);
    // The .cmd wrapper is written on Windows only.
    expect(readdirSync(installed.binDir)).toEqual([`docker-credential-${installed.name}`]);
    const windows = installHelper({
      root,
      config: baseConfig(),
      nodePath: process.execPath,
      helperScript: '/opt/helper/index.js',
      windows: true
    });
    expect(readdirSync(windows.binDir)).toEqual([`docker-credential-${windows.name}`, `docker-credential-${windows.name}.cmd`]);
    removeHelper(windows.dir);
    expect(readCached(installed.dir, HOST)?.secret).toBe(seed[HOST].secret);
    removeHelper(installed.dir);
    expect(readdirSync(root)).toEqual([]);
  });

  it('find the helper bundle from every other bundle folder', () => {
    const bundle = path.join(ROOT, 'dist', 'helper', 'index.js');
    for (const from of ['dist/github/main', 'dist/github/post', 'dist/azure/main', 'dist/azure/post', 'dist/cli']) {
      expect(findHelperBundle(path.join(ROOT, from))).toBe(bundle);
    }
    expect(findHelperBundle(tempDir())).toBeUndefined();
  });

  it('find the built helper bundle for a step run from its TypeScript sources (local-action), and only then', () => {
    const bundle = path.join(ROOT, 'dist', 'helper', 'index.js');
    expect(sourceTreeHelperBundle(path.join(ROOT, 'src', 'core', 'runtime.ts'))).toBe(bundle);
    // A bundle is not a source tree: it finds the helper beside itself, or warns.
    expect(sourceTreeHelperBundle(path.join(ROOT, 'dist', 'github', 'main', 'index.js'))).toBeUndefined();
    // A source tree without a build.
    const unbuilt = tempDir();
    mkdirSync(path.join(unbuilt, 'src', 'core'), { recursive: true });
    expect(sourceTreeHelperBundle(path.join(unbuilt, 'src', 'core', 'runtime.ts'))).toBeUndefined();
    // Only this module's own place in the tree counts, not any .ts file.
    expect(sourceTreeHelperBundle(path.join(ROOT, 'src', 'core', 'credential-helper', 'install.ts'))).toBeUndefined();
  });
});
