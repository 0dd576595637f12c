/**
 * A service (or a proxy in front of it) that echoes the bearer token in an error body: the
 * message keeps the service's words but never the token, nor any prefix of it, nor anything
 * shaped like a JWT. Run through the built GitHub bundle and the command-line tool (which has
 * no masking of its own).
 */
import { imdsAnswer, makeJwt, systemAzureJwt } from '../../emulators/index.mjs';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();
const fast = { CHAINGUARD_LOGIN_TIME_SCALE: '0.01' };

/** An Azure token the IMDS emulator hands out, known to the test in advance. */
function fixedAzureToken(token: string): void {
  h.extraTokens.push(token);
  h.emulators.imds.script(imdsAnswer(token));
}

describe('service text in messages', () => {
  it('removes the Azure token an STS error echoes, keeping the rest of its words', async () => {
    const token = systemAzureJwt();
    fixedAzureToken(token);
    h.emulators.sts.script({ status: 401, body: { code: 16, message: `invalid bearer token "${token}": signature check failed` } });
    const main = await h.githubMain(h.githubJob(), h.githubInputs(), fast);
    expect(main.code).toBe(1);
    const [error] = main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(error).toMatch(/HTTP 401 Unauthenticated: invalid bearer token ".*": signature check failed/);
    expect(error).not.toContain(token.slice(0, 24));
    expect(error).not.toMatch(/eyJ/);
  });

  it('removes a JWT-shaped value an IMDS error echoes', async () => {
    const other = makeJwt({ sub: 'someone' });
    h.extraTokens.push(other);
    h.emulators.imds.script({
      status: 403,
      body: { error: 'forbidden', error_description: `proxy refused Authorization: Bearer ${other}` }
    });
    const main = await h.githubMain(h.githubJob(), h.githubInputs(), fast);
    expect(main.code).toBe(1);
    const [error] = main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(error).toMatch(/IMDS answered HTTP 403 \(forbidden: proxy refused Authorization: Bearer .*\)/);
    expect(error).not.toContain(other.slice(0, 24));
    expect(error).not.toMatch(/eyJ/);
  });

  it('does not print a short, opaque token whole from the command-line tool', async () => {
    const token = 'opaque-azure-token-5f1c9a';
    fixedAzureToken(token);
    h.emulators.sts.script({ status: 403, body: { code: 7, message: `token ${token} is not trusted` } });
    const result = await h.cli({ HOME: h.dir, TMPDIR: h.dir, ...fast }, h.cliLogin());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HTTP 403 PermissionDenied: token .* is not trusted/);
    expect(result.stderr).not.toContain(token);
    expect(result.stdout).toBe('');
  });
});
