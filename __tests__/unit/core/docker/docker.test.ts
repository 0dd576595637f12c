/** The docker config writer: the pure merge rules, the auth files, and a docker config shared by jobs (its record, under its lock). */
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { applyHelper, applyLogin } from '../../../../src/core/docker/merge.js';
import {
  basicAuth,
  readAuthFile,
  userContainersAuthFile,
  userDockerConfigDir,
  type AuthFile
} from '../../../../src/core/docker/auth-file.js';
import {
  joinShared,
  SharedLoginConflict,
  leaveShared,
  loadDigest,
  mergeLoginInto,
  removeLoginFrom,
  sharedRecordFile,
  type Digest,
  type SharedRecord
} from '../../../../src/core/docker/shared-config.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

afterAll(removeTempDirs);

const AUTH = basicAuth('_token', 'secret-token');
let digest: Digest;
beforeAll(async () => {
  digest = await loadDigest();
});

const JOB_A = { id: 'a'.repeat(32), dir: '/nonexistent/job-a' };
const JOB_B = { id: 'b'.repeat(32), dir: '/nonexistent/job-b' };
const emptyRecord = (): SharedRecord => ({ version: 1, registries: {} });

describe('applyLogin', () => {
  it('adds an auths entry and needs no helper override on a plain config', () => {
    const config: AuthFile = { auths: { 'ghcr.io': { auth: 'b3RoZXI=' } } };
    const change = applyLogin(config, 'cgr.dev', AUTH, 'docker', 'f');
    expect(config).toEqual({ auths: { 'ghcr.io': { auth: 'b3RoZXI=' }, 'cgr.dev': { auth: AUTH } } });
    expect(change.helperChanged).toBe(false);
  });

  it('overrides a credsStore for this host only, so docker reads auths', () => {
    const config: AuthFile = { credsStore: 'desktop', auths: {} };
    expect(applyLogin(config, 'cgr.dev', AUTH, 'docker', 'f').helperChanged).toBe(true);
    expect(config.credHelpers).toEqual({ 'cgr.dev': '' });
    expect(config.credsStore).toBe('desktop');
  });

  it('removes a host helper from a containers auth file instead of blanking it', () => {
    const config: AuthFile = { credHelpers: { 'cgr.dev': 'cgr' } };
    applyLogin(config, 'cgr.dev', AUTH, 'containers', 'f');
    expect(config.credHelpers).toEqual({});
  });
});

describe('applyHelper', () => {
  it('names the helper for this host only, over a credsStore and an auths entry, in docker and containers files alike', () => {
    for (const kind of ['docker', 'containers'] as const) {
      const config: AuthFile = { credsStore: 'desktop', auths: { 'cgr.dev': { auth: 'b2xk' } }, credHelpers: { 'gcr.io': 'gcloud' } };
      const change = applyHelper(config, 'cgr.dev', 'chainguard-abc123', kind, 'f');
      expect(config).toEqual({
        credsStore: 'desktop',
        auths: { 'cgr.dev': { auth: 'b2xk' } },
        credHelpers: { 'gcr.io': 'gcloud', 'cgr.dev': 'chainguard-abc123' }
      });
      expect(change).toMatchObject({ previousAuth: { auth: 'b2xk' }, previousHelper: undefined, helperChanged: true, hadHelpers: true });
    }
  });
});

describe('joinShared / leaveShared with the credential helper', () => {
  const HELPER = { helper: 'chainguard-abc123' };

  it('restores the original helper entry, and no auths change, when the last job leaves', () => {
    const original: AuthFile = { credsStore: 'desktop', credHelpers: { 'cgr.dev': 'desktop' }, auths: { 'cgr.dev': { auth: 'b2xk' } } };
    const config: AuthFile = structuredClone(original);
    const record = emptyRecord();
    joinShared(config, record, 'cgr.dev', HELPER, JOB_A, 'host', digest);
    joinShared(config, record, 'cgr.dev', HELPER, JOB_B, 'host', digest);
    expect(config.credHelpers).toEqual({ 'cgr.dev': 'chainguard-abc123' });
    expect(leaveShared(config, record, 'cgr.dev', JOB_A.id, digest)).toEqual({ outcome: 'others-remain', changed: false });
    expect(config.credHelpers).toEqual({ 'cgr.dev': 'chainguard-abc123' });
    expect(leaveShared(config, record, 'cgr.dev', JOB_B.id, digest)).toEqual({ outcome: 'restored', changed: true });
    expect(config).toEqual(original);
    expect(record.registries).toEqual({});
  });

  it('removes credHelpers again when there was none', () => {
    const config: AuthFile = { auths: {} };
    const record = emptyRecord();
    joinShared(config, record, 'cgr.dev', HELPER, JOB_A, 'host', digest);
    leaveShared(config, record, 'cgr.dev', JOB_A.id, digest);
    expect(config).toEqual({ auths: {} });
  });

  it('leaves a helper entry someone rewrote since', () => {
    const config: AuthFile = {};
    const record = emptyRecord();
    joinShared(config, record, 'cgr.dev', HELPER, JOB_A, 'host', digest);
    config.credHelpers = { 'cgr.dev': 'their-own' };
    expect(leaveShared(config, record, 'cgr.dev', JOB_A.id, digest)).toEqual({ outcome: 'changed-since', changed: false });
    expect(config.credHelpers).toEqual({ 'cgr.dev': 'their-own' });
  });

  it('a static job, then a helper job: the helper job is refused, naming the static one, and changes nothing; the original comes back after the static one', () => {
    const original: AuthFile = { credsStore: 'desktop', auths: { 'cgr.dev': { auth: 'b2xk' } } };
    const config: AuthFile = structuredClone(original);
    const record = emptyRecord();
    joinShared(config, record, 'cgr.dev', AUTH, JOB_A, 'host', digest);
    const before = { config: structuredClone(config), record: JSON.stringify(record) };
    const refusal = (() => {
      try {
        joinShared(config, record, 'cgr.dev', HELPER, JOB_B, 'host', digest);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(SharedLoginConflict);
    expect(refusal).toMatchObject({ registry: 'cgr.dev', other: { dir: JOB_A.dir, host: 'host' }, otherHelper: false });
    expect(config).toEqual(before.config);
    expect(JSON.stringify(record)).toBe(before.record);
    expect(leaveShared(config, record, 'cgr.dev', JOB_A.id, digest).outcome).toBe('restored');
    expect(config).toEqual(original);
  });

  it('a helper job, then a static one: refused; a job recorded by an earlier version counts as the kind of login in place', () => {
    const config: AuthFile = {};
    const record = emptyRecord();
    joinShared(config, record, 'cgr.dev', HELPER, JOB_A, 'host', digest);
    expect(() => joinShared(config, record, 'cgr.dev', AUTH, JOB_B, 'host', digest)).toThrow(SharedLoginConflict);
    // Records of earlier versions do not say which kind a job used.
    delete record.registries['cgr.dev'].jobs[JOB_A.id].helper;
    expect(() => joinShared(config, record, 'cgr.dev', AUTH, JOB_B, 'host', digest)).toThrow(SharedLoginConflict);
    // A second helper job is welcome.
    joinShared(config, record, 'cgr.dev', HELPER, JOB_B, 'host', digest);
    expect(Object.keys(record.registries['cgr.dev'].jobs).sort()).toEqual([JOB_A.id, JOB_B.id].sort());
  });
});

describe('joinShared / leaveShared', () => {
  const AUTH_B = basicAuth('_token', 'second-token');

  it('puts back the original entry and helper only when the last job leaves', () => {
    const original: AuthFile = { credHelpers: { 'cgr.dev': 'cgr', 'gcr.io': 'gcloud' }, auths: { 'cgr.dev': { auth: 'b2xk' } } };
    const config: AuthFile = structuredClone(original);
    const record = emptyRecord();
    joinShared(config, record, 'cgr.dev', AUTH, JOB_A, 'host', digest);
    joinShared(config, record, 'cgr.dev', AUTH_B, JOB_B, 'host', digest);
    expect(config).toEqual({ credHelpers: { 'cgr.dev': '', 'gcr.io': 'gcloud' }, auths: { 'cgr.dev': { auth: AUTH_B } } });
    expect(JSON.stringify(record)).not.toContain(AUTH);

    expect(leaveShared(config, record, 'cgr.dev', JOB_A.id, digest)).toEqual({ outcome: 'others-remain', changed: false });
    expect(config.auths?.['cgr.dev']).toEqual({ auth: AUTH_B });
    expect(leaveShared(config, record, 'cgr.dev', JOB_B.id, digest)).toEqual({ outcome: 'restored', changed: true });
    expect(config).toEqual(original);
    expect(record.registries).toEqual({});
  });

  it("never puts back another job's token, in either order", () => {
    for (const order of [
      [JOB_A, JOB_B],
      [JOB_B, JOB_A]
    ]) {
      const config: AuthFile = {};
      const record = emptyRecord();
      joinShared(config, record, 'cgr.dev', AUTH, JOB_A, 'host', digest);
      joinShared(config, record, 'cgr.dev', AUTH_B, JOB_B, 'host', digest);
      for (const job of order) leaveShared(config, record, 'cgr.dev', job.id, digest);
      expect(config).toEqual({ auths: {} });
    }
  });

  it('leaves an entry someone else rewrote since', () => {
    const config: AuthFile = {};
    const record = emptyRecord();
    joinShared(config, record, 'cgr.dev', AUTH, JOB_A, 'host', digest);
    config.auths = { 'cgr.dev': { auth: basicAuth('_token', 'newer') } };
    expect(leaveShared(config, record, 'cgr.dev', JOB_A.id, digest)).toEqual({ outcome: 'changed-since', changed: false });
    expect(config.auths['cgr.dev']).toEqual({ auth: basicAuth('_token', 'newer') });
  });

  it('does nothing for a job it does not know', () => {
    const config: AuthFile = { auths: { 'cgr.dev': { auth: AUTH } } };
    expect(leaveShared(config, emptyRecord(), 'cgr.dev', JOB_A.id, digest)).toEqual({ outcome: 'not-joined', changed: false });
    expect(config).toEqual({ auths: { 'cgr.dev': { auth: AUTH } } });
  });
});

describe('files', () => {
  it('merges into a config.json atomically with private modes, creating the directory', async () => {
    const dir = path.join(tempDir(), 'docker');
    const file = path.join(dir, 'config.json');
    const jobDir = tempDir();
    await mergeLoginInto(file, 'cgr.dev', AUTH, { id: JOB_A.id, dir: jobDir });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(sharedRecordFile(file)).mode & 0o777).toBe(0o600);
    expect(await readAuthFile(file)).toEqual({ auths: { 'cgr.dev': { auth: AUTH } } });
    expect((await fs.readdir(dir)).sort()).toEqual(['config.json', 'config.json.chainguard-login.json']);
    expect(await removeLoginFrom(file, 'cgr.dev', JOB_A.id)).toBe('restored');
    expect(await readAuthFile(file)).toEqual({ auths: {} });
    expect(await fs.readdir(dir)).toEqual(['config.json']);
  });

  it('refuses to merge into a config.json that is not JSON, leaving it untouched', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config.json');
    await fs.writeFile(file, '{ not json');
    await expect(mergeLoginInto(file, 'cgr.dev', AUTH, JOB_A)).rejects.toThrow(/is not a JSON object/);
    expect(await fs.readFile(file, 'utf8')).toBe('{ not json');
    expect(await fs.readdir(dir)).toEqual(['config.json']);
  });

  it('keeps every update when twenty writers merge into one file at once', async () => {
    const file = path.join(tempDir(), 'config.json');
    const jobDir = tempDir();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mergeLoginInto(file, `registry-${i}.example.com`, AUTH, { id: String(i).padStart(32, '0'), dir: jobDir })
      )
    );
    const config = await readAuthFile(file);
    expect(Object.keys(config.auths ?? {}).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `registry-${i}.example.com`).sort());
  });

  it("finds the user's docker config and containers auth file", () => {
    expect(userDockerConfigDir({}, '/home/runner')).toBe('/home/runner/.docker');
    expect(userDockerConfigDir({ DOCKER_CONFIG: '/etc/docker-cfg' }, '/home/runner')).toBe('/etc/docker-cfg');
    expect(userContainersAuthFile({ REGISTRY_AUTH_FILE: '/a/auth.json', XDG_RUNTIME_DIR: '/run/user/1' })).toBe('/a/auth.json');
    expect(userContainersAuthFile({ XDG_RUNTIME_DIR: '/run/user/1' })).toBe('/run/user/1/containers/auth.json');
    expect(userContainersAuthFile({})).toBeUndefined();
  });
});
