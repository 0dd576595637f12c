import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeJwt } from '../../../../emulators/index.mjs';
import { TokenFileSource } from '../../../../src/core/sources/token-file.js';
import { testContext } from '../../../helpers/context.js';
import { failure } from '../../../helpers/failure.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

afterAll(removeTempDirs);
const now = () => Math.floor(Date.now() / 1000);
const token = (claims: Record<string, unknown> = {}) =>
  makeJwt({
    iss: 'https://kubernetes.default.svc.cluster.local',
    sub: 'system:serviceaccount:jenkins:agent',
    aud: ['issuer.enforce.dev'],
    exp: now() + 3600,
    ...claims
  });

describe('TokenFileSource', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  const source = (file: string) => new TokenFileSource(file, 'identity-token-file');

  it('reads the token (trimmed), masks it, and takes its expiry from exp; no request is made', async () => {
    const jwt = token();
    const file = path.join(dir, 'token');
    writeFileSync(file, `${jwt}\n`);
    const context = testContext({ send: () => Promise.reject(new Error('no request expected')) });
    const result = await source(file).getToken(context);
    expect(result.token).toBe(jwt);
    expect(context.masked).toEqual([jwt]);
    expect(result.expiresAt?.getTime()).toBe((now() + 3600) * 1000);
    expect(source(file).endpoint).toBe(file);
  });

  it('reads the file afresh at every use', async () => {
    const file = path.join(dir, 'token');
    const s = source(file);
    const [first, second] = [token(), token()];
    writeFileSync(file, first);
    expect((await s.getToken(testContext())).token).toBe(first);
    writeFileSync(file, second);
    expect((await s.getToken(testContext())).token).toBe(second);
  });

  it.each<[string, (file: string) => void, RegExp]>([
    ['a missing file', () => undefined, /does not exist\. In Kubernetes, check the pod's projected service-account token volume/],
    ['an empty file', (file) => writeFileSync(file, '\n'), /is empty/],
    ['a directory', (file) => mkdirSync(file), /is not a regular file/],
    ['a file too large to be a token', (file) => writeFileSync(file, 'a'.repeat(70_000)), /is 70000 bytes long/],
    [
      'something other than a JWT',
      (file) => writeFileSync(file, 'ghp_notajwtbutasecretvalue'),
      /does not hold a JWT .*its contents are not shown/
    ],
    [
      'an expired token',
      (file) => writeFileSync(file, token({ exp: now() - 60 })),
      /expired at .*issuer "https:\/\/kubernetes\.default\.svc\.cluster\.local".*kubelet rotates projected tokens/
    ]
  ])('refuses %s, naming the input', async (_what, prepare, message) => {
    const file = path.join(dir, 'token');
    prepare(file);
    const context = testContext();
    context.clock.time = Date.now();
    const error = await failure(source(file).getToken(context));
    expect(error.message).toContain(`${file} (identity-token-file)`);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('ghp_notajwtbutasecretvalue');
  });

  it('masks what it read even when it is not a JWT', async () => {
    const file = path.join(dir, 'token');
    writeFileSync(file, 'ghp_notajwtbutasecretvalue');
    const context = testContext();
    await failure(source(file).getToken(context));
    expect(context.masked).toEqual(['ghp_notajwtbutasecretvalue']);
  });
});
