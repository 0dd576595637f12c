/**
 * Installs the job's credential helper: a private directory with its configuration, the cache
 * seeded with the credentials the step got, and the small wrappers docker runs, which call the
 * step's Node and the helper bundle by absolute path (so that `node` need not be on PATH).
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../fs/atomic.js';
import { cmdWord, singleQuoted } from '../shell.js';
import { writeCached } from './cache.js';
import type { NetworkSecrets } from '../platform.js';
import { HelperError, writeHelperConfig, writeNetworkSecrets, type HelperConfig, type HelperCredential } from './config.js';

/** A helper name unique to this job: `chainguard-` and six random letters or digits. */
export function helperName(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  return `chainguard-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

/**
 * The helper name for `host` in a shared docker config: `chainguard-` and six letters or digits
 * derived from the config directory and the host. Every job logging in to that host through that
 * config writes the same name, so the config's one `credHelpers` entry runs each job's own helper
 * (the one first on its PATH); and each host has its own name, so that a host resolves to the
 * login that wrote it even when another login (a later step of the same job) comes first on PATH.
 */
export function sharedHelperName(configDir: string, host: string): string {
  // FNV-1a: stable and quick; the name only needs to differ between directories and hosts.
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(`${path.resolve(configDir)}\u0000${host}`, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `chainguard-${hash.toString(36).padStart(6, '0').slice(-6)}`;
}

/** `value` as one word of a .cmd wrapper; a path holding a double quote cannot be one. */
function cmdQuote(value: string): string {
  const word = cmdWord(value);
  if (word === undefined) throw new HelperError(`cannot write a Windows wrapper for a path containing a double quote: ${value}`);
  return word;
}

export interface WrapperOptions {
  /** The directory to write the wrappers into (put on PATH). */
  binDir: string;
  /** The helper's name: docker runs `docker-credential-<name>`. */
  name: string;
  /** The helper directory (configuration and cache). */
  dir: string;
  /** The Node that runs the helper: the one that ran the step (`process.execPath`). */
  nodePath: string;
  /** The helper bundle, dist/helper/index.js. */
  helperScript: string;
  /** Also write the `.cmd` wrapper (default: on Windows only). */
  windows?: boolean;
}

/**
 * Writes `docker-credential-<name>` (sh, 0700) and, on Windows, `docker-credential-<name>.cmd`,
 * both calling the Node and the bundle by absolute path, so that `node` need not be on PATH.
 * Returns the files written.
 */
export function writeHelperWrappers(options: WrapperOptions): string[] {
  fs.mkdirSync(options.binDir, { recursive: true, mode: 0o700 });
  const base = path.join(options.binDir, `docker-credential-${options.name}`);
  const sh = [
    '#!/bin/sh',
    '# Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
    `exec ${singleQuoted(options.nodePath)} ${singleQuoted(options.helperScript)} --dir ${singleQuoted(options.dir)} "$@"`,
    ''
  ].join('\n');
  const cmd = (): string =>
    [
      '@echo off',
      'rem Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
      `${cmdQuote(options.nodePath)} ${cmdQuote(options.helperScript)} --dir ${cmdQuote(options.dir)} %*`,
      ''
    ].join('\r\n');
  writeFileAtomic(base, sh);
  fs.chmodSync(base, 0o700);
  if (!(options.windows ?? process.platform === 'win32')) return [base];
  writeFileAtomic(`${base}.cmd`, cmd());
  return [base, `${base}.cmd`];
}

/**
 * The helper bundle beside the bundle running now: dist/helper/index.js, found from
 * dist/github/main, dist/azure/main or dist/cli.
 */
export function findHelperBundle(fromDir: string): string | undefined {
  let dir = fromDir;
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'helper', 'index.js');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/**
 * The helper bundle for a step run from its TypeScript sources (GitHub's local-action runs
 * src/github/main.ts): the built dist/helper/index.js of the same checkout, when `runtimeModule`
 * is that checkout's src/core/runtime.ts (`npm run build` writes it). A bundle is never a source
 * tree: it finds the helper beside itself (findHelperBundle), or warns.
 */
export function sourceTreeHelperBundle(runtimeModule: string): string | undefined {
  const core = path.dirname(runtimeModule);
  const src = path.dirname(core);
  if (path.basename(runtimeModule) !== 'runtime.ts' || path.basename(core) !== 'core' || path.basename(src) !== 'src') return undefined;
  const candidate = path.join(path.dirname(src), 'dist', 'helper', 'index.js');
  return fs.existsSync(candidate) ? candidate : undefined;
}

export interface InstallOptions {
  /** Where to create the helper directory: the job's temp directory. */
  root: string;
  config: HelperConfig;
  nodePath: string;
  helperScript: string;
  /** Credentials already in hand, to seed the cache so that the first `get` needs no refresh. */
  seed?: Record<string, HelperCredential>;
  /** The helper's name for each host (default: one new random name for every host, see helperName). */
  nameFor?: (host: string) => string;
  /** The runner's network secrets, kept apart from the configuration (see writeNetworkSecrets). */
  networkSecrets?: NetworkSecrets;
  /** Also write `.cmd` wrappers (default: on Windows only). */
  windows?: boolean;
}

export interface InstalledHelper {
  /** The name for docker's `credHelpers` entries: the first host's. */
  name: string;
  /** Each host's name (a wrapper of each name runs this helper). */
  names: Map<string, string>;
  /** The helper directory; remove it to uninstall. */
  dir: string;
  /** The directory holding the wrappers, to put on PATH. */
  binDir: string;
}

/**
 * Creates a private helper directory under `root` with the configuration, the seeded cache and
 * the wrappers. Nothing is left behind when it fails.
 */
export function installHelper(options: InstallOptions): InstalledHelper {
  const random = helperName();
  const names = new Map(Object.keys(options.config.hosts).map((host) => [host, options.nameFor?.(host) ?? random]));
  const dir = fs.mkdtempSync(path.join(options.root, 'chainguard-helper-'));
  try {
    fs.chmodSync(dir, 0o700);
    writeHelperConfig(dir, options.config);
    if (options.networkSecrets) writeNetworkSecrets(dir, options.networkSecrets);
    for (const [host, credential] of Object.entries(options.seed ?? {})) writeCached(dir, host, credential);
    const binDir = path.join(dir, 'bin');
    for (const name of new Set(names.values())) {
      writeHelperWrappers({ binDir, name, dir, nodePath: options.nodePath, helperScript: options.helperScript, windows: options.windows });
    }
    return { name: names.values().next().value ?? random, names, dir, binDir };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Removes a helper directory (configuration, cache and wrappers). */
export function removeHelper(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
