// Sets the product's version in package.json, package-lock.json, task.json and
// vss-extension.json together:
//
//   npm run set-version -- 0.2.0
//
// Azure DevOps runs a task by its major version (ChainguardAzureLogin@0) and installs an
// uploaded task or extension only when its version is higher than the installed one.
// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVersions, setVersion } from './versions.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.length !== 1) {
  process.stderr.write('usage: npm run set-version -- <major.minor.patch>, e.g. npm run set-version -- 0.2.0\n');
  process.exit(1);
}
try {
  setVersion(root, args[0].replace(/^v(?=\d)/, ''));
} catch (error) {
  process.stderr.write(`set-version: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
for (const [file, version] of Object.entries(readVersions(root))) process.stdout.write(`${file}: ${version}\n`);
