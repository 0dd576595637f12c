/**
 * Private directories on Windows: icacls, run without a shell by absolute path, restricts a new
 * directory to the current user (by SID from whoami, else USERDOMAIN\USERNAME); a failure is a
 * warning naming the directory. The Windows branch runs here with the platform and the command
 * runner injected; the real icacls runs on Windows itself (windows-latest) — wine's icacls is a
 * stub that does nothing and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentUser, icaclsArgs, restrictToUser, type CommandRunner } from '../../../../src/core/fs/private-dir.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

afterAll(removeTempDirs);

const DIR = 'C:\\agent\\_work\\_temp\\chainguard-login-AbC123';
const ENV = { SystemRoot: 'C:\\WINDOWS', USERNAME: 'builder', USERDOMAIN: 'CONTOSO' };
const WHOAMI = '"contoso\\builder","S-1-5-21-1004336348-1177238915-682003330-512"\r\n';

/** A runner that records each call and answers from `answers` (by program name). */
function runner(answers: Record<string, { code: number | null; stdout?: string; stderr?: string }>) {
  const calls: { file: string; args: readonly string[] }[] = [];
  const run: CommandRunner = async (file, args) => {
    calls.push({ file, args });
    const answer = answers[path.win32.basename(file)] ?? { code: 0 };
    return { code: answer.code, stdout: answer.stdout ?? '', stderr: answer.stderr ?? '' };
  };
  return { calls, run };
}

describe('restrictToUser', () => {
  it('does nothing off Windows (mkdtemp made the directory 0700)', async () => {
    const { calls, run } = runner({});
    const warnings: string[] = [];
    await restrictToUser(DIR, (m) => warnings.push(m), { platform: 'linux', env: ENV, run });
    expect(calls).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("Windows: grants the user's SID alone full control, inherited inside, by absolute paths without a shell", async () => {
    const { calls, run } = runner({ 'whoami.exe': { code: 0, stdout: WHOAMI } });
    const warnings: string[] = [];
    await restrictToUser(DIR, (m) => warnings.push(m), { platform: 'win32', env: ENV, run });
    expect(calls).toEqual([
      { file: 'C:\\WINDOWS\\System32\\whoami.exe', args: ['/user', '/fo', 'csv', '/nh'] },
      {
        file: 'C:\\WINDOWS\\System32\\icacls.exe',
        args: [DIR, '/inheritance:r', '/grant:r', '*S-1-5-21-1004336348-1177238915-682003330-512:(OI)(CI)F']
      }
    ]);
    expect(warnings).toEqual([]);
  });

  it('Windows: a failing icacls is a warning naming the directory, never an error', async () => {
    const { run } = runner({
      'whoami.exe': { code: 0, stdout: WHOAMI },
      'icacls.exe': {
        code: 1332,
        stderr:
          'No mapping between account names and security IDs was done.\r\nSuccessfully processed 0 files; Failed processing 1 files\r\n'
      }
    });
    const warnings: string[] = [];
    await restrictToUser(DIR, (m) => warnings.push(m), { platform: 'win32', env: ENV, run });
    expect(warnings).toEqual([
      `Could not make ${DIR} private to this user: icacls exited with 1332 (No mapping between account names and security IDs was done. ` +
        'Successfully processed 0 files; Failed processing 1 files); it keeps the permissions it inherited from C:\\agent\\_work\\_temp.'
    ]);
  });

  it('Windows: icacls that does not run at all is a warning too', async () => {
    const { run } = runner({ 'whoami.exe': { code: 0, stdout: WHOAMI }, 'icacls.exe': { code: null, stderr: 'spawn icacls.exe ENOENT' } });
    const warnings: string[] = [];
    await restrictToUser(DIR, (m) => warnings.push(m), { platform: 'win32', env: ENV, run });
    expect(warnings).toEqual([
      `Could not make ${DIR} private to this user: icacls did not run (spawn icacls.exe ENOENT); it keeps the permissions it inherited from C:\\agent\\_work\\_temp.`
    ]);
  });

  it('Windows: no user to name is a warning, and icacls is not run', async () => {
    const { calls, run } = runner({ 'whoami.exe': { code: null } });
    const warnings: string[] = [];
    await restrictToUser(DIR, (m) => warnings.push(m), {
      platform: 'win32',
      env: { SystemRoot: 'C:\\Windows', USERNAME: 'BUILD01$' },
      run
    });
    expect(calls.map((call) => call.file)).toEqual(['C:\\Windows\\System32\\whoami.exe']);
    expect(warnings).toEqual([
      `Could not make ${DIR} private to this user: whoami did not name the user, nor did USERNAME; it keeps the permissions it inherited from C:\\agent\\_work\\_temp.`
    ]);
  });
});

describe('currentUser', () => {
  it("is the SID whoami prints; else USERDOMAIN\\USERNAME (wine's whoami prints only the name)", async () => {
    expect(await currentUser(ENV, runner({ 'whoami.exe': { code: 0, stdout: WHOAMI } }).run)).toBe(
      '*S-1-5-21-1004336348-1177238915-682003330-512'
    );
    expect(await currentUser(ENV, runner({ 'whoami.exe': { code: 0, stdout: 'VM\\root\r\n' } }).run)).toBe('CONTOSO\\builder');
    expect(await currentUser({ username: 'builder' }, runner({ 'whoami.exe': { code: 1 } }).run)).toBe('builder');
    expect(await currentUser({ USERNAME: 'BUILD01$', USERDOMAIN: 'CONTOSO' }, runner({ 'whoami.exe': { code: 1 } }).run)).toBeUndefined();
  });
  it('icaclsArgs: the directory, inheritance removed, the one grant', () => {
    expect(icaclsArgs('C:\\a b\\c', 'CONTOSO\\build er')).toEqual([
      'C:\\a b\\c',
      '/inheritance:r',
      '/grant:r',
      'CONTOSO\\build er:(OI)(CI)F'
    ]);
  });
});

/** Windows itself (windows-latest), not wine: wine's icacls changes nothing. */
const onRealWindows = process.platform === 'win32' && !process.env.WINEPREFIX ? it : it.skip;

describe('on Windows itself', () => {
  onRealWindows('restricts a new directory to the current user alone, with nothing inherited', async () => {
    const dir = mkdtempSync(path.join(tempDir(), 'private-'));
    const warnings: string[] = [];
    await restrictToUser(dir, (m) => warnings.push(m), { env: process.env });
    expect(warnings).toEqual([]);
    const acl = execFileSync('icacls', [dir], { encoding: 'utf8' });
    const entries = acl
      .replace(dir, '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.includes(':(') && !/^Successfully/.test(line));
    expect(entries).toEqual([expect.stringMatching(/:\(OI\)\(CI\)\(F\)$/)]);
    expect(entries[0]).toContain(os.userInfo().username);
  });
});
