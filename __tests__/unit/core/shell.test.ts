/**
 * The one home of shell quoting: each value in a pasted command reaches the program as itself,
 * even after neutralise; the command-line tool's lines set (and unset) exactly the values it
 * means in sh, PowerShell and cmd, or refuse a value cmd cannot carry.
 */
import { execFileSync } from 'node:child_process';
import { neutralise } from '../../../src/core/text.js';
import {
  cmdValueProblem,
  isGuid,
  isIssuerUrl,
  msysPath,
  pathLines,
  pwshString,
  setLine,
  shellArg,
  shellWord,
  unsetLine,
  UnprintableValue,
  type ShellTarget
} from '../../../src/core/shell.js';
import { applyCmdLines, applyPwshLines, applyShLines } from '../../helpers/shell-lines.js';

/** The arguments sh passes to a program for `words`, as printed (neutralised) and pasted. */
function argumentsOf(words: string[]): string[] {
  const line = neutralise(`printf '%s\\0' ${words.join(' ')}`);
  const out = execFileSync('sh', ['-c', line], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  return out.split('\0').slice(0, -1);
}

const VALUES = [
  'repo:octo-org/octo-repo:ref:refs/heads/main',
  'a b',
  "it's",
  "''",
  '$(touch canary)',
  '`touch canary`',
  'x;touch${IFS}canary;#',
  '::add-mask::x',
  'a::b',
  '::::',
  ':::',
  '##vso[task.setvariable variable=x]y',
  '###',
  "#'#",
  ":'",
  '-',
  '*',
  '~',
  '!',
  'a\\b',
  '"quoted"',
  '\u2060'
];

describe('shellWord', () => {
  it.each(VALUES)('keeps %j one word with the same value, after neutralise', (value) => {
    const word = shellWord(value);
    expect(neutralise(word)).toBe(word);
    expect(argumentsOf([word])).toEqual([value]);
  });

  it('leaves safe values bare and quotes the rest', () => {
    expect(shellWord('repo:o/r:ref:refs/heads/main')).toBe('repo:o/r:ref:refs/heads/main');
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord('a::b')).toBe("'a:'':b'");
    expect(shellWord('a##b')).toBe("'a#''#b'");
    expect(shellWord('')).toBe("''");
  });
});

describe('shellArg', () => {
  it('gives the placeholder for an absent value, one that cannot be printed as it is, or one of the wrong shape', () => {
    expect(shellArg(undefined, '<x>')).toBe('<x>');
    expect(shellArg('', '<x>')).toBe('<x>');
    expect(shellArg('a\nb', '<x>')).toBe('<x>');
    expect(shellArg('a\rb', '<x>')).toBe('<x>');
    expect(shellArg('x;touch canary', '<principal-id>', isGuid)).toBe('<principal-id>');
    expect(shellArg('11111111-bbbb-4bbb-8bbb-111111111111', '<principal-id>', isGuid)).toBe('11111111-bbbb-4bbb-8bbb-111111111111');
    expect(shellArg('not a url', '<issuer URL>', isIssuerUrl)).toBe('<issuer URL>');
    expect(shellArg("https://x.example/'a'", '<issuer URL>', isIssuerUrl)).toBe("'https://x.example/'\\''a'\\'''");
  });
});

/** The exported environment after sh runs `lines`, starting from `env`. */
const shEnv = (lines: string[], env: Record<string, string>): Record<string, string> => applyShLines(lines.join('\n'), env);

const SH: ShellTarget = { shell: 'sh', windows: false };
const PWSH: ShellTarget = { shell: 'pwsh', windows: true };
const CMD: ShellTarget = { shell: 'cmd', windows: true };

/** Values a path, a claim or a token could hold that a careless line would change or run. */
const NASTY = [
  "it's",
  '"double"',
  '%PATH%',
  '$(touch canary)',
  '`touch canary`',
  '$env:PATH',
  'line one\nline two',
  'carriage\rreturn',
  'C:\\Program Files\\Chainguard\\x',
  'C:\\Users\\José\\AppData\\Local\\Temp',
  'tab\there',
  '‘curly’ ‚quotes‛',
  'emoji 😀',
  '!bang!',
  '^caret & | < > ( )',
  'ends with a backslash\\',
  ''
];

describe('the lines for the calling shell', () => {
  it.each(NASTY.filter(Boolean))('sh: export %j sets exactly that value', (value) => {
    expect(shEnv([setLine(SH, 'CG_VALUE', value)], { PATH: process.env.PATH ?? '' }).CG_VALUE).toBe(value);
  });

  it.each(NASTY)('pwsh: %j is one line of printable ASCII that sets exactly that value', (value) => {
    const line = setLine(PWSH, 'CG_VALUE', value);
    expect(line).toMatch(/^\$env:CG_VALUE = [\x20-\x7e]*$/);
    expect(applyPwshLines(line, {}).CG_VALUE).toBe(value || undefined);
  });

  it('pwsh: doubles single quotes and writes every other character by its code', () => {
    expect(pwshString("it's")).toBe("'it''s'");
    expect(pwshString('')).toBe("''");
    expect(pwshString('a\nb')).toBe("'a' + [char]0x000A + 'b'");
    expect(pwshString('\u2019x')).toBe("'' + [char]0x2019 + 'x'");
    expect(pwshString('😀')).toBe("'' + [char]0xD83D + [char]0xDE00");
    expect(pwshString('$(x) `y` "z"')).toBe('\'$(x) `y` "z"\'');
  });

  it('cmd: prints set "NAME=value" for what cmd carries as it is, quotes and specials inside the quotes', () => {
    for (const value of ['C:\\Program Files\\Chainguard\\x', '^caret & | < > ( )', 'ends with a backslash\\', "it's", '$(x) `y`']) {
      const line = setLine(CMD, 'CG_VALUE', value);
      expect(line).toBe(`set "CG_VALUE=${value}"`);
      expect(applyCmdLines(line, {}).CG_VALUE).toBe(value);
    }
  });

  it.each([
    ['%PATH%', /"%"/],
    ['!bang!', /"!"/],
    ['"double"', /double quote/],
    ['line one\nline two', /line break/],
    ['carriage\rreturn', /line break/],
    ['C:\\Users\\José\\AppData\\Local\\Temp', /printable ASCII/],
    ['tab\there', /printable ASCII/]
  ])('cmd: refuses %j, naming the variable and not the value', (value, why) => {
    expect(cmdValueProblem(value)).toMatch(why);
    let error: unknown;
    try {
      setLine(CMD, 'CHAINGUARD_TOKEN', value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnprintableValue);
    expect((error as UnprintableValue).message).toMatch(/^CHAINGUARD_TOKEN cannot be printed for cmd: /);
    expect((error as UnprintableValue).message).not.toContain(value);
  });

  it('unsets a variable in each shell', () => {
    expect(unsetLine(SH, 'DOCKER_CONFIG')).toBe('unset DOCKER_CONFIG');
    expect(unsetLine(PWSH, 'DOCKER_CONFIG')).toBe('Remove-Item Env:DOCKER_CONFIG -ErrorAction SilentlyContinue');
    expect(unsetLine(CMD, 'DOCKER_CONFIG')).toBe('set DOCKER_CONFIG=');
    const env = { PATH: process.env.PATH ?? '', DOCKER_CONFIG: '/x' };
    expect(shEnv([unsetLine(SH, 'DOCKER_CONFIG'), unsetLine(SH, 'NEVER_SET')], env).DOCKER_CONFIG).toBeUndefined();
    expect(applyPwshLines(unsetLine(PWSH, 'DOCKER_CONFIG'), { DOCKER_CONFIG: 'C:\\x' })).toEqual({});
    expect(applyCmdLines(unsetLine(CMD, 'DOCKER_CONFIG'), { docker_config: 'C:\\x' })).toEqual({});
  });

  it('refuses a name that is not a plain variable name', () => {
    expect(() => setLine(SH, 'A;B', 'x')).toThrow(/not a variable name/);
    expect(() => unsetLine(PWSH, 'A B')).toThrow(/not a variable name/);
  });
});

describe('PATH lines', () => {
  const dir = "/tmp/chainguard-login-AbC123/chainguard-helper-XyZ789/it's bin";
  const winDir = 'C:\\Users\\runner\\AppData\\Local\\Temp\\chainguard-login-AbC123\\chainguard-helper-XyZ789\\bin';

  it.each([
    ['/usr/bin:/bin', '/usr/bin:/bin'],
    ['', '']
  ])('sh: puts the directory first on PATH %j and takes it out again, leaving the rest as it was', (before, after) => {
    const base = { HOME: '/nonexistent' };
    const added = shEnv(pathLines(SH, { add: dir, remove: [], current: before }), { ...base, PATH: before });
    expect(added.PATH).toBe(before ? `${dir}:${before}` : dir);
    const removed = shEnv(pathLines(SH, { remove: [dir], current: added.PATH }), { ...base, PATH: added.PATH });
    expect(removed.PATH ?? '').toBe(after);
  });

  it('sh: takes out an entry wherever it is, and only that one; a missing entry changes nothing', () => {
    const other = '/opt/a*b?[c]';
    for (const before of [`${dir}:/usr/bin`, `/usr/bin:${dir}`, `/usr/bin:${dir}:${other}`, `${other}:${dir}x:/bin`, '/usr/bin']) {
      const expected = before
        .split(':')
        .filter((entry) => entry !== dir)
        .join(':');
      expect(shEnv(pathLines(SH, { remove: [dir], current: before }), { PATH: before }).PATH).toBe(expected);
    }
  });

  it('sh on Windows (Git Bash): writes the directory as /c/…', () => {
    expect(msysPath('C:\\Users\\me\\x y')).toBe('/c/Users/me/x y');
    expect(msysPath('d:/a/b')).toBe('/d/a/b');
    expect(pathLines({ shell: 'sh', windows: true }, { add: winDir, remove: [], current: 'C:\\Windows' })).toEqual([
      `export PATH='/c/Users/runner/AppData/Local/Temp/chainguard-login-AbC123/chainguard-helper-XyZ789/bin'"\${PATH:+:$PATH}"`
    ]);
  });

  it('pwsh: prepends in PowerShell itself, and filters the entry out again', () => {
    const before = 'C:\\Windows\\system32;C:\\Program Files\\Git\\cmd';
    const added = applyPwshLines(pathLines(PWSH, { add: winDir, remove: [], current: 'ignored' }).join('\n'), { PATH: before });
    expect(added.PATH).toBe(`${winDir};${before}`);
    expect(applyPwshLines(pathLines(PWSH, { add: winDir, remove: [], current: '' }).join('\n'), {}).PATH).toBe(winDir);
    const removed = applyPwshLines(pathLines(PWSH, { remove: [winDir.toUpperCase()], current: 'ignored' }).join('\n'), added);
    expect(removed.PATH).toBe(before);
  });

  it('cmd: carries the whole new PATH, built from the inherited one, and refuses one cmd cannot carry', () => {
    const before = 'C:\\Windows\\system32;C:\\Program Files (x86)\\Tools';
    expect(pathLines(CMD, { add: winDir, remove: [], current: before })).toEqual([`set "PATH=${winDir};${before}"`]);
    expect(pathLines(CMD, { remove: [winDir.toLowerCase()], current: `${winDir};${before}` })).toEqual([`set "PATH=${before}"`]);
    expect(pathLines(CMD, { remove: [], current: before })).toEqual([]);
    expect(() => pathLines(CMD, { add: winDir, remove: [], current: '%USERPROFILE%\\AppData\\Local\\Microsoft\\WindowsApps' })).toThrow(
      /^PATH cannot be printed for cmd: it holds "%"/
    );
  });
});
