/**
 * Secret hygiene: after a bundle run, no token may appear in any output line except the
 * command that masks it (and Azure's secret output variable, which the agent never prints),
 * nor in any file except docker auth files and the runner's output file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { basicAuth } from '../../src/core/docker/auth-file.js';

const ALLOWED_LINES = [
  (token: string) => `::add-mask::${token}`,
  (token: string) => `##vso[task.setsecret]${token}`,
  (token: string) => `##vso[task.setvariable variable=token;isOutput=true;issecret=true;]${token}`,
  (token: string) => `##vso[task.setvariable variable=apiToken;isOutput=true;issecret=true;]${token}`
];
/**
 * Files that may hold a credential: docker/containers auth files, GitHub's output file, and the
 * credential helper's cache (`<helper directory>/cache-<host>.json`).
 */
const ALLOWED_FILES = new Set(['config.json', 'containers-auth.json', 'main-output']);
const allowedFile = (file: string): boolean =>
  ALLOWED_FILES.has(path.basename(file)) ||
  (/^cache-[a-z0-9._-]+\.json$/.test(path.basename(file)) && /^chainguard-helper-[A-Za-z0-9]{6}$/.test(path.basename(path.dirname(file))));

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (!stat) return [];
    if (stat.isDirectory()) return filesUnder(full);
    return stat.isFile() ? [full] : [];
  });
}

/** Returns every violation found (empty when clean). */
export function tokenLeaks(tokens: readonly string[], outputs: readonly string[], dirs: readonly string[]): string[] {
  const leaks: string[] = [];
  const forms = tokens.filter(Boolean).flatMap((token) => [token, basicAuth('_token', token)]);
  for (const text of outputs) {
    for (const line of text.split('\n')) {
      for (const token of tokens) {
        if (!line.includes(token)) continue;
        if (!ALLOWED_LINES.some((allowed) => line === allowed(token)))
          leaks.push(`output line: ${line.replace(token, '<TOKEN>').slice(0, 200)}`);
      }
      const auth = forms.find((form) => !tokens.includes(form) && line.includes(form));
      if (auth) leaks.push(`output line carries a docker auth value: ${line.slice(0, 80)}`);
    }
  }
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      if (allowedFile(file)) continue;
      const content = readFileSync(file, 'latin1');
      if (forms.some((form) => content.includes(form))) leaks.push(`file: ${file}`);
    }
  }
  return leaks;
}

/**
 * What Node.js itself, not the product, prints on stderr: a warning (a library's deprecation
 * notice among them), the hint after one, an uncaught exception's source line, caret, stack and
 * version footer. None of these may ever reach a step log.
 */
const NODE_OWN_LINES = [
  /^\(node:\d+\) /,
  /^\(Use `node --trace-/,
  /^\s+at \S.*(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/,
  /^Node\.js v\d+\./,
  /^node:internal\//,
  /^\s*\^+\s*$/,
  /^(\w+\.)*[A-Z]\w*(Error|Exception)( \[\w+\])?(: |$)/
];

/**
 * The lines of a run's stderr that the product did not write. The runner and the agent read a
 * step's commands from stdout, so the GitHub step and the Azure task write nothing to stderr at
 * all (`strict`); the CLI and the credential helper write their own messages there, never any of
 * Node's own.
 */
export function foreignStderr(stderr: string, strict: boolean): string[] {
  const lines = stderr.split('\n').filter((line) => line !== '');
  return strict ? lines : lines.filter((line) => NODE_OWN_LINES.some((own) => own.test(line)));
}
