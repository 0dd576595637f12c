// The product's version lives in four files that must agree: package.json (and its lock file),
// task.json (Major/Minor/Patch) and vss-extension.json. Reads them, and rewrites all of them
// together, touching nothing but the version fields.
// @ts-check
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';

/** A version every one of the files accepts: three numbers (task.json has no pre-release field). */
export const VERSION = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

/**
 * How each file holds the version: where it is in the parsed JSON, and the text to replace.
 * @type {Record<string, { get: (json: any) => string, set: (json: any, version: string) => void, pattern: RegExp, text: (version: string) => string, count: number }>}
 */
const FILES = {
  'package.json': {
    get: (json) => json.version,
    set: (json, v) => void (json.version = v),
    pattern: /"version"(\s*):(\s*)"[^"]*"/,
    text: (v) => `"version"$1:$2"${v}"`,
    count: 1
  },
  // The lock file repeats the version for the root package.
  'package-lock.json': {
    get: (json) => (json.version === json.packages?.['']?.version ? json.version : `${json.version} / ${json.packages?.['']?.version}`),
    set: (json, v) => {
      json.version = v;
      json.packages[''].version = v;
    },
    pattern: /"version"(\s*):(\s*)"[^"]*"/,
    text: (v) => `"version"$1:$2"${v}"`,
    count: 2
  },
  'task.json': {
    get: (json) => `${json.version?.Major}.${json.version?.Minor}.${json.version?.Patch}`,
    set: (json, v) => {
      const [Major, Minor, Patch] = v.split('.').map(Number);
      json.version = { Major, Minor, Patch };
    },
    pattern: /"version"(\s*):(\s*)\{[^{}]*\}/,
    text: (v) => {
      const [major, minor, patch] = v.split('.');
      return `"version"$1:$2{ "Major": ${major}, "Minor": ${minor}, "Patch": ${patch} }`;
    },
    count: 1
  },
  'vss-extension.json': {
    get: (json) => json.version,
    set: (json, v) => void (json.version = v),
    pattern: /"version"(\s*):(\s*)"[^"]*"/,
    text: (v) => `"version"$1:$2"${v}"`,
    count: 1
  }
};

/** The version each file holds, by file name. @param {string} root @returns {Record<string, string>} */
export function readVersions(root) {
  return Object.fromEntries(
    Object.entries(FILES).map(([file, how]) => [file, how.get(JSON.parse(readFileSync(path.join(root, file), 'utf8')))])
  );
}

/**
 * Sets `version` in every file, or throws without writing anything. Each file keeps its layout:
 * only the first `count` version fields in its text change, and the result must parse to the
 * original JSON with just the version changed.
 * @param {string} root
 * @param {string} version
 */
export function setVersion(root, version) {
  if (!VERSION.test(version)) throw new Error(`the version must be three numbers, like 0.2.0, not ${JSON.stringify(version)}`);
  /** @type {[string, string][]} */
  const updates = [];
  for (const [file, how] of Object.entries(FILES)) {
    const full = path.join(root, file);
    const before = readFileSync(full, 'utf8');
    const expected = JSON.parse(before);
    how.set(expected, version);
    let seen = 0;
    const after = before.replace(new RegExp(how.pattern.source, 'g'), (match, space1, space2) =>
      ++seen > how.count ? match : how.text(version).replace('$1', space1).replace('$2', space2)
    );
    if (!isDeepStrictEqual(JSON.parse(after), expected)) throw new Error(`could not find the version field(s) in ${file}; edit it by hand`);
    updates.push([full, after]);
  }
  for (const [full, text] of updates) {
    writeFileSync(`${full}.tmp`, text);
    renameSync(`${full}.tmp`, full);
  }
}
