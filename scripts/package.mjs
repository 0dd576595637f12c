// Packages the Azure Pipelines task as an Azure DevOps extension (.vsix):
//
//   npm run package            # for the Marketplace: needs the publisher set (npm run set-publisher)
//   npm run package -- --dev   # a local build: the placeholder publisher is accepted, and said
//
// 1. Checks that the product's version and its publisher (package.json's publisher, author and
//    repository, see publisher.mjs) agree across the files that carry them, and that the
//    publisher is not the placeholder the repository ships with (unless --dev).
// 2. Stages the extension under .package/extension/: vss-extension.json (with the Preview gallery
//    flag while the version is 0.x), the files it names (icons, the Marketplace page overview.md,
//    LICENSE) and the task folder named by its task contribution, which holds
//    only task.json, icon.png, from the folder of every bundle task.json's handlers name and
//    from the credential helper's (dist/helper) only the files a handler loads: the bundle
//    (index.js), its chunks (*.index.js, loaded later), licenses.txt and package.json, and beside
//    the task library's bundles its lib.json and Strings/**/*.resjson; and the package.json files
//    that tell Node.js how to load those bundles. Anything else left in dist/ (a helper cache
//    holding a token, a source map, a log) is not packaged.
// 3. Builds the .vsix from that folder with tfx-cli and prints its path.
//
// The versions in package.json, task.json and vss-extension.json must agree (set them with
// `npm run set-version -- <x.y.z>`). Nothing is published; see the README for installing.
// @ts-check
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { stagedManifest } from './extension-manifest.mjs';
import { drift, placeholders, readSetting, SET_PUBLISHER } from './publisher.mjs';
import { readVersions } from './versions.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.package');
const STAGE = path.join(OUT, 'extension');
const TFX = path.join(ROOT, 'node_modules', 'tfx-cli', '_build', 'tfx-cli.js');
const HANDLER_SECTIONS = ['prejobexecution', 'execution', 'postjobexecution'];
/** The credential helper's bundle folder, which no handler names. */
const HELPER_FOLDER = 'dist/helper';

/** @param {string} message @returns {never} */
function fail(message) {
  process.stderr.write(`package: ${message}\n`);
  process.exit(1);
}

/** @param {string[]} argv @returns {{ dev: boolean }} */
function parseArgs(argv) {
  const options = { dev: false };
  for (const arg of argv) {
    if (arg === '--dev') options.dev = true;
    else if (arg.split('=')[0] === '--publisher') {
      fail(`the publisher comes from package.json, for every file that names it; set it with\n  ${SET_PUBLISHER}`);
    } else fail(`unknown argument ${JSON.stringify(arg)}; usage: npm run package [-- --dev]`);
  }
  return options;
}

/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

/** A path relative to the repository that stays inside it, or a failure naming `what`. */
function inside(/** @type {string} */ relative, /** @type {string} */ what) {
  const full = path.resolve(ROOT, relative);
  if (path.isAbsolute(relative) || /\$\(/.test(relative) || !full.startsWith(ROOT + path.sep)) {
    fail(`${what} must be a relative path inside the repository, not ${JSON.stringify(relative)}`);
  }
  return path.relative(ROOT, full);
}

/**
 * The files of a bundle folder that ship, by their path inside it: what the handlers load. The
 * task library's resource files only beside the task's own bundles (not the helper's).
 * @param {string} relative  a path inside the folder, with / separators
 * @param {boolean} taskLibrary  whether the folder holds a bundle of task.json's handlers
 */
function shipped(relative, taskLibrary) {
  if (/^(index\.js|[A-Za-z0-9_-]+\.index\.js|licenses\.txt|package\.json)$/.test(relative)) return true;
  return taskLibrary && (relative === 'lib.json' || /^Strings\/(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+\.resjson$/.test(relative));
}

/** Copies a file or folder from the repository into the staging folder `into`; skips dot files (e.g. the task library's .taskkey). */
function stage(/** @type {string} */ relative, /** @type {string} */ into) {
  const source = path.join(ROOT, relative);
  if (!existsSync(source)) fail(`${relative} does not exist; run 'npm run build' first`);
  cpSync(source, path.join(into, relative), { recursive: true, filter: (file) => !path.basename(file).startsWith('.') });
}

/**
 * The bundle folders named by task.json's handlers, e.g. dist/azure/main, and the package.json
 * files between each folder and the repository root that Node.js reads to load the bundle as a
 * CommonJS or ES module.
 * @param {Record<string, any>} task
 */
function taskPayload(task) {
  const folders = new Set();
  for (const section of HANDLER_SECTIONS) {
    for (const [handler, settings] of Object.entries(task[section] ?? {})) {
      const target = /** @type {{ target?: unknown }} */ (settings)?.target;
      if (!/^Node/.test(handler)) fail(`task.json ${section}.${handler}: only Node handlers are packaged`);
      const file = inside(String(target ?? ''), `task.json ${section}.${handler}.target`);
      if (!existsSync(path.join(ROOT, file)))
        fail(`task.json ${section}.${handler}.target: ${file} does not exist; run 'npm run build' first`);
      const folder = path.dirname(file);
      if (folder === '.') fail(`task.json ${section}.${handler}.target must be in a bundle folder, not the repository root`);
      folders.add(folder);
    }
  }
  if (folders.size === 0) fail('task.json names no execution handler');
  // The credential helper the main step installs runs this bundle, found beside the step's.
  if (!existsSync(path.join(ROOT, HELPER_FOLDER, 'index.js'))) fail(`${HELPER_FOLDER}/index.js does not exist; run 'npm run build' first`);
  folders.add(HELPER_FOLDER);
  const manifests = new Set();
  for (const folder of folders) {
    let found = existsSync(path.join(ROOT, folder, 'package.json'));
    for (let dir = path.dirname(folder); dir !== '.'; dir = path.dirname(dir)) {
      if (!existsSync(path.join(ROOT, dir, 'package.json'))) continue;
      manifests.add(path.join(dir, 'package.json'));
      found = true;
    }
    if (!found) {
      fail(
        `no package.json between ${folder} and the repository root: the bundle would load differently outside the repository (add one, e.g. dist/package.json)`
      );
    }
  }
  return { folders: [...folders].sort(), manifests: [...manifests].sort() };
}

/** Every file under `dir`, relative to it. @param {string} dir @returns {string[]} */
function listFiles(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix)).flatMap((name) => {
    const relative = path.join(prefix, name);
    return statSync(path.join(dir, relative)).isDirectory() ? listFiles(dir, relative) : [relative];
  });
}

const options = parseArgs(process.argv.slice(2));
const versions = readVersions(ROOT);
const distinct = new Set(Object.values(versions));
if (distinct.size !== 1) {
  fail(
    `versions differ (${Object.entries(versions)
      .map(([file, v]) => `${file} ${v}`)
      .join(', ')}); set them together with 'npm run set-version -- <x.y.z>'`
  );
}
const version = String(Object.values(versions)[0]);

const disagreements = drift(ROOT);
if (disagreements.length) {
  fail(
    `the files that name the publisher disagree with package.json:\n  ${disagreements.join('\n  ')}\nset them together with\n  ${SET_PUBLISHER}`
  );
}
const setting = readSetting(ROOT);
const unset = placeholders(setting);
if (unset.length && !options.dev) {
  fail(
    `package.json's ${unset.join(', ')} ${unset.length > 1 ? 'are' : 'is'} still the placeholder (${unset.map((key) => JSON.stringify(setting[key])).join(', ')}).\n` +
      `Set your Marketplace publisher ID (https://marketplace.visualstudio.com/manage), display name and repository once, for every file:\n` +
      `  ${SET_PUBLISHER}\n` +
      `or build for local use only (uploading the task with tfx, a test organization): npm run package -- --dev`
  );
}

const task = readJson('task.json');
const manifest = readJson('vss-extension.json');
const taskContributions = (manifest.contributions ?? []).filter((/** @type {any} */ c) => c.type === 'ms.vss-distributed-task.task');
if (taskContributions.length !== 1) fail('vss-extension.json must have exactly one contribution of type ms.vss-distributed-task.task');
const taskFolderName = String(taskContributions[0].properties?.name ?? '');
if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(taskFolderName))
  fail('vss-extension.json: the task contribution needs properties.name, the task folder name');
if (!(manifest.files ?? []).some((/** @type {{ path: string }} */ f) => f.path === taskFolderName)) {
  fail(`vss-extension.json: files must list the task folder ${JSON.stringify(taskFolderName)}`);
}

// The files the manifest names besides the task folder: the icons and the content (the
// Marketplace page, the license). Checked before anything is staged.
const extensionFiles = [
  ...Object.entries(manifest.icons ?? {}).map(([key, file]) => [`icons.${key}`, file]),
  ...Object.entries(manifest.content ?? {}).map(([key, entry]) => [`content.${key}.path`, entry?.path])
].map(([where, file]) => {
  if (typeof file !== 'string' || !file) fail(`vss-extension.json ${where} must name a file`);
  const relative = inside(file, `vss-extension.json ${where}`);
  if (!existsSync(path.join(ROOT, relative))) {
    fail(
      where === 'content.details.path'
        ? `${relative} does not exist: it is the extension's Marketplace page (vss-extension.json ${where}); write it before packaging`
        : `${relative} does not exist: vss-extension.json ${where} names it`
    );
  }
  return relative;
});

rmSync(OUT, { recursive: true, force: true });
const taskDir = path.join(STAGE, taskFolderName);
mkdirSync(taskDir, { recursive: true });

// The task folder: task.json, its icon, the bundles and what they load.
const { folders, manifests } = taskPayload(task);
const bundleFiles = folders.flatMap((folder) =>
  listFiles(path.join(ROOT, folder))
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => shipped(file, folder !== HELPER_FOLDER))
    .map((file) => path.join(folder, file))
);
for (const file of ['task.json', 'icon.png', ...bundleFiles, ...manifests]) stage(file, taskDir);
for (const forbidden of ['node_modules', 'src', '__tests__']) {
  if (listFiles(taskDir).some((file) => file.split(path.sep).includes(forbidden))) fail(`the staged task folder contains ${forbidden}/`);
}

// The extension: the files above, and its manifest with the gallery flags its version calls for.
for (const relative of extensionFiles) stage(relative, STAGE);
const staged = stagedManifest(manifest, version);
writeFileSync(path.join(STAGE, 'vss-extension.json'), `${JSON.stringify(staged, null, 2)}\n`);

const tfxArgs = [
  'extension',
  'create',
  '--root',
  STAGE,
  '--manifests',
  'vss-extension.json',
  '--output-path',
  OUT,
  '--no-prompt',
  '--no-color',
  '--json'
];
let stdout = '';
let stderr = '';
try {
  ({ stdout, stderr } = await promisify(execFile)(process.execPath, [TFX, ...tfxArgs], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }));
} catch (error) {
  const e = /** @type {{ stdout?: string, stderr?: string, message: string }} */ (error);
  fail(`tfx extension create failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
}
// tfx only warns about an invalid task.json here; a warning is a failure for us.
const warnings = `${stdout}\n${stderr}`.split('\n').filter((line) => /^warning/i.test(line.trim()));
if (warnings.length) fail(`tfx extension create warned:\n${warnings.join('\n')}`);
const created = JSON.parse(stdout.slice(stdout.indexOf('{')));
const vsix = path.relative(ROOT, String(created.path));
if (!vsix.endsWith('.vsix') || !existsSync(path.join(ROOT, vsix))) fail(`tfx reported no .vsix:\n${stdout}`);

process.stdout.write(`task folder: ${path.relative(ROOT, taskDir)}\n`);
process.stdout.write(`extension: ${vsix}\n`);
if (unset.length) {
  process.stderr.write(
    `package: a local build (--dev) with the placeholder ${unset.join(', ')} (${unset.map((key) => JSON.stringify(setting[key])).join(', ')}): ` +
      `for uploading the task or a test organization, not for the Marketplace; set the publisher with ${SET_PUBLISHER}\n`
  );
}
