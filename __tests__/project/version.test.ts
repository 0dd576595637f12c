/** One version for the product: package.json (and its lock), task.json and vss-extension.json. */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../emulators/runners.mjs';
import { readVersions } from '../../scripts/versions.mjs';
import { exec, type Completed } from '../helpers/exec.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);
const FILES = ['package.json', 'package-lock.json', 'task.json', 'vss-extension.json'];

/** A copy of the four files and the set-version script, to run the script on. */
function copy(): string {
  const dir = tempDir('cgl-version-');
  for (const file of FILES) cpSync(path.join(ROOT, file), path.join(dir, file));
  mkdirSync(path.join(dir, 'scripts'));
  for (const script of ['set-version.mjs', 'versions.mjs']) cpSync(path.join(ROOT, 'scripts', script), path.join(dir, 'scripts', script));
  return dir;
}

function setVersion(dir: string, ...args: string[]): Promise<Completed> {
  return exec(process.execPath, [path.join(dir, 'scripts', 'set-version.mjs'), ...args]);
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('versions', () => {
  it('agree across package.json, package-lock.json, task.json and vss-extension.json', () => {
    const { version } = JSON.parse(read(ROOT, 'package.json'));
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readVersions(ROOT)).toEqual(Object.fromEntries(FILES.map((file) => [file, version])));
  });

  it('npm run set-version sets all four at once and changes no other line', async () => {
    const dir = copy();
    const result = await setVersion(dir, '3.14.159');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readVersions(dir)).toEqual(Object.fromEntries(FILES.map((file) => [file, '3.14.159'])));
    expect(JSON.parse(read(dir, 'task.json')).version).toEqual({ Major: 3, Minor: 14, Patch: 159 });
    for (const file of FILES) {
      const before = read(ROOT, file).split('\n');
      const after = read(dir, file).split('\n');
      expect(after).toHaveLength(before.length);
      const changed = after.filter((line, i) => line !== before[i]);
      expect(changed.length).toBeGreaterThan(0);
      for (const line of changed) expect(line).toMatch(/^\s*"version": (\{ "Major": 3, "Minor": 14, "Patch": 159 \}|"3\.14\.159"),?$/);
    }
    // A leading v, as in a tag name, is accepted.
    expect((await setVersion(dir, 'v3.15.0')).code).toBe(0);
    expect(new Set(Object.values(readVersions(dir)))).toEqual(new Set(['3.15.0']));
  });

  it.each([['1.2'], ['1.2.3-beta.1'], ['01.2.3'], ['1.2.3.4'], ['latest']])(
    'set-version refuses %s and writes nothing',
    async (version) => {
      const dir = copy();
      const result = await setVersion(dir, version);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`the version must be three numbers, like 0.2.0, not "${version}"`);
      for (const file of FILES) expect(read(dir, file)).toBe(read(ROOT, file));
    }
  );

  it('set-version without exactly one argument prints its usage', async () => {
    const result = await setVersion(copy());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('usage: npm run set-version -- <major.minor.patch>');
  });
});
