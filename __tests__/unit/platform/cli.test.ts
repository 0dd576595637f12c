/** The command-line front end: argument parsing, and the built bundle's eval-able output. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM } from '../../../emulators/index.mjs';
import { basicAuth } from '../../../src/core/docker/auth-file.js';
import { singleQuoted as shellQuote } from '../../../src/core/shell.js';
import { parseArgs, STATE_VARIABLE } from '../../../src/platform/cli-args.js';
import { cliPlatform } from '../../../src/platform/cli.js';
import { useBundleHarness } from '../../helpers/bundles.js';

describe('parseArgs', () => {
  it('reads --name value and --name=value, the subcommand and the flags', () => {
    expect(parseArgs(['logout', '--registry=cgr.dev', '--timeout', '5', '--export-token', '--debug'])).toEqual({
      command: 'logout',
      values: { registry: 'cgr.dev', timeout: '5' },
      exportToken: true,
      debug: true
    });
    expect(parseArgs(['--help']).command).toBe('help');
  });
  it('reads the diagnose command as a login with diagnose set', () => {
    expect(parseArgs(['diagnose', '--identity-source', 'arc'])).toEqual({
      command: 'login',
      values: { diagnose: 'true', 'identity-source': 'arc' },
      exportToken: false,
      debug: false
    });
  });
  it('refuses unknown arguments and missing values', () => {
    expect(() => parseArgs(['--identitty', 'x'])).toThrow(/Unknown argument "--identitty"/);
    expect(() => parseArgs(['--identity'])).toThrow(/--identity needs a value/);
  });
  it('quotes values for a POSIX shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe('CLI bundle', () => {
  const h = useBundleHarness();

  it('prints export lines for eval, and logout removes what it wrote', async () => {
    const emulators = h.emulators;
    {
      const env = { HOME: h.dir, TMPDIR: h.dir, DEBUG: '1' };
      const login = await h.cli(env, [
        '--identity',
        IDENTITY_SYSTEM,
        '--azure-audience',
        AZURE_AUDIENCE,
        '--issuer',
        emulators.sts.url,
        '--debug'
      ]);
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

describe('CLI outputs', () => {
  it('exports the API token as CHAINGUARD_API_TOKEN only with --export-token', () => {
    const lines: string[] = [];
    const warnings: string[] = [];
    const quiet = cliPlatform(
      parseArgs([]),
      {},
      (line) => lines.push(line),
      (line) => warnings.push(line)
    );
    quiet.setOutput('api-token', 'api-value');
    expect(lines).toEqual([]);
    expect(warnings).toEqual([
      'warning: the API token is exported as CHAINGUARD_API_TOKEN only with --export-token (stdout must then go to eval).'
    ]);
    const exporting = cliPlatform(
      parseArgs(['--export-token']),
      {},
      (line) => lines.push(line),
      () => undefined
    );
    exporting.setOutput('api-token', 'api-value');
    expect(lines).toEqual(["export CHAINGUARD_API_TOKEN='api-value'"]);
  });
});
