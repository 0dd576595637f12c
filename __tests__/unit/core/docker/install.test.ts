import { existsSync, promises as fs, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { basicAuth, readAuthFile } from '../../../../src/core/docker/auth-file.js';
import { installDockerLogin, removeDockerLogin, type DockerLoginPlan } from '../../../../src/core/docker/install.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

afterAll(removeTempDirs);

const AUTH = basicAuth('_token', 'chainguard-token');

function plan(home: string, overrides: Partial<DockerLoginPlan> = {}): DockerLoginPlan & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    logins: [{ registry: 'cgr.dev', username: '_token', password: 'chainguard-token' }],
    tempRoot: path.join(home, 'runner-temp'),
    env: {},
    home,
    warn: (m) => warnings.push(m),
    warnings,
    ...overrides
  };
}

describe('installDockerLogin (job-scoped)', () => {
  it('writes a fresh config when the runner has none, and removes it afterwards', async () => {
    const home = tempDir();
    const installed = await installDockerLogin(plan(home));
    expect(path.dirname(installed.dockerConfigDir)).toBe(path.join(home, 'runner-temp'));
    expect((await fs.stat(installed.dockerConfigDir)).mode & 0o777).toBe(0o700);
    expect(await readAuthFile(path.join(installed.dockerConfigDir, 'config.json'))).toEqual({ auths: { 'cgr.dev': { auth: AUTH } } });
    expect(await readAuthFile(installed.containersAuthFile)).toEqual({ auths: { 'cgr.dev': { auth: AUTH } } });
    await removeDockerLogin(installed.state, { tempRoot: path.join(home, 'runner-temp') });
    expect(existsSync(installed.dockerConfigDir)).toBe(false);
  });

  it("seeds from the runner's config, keeping other logins, a credsStore and plugins", async () => {
    const home = tempDir();
    const userDir = path.join(home, '.docker');
    await fs.mkdir(path.join(userDir, 'cli-plugins'), { recursive: true });
    const seed = {
      auths: { 'ghcr.io': { auth: 'Z2g6cHc=' } },
      credsStore: 'desktop',
      credHelpers: { 'gcr.io': 'gcloud' },
      psFormat: 'table'
    };
    await fs.writeFile(path.join(userDir, 'config.json'), JSON.stringify(seed));
    const installed = await installDockerLogin(plan(home));
    const config = await readAuthFile(path.join(installed.dockerConfigDir, 'config.json'));
    expect(config).toEqual({
      auths: { 'ghcr.io': { auth: 'Z2g6cHc=' }, 'cgr.dev': { auth: AUTH } },
      credsStore: 'desktop',
      credHelpers: { 'gcr.io': 'gcloud', 'cgr.dev': '' },
      psFormat: 'table'
    });
    expect(lstatSync(path.join(installed.dockerConfigDir, 'cli-plugins')).isSymbolicLink()).toBe(true);
    // The runner's own config is untouched.
    expect(JSON.parse(await fs.readFile(path.join(userDir, 'config.json'), 'utf8'))).toEqual(seed);
    await removeDockerLogin(installed.state, { tempRoot: path.join(home, 'runner-temp') });
    expect(existsSync(path.join(userDir, 'cli-plugins'))).toBe(true);
  });

  it('seeds the containers auth file from REGISTRY_AUTH_FILE, dropping a helper for the host', async () => {
    const home = tempDir();
    const authFile = path.join(home, 'auth.json');
    await fs.writeFile(authFile, JSON.stringify({ auths: { 'quay.io': { auth: 'cTpw' } }, credHelpers: { 'cgr.dev': 'cgr' } }));
    const installed = await installDockerLogin(
      plan(home, { env: { REGISTRY_AUTH_FILE: authFile, DOCKER_CONFIG: path.join(home, 'nowhere') } })
    );
    expect(await readAuthFile(installed.containersAuthFile)).toEqual({
      auths: { 'quay.io': { auth: 'cTpw' }, 'cgr.dev': { auth: AUTH } },
      credHelpers: {}
    });
  });

  it('warns about and skips a seed config that is not JSON', async () => {
    const home = tempDir();
    await fs.mkdir(path.join(home, '.docker'));
    await fs.writeFile(path.join(home, '.docker', 'config.json'), 'garbage');
    const p = plan(home);
    const installed = await installDockerLogin(p);
    expect(p.warnings.join('\n')).toMatch(/config.json is not a JSON object/);
    expect(await readAuthFile(path.join(installed.dockerConfigDir, 'config.json'))).toEqual({ auths: { 'cgr.dev': { auth: AUTH } } });
  });
});

describe('installDockerLogin on Windows (platform and icacls injected)', () => {
  it('restricts the job directory to the user before anything is written into it; the helper and its cache are made inside later', async () => {
    const home = tempDir();
    const seen: { file: string; args: readonly string[]; entries: string[] }[] = [];
    const installed = await installDockerLogin(
      plan(home, {
        platform: 'win32',
        env: { SystemRoot: 'C:\\Windows', USERDOMAIN: 'CONTOSO', USERNAME: 'builder' },
        run: async (file, args) => {
          seen.push({ file, args, entries: file.endsWith('icacls.exe') ? readdirSync(args[0]) : [] });
          return { code: file.endsWith('icacls.exe') ? 0 : 1, stdout: '', stderr: '' };
        },
        helper: (jobDir) => {
          expect(seen).toHaveLength(2);
          return {
            name: 'chainguard-abcdef',
            names: new Map([['cgr.dev', 'chainguard-abcdef']]),
            dir: path.join(jobDir, 'h'),
            binDir: path.join(jobDir, 'h', 'bin')
          };
        }
      })
    );
    expect(seen).toEqual([
      { file: 'C:\\Windows\\System32\\whoami.exe', args: ['/user', '/fo', 'csv', '/nh'], entries: [] },
      {
        file: 'C:\\Windows\\System32\\icacls.exe',
        args: [installed.dockerConfigDir, '/inheritance:r', '/grant:r', 'CONTOSO\\builder:(OI)(CI)F'],
        entries: []
      }
    ]);
  });

  it('a directory it cannot restrict is a warning naming it, and the login goes on', async () => {
    const home = tempDir();
    const p = plan(home, {
      platform: 'win32',
      env: { USERNAME: 'builder' },
      run: async () => ({ code: 5, stdout: '', stderr: 'Access is denied.' })
    });
    const installed = await installDockerLogin(p);
    expect(p.warnings).toEqual([
      `Could not make ${installed.dockerConfigDir} private to this user: icacls exited with 5 (Access is denied.); ` +
        `it keeps the permissions it inherited from ${path.join(home, 'runner-temp')}.`
    ]);
    expect(existsSync(path.join(installed.dockerConfigDir, 'config.json'))).toBe(true);
    await removeDockerLogin(installed.state, { tempRoot: path.join(home, 'runner-temp') });
  });
});

describe('installDockerLogin (explicit docker-config)', () => {
  it('merges into the given directory and restores the earlier entry on cleanup', async () => {
    const home = tempDir();
    const dir = path.join(home, 'shared-docker');
    await fs.mkdir(dir);
    const before = { auths: { 'cgr.dev': { auth: 'b2xkOnRva2Vu' }, 'ghcr.io': { auth: 'Z2g6cHc=' } }, credsStore: 'pass' };
    await fs.writeFile(path.join(dir, 'config.json'), JSON.stringify(before));
    const installed = await installDockerLogin(plan(home, { explicitDir: dir }));
    expect(installed.dockerConfigDir).toBe(dir);
    expect(await readAuthFile(path.join(dir, 'config.json'))).toEqual({
      auths: { 'cgr.dev': { auth: AUTH }, 'ghcr.io': { auth: 'Z2g6cHc=' } },
      credsStore: 'pass',
      credHelpers: { 'cgr.dev': '' }
    });
    // The state saved for the post step holds paths only.
    expect(JSON.stringify(installed.state)).not.toContain('b2xkOnRva2Vu');
    expect(JSON.stringify(installed.state)).not.toContain(AUTH);
    const log = await removeDockerLogin(installed.state, { tempRoot: path.join(home, 'runner-temp') });
    expect(log.join('\n')).toMatch(/removed the cgr.dev login/);
    expect(await readAuthFile(path.join(dir, 'config.json'))).toEqual(before);
    expect(existsSync(installed.state.jobDir)).toBe(false);
  });

  it('leaves nothing behind when the explicit directory cannot be written', async () => {
    const home = tempDir();
    const blocker = path.join(home, 'file');
    await fs.writeFile(blocker, 'not a directory');
    const p = plan(home, { explicitDir: path.join(blocker, 'docker') });
    await expect(installDockerLogin(p)).rejects.toThrow(/Could not write the docker config in .* \(docker-config\)/);
    expect(await fs.readdir(path.join(home, 'runner-temp'))).toEqual([]);
  });

  it('refuses to clean up a directory it did not create', async () => {
    const home = tempDir();
    const context = { tempRoot: path.join(home, 'runner-temp'), env: {} };
    await expect(
      removeDockerLogin({ version: 2, jobDir: '/home/runner/.docker', marker: 'x', registry: 'cgr.dev' }, context)
    ).rejects.toThrow(/Refusing to clean up \/home\/runner\/\.docker: it is not a directory this step creates/);
    const installed = await installDockerLogin(plan(home));
    await expect(removeDockerLogin({ ...installed.state, marker: 'not-the-marker' }, context)).rejects.toThrow(/does not hold the marker/);
    await expect(removeDockerLogin(installed.state, { ...context, tempRoot: home })).rejects.toThrow(
      /not directly under this runner's temp directory/
    );
    expect(existsSync(installed.dockerConfigDir)).toBe(true);
  });
});
