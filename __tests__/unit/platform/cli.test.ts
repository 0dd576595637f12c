/** The command-line front end in process: argument parsing and its platform's output lines (the built tool: bundle/cli.test.ts). */
import { singleQuoted as shellQuote } from '../../../src/core/shell.js';
import { readFileSync } from 'node:fs';
import { CLI_HELP, parseArgs, VERSION } from '../../../src/platform/cli-args.js';
import { cliPlatform } from '../../../src/platform/cli.js';

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
  it('reads --version wherever it stands, and the version is the package’s', () => {
    expect(parseArgs(['--version']).command).toBe('version');
    expect(parseArgs(['--identity', 'x', '--version', '--unknown']).command).toBe('version');
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(CLI_HELP).toMatch(/^ {2}--version {2,}print the version and exit$/m);
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
