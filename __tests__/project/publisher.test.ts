/**
 * One setting for who publishes the product: package.json's publisher, author and repository,
 * from which vss-extension.json, task.json and action.yml derive (`npm run set-publisher`).
 */
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../emulators/runners.mjs';
import { drift, invalid, PLACEHOLDER, placeholders, readSetting } from '../../scripts/publisher.mjs';
import { exec, type Completed } from '../helpers/exec.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);
const FILES = ['package.json', 'vss-extension.json', 'task.json', 'action.yml'];
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const json = (dir: string, file: string) => JSON.parse(read(dir, file));

/** A copy of the four files, the Prettier settings and the scripts, to run set-publisher on. */
function copy(): string {
  const dir = tempDir('cgl-publisher-');
  for (const file of [...FILES, '.prettierrc.json']) cpSync(path.join(ROOT, file), path.join(dir, file));
  mkdirSync(path.join(dir, 'scripts'));
  for (const script of ['set-publisher.mjs', 'publisher.mjs'])
    cpSync(path.join(ROOT, 'scripts', script), path.join(dir, 'scripts', script));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function setPublisher(dir: string, ...args: string[]): Promise<Completed> {
  return exec(process.execPath, [path.join(dir, 'scripts', 'set-publisher.mjs'), ...args]);
}

/** The lines of a file that differ from the repository's (the files keep their line count). */
function changedLines(dir: string, file: string): string[] {
  const before = read(ROOT, file).split('\n');
  const after = read(dir, file).split('\n');
  expect(after).toHaveLength(before.length);
  return after.filter((line, i) => line !== before[i]);
}

describe('the publisher setting', () => {
  it('is package.json’s, and every file that names the publisher, the author or the repository agrees with it', () => {
    expect(drift(ROOT)).toEqual([]);
    const setting = readSetting(ROOT);
    expect(invalid(setting)).toEqual([]);
    const pkg = json(ROOT, 'package.json');
    const manifest = json(ROOT, 'vss-extension.json');
    const task = json(ROOT, 'task.json');
    const action = parse(read(ROOT, 'action.yml'));
    expect(manifest.publisher).toBe(pkg.publisher);
    expect(task.author).toBe(pkg.author);
    expect(action.author).toBe(pkg.author);
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${setting.repository}.git` });
    expect(manifest.repository).toEqual({ type: 'git', uri: setting.repository });
    for (const link of Object.values(manifest.links as Record<string, { uri: string }>)) expect(link.uri).toMatch(`${setting.repository}`);
    expect(Object.keys(manifest.links).sort()).toEqual(['getstarted', 'license', 'privacypolicy', 'support']);
    expect(task.helpUrl.startsWith(`${setting.repository}#`)).toBe(true);
    expect(task.helpMarkDown).toContain(`](${setting.repository}/`);
  });

  it('names the fields still holding the placeholder the repository ships with', () => {
    expect(placeholders(PLACEHOLDER)).toEqual(['publisher', 'author', 'repository']);
    expect(placeholders({ ...PLACEHOLDER, publisher: 'contoso' })).toEqual(['author', 'repository']);
    expect(placeholders({ publisher: 'contoso', author: 'Contoso', repository: 'https://github.com/contoso/x' })).toEqual([]);
    expect(invalid(PLACEHOLDER)).toEqual([]);
  });

  it('npm run set-publisher writes it into every file at once, changing only the lines that carry it', async () => {
    const dir = copy();
    const result = await setPublisher(dir, 'contoso', 'Contoso: Platform #1', 'https://github.com/contoso/cgl-login.git');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('publisher: contoso');
    const repository = 'https://github.com/contoso/cgl-login';
    expect(readSetting(dir)).toEqual({ publisher: 'contoso', author: 'Contoso: Platform #1', repository });
    expect(drift(dir)).toEqual([]);
    expect(json(dir, 'package.json')).toMatchObject({
      publisher: 'contoso',
      author: 'Contoso: Platform #1',
      repository: { type: 'git', url: `git+${repository}.git` },
      homepage: `${repository}#readme`,
      bugs: { url: `${repository}/issues` }
    });
    expect(json(dir, 'vss-extension.json')).toMatchObject({
      publisher: 'contoso',
      links: {
        getstarted: { uri: `${repository}#readme` },
        support: { uri: `${repository}/issues` },
        license: { uri: `${repository}/blob/main/LICENSE` },
        privacypolicy: { uri: `${repository}/blob/main/SECURITY.md` }
      },
      repository: { type: 'git', uri: repository }
    });
    expect(json(dir, 'task.json')).toMatchObject({ author: 'Contoso: Platform #1', helpUrl: `${repository}#readme` });
    expect(json(dir, 'task.json').helpMarkDown).toContain(`](${repository}/blob/main/overview.md)`);
    expect(parse(read(dir, 'action.yml')).author).toBe('Contoso: Platform #1');

    // Nothing else changed: every other field is the repository's, and the layout is kept.
    const others = (file: string, fields: string[]) => {
      const all = json(dir, file);
      for (const field of fields) delete all[field];
      return all;
    };
    const originals = (file: string, fields: string[]) => {
      const all = json(ROOT, file);
      for (const field of fields) delete all[field];
      return all;
    };
    for (const [file, fields] of Object.entries({
      'package.json': ['publisher', 'author', 'repository', 'homepage', 'bugs'],
      'vss-extension.json': ['publisher', 'links', 'repository'],
      'task.json': ['author', 'helpUrl', 'helpMarkDown']
    })) {
      expect(others(file, fields)).toEqual(originals(file, fields));
    }
    expect(changedLines(dir, 'action.yml')).toEqual(['author: "Contoso: Platform #1"']);
    expect(changedLines(dir, 'task.json').map((line) => line.trim().split('"')[1])).toEqual(['helpMarkDown', 'helpUrl', 'author']);
    expect(changedLines(dir, 'vss-extension.json').length).toBe(6);

    // Again with the repository left as it is.
    expect((await setPublisher(dir, 'fabrikam', 'Fabrikam')).code).toBe(0);
    expect(readSetting(dir)).toEqual({ publisher: 'fabrikam', author: 'Fabrikam', repository });
    expect(parse(read(dir, 'action.yml')).author).toBe('Fabrikam');
    expect(drift(dir)).toEqual([]);
  });

  it.each([
    [['bad id', 'Contoso'], 'the publisher ID "bad id" is not a Marketplace publisher ID'],
    [['contoso', ' '], 'the display name " " must be 1 to 100 characters on one line'],
    [['contoso', 'Two\nlines'], 'must be 1 to 100 characters on one line'],
    [['contoso', 'Contoso', 'http://github.com/contoso/x'], "must be a GitHub repository's address"],
    [['contoso', 'Contoso', 'https://gitlab.com/contoso/x'], "must be a GitHub repository's address"]
  ])('refuses %j and writes nothing', async (args, message) => {
    const dir = copy();
    const result = await setPublisher(dir, ...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    for (const file of FILES) expect(read(dir, file)).toBe(read(ROOT, file));
  });

  it('set-publisher without two or three arguments prints its usage', async () => {
    for (const args of [[], ['contoso'], ['a', 'b', 'c', 'd'], ['--publisher', 'x']]) {
      const result = await setPublisher(copy(), ...args);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('usage: npm run set-publisher -- <publisher-id> "<Display name>"');
    }
  });

  it.each([
    ['vss-extension.json', '"publisher": "your-publisher-id"', '"publisher": "someone"', 'vss-extension.json publisher is "someone"'],
    ['task.json', '"author": "Your organisation"', '"author": "Someone"', 'task.json author is "Someone"'],
    [
      'task.json',
      '](https://github.com/your-org/',
      '](https://github.com/other/',
      'task.json helpMarkDown links to https://github.com/other/'
    ],
    ['action.yml', 'author: Your organisation', 'author: Someone', 'action.yml author is "Someone"'],
    ['package.json', '"homepage": "https://github.com/your-org/', '"homepage": "https://github.com/other/', 'package.json homepage is']
  ])('a hand edit of %s is found (%s)', (file, from, to, message) => {
    const dir = copy();
    const text = read(dir, file);
    expect(text).toContain(from);
    writeFileSync(path.join(dir, file), text.replace(from, to));
    expect(drift(dir)).toEqual([expect.stringContaining(message)]);
  });
});
