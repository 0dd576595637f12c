/** The one quoter for pasted commands: each value reaches the program as itself, even after neutralise. */
import { execFileSync } from 'node:child_process';
import { neutralise } from '../../../src/core/text.js';
import { isGuid, isIssuerUrl, shellArg, shellWord } from '../../../src/core/shell.js';

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
