/**
 * `npm run demo` as a user sees it in a pipe (a CI log, `| less`): step logs rendered as the runner
 * and the agent render them (no workflow or logging command lines, masked values as ***), no
 * colour codes, the credential helper answering docker's `get` with its token redacted, and,
 * where docker and a registry are installed, docker reading a manifest through the helper.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { outputOf, ROOT } from '../../emulators/runners.mjs';

function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return outputOf(spawn(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] }));
}

let demo: Awaited<ReturnType<typeof runDemo>>;
beforeAll(async () => {
  demo = await runDemo();
}, 180_000);

it('runs every check and passes', () => {
  expect(demo.stderr).toBe('');
  expect(demo.stdout).toContain('Demo finished: every check passed.');
  expect(demo.stdout).not.toMatch(/^\s*FAIL/m);
  expect(demo.code).toBe(0);
});

it('shows no runner or agent command, and no colour codes, when stdout is a pipe', () => {
  const lines = demo.stdout.split('\n');
  expect(lines.filter((line) => /^\s*::/.test(line))).toEqual([]);
  expect(lines.filter((line) => line.includes('##vso['))).toEqual([]);
  expect(demo.stdout).not.toContain('\x1b[');
  // Errors render as the runner renders them.
  expect(demo.stdout).toMatch(/^ {3}Error: Could not exchange the Azure token at Chainguard's STS/m);
});

it('shows the credential helper answering get for the registry, its token redacted', () => {
  const section = demo.stdout.slice(demo.stdout.indexOf('the credential helper answers docker'));
  expect(section).toMatch(
    /\$ echo cgr\.dev \| docker-credential-chainguard-[a-z0-9]{6} get\n {3}\{"ServerURL":"cgr\.dev","Username":"_token","Secret":"\*\*\*"\}/
  );
  expect(section).toMatch(/ok {3}its secret \(\*\*\* above, redacted by this demo\) is the token the step got/);
});

it('shows docker reading a manifest through the helper, or why it was skipped', () => {
  const section = demo.stdout.slice(demo.stdout.indexOf('== docker manifest inspect through the credential helper'));
  expect(section).toMatch(/ok {3}docker read the manifest through the credential helper|Skipped: .+/);
});

it('prints no secret: no token (a JWT), no password of the seeded logins', () => {
  expect(demo.stdout).not.toMatch(/eyJ[\w-]+\.[\w-]*/);
  expect(demo.stdout).not.toContain('ghp_example');
  expect(demo.stdout).not.toContain(Buffer.from('octocat:ghp_example').toString('base64'));
  expect(demo.stdout).not.toContain('upstream-secret');
  expect(demo.stdout).toContain('token: ***');
  expect(demo.stdout).toContain('token (secret): ***');
});
