// Builds the committed bundles in dist/ with ncc: one self-contained CommonJS file per entry
// point (CommonJS starts faster than an ES module), plus a chunk that only a proxied request
// loads.
// @ts-check
import { execFile } from 'node:child_process';
import { rm, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const entries = [
  ['src/github/main.ts', 'dist/github/main'],
  ['src/github/post.ts', 'dist/github/post'],
  ['src/azure/main.ts', 'dist/azure/main'],
  ['src/azure/post.ts', 'dist/azure/post'],
  ['src/cli/main.ts', 'dist/cli']
];

await rm(path.join(root, 'dist'), { recursive: true, force: true });
// Two at a time: CI machines have two cores.
for (let i = 0; i < entries.length; i += 2) {
  await Promise.all(
    entries.slice(i, i + 2).map(async ([input, output]) => {
      await run(process.execPath, [ncc, 'build', input, '-o', output, '--license', 'licenses.txt', '--quiet', '--target', 'es2022', '--no-cache'], { cwd: root });
      process.stdout.write(`built ${output}\n`);
    })
  );
}

// src/ is CommonJS (src/package.json); the bundles must be read as CommonJS too, whatever the
// package.json above them says.
await writeFile(path.join(root, 'dist', 'package.json'), '{ "type": "commonjs" }\n');
process.stdout.write(`dist/: ${(await readdir(path.join(root, 'dist'))).join(', ')}\n`);
