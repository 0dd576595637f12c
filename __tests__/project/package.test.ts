/**
 * The Azure DevOps extension as `npm run package` builds it: what the .vsix holds, its listing
 * (publisher, links, license, details page, Preview flag), that tfx accepts the staged task
 * folder, and that the task unpacked from the .vsix runs as the agent runs it; and the refusals
 * (the placeholder publisher, files that disagree on it, a missing Marketplace page). The
 * package script runs for real, with tfx-cli, on copies of the repository (so that a publisher
 * can be set and files removed without touching the repository).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, startEmulators } from '../../emulators/index.mjs';
import { azureJob, parseVso, ROOT, runNode } from '../../emulators/runners.mjs';
import { exec, type Completed } from '../helpers/exec.js';
import { tokenLeaks } from '../helpers/hygiene.js';
import { helperGet, helperNameIn } from '../helpers/helper-process.js';
import { closedPort, removeTempDirs, tempDir } from '../helpers/temp.js';
import { stagedManifest } from '../../scripts/extension-manifest.mjs';
import { PLACEHOLDER } from '../../scripts/publisher.mjs';

type Run = Completed;

/** Runs a program in the repository to completion, never throwing on a non-zero exit. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return exec(command, args, { cwd: ROOT, env });
}

const TFX = path.join(ROOT, 'node_modules', 'tfx-cli', '_build', 'tfx-cli.js');
/** The publisher the packaged copies are set to. */
const TEST_SETTING = {
  publisher: 'test-publisher',
  author: 'Test Publisher Ltd',
  repository: 'https://github.com/example-owner/chainguard-azure-login'
};
const task = JSON.parse(readFileSync(path.join(ROOT, 'task.json'), 'utf8'));
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** Every handler target in task.json, e.g. dist/azure/main/index.js. */
const targets: string[] = ['prejobexecution', 'execution', 'postjobexecution'].flatMap((section) =>
  Object.values((task[section] ?? {}) as Record<string, { target: string }>).map((handler) => path.normalize(handler.target))
);

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const relative = path.posix.join(prefix, name);
    return statSync(path.join(dir, relative)).isDirectory() ? filesUnder(dir, relative) : [relative];
  });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): [number, number] {
  const data = readFileSync(file);
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

/**
 * A copy of what `npm run package` and `npm run set-publisher` read, with node_modules linked: the
 * repository as a clone has it. The Marketplace page overview.md is the repository's, or a
 * stand-in while the repository has none.
 */
function repositoryCopy(prefix: string): string {
  const copy = tempDir(prefix);
  for (const file of [
    'scripts',
    'dist',
    'images',
    'task.json',
    'vss-extension.json',
    'package.json',
    'package-lock.json',
    'icon.png',
    'README.md',
    'LICENSE',
    'action.yml',
    '.prettierrc.json'
  ]) {
    cpSync(path.join(ROOT, file), path.join(copy, file), { recursive: true });
  }
  if (existsSync(path.join(ROOT, 'overview.md'))) cpSync(path.join(ROOT, 'overview.md'), path.join(copy, 'overview.md'));
  else writeFileSync(path.join(copy, 'overview.md'), '# Chainguard login with Azure identity\n\nThe Marketplace page.\n');
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

/** `npm run set-publisher` in a copy, with the test's publisher (or another setting, e.g. the placeholder). */
async function setPublisher(copy: string, setting = TEST_SETTING): Promise<void> {
  const result = await run(process.execPath, [
    path.join(copy, 'scripts', 'set-publisher.mjs'),
    setting.publisher,
    setting.author,
    setting.repository
  ]);
  expect(result).toMatchObject({ code: 0, stderr: '' });
}

/** `npm run package` in a copy. */
function packageIn(copy: string, args: string[] = []): Promise<Run> {
  return run(process.execPath, [path.join(copy, 'scripts', 'package.mjs'), ...args], { PATH: process.env.PATH, HOME: tfxHome });
}

/** The files of a .vsix, without its folders. */
async function vsixEntries(file: string): Promise<string[]> {
  return (await run('unzip', ['-Z1', file])).stdout.split('\n').filter((entry) => entry && !entry.endsWith('/'));
}

/** tfx with a HOME of its own (it keeps a cache there) and no proxy from the environment. */
function tfx(args: string[]): Promise<Run> {
  return run(process.execPath, [TFX, ...args, '--no-prompt', '--no-color'], { PATH: process.env.PATH, HOME: tfxHome });
}

/** Asks tfx to upload a task folder to a service URL on a loopback port nothing listens on. */
async function uploadToClosedPort(taskDir: string): Promise<{ port: number; output: string; code: number | null }> {
  const port = await closedPort();
  const result = await tfx([
    'build',
    'tasks',
    'upload',
    '--task-path',
    taskDir,
    '--service-url',
    `http://127.0.0.1:${port}/DefaultCollection`,
    '--auth-type',
    'pat',
    '--token',
    'x'
  ]);
  return { port, output: `${result.stdout}\n${result.stderr}`, code: result.code };
}

let tfxHome: string;
/** The copy of the repository packaged, with the test's publisher set. */
let copy: string;
let packaged: Run;
let taskDir: string;
let vsix: string;
let entries: string[];

beforeAll(async () => {
  tfxHome = tempDir('cgl-tfx-home-');
  copy = repositoryCopy('cgl-package-');
  await setPublisher(copy);
  packaged = await packageIn(copy);
  taskDir = path.join(copy, /^task folder: (.+)$/m.exec(packaged.stdout)?.[1] ?? 'missing');
  vsix = path.join(copy, /^extension: (.+)$/m.exec(packaged.stdout)?.[1] ?? 'missing');
  entries = existsSync(vsix) ? await vsixEntries(vsix) : [];
}, 120_000);
afterAll(removeTempDirs);

describe('npm run package', () => {
  it('stages the task folder and builds a .vsix in .package/, printing both paths', () => {
    expect(packaged.stderr).toBe('');
    expect(packaged.code).toBe(0);
    expect(path.relative(copy, taskDir)).toBe(path.join('.package', 'extension', 'ChainguardAzureLogin'));
    expect(path.relative(copy, vsix)).toBe(path.join('.package', `test-publisher.chainguard-azure-login-${packageJson.version}.vsix`));
    expect(existsSync(vsix)).toBe(true);
  });

  it('puts nothing in the .vsix but the manifests, the icons, the details page, the license and the task: task.json, icon.png, every file of the handlers’ and the credential helper’s bundle folders and their package.json', () => {
    // The handlers' bundle folders, and the credential helper's, which the main step installs.
    const bundleFolders = [...new Set([...targets.map((target) => path.dirname(target)), 'dist/helper'])];
    const taskFiles = [
      'task.json',
      'icon.png',
      ...bundleFolders.flatMap((folder) =>
        filesUnder(path.join(ROOT, folder))
          .filter((f) => !path.basename(f).startsWith('.'))
          .map((f) => path.posix.join(folder, f))
      ),
      ...(existsSync(path.join(ROOT, 'dist', 'package.json')) ? ['dist/package.json'] : [])
    ];
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension.vsomanifest',
      'images/extension-icon.png',
      'overview.md',
      'LICENSE',
      ...taskFiles.map((f) => `ChainguardAzureLogin/${f}`)
    ];
    expect([...entries].sort()).toEqual([...new Set(expected)].sort());

    for (const target of targets) expect(entries).toContain(`ChainguardAzureLogin/${target.split(path.sep).join('/')}`);
    // The chunks a bundle loads later travel with it.
    for (const folder of bundleFolders) {
      for (const chunk of readdirSync(path.join(ROOT, folder)).filter((f) => f.endsWith('.js'))) {
        expect(entries).toContain(`ChainguardAzureLogin/${folder}/${chunk}`);
      }
    }
    expect(entries.filter((e) => /(^|\/)(node_modules|src|__tests__|\.github)\/|(^|\/)\.taskkey$|\.ts$/.test(e))).toEqual([]);
    // The staged folder is what tfx uploads: the same files.
    expect(filesUnder(taskDir).sort()).toEqual([...new Set(taskFiles)].sort());
  });

  it('names the extension’s publisher, version and icon, and carries task.json unchanged', async () => {
    const manifest = (await run('unzip', ['-p', vsix, 'extension.vsixmanifest'])).stdout;
    expect(manifest).toContain(
      `<Identity Language="en-US" Id="chainguard-azure-login" Publisher="test-publisher" Version="${packageJson.version}"/>`
    );
    expect(manifest).toContain('<Icon>images/extension-icon.png</Icon>');
    const packagedTask = (await run('unzip', ['-p', vsix, 'ChainguardAzureLogin/task.json'])).stdout;
    expect(packagedTask).toBe(readFileSync(path.join(copy, 'task.json'), 'utf8'));
    expect(JSON.parse(packagedTask)).toMatchObject({ author: TEST_SETTING.author, helpUrl: `${TEST_SETTING.repository}#readme` });
    expect(task.friendlyName.length).toBeLessThanOrEqual(40);
  });

  it('lists the extension with links to the repository, its license, the Marketplace page overview.md and the Preview flag (a 0.x version)', async () => {
    const manifest = (await run('unzip', ['-p', vsix, 'extension.vsixmanifest'])).stdout;
    const properties = Object.fromEntries([...manifest.matchAll(/<Property Id="([^"]+)" Value="([^"]*)"\/>/g)].map((m) => [m[1], m[2]]));
    const repository = TEST_SETTING.repository;
    expect(properties).toMatchObject({
      'Microsoft.VisualStudio.Services.Links.Getstarted': `${repository}#readme`,
      'Microsoft.VisualStudio.Services.Links.Support': `${repository}/issues`,
      'Microsoft.VisualStudio.Services.Links.License': `${repository}/blob/main/LICENSE`,
      'Microsoft.VisualStudio.Services.Links.Privacypolicy': `${repository}/blob/main/SECURITY.md`,
      'Microsoft.VisualStudio.Services.Links.GitHub': repository
    });
    const assets = Object.fromEntries(
      [...manifest.matchAll(/<Asset Type="([^"]+)" d:Source="File" Path="([^"]+)"/g)].map((m) => [m[1], m[2]])
    );
    expect(assets).toMatchObject({
      'Microsoft.VisualStudio.Services.Content.Details': 'overview.md',
      'Microsoft.VisualStudio.Services.Content.License': 'LICENSE'
    });
    expect(manifest).toContain('<License>LICENSE</License>');
    expect(packageJson.version).toMatch(/^0\./);
    expect(/<GalleryFlags>([^<]*)<\/GalleryFlags>/.exec(manifest)?.[1].split(' ')).toEqual(['Preview']);
    expect((await run('unzip', ['-p', vsix, 'overview.md'])).stdout).toBe(readFileSync(path.join(copy, 'overview.md'), 'utf8'));
    expect((await run('unzip', ['-p', vsix, 'LICENSE'])).stdout).toBe(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'));
  });

  it('has a 32x32 task icon beside task.json and a 128x128 extension icon', () => {
    expect(pngSize(path.join(taskDir, 'icon.png'))).toEqual([32, 32]);
    expect(pngSize(path.join(ROOT, 'images', 'extension-icon.png'))).toEqual([128, 128]);
  });
});

describe('the publisher and the Marketplace page', () => {
  it('refuses the placeholder publisher, saying how to set it and how to build for local use, and writes nothing', async () => {
    const fresh = repositoryCopy('cgl-package-placeholder-');
    await setPublisher(fresh, PLACEHOLDER);
    const result = await packageIn(fresh);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'package: package.json\'s publisher, author, repository are still the placeholder ("your-publisher-id", "Your organisation", "https://github.com/your-org/chainguard-azure-login").'
    );
    expect(result.stderr).toContain('npm run set-publisher -- <publisher-id> "<Display name>" https://github.com/<owner>/<repository>');
    expect(result.stderr).toContain('npm run package -- --dev');
    expect(existsSync(path.join(fresh, '.package'))).toBe(false);
    // The old way of naming a publisher for one build points at the one setting.
    const flag = await packageIn(fresh, ['--publisher', 'someone']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('the publisher comes from package.json');
  });

  it('builds a local .vsix with --dev under the placeholder publisher and says so; from 1.0.0 on, without the Preview flag', async () => {
    const fresh = repositoryCopy('cgl-package-dev-');
    await setPublisher(fresh, PLACEHOLDER);
    const version = await run(process.execPath, [path.join(fresh, 'scripts', 'set-version.mjs'), '1.0.0']);
    expect(version.code).toBe(0);
    const result = await packageIn(fresh, ['--dev']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('package: a local build (--dev) with the placeholder publisher, author, repository');
    expect(result.stderr).toContain('not for the Marketplace');
    const built = path.join(fresh, /^extension: (.+)$/m.exec(result.stdout)?.[1] ?? 'missing');
    expect(path.basename(built)).toBe('your-publisher-id.chainguard-azure-login-1.0.0.vsix');
    const manifest = (await run('unzip', ['-p', built, 'extension.vsixmanifest'])).stdout;
    expect(manifest).toContain('Publisher="your-publisher-id" Version="1.0.0"');
    expect(manifest).not.toContain('Preview');
    expect([...(await vsixEntries(built))].sort()).toEqual([...entries].sort());
  }, 120_000);

  it('refuses files that disagree with package.json on the publisher, naming the file and the command that sets them', async () => {
    const edited = repositoryCopy('cgl-package-drift-');
    await setPublisher(edited);
    const taskFile = path.join(edited, 'task.json');
    writeFileSync(taskFile, readFileSync(taskFile, 'utf8').replace(`"author": "${TEST_SETTING.author}"`, '"author": "Someone Else"'));
    const result = await packageIn(edited);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('package: the files that name the publisher disagree with package.json:');
    expect(result.stderr).toContain(`task.json author is "Someone Else", not "${TEST_SETTING.author}"`);
    expect(result.stderr).toContain('npm run set-publisher -- ');
    expect(existsSync(path.join(edited, '.package'))).toBe(false);
  });

  it('refuses to package without the Marketplace page overview.md, and writes nothing', async () => {
    const missing = repositoryCopy('cgl-package-no-overview-');
    await setPublisher(missing);
    rmSync(path.join(missing, 'overview.md'));
    const result = await packageIn(missing);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "package: overview.md does not exist: it is the extension's Marketplace page (vss-extension.json content.details.path); write it before packaging\n"
    );
    expect(existsSync(path.join(missing, '.package'))).toBe(false);
  });

  it('marks a 0.x version Preview and a later one not, keeping the other gallery flags', () => {
    const manifest = { id: 'x', galleryFlags: ['Public', 'Preview'] };
    expect(stagedManifest({ id: 'x' }, '0.9.3')).toEqual({ id: 'x', galleryFlags: ['Preview'] });
    expect(stagedManifest({ id: 'x' }, '1.0.0')).toEqual({ id: 'x' });
    expect(stagedManifest(manifest, '2.1.0')).toEqual({ id: 'x', galleryFlags: ['Public'] });
    expect(stagedManifest(manifest, '0.1.0')).toEqual({ id: 'x', galleryFlags: ['Public', 'Preview'] });
    expect(stagedManifest({ id: 'x' }, '10.0.0')).toEqual({ id: 'x' });
  });
});

describe('stray files in the bundle folders', () => {
  it('are left out of the .vsix: only the files the handlers load are staged (checked on a copy of the repository)', async () => {
    // A copy, so that nothing stray is ever put into the real dist/.
    const copy = repositoryCopy('cgl-package-copy-');
    await setPublisher(copy);
    const stray = [
      'dist/helper/cache-cgr.dev.json',
      'dist/helper/index.js.map',
      'dist/azure/main/index.js.map',
      'dist/azure/main/debug.log',
      'dist/azure/post/notes.txt',
      'dist/azure/main/Strings/stray.log',
      'dist/azure/main/old/index.js',
      'dist/helper/chainguard-helper-abc123/helper.json',
      'dist/cli/stray.js'
    ];
    for (const file of stray) {
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      writeFileSync(path.join(copy, file), '{"Secret":"eyJhbGciOiJub25lIn0.eyJzdHJheSI6dHJ1ZX0.c3RyYXk"}\n');
    }

    const result = await packageIn(copy);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const built = path.join(copy, /^extension: (.+)$/m.exec(result.stdout)?.[1] ?? 'missing');
    const listed = await vsixEntries(built);
    for (const file of stray) expect(listed).not.toContain(`ChainguardAzureLogin/${file}`);
    // What the real build produced ships as before: the same entries as the .vsix built from the repository.
    expect([...listed].sort()).toEqual([...entries].sort());
  }, 120_000);
});

describe('tfx build tasks upload', () => {
  it('accepts the staged task folder: the upload fails only on the connection', async () => {
    const { port, output, code } = await uploadToClosedPort(taskDir);
    expect(code).not.toBe(0);
    expect(output).toContain(`Collection URL: http://127.0.0.1:${port}/DefaultCollection`);
    expect(output).toContain(`error: Error: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(output).not.toMatch(/Invalid task json|warning/i);
  });

  it('refuses a task folder with a friendlyName over 40 characters or a missing bundle (the check above can fail)', async () => {
    const broken = tempDir('cgl-broken-task-');
    cpSync(taskDir, broken, { recursive: true });
    const json = JSON.parse(readFileSync(path.join(broken, 'task.json'), 'utf8'));
    json.friendlyName = 'x'.repeat(41);
    writeFileSync(path.join(broken, 'task.json'), JSON.stringify(json));
    rmSync(path.join(broken, json.postjobexecution.Node24.target));

    const { output, code } = await uploadToClosedPort(broken);
    expect(code).not.toBe(0);
    expect(output).toContain('Invalid task json');
    expect(output).toContain('ChainguardAzureLogin: friendlyName is a required string <= 40 chars');
    expect(output).toContain(
      `ChainguardAzureLogin: postjobexecution.Node24.target references file that does not exist: ${json.postjobexecution.Node24.target}`
    );
    expect(output).not.toContain('ECONNREFUSED');
  });
});

describe('the task unpacked from the .vsix', () => {
  it('logs in and cleans up as the agent runs it, with nothing from the repository beside it', async () => {
    const unpacked = tempDir('cgl-vsix-');
    expect((await run('unzip', ['-q', vsix, '-d', unpacked])).code).toBe(0);
    const script = (target: string) => path.relative(ROOT, path.join(unpacked, 'ChainguardAzureLogin', target));
    const emulators = await startEmulators();
    try {
      const job = azureJob(tempDir('cgl-vsix-job-'));
      const inputs = { INPUT_IDENTITY: IDENTITY_SYSTEM, INPUT_AZUREAUDIENCE: AZURE_AUDIENCE, INPUT_ISSUER: emulators.sts.url };
      const main = await runNode(script(task.execution.Node20_1.target), {
        ...job.env,
        ...inputs,
        AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url
      });
      const mainCommands = parseVso(main.stdout);
      expect(mainCommands.find((c) => c.command === 'task.complete')?.properties.result ?? 'Succeeded').toBe('Succeeded');
      expect(main.stdout + main.stderr).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|LIB_ResourceFile does not exist/);
      const [chainguardToken] = emulators.sts.issued;
      const token = mainCommands.find((c) => c.command === 'task.setvariable' && c.properties.variable === 'token');
      expect(token?.message).toBe(chainguardToken);
      const dockerConfig =
        mainCommands.find((c) => c.command === 'task.setvariable' && c.properties.variable === 'dockerConfig')?.message ?? '';
      expect(existsSync(path.join(dockerConfig, 'config.json'))).toBe(true);

      // Logged in through the credential helper (the default): its wrapper runs the helper bundle unpacked beside the task's.
      const bin = mainCommands.find((c) => c.command === 'task.prependpath')?.message ?? '';
      const name = helperNameIn(dockerConfig);
      expect(readFileSync(path.join(bin, `docker-credential-${name}`), 'utf8')).toContain(
        path.join(unpacked, 'ChainguardAzureLogin', 'dist', 'helper', 'index.js')
      );
      const answer = await helperGet(bin, name);
      expect(answer.code).toBe(0);
      expect(JSON.parse(answer.stdout)).toEqual({ ServerURL: 'cgr.dev', Username: '_token', Secret: chainguardToken });

      // The post-job step gets the task variables and job variables the main step set.
      const key = (name: string) => `${name.replace(/\./g, '_').toUpperCase()}`;
      const carried: NodeJS.ProcessEnv = {};
      for (const c of mainCommands) {
        if (c.command === 'task.settaskvariable') carried[`VSTS_TASKVARIABLE_${key(c.properties.variable)}`] = c.message;
        else if (c.command === 'task.setvariable' && c.properties.isOutput !== 'true') carried[key(c.properties.variable)] = c.message;
      }
      const post = await runNode(script(task.postjobexecution.Node20_1.target), { ...job.env, ...carried });
      expect(parseVso(post.stdout).find((c) => c.command === 'task.complete')?.properties.result ?? 'Succeeded').toBe('Succeeded');
      expect(existsSync(dockerConfig)).toBe(false);

      const tokens = [...emulators.imds.issued, ...emulators.sts.issued];
      expect(tokenLeaks(tokens, [main.stdout, main.stderr, post.stdout, post.stderr], [job.dir])).toEqual([]);
    } finally {
      await emulators.close();
    }
  });
});
