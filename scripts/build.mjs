// Builds the committed bundles in dist/ with ncc: one self-contained ES module per entry point
// (with the chunks that only some runs load), and beside each Azure Pipelines bundle the task
// library's resource files, which it looks for next to itself.
// @ts-check
import { execFile } from 'node:child_process';
import { cp, rm, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const entries = [
  ['src/github/index.ts', 'dist/github/main'],
  ['src/github/post-index.ts', 'dist/github/post'],
  ['src/azure/index.ts', 'dist/azure/main'],
  ['src/azure/post-index.ts', 'dist/azure/post'],
  ['src/cli/index.ts', 'dist/cli'],
  ['src/helper/index.ts', 'dist/helper']
];

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

const taskLib = path.join(root, 'node_modules', 'azure-pipelines-task-lib');
for (const bundle of ['dist/azure/main', 'dist/azure/post']) {
  await cp(path.join(taskLib, 'lib.json'), path.join(root, bundle, 'lib.json'));
  await cp(path.join(taskLib, 'Strings'), path.join(root, bundle, 'Strings'), { recursive: true });
}

// The bundles are ES modules, whatever a package.json above the folder they are copied to says.
await writeFile(path.join(root, 'dist', 'package.json'), '{ "type": "module" }\n');
process.stdout.write(`dist/: ${(await readdir(path.join(root, 'dist'))).join(', ')}\n`);
