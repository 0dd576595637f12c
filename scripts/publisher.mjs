// Who publishes the product, set in one place: package.json's `publisher` (the Azure DevOps
// Marketplace publisher ID), `author` (the display name) and `repository` (the GitHub repository).
// Everything else that names them is derived from those three and kept in agreement:
//
//   package.json        publisher, author, repository, homepage, bugs
//   vss-extension.json  publisher, links (get started, support, license, privacy), repository
//   task.json           author, helpUrl and the links in helpMarkDown
//   action.yml          author
//
// `npm run set-publisher` writes them all; `npm run package` and the tests check that they agree.
// @ts-check
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

/** The values the repository ships with, which a published package must not carry. */
export const PLACEHOLDER = Object.freeze({
  publisher: 'your-publisher-id',
  author: 'Your organisation',
  repository: 'https://github.com/your-org/chainguard-azure-login'
});

/** A Marketplace publisher ID. */
const PUBLISHER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
/** A GitHub repository's web address, as the links are built from it. */
const REPOSITORY = /^https:\/\/github\.com\/[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
/** Any GitHub repository's web address inside task.json's helpMarkDown, to be replaced by ours. */
const ANY_REPOSITORY = /https:\/\/github\.com\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+?(?=[/#)\s]|$)/g;
/** The command that sets the publisher, for messages. */
export const SET_PUBLISHER = 'npm run set-publisher -- <publisher-id> "<Display name>" https://github.com/<owner>/<repository>';

/** @typedef {{ publisher: string, author: string, repository: string }} Setting */

/** @param {string} root @param {string} file */
const readJson = (root, file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));

/** A repository address as package.json's repository.url or a user writes it, as https://github.com/<owner>/<name>. */
export function normaliseRepository(/** @type {string} */ url) {
  return url
    .trim()
    .replace(/^git\+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

/** The setting, read from package.json. @param {string} root @returns {Setting} */
export function readSetting(root) {
  const pkg = readJson(root, 'package.json');
  const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return {
    publisher: String(pkg.publisher ?? ''),
    author: String(pkg.author ?? ''),
    repository: normaliseRepository(String(repository ?? ''))
  };
}

/** What is wrong with a setting, one line per field; empty when it can be written. @param {Setting} setting */
export function invalid(setting) {
  const problems = [];
  if (!PUBLISHER_ID.test(setting.publisher)) {
    problems.push(`the publisher ID ${JSON.stringify(setting.publisher)} is not a Marketplace publisher ID (letters, digits, - and _)`);
  }
  if (!/^[^\s\p{Cc}](?:[^\p{Cc}]{0,98}[^\s\p{Cc}])?$/u.test(setting.author)) {
    problems.push(`the display name ${JSON.stringify(setting.author)} must be 1 to 100 characters on one line`);
  }
  if (!REPOSITORY.test(setting.repository)) {
    problems.push(
      `the repository ${JSON.stringify(setting.repository)} must be a GitHub repository's address, https://github.com/<owner>/<repository>`
    );
  }
  return problems;
}

/** The fields of a setting that still hold the placeholder. @param {Setting} setting @returns {(keyof Setting)[]} */
export function placeholders(setting) {
  return /** @type {(keyof Setting)[]} */ (Object.keys(PLACEHOLDER)).filter((key) => setting[key] === PLACEHOLDER[key]);
}

/** The repository's web pages the listings link to. @param {string} repository */
function repositoryLinks(repository) {
  return {
    readme: `${repository}#readme`,
    issues: `${repository}/issues`,
    license: `${repository}/blob/main/LICENSE`,
    security: `${repository}/blob/main/SECURITY.md`
  };
}

/** The fields of each JSON file derived from a setting. @param {Setting} setting */
function derivedJson({ publisher, author, repository }) {
  const links = repositoryLinks(repository);
  return {
    'package.json': {
      publisher,
      author,
      repository: { type: 'git', url: `git+${repository}.git` },
      homepage: links.readme,
      bugs: { url: links.issues }
    },
    'vss-extension.json': {
      publisher,
      links: {
        getstarted: { uri: links.readme },
        support: { uri: links.issues },
        license: { uri: links.license },
        privacypolicy: { uri: links.security }
      },
      repository: { type: 'git', uri: repository }
    },
    'task.json': { author, helpUrl: links.readme }
  };
}

/** action.yml's author, a top-level plain or double-quoted scalar on one line. @param {string} text */
function actionAuthor(text) {
  const line = /^author:[ \t]*(.*)$/m.exec(text)?.[1] ?? '';
  return line.startsWith('"') ? JSON.parse(line) : line.trim();
}

/** A YAML scalar for action.yml's author: plain when YAML reads it back unchanged, else double-quoted. @param {string} value */
function yamlScalar(value) {
  const plain = /^[A-Za-z0-9][A-Za-z0-9 .,'()&_-]*$/.test(value) && !/ $|: | #/.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * Where the files disagree with the setting in package.json: one line per field, naming the file,
 * what it says and what the setting makes it. Empty when they agree.
 * @param {string} root
 */
export function drift(root) {
  const setting = readSetting(root);
  const lines = [];
  for (const [file, fields] of Object.entries(derivedJson(setting))) {
    const json = readJson(root, file);
    for (const [field, expected] of Object.entries(fields)) {
      if (!isDeepStrictEqual(json[field], expected)) {
        lines.push(`${file} ${field} is ${JSON.stringify(json[field])}, not ${JSON.stringify(expected)}`);
      }
    }
  }
  const task = readJson(root, 'task.json');
  for (const [url] of String(task.helpMarkDown ?? '').matchAll(ANY_REPOSITORY)) {
    if (url !== setting.repository) lines.push(`task.json helpMarkDown links to ${url}, not ${setting.repository}`);
  }
  const author = actionAuthor(readFileSync(path.join(root, 'action.yml'), 'utf8'));
  if (author !== setting.author) lines.push(`action.yml author is ${JSON.stringify(author)}, not ${JSON.stringify(setting.author)}`);
  return lines;
}

/** The index just past the JSON string that starts at `at`. @param {string} text @param {number} at */
function stringEnd(text, at) {
  let i = at + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The index just past the JSON value that starts at `at`. @param {string} text @param {number} at */
function valueEnd(text, at) {
  if (text[at] === '"') return stringEnd(text, at);
  if (text[at] !== '{' && text[at] !== '[') return at + (/^[^,}\]\s]*/.exec(text.slice(at))?.[0].length ?? 0);
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    if (text[i] === '"') i = stringEnd(text, i) - 1;
    else if (text[i] === '{' || text[i] === '[') depth++;
    else if ((text[i] === '}' || text[i] === ']') && --depth === 0) return i + 1;
  }
  throw new Error('unterminated JSON value');
}

/**
 * A JSON text with one top-level field's value replaced by `value` (written on one line), or the
 * field added at the end; every other character stays as it was.
 * @param {string} text @param {string} key @param {unknown} value
 */
function withField(text, key, value) {
  const open = text.indexOf('{');
  for (let i = open + 1; i < text.length;) {
    while (/[\s,]/.test(text[i] ?? '')) i++;
    if (text[i] !== '"') break;
    const nameEnd = stringEnd(text, i);
    const name = JSON.parse(text.slice(i, nameEnd));
    let start = nameEnd;
    while (/[\s:]/.test(text[start] ?? '')) start++;
    const end = valueEnd(text, start);
    if (name === key) return text.slice(0, start) + JSON.stringify(value) + text.slice(end);
    i = end;
  }
  const close = text.lastIndexOf('}');
  return `${text.slice(0, close).trimEnd()},\n  ${JSON.stringify(key)}: ${JSON.stringify(value)}\n}\n`;
}

/**
 * Writes a setting into every file that derives from it, or throws without writing anything. Only
 * the derived fields change; `format` (Prettier, for the repository's settings) lays out the
 * values written.
 * @param {string} root
 * @param {Setting} setting
 * @param {(text: string, file: string) => Promise<string>} format
 */
export async function writeSetting(root, setting, format) {
  const problems = invalid(setting);
  if (problems.length) throw new Error(problems.join('; '));
  /** @type {[string, string][]} */
  const updates = [];
  for (const [file, fields] of Object.entries(derivedJson(setting))) {
    const before = readFileSync(path.join(root, file), 'utf8');
    /** @type {Record<string, unknown>} */
    const changes = { ...fields };
    if (file === 'task.json')
      changes.helpMarkDown = String(JSON.parse(before).helpMarkDown ?? '').replace(ANY_REPOSITORY, setting.repository);
    let text = before;
    for (const [field, value] of Object.entries(changes)) text = withField(text, field, value);
    text = await format(text, file);
    const expected = { ...JSON.parse(before), ...changes };
    if (!isDeepStrictEqual(JSON.parse(text), expected)) throw new Error(`could not rewrite ${file}; edit it by hand`);
    updates.push([file, text]);
  }
  const action = readFileSync(path.join(root, 'action.yml'), 'utf8');
  if (!/^author:.*$/m.test(action)) throw new Error('action.yml has no top-level author line; add one');
  updates.push(['action.yml', action.replace(/^author:.*$/m, `author: ${yamlScalar(setting.author)}`)]);
  for (const [file, text] of updates) {
    const full = path.join(root, file);
    writeFileSync(`${full}.tmp`, text);
    renameSync(`${full}.tmp`, full);
  }
}
