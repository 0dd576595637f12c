/** The built command-line tool: eval-able export lines, logout, and a refused input named as a flag. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AZURE_AUDIENCE } from '../../emulators/index.mjs';
import { basicAuth } from '../../src/core/docker/auth-file.js';
import { STATE_VARIABLE } from '../../src/platform/cli-args.js';
import { useBundleHarness } from '../helpers/bundles.js';

describe('CLI bundle', () => {
  const h = useBundleHarness();

  it('prints export lines for eval, and logout removes what it wrote', async () => {
    const emulators = h.emulators;
    {
      const env = { HOME: h.dir, TMPDIR: h.dir, DEBUG: '1' };
      const login = await h.cli(env, h.cliLogin(['--debug']));
      expect(login.code).toBe(0);
      const exported = Object.fromEntries(
        login.stdout
          .trim()
          .split('\n')
          .map((line) => {
            const match = /^export ([A-Z_]+)='(.*)'$/.exec(line);
            expect(match).not.toBeNull();
            return [match![1], match![2]];
          })
      );
      expect(Object.keys(exported).sort()).toEqual(
        ['CHAINGUARD_IDENTITY', 'CHAINGUARD_TOKEN_EXPIRES_AT', 'DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', STATE_VARIABLE].sort()
      );
      expect(login.stdout).not.toContain(emulators.sts.issued[0]);
      expect(login.stderr).not.toContain(emulators.sts.issued[0]);
      const config = JSON.parse(readFileSync(path.join(exported.DOCKER_CONFIG, 'config.json'), 'utf8'));
      expect(config.auths['cgr.dev'].auth).toBe(basicAuth('_token', emulators.sts.issued[0]));

      const logout = await h.cli({ ...env, [STATE_VARIABLE]: exported[STATE_VARIABLE] }, ['logout']);
      expect(logout.code).toBe(0);
      expect(existsSync(exported.DOCKER_CONFIG)).toBe(false);
    }
  });

  it('exits 1 with the input named as a flag', async () => {
    const result = await h.cli({ HOME: h.dir }, ['--identity', 'x', '--azure-audience', AZURE_AUDIENCE]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: Input --identity is not an assumable identity's UIDP/m);
    expect(result.stdout).toBe('');
  });
});
