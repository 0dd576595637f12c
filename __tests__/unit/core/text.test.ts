/** Text that reaches a log line: made inert for the runner and the agent, cleared of secrets, clipped, masked. */
import { makeJwt } from '../../../emulators/index.mjs';
import { clip, neutralise, redact, SecretSet, shown } from '../../../src/core/text.js';
import { agentCommands, githubCommands } from '../../helpers/runner-commands.js';

describe('neutralise', () => {
  it.each([
    ['docker config in /tmp/x ##[set-output name=injected;]pwned', /##\[/],
    ['/tmp/x ##vso[task.prependpath]/tmp/evil', /##vso\[/],
    ['::stop-commands::zz', /::/],
    ['api://x\n::add-mask::y', /^::/m],
    ['a\r##vso[task.complete result=Failed;]', /\r|##vso/],
    ['line one\r\n##[stop-commands]x\n  ::set-env name=A::b', /\r|##\[|^\s*::/m]
  ])('makes %j inert', (value, pattern) => {
    const safe = neutralise(`Input: ${value}`);
    expect(safe).not.toMatch(pattern);
    for (const line of safe.split('\n')) expect(githubCommands(line)).toEqual([]);
    expect(agentCommands(safe)).toEqual([]);
    expect(safe.replace(/\u2060/g, '').replace(/[ \n]/g, '')).toBe(`Input: ${value}`.replace(/[\r\n ]/g, ''));
  });
  it('keeps line breaks, so a multi-line message stays readable', () => {
    expect(neutralise('first\n  second')).toBe('first\n  second');
  });
  it('leaves ordinary text alone', () => {
    const text = 'Logged in to cgr.dev; docker config in /tmp/chainguard-login-AbC123 (exported as DOCKER_CONFIG): issue #4, 100% [ok]';
    expect(neutralise(text)).toBe(text);
  });
});

describe('redact and clip', () => {
  it('removes the given secrets and anything shaped like a JWT, before clipping', () => {
    const jwt = makeJwt({ sub: 'x' });
    const text = `a ${jwt} b secret-value c ${'y'.repeat(400)}`;
    const clipped = clip(text, 300, ['secret-value']);
    expect(clipped).not.toMatch(/eyJ/);
    expect(clipped).not.toContain('secret-value');
    expect(clipped.startsWith('a ')).toBe(true);
    expect(redact(`header only: ${jwt.split('.')[0]}.${jwt.split('.')[1]}`)).not.toMatch(/eyJ/);
    expect(redact('no secrets here')).toBe('no secrets here');
  });
});

describe('shown', () => {
  it('never shows what looks like a token, and cuts a long value to its first characters', () => {
    expect(shown('eyJhbGciOiJSUzI1NiJ9.x.y')).toBe('(a value that looks like a token, not shown)');
    expect(shown('a'.repeat(81))).toBe(`${'a'.repeat(40)}…`);
    expect(shown('a'.repeat(81), 80)).toBe(`${'a'.repeat(80)}…`);
    expect(shown('short')).toBe('short');
  });
});

describe('SecretSet', () => {
  it('replaces every secret it was given, as given, trimmed or URL-encoded, longest first', () => {
    const secrets = new SecretSet();
    secrets.add('a secret/value');
    secrets.add(' padded-secret \n');
    secrets.add(undefined);
    expect(secrets.redact('x a secret/value y a%20secret%2Fvalue z padded-secret.')).toBe('x *** y *** z ***.');
  });
});
