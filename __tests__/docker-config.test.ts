import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import {
  applyLogin as applyChange,
  basicAuth,
  loadDigest,
  mergeLoginInto,
  readAuthFile,
  revertLogin,
  revertLoginIn,
  userContainersAuthFile,
  userDockerConfigDir,
  type AuthFile,
  type Digest,
  type FileKind,
  type MergeRecord
} from '../src/core/docker-config.js';
import { removeTempDirs, tempDir } from './helpers/temp.js';

afterAll(removeTempDirs);

const AUTH = basicAuth('_token', 'secret-token');
let digest: Digest;
beforeAll(async () => {
  digest = await loadDigest();
});

/** applyLogin, with the record a merge keeps for undoing it. */
function applyLogin(config: AuthFile, registry: string, auth: string, kind: FileKind, file: string): MergeRecord {
  return { ...applyChange(config, registry, auth, kind, file), authDigest: digest(auth) };
}

describe('applyLogin / revertLogin', () => {
  it('adds an auths entry and needs no helper override on a plain config', () => {
    const config: AuthFile = { auths: { 'ghcr.io': { auth: 'b3RoZXI=' } } };
    const record = applyLogin(config, 'cgr.dev', AUTH, 'docker', 'f');
    expect(config).toEqual({ auths: { 'ghcr.io': { auth: 'b3RoZXI=' }, 'cgr.dev': { auth: AUTH } } });
    expect(record.helperChanged).toBe(false);
    expect(revertLogin(config, record, digest)).toBe(true);
    expect(config).toEqual({ auths: { 'ghcr.io': { auth: 'b3RoZXI=' } } });
  });

  it('overrides a credsStore for this host only, so docker reads auths', () => {
    const config: AuthFile = { credsStore: 'desktop', auths: {} };
    const record = applyLogin(config, 'cgr.dev', AUTH, 'docker', 'f');
    expect(config.credHelpers).toEqual({ 'cgr.dev': '' });
    expect(config.credsStore).toBe('desktop');
    revertLogin(config, record, digest);
    expect(config).toEqual({ credsStore: 'desktop', auths: {} });
  });

  it('overrides an existing helper for the host and restores it afterwards', () => {
    const config: AuthFile = { credHelpers: { 'cgr.dev': 'cgr', 'gcr.io': 'gcloud' }, auths: { 'cgr.dev': { auth: 'b2xk' } } };
    const record = applyLogin(config, 'cgr.dev', AUTH, 'docker', 'f');
    expect(config.credHelpers).toEqual({ 'cgr.dev': '', 'gcr.io': 'gcloud' });
    revertLogin(config, record, digest);
    expect(config).toEqual({ credHelpers: { 'cgr.dev': 'cgr', 'gcr.io': 'gcloud' }, auths: { 'cgr.dev': { auth: 'b2xk' } } });
  });

  it('removes a host helper from a containers auth file instead of blanking it', () => {
    const config: AuthFile = { credHelpers: { 'cgr.dev': 'cgr' } };
    const record = applyLogin(config, 'cgr.dev', AUTH, 'containers', 'f');
    expect(config.credHelpers).toEqual({});
    revertLogin(config, record, digest);
    expect(config.credHelpers).toEqual({ 'cgr.dev': 'cgr' });
  });

  it('leaves an entry someone else rewrote since', () => {
    const config: AuthFile = {};
    const record = applyLogin(config, 'cgr.dev', AUTH, 'docker', 'f');
    config.auths = { 'cgr.dev': { auth: basicAuth('_token', 'newer') } };
    expect(revertLogin(config, record, digest)).toBe(false);
    expect(config.auths['cgr.dev']).toEqual({ auth: basicAuth('_token', 'newer') });
  });
});

describe('files', () => {
  it('merges into a config.json atomically with private modes, creating the directory', async () => {
    const dir = path.join(tempDir(), 'docker');
    const file = path.join(dir, 'config.json');
    const record = await mergeLoginInto(file, 'cgr.dev', AUTH, 'docker');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await readAuthFile(file)).toEqual({ auths: { 'cgr.dev': { auth: AUTH } } });
    expect(await fs.readdir(dir)).toEqual(['config.json']);
    expect(await revertLoginIn(record)).toBe(true);
    expect(await readAuthFile(file)).toEqual({ auths: {} });
  });

  it('refuses to merge into a config.json that is not JSON, leaving it untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    await fs.writeFile(file, '{ not json');
    await expect(mergeLoginInto(file, 'cgr.dev', AUTH, 'docker')).rejects.toThrow(/is not a JSON object/);
    expect(await fs.readFile(file, 'utf8')).toBe('{ not json');
    expect(await fs.readdir(dir)).toEqual(['config.json']);
  });

  it('keeps every update when twenty writers merge into one file at once', async () => {
    const file = path.join(tempDir(), 'config.json');
    await Promise.all(Array.from({ length: 20 }, (_, i) => mergeLoginInto(file, `registry-${i}.example.com`, AUTH, 'docker')));
    const config = await readAuthFile(file);
    expect(Object.keys(config.auths ?? {}).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `registry-${i}.example.com`).sort());
  });

  it('finds the user\'s docker config and containers auth file', () => {
    expect(userDockerConfigDir({}, '/home/runner')).toBe('/home/runner/.docker');
    expect(userDockerConfigDir({ DOCKER_CONFIG: '/etc/docker-cfg' }, '/home/runner')).toBe('/etc/docker-cfg');
    expect(userContainersAuthFile({ REGISTRY_AUTH_FILE: '/a/auth.json', XDG_RUNTIME_DIR: '/run/user/1' })).toBe('/a/auth.json');
    expect(userContainersAuthFile({ XDG_RUNTIME_DIR: '/run/user/1' })).toBe('/run/user/1/containers/auth.json');
    expect(userContainersAuthFile({})).toBeUndefined();
  });
});
