/** The secret-hygiene sweep itself must catch what it is there to catch. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { basicAuth } from '../../../src/core/docker/auth-file.js';
import { tokenLeaks } from '../../helpers/hygiene.js';
import { removeTempDirs, tempDir } from '../../helpers/temp.js';

afterAll(removeTempDirs);
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl';

describe('tokenLeaks', () => {
  it('allows only the masking commands and the secret output variable', () => {
    const clean = [
      `::add-mask::${TOKEN}`,
      `##vso[task.setsecret]${TOKEN}`,
      `##vso[task.setvariable variable=token;isOutput=true;issecret=true;]${TOKEN}`
    ].join('\n');
    expect(tokenLeaks([TOKEN], [clean], [])).toEqual([]);
    expect(tokenLeaks([TOKEN], [`::debug::Authorization: Bearer ${TOKEN}`], [])).toHaveLength(1);
    expect(tokenLeaks([TOKEN], [`##vso[task.setvariable variable=token;isOutput=true;issecret=false;]${TOKEN}`], [])).toHaveLength(1);
    expect(tokenLeaks([TOKEN], [`auth=${basicAuth('_token', TOKEN)}`], [])).toHaveLength(1);
  });

  it('allows docker auth files and the output file, and flags every other file', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'job'));
    writeFileSync(path.join(dir, 'job', 'config.json'), JSON.stringify({ auths: { x: { auth: basicAuth('_token', TOKEN) } } }));
    writeFileSync(path.join(dir, 'main-output'), `token<<EOF\n${TOKEN}\nEOF\n`);
    expect(tokenLeaks([TOKEN], [], [dir])).toEqual([]);
    writeFileSync(path.join(dir, 'job', 'restore.json'), TOKEN);
    writeFileSync(path.join(dir, 'main-state'), basicAuth('_token', TOKEN));
    expect(tokenLeaks([TOKEN], [], [dir]).sort()).toEqual([
      `file: ${path.join(dir, 'job', 'restore.json')}`,
      `file: ${path.join(dir, 'main-state')}`
    ]);
  });
});
