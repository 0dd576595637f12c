// Sets who publishes the product, once, in every file that names it (see publisher.mjs):
//
//   npm run set-publisher -- <publisher-id> "<Display name>" [https://github.com/<owner>/<repository>]
//
// <publisher-id> is your Azure DevOps Marketplace publisher ID
// (https://marketplace.visualstudio.com/manage), the display name is the author shown by the
// GitHub Marketplace and the Azure Pipelines task, and the repository (default: the one already
// set) is where the listings' links point. Prints what each file now says.
// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { drift, normaliseRepository, readSetting, writeSetting } from './publisher.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.length < 2 || args.length > 3 || args.some((arg) => arg.startsWith('-'))) {
  process.stderr.write(
    'usage: npm run set-publisher -- <publisher-id> "<Display name>" [https://github.com/<owner>/<repository>]\n' +
      '  e.g. npm run set-publisher -- contoso "Contoso Ltd" https://github.com/contoso/chainguard-azure-login\n'
  );
  process.exit(1);
}
const [publisher, author, repository = readSetting(root).repository] = args;

/** Prints a file's text as the repository's Prettier settings print it. @param {string} text @param {string} file */
async function format(text, file) {
  const full = path.join(root, file);
  return prettier.format(text, { ...(await prettier.resolveConfig(full)), filepath: full });
}

try {
  await writeSetting(root, { publisher, author, repository: normaliseRepository(repository) }, format);
} catch (error) {
  process.stderr.write(`set-publisher: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
const left = drift(root);
if (left.length) {
  process.stderr.write(`set-publisher: the files still disagree:\n${left.join('\n')}\n`);
  process.exit(1);
}
const setting = readSetting(root);
process.stdout.write(
  `publisher: ${setting.publisher} (package.json, vss-extension.json)\n` +
    `author: ${setting.author} (package.json, task.json, action.yml)\n` +
    `repository: ${setting.repository} (package.json, vss-extension.json links, task.json help)\n`
);
