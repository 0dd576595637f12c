/**
 * The command-line tool in one shell: a second login replaces the first (one logout then
 * removes everything, and the second login seeds from the user's own config, not from the first
 * login's directory), and a relative TMPDIR still gives absolute paths that logout accepts.
 * Run through the built CLI bundle, carrying exports from one run to the next as `eval` would.
 */
import { existsSync, mkdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STATE_VARIABLE } from '../../src/platform/cli-args.js';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();

/** The export lines of a run, as `eval` would apply them. */
function exportsOf(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const match = /^export ([A-Z_]+)='(.*)'$/.exec(line);
        if (!match) throw new Error(`not an export line: ${line}`);
        return [match[1], match[2].replace(/'\\''/g, "'")];
      })
  );
}

const loginArgs = (extra: string[] = []) => h.cliLogin(extra);

describe('the command-line tool in one shell', () => {
  it('replaces the first login with the second; one logout removes both', async () => {
    const home = path.join(h.dir, 'home');
    mkdirSync(path.join(home, '.docker', 'cli-plugins'), { recursive: true });
    writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ auths: { 'ghcr.io': { auth: 'Z2g6cHc=' } } }));
    let shell: NodeJS.ProcessEnv = { HOME: home, TMPDIR: h.dir };

    const first = await h.cli(shell, loginArgs());
    expect(first.code).toBe(0);
    const firstExports = exportsOf(first.stdout);
    shell = { ...shell, ...firstExports };

    const second = await h.cli(shell, loginArgs());
    expect(second.code).toBe(0);
    const secondExports = exportsOf(second.stdout);
    shell = { ...shell, ...secondExports };
    expect(secondExports.DOCKER_CONFIG).not.toBe(firstExports.DOCKER_CONFIG);
    expect(existsSync(firstExports.DOCKER_CONFIG)).toBe(false);
    // Seeded from the user's config: its plugins, its logins, and only the newest token.
    expect(readlinkSync(path.join(secondExports.DOCKER_CONFIG, 'cli-plugins'))).toBe(path.join(home, '.docker', 'cli-plugins'));
    const config = JSON.parse(readFileSync(path.join(secondExports.DOCKER_CONFIG, 'config.json'), 'utf8'));
    expect(Object.keys(config.auths).sort()).toEqual(['cgr.dev', 'ghcr.io']);

    const logout = await h.cli(shell, ['logout']);
    expect(logout.code).toBe(0);
    expect(logout.stderr).not.toMatch(/warning/);
    expect(existsSync(secondExports.DOCKER_CONFIG)).toBe(false);
    expect(existsSync(firstExports.DOCKER_CONFIG)).toBe(false);
  });

  it('replaces a login into an explicit --docker-config, and logout restores the original', async () => {
    const dir = path.join(h.dir, 'shared-docker');
    mkdirSync(dir);
    const original = { auths: { 'cgr.dev': { auth: 'dXNlcjpvcmlnaW5hbA==' } } };
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(original));
    let shell: NodeJS.ProcessEnv = { HOME: h.dir, TMPDIR: h.dir };
    for (let i = 0; i < 2; i++) {
      const login = await h.cli(shell, loginArgs(['--docker-config', dir]));
      expect(login.code).toBe(0);
      shell = { ...shell, ...exportsOf(login.stdout) };
    }
    const logout = await h.cli(shell, ['logout']);
    expect(logout.code).toBe(0);
    expect(logout.stderr).not.toMatch(/warning/);
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual(original);
  });

  it('exports absolute paths under a relative TMPDIR, and logout accepts them', async () => {
    const temp = path.join(h.dir, 'relative-temp');
    mkdirSync(temp);
    const relative = path.relative(process.cwd(), temp);
    expect(path.isAbsolute(relative)).toBe(false);
    const shell: NodeJS.ProcessEnv = { HOME: h.dir, TMPDIR: relative };
    const login = await h.cli(shell, loginArgs());
    expect(login.code).toBe(0);
    const exported = exportsOf(login.stdout);
    expect(path.isAbsolute(exported.DOCKER_CONFIG)).toBe(true);
    expect(path.isAbsolute(exported.REGISTRY_AUTH_FILE)).toBe(true);
    expect(path.dirname(exported.DOCKER_CONFIG)).toBe(temp);
    expect(JSON.parse(exported[STATE_VARIABLE]).jobDir).toBe(exported.DOCKER_CONFIG);

    const logout = await h.cli({ ...shell, ...exported }, ['logout']);
    expect(logout.code).toBe(0);
    expect(logout.stderr).not.toMatch(/warning/);
    expect(existsSync(exported.DOCKER_CONFIG)).toBe(false);
  });
});
