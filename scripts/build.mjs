// Builds the committed bundles in dist/ with ncc: one self-contained ES module per entry point
// (with the chunks that only some runs load), and beside each Azure Pipelines bundle the task
// library's resource files, which it looks for next to itself.
//
// The four step bundles (GitHub and Azure, main and post) start from a small entry of their own
// (src/start): index.js turns on Node's compile cache, then loads the step, built as
// step.index.js beside it (a name the extension's packaging keeps, like the chunks').
//
// Every emitted file is then written in ASCII, each other character as a \u escape: Node.js
// reads an ASCII file into a one-byte string, which V8 scans faster and which the compile cache
// checksums without first re-encoding the whole file (a handful of `…` or `—` in comments and
// messages would otherwise make each chunk a two-byte string). An escape means the same
// character in a string, a template, a regular expression, an identifier or a comment; the two
// places where it would not — the raw text of a tagged template, and a character that follows
// a backslash — stop the build instead.
// @ts-check
import { execFile } from 'node:child_process';
import { cp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';

const run = promisify(execFile);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const entries = [
  ['src/github/index.ts', 'dist/github/main'],
  ['src/github/post-index.ts', 'dist/github/post'],
  ['src/azure/index.ts', 'dist/azure/main'],
  ['src/azure/post-index.ts', 'dist/azure/post'],
  ['src/cli/index.ts', 'dist/cli'],
  ['src/helper/index.ts', 'dist/helper'],
  ['src/start/index.ts', 'dist/.start']
];
const STEP_BUNDLES = ['dist/github/main', 'dist/github/post', 'dist/azure/main', 'dist/azure/post'];

await rm(path.join(root, 'dist'), { recursive: true, force: true });
// Two at a time: CI machines have two cores.
for (let i = 0; i < entries.length; i += 2) {
  await Promise.all(
    entries.slice(i, i + 2).map(async ([input, output]) => {
      await run(
        process.execPath,
        [ncc, 'build', input, '-o', output, '--license', 'licenses.txt', '--quiet', '--target', 'es2022', '--no-cache'],
        { cwd: root }
      );
      process.stdout.write(`built ${output}\n`);
    })
  );
}

for (const bundle of STEP_BUNDLES) {
  await rename(path.join(root, bundle, 'index.js'), path.join(root, bundle, 'step.index.js'));
  await cp(path.join(root, 'dist/.start/index.js'), path.join(root, bundle, 'index.js'));
}
await rm(path.join(root, 'dist/.start'), { recursive: true, force: true });

/** `text` with every character outside ASCII written as a \\u escape (UTF-16 code units). @param {string} text */
function escapeNonAscii(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Why escaping would change what `file` does, or null. @param {string} file @param {string} text */
function escapeHazard(file, text) {
  const afterBackslash = /(?<!\\)(?:\\\\)*\\[^\x00-\x7f]/.exec(text);
  if (afterBackslash) return `${file}: a non-ASCII character follows a backslash at offset ${afterBackslash.index}`;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  /** @type {string | null} */
  let found = null;
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (found) return;
    if (ts.isTaggedTemplateExpression(node) && /[^\x00-\x7f]/.test(node.template.getText(source))) {
      found = `${file}: a tagged template holds a non-ASCII character (line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1})`;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Rewrites every .js file under `dir` in ASCII (see the top of this file). @param {string} dir */
async function writeAscii(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = await readFile(file, 'utf8');
    if (!/[^\x00-\x7f]/.test(text)) continue;
    const hazard = escapeHazard(path.relative(root, file), text);
    if (hazard) throw new Error(`cannot write the bundle in ASCII: ${hazard}`);
    await writeFile(file, escapeNonAscii(text));
  }
}
await writeAscii(path.join(root, 'dist'));

const taskLib = path.join(root, 'node_modules', 'azure-pipelines-task-lib');
for (const bundle of ['dist/azure/main', 'dist/azure/post']) {
  await cp(path.join(taskLib, 'lib.json'), path.join(root, bundle, 'lib.json'));
  await cp(path.join(taskLib, 'Strings'), path.join(root, bundle, 'Strings'), { recursive: true });
}

// The bundles are ES modules, whatever a package.json above the folder they are copied to says.
await writeFile(path.join(root, 'dist', 'package.json'), '{ "type": "module" }\n');
process.stdout.write(`dist/: ${(await readdir(path.join(root, 'dist'))).join(', ')}\n`);
