/** The secret-hygiene sweep itself must catch what it is there to catch. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { basicAuth } from '../../../src/core/docker/auth-file.js';
import { foreignStderr, tokenLeaks } from '../../helpers/hygiene.js';
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

const NODE_WARNING = [
  '(node:4242) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or Buffer.from() methods instead.',
  '(Use `node --trace-deprecation ...` to show where the warning was created)'
].join('\n');
const UNCAUGHT = [
  'file:///opt/action/dist/cli/index.js:12',
  '    throw new TypeError("x");',
  '    ^',
  '',
  'TypeError: x',
  '    at Object.<anonymous> (file:///opt/action/dist/cli/index.js:12:11)',
  '    at node:internal/main/run_main_module:28:49',
  '',
  'Node.js v24.22.3'
].join('\n');
const CLI_OWN = [
  "Identity source: the VM's managed identity (IMDS) (auto: no other source is configured)",
  'warning: the API token is exported as CHAINGUARD_API_TOKEN only with --export-token (stdout must then go to eval).',
  "error: Could not exchange the Azure token at Chainguard's STS (https://issuer.enforce.dev): HTTP 403 PermissionDenied",
  'debug: GET http://127.0.0.1:4010/metadata/identity/oauth2/token → 200'
].join('\n');

describe('foreignStderr', () => {
  it("finds a library's deprecation warning and its hint", () => {
    expect(foreignStderr(NODE_WARNING, false)).toEqual(NODE_WARNING.split('\n'));
  });

  it("finds an uncaught exception's caret, error, stack and footer", () => {
    expect(foreignStderr(UNCAUGHT, false)).toEqual([
      '    ^',
      'TypeError: x',
      UNCAUGHT.split('\n')[5],
      UNCAUGHT.split('\n')[6],
      'Node.js v24.22.3'
    ]);
  });

  it("passes the CLI's and the helper's own lines", () => {
    expect(foreignStderr(CLI_OWN, false)).toEqual([]);
    expect(foreignStderr('chainguard-azure-login credential helper: the cache directory is gone\n', false)).toEqual([]);
  });

  it('takes every line from a step whose stderr must stay empty', () => {
    expect(foreignStderr('anything at all\n', true)).toEqual(['anything at all']);
    expect(foreignStderr('', true)).toEqual([]);
  });
});
