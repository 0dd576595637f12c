import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2873:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  UV: () => (/* binding */ CHAINGUARD_USERNAME),
  Ab: () => (/* binding */ DEFAULT_REFRESH_TIMEOUT_SECONDS),
  pQ: () => (/* binding */ HelperError),
  hs: () => (/* binding */ NOT_FOUND_MESSAGE),
  _P: () => (/* binding */ findHelperBundle),
  T: () => (/* binding */ helperGet),
  ZC: () => (/* binding */ helperList),
  XY: () => (/* binding */ readHelperConfig)
});

// UNUSED EXPORTS: ACR_USERNAME, DEFAULT_MIN_REMAINING_SECONDS, HELPER_CONFIG_FILE, HELPER_CONFIG_VERSION, helperName, installHelper, normaliseHost, readCached, removeHelper, sharedHelperName, usernameFor, writeCached, writeFileAtomic, writeHelperConfig, writeHelperWrappers

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/files.ts
/**
 * File primitives shared by the docker config writer and the credential helper: unique names
 * for temporary files, atomic replacement, and whether a lock holder still runs. Kept free of
 * heavier modules, so that the helper's cached answer stays quick.
 */

let temporaries = 0;
/** A name no other process or call will pick: pid, a counter and random characters. */
function uniqueSuffix() {
    return `${process.pid}.${++temporaries}.${Math.random().toString(36).slice(2, 10)}`;
}
/** Whether a process runs on this machine. EPERM means it runs as someone else. */
function processAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
const FILE_MODE = 0o600;
/**
 * Writes `text` to `file` through a temporary file beside it and a rename, so that readers never
 * see half a file; a failed write removes its temporary file.
 */
function writeTextAtomic(file, text, options = {}) {
    const mode = options.mode ?? FILE_MODE;
    const temporary = `${file}.${uniqueSuffix()}.tmp`;
    const fd = external_node_fs_default().openSync(temporary, 'wx', mode);
    try {
        try {
            if (mode !== FILE_MODE)
                external_node_fs_default().fchmodSync(fd, mode);
            external_node_fs_default().writeFileSync(fd, text);
            if (options.durable)
                external_node_fs_default().fsyncSync(fd);
        }
        finally {
            external_node_fs_default().closeSync(fd);
        }
        renameReplacing(temporary, file);
    }
    catch (error) {
        external_node_fs_default().rmSync(temporary, { force: true });
        throw error;
    }
}
/**
 * Renames over an existing file. Windows refuses while another process has the target open
 * (a concurrent reader of the helper's cache), so there the rename is tried again for a moment.
 */
function renameReplacing(from, to) {
    for (let attempt = 1;; attempt++) {
        try {
            external_node_fs_default().renameSync(from, to);
            return;
        }
        catch (error) {
            const code = error.code;
            if (process.platform !== 'win32' || attempt >= 10 || !(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY'))
                throw error;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * attempt);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/credential-helper.ts
/**
 * The refreshing docker credential helper: its configuration in the job directory, its cache,
 * the lock that makes concurrent `get`s refresh once, and the small wrappers docker runs.
 *
 * Layout of a helper directory (created by `installHelper`, removed with the job):
 *
 *     helper.json              what to refresh and how (0600; never a token)
 *     cache-<host>.json        the current credential for one host (0600, replaced atomically)
 *     refresh-<host>.lock      held while one process refreshes that host
 *     bin/docker-credential-<name>[.cmd]   the wrappers docker finds on PATH
 *
 * The refresh itself is injected (`Refresh`), so the helper knows nothing of sources or
 * exchanges; `helper-refresh.ts` wires the default ones.
 */



const HELPER_CONFIG_VERSION = 2;
const HELPER_CONFIG_FILE = 'helper.json';
/** A credential with less than this left is refreshed before it is handed out. */
const DEFAULT_MIN_REMAINING_SECONDS = 300;
/** How long a refresh may take (the step's default timeout). */
const DEFAULT_REFRESH_TIMEOUT_SECONDS = 120;
/** Docker's user name for a Chainguard token. */
const CHAINGUARD_USERNAME = '_token';
/** Docker's user name for an ACR refresh token. */
const ACR_USERNAME = '00000000-0000-0000-0000-000000000000';
/** What docker-credential-helpers print (on stdout, exit 1) for a host they hold nothing for. */
const NOT_FOUND_MESSAGE = 'credentials not found in native keychain';
/** A failure the helper reports as one line on stderr (never carrying a token). */
class HelperError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'HelperError';
    }
}
// ---------------------------------------------------------------------------------------------
// Files
/** Writes `data` to `file` (mode 0600, flushed) through a temporary file and a rename; on failure the temporary file is removed. */
function writeFileAtomic(file, data) {
    writeTextAtomic(file, data, { durable: true });
}
/** Writes the helper's configuration into `dir` (created 0700 if needed). */
function writeHelperConfig(dir, config) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(path.join(dir, HELPER_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}
/** Reads and checks the configuration in `dir`. */
function readHelperConfig(dir) {
    const file = external_node_path_default().join(dir, HELPER_CONFIG_FILE);
    let text;
    try {
        text = external_node_fs_default().readFileSync(file, 'utf8');
    }
    catch (error) {
        const code = error.code ?? 'error';
        throw new HelperError(`cannot read its configuration ${file} (${code}); the login step writes it and the end of the job removes it: run the login step again in this job`);
    }
    let config;
    try {
        config = JSON.parse(text);
    }
    catch {
        throw new HelperError(`its configuration ${file} is not JSON; run the login step again`);
    }
    if (!isObject(config) ||
        config.version !== HELPER_CONFIG_VERSION ||
        !isObject(config.hosts) ||
        !isObject(config.source) ||
        !isObject(config.source.inputs) ||
        !isObject(config.source.env)) {
        throw new HelperError(`its configuration ${file} is not version ${HELPER_CONFIG_VERSION} of this helper's format; run the same version of the login step again`);
    }
    return config;
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/**
 * The registry host docker asks about, as the configuration names it: docker sends the server
 * URL (`https://cgr.dev`, `cgr.dev`, `cgr.dev/`, `https://index.docker.io/v1/`).
 */
function normaliseHost(serverUrl) {
    return serverUrl
        .trim()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .replace(/\/.*$/s, '')
        .toLowerCase();
}
/** A host as part of a file name. */
function fileKey(host) {
    return host.replace(/[^a-z0-9.-]/g, '_');
}
const cacheFile = (dir, host) => external_node_path_default().join(dir, `cache-${fileKey(host)}.json`);
const lockFile = (dir, host) => external_node_path_default().join(dir, `refresh-${fileKey(host)}.lock`);
/** The cached credential for `host`, or undefined when there is none (or it is unreadable). */
function readCached(dir, host) {
    let entry;
    try {
        entry = JSON.parse(external_node_fs_default().readFileSync(cacheFile(dir, host), 'utf8'));
    }
    catch {
        return undefined;
    }
    if (!isObject(entry) || entry.host !== host || typeof entry.username !== 'string' || typeof entry.secret !== 'string')
        return undefined;
    const expiresAt = new Date(String(entry.expiresAt));
    if (Number.isNaN(expiresAt.getTime()))
        return undefined;
    return { username: entry.username, secret: entry.secret, expiresAt, obtainedAt: Number(entry.obtainedAt) || 0 };
}
/** Stores the credential for `host` (the login step seeds the cache with the one it just got). */
function writeCached(dir, host, credential, now = Date.now()) {
    const entry = { host, username: credential.username, secret: credential.secret, expiresAt: credential.expiresAt.toISOString(), obtainedAt: now };
    writeFileAtomic(cacheFile(dir, host), `${JSON.stringify(entry)}\n`);
}
/** Takes the lock, or returns undefined when another process holds it. */
function tryLock(file) {
    const content = `${process.pid} ${uniqueSuffix()}\n`;
    let fd;
    try {
        fd = external_node_fs_default().openSync(file, 'wx', 0o600);
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return undefined;
        throw error;
    }
    try {
        external_node_fs_default().writeSync(fd, content);
    }
    finally {
        external_node_fs_default().closeSync(fd);
    }
    return { file, content };
}
/** Releases the lock if it is still ours. */
function unlock(lock) {
    try {
        if (external_node_fs_default().readFileSync(lock.file, 'utf8') === lock.content)
            external_node_fs_default().rmSync(lock.file, { force: true });
    }
    catch {
        // already gone
    }
}
/** A lock file whose content was never written is abandoned after this long. */
const UNWRITTEN_LOCK_MS = 5_000;
/** A takeover that has not finished after this long was abandoned by a dead process. */
const STALE_TAKEOVER_MS = 10_000;
/**
 * The holder's pid (0 while a new holder has not yet written it), or 'dead' when the holder is
 * gone; undefined when the lock is free.
 */
function holderOf(file, now) {
    let content;
    let mtime;
    try {
        content = external_node_fs_default().readFileSync(file, 'utf8');
        mtime = external_node_fs_default().statSync(file).mtimeMs;
    }
    catch {
        return undefined;
    }
    const pid = Number(/^(\d+) /.exec(content)?.[1]);
    if (!pid)
        return now - mtime > UNWRITTEN_LOCK_MS ? 'dead' : 0;
    return processAlive(pid) ? pid : 'dead';
}
/**
 * Removes a lock whose holder is dead. A second lock file guards the takeover, so that two
 * processes that both saw the dead holder do not remove each other's new lock.
 */
function takeOver(file, now) {
    const guard = `${file}.takeover`;
    const mine = tryLock(guard);
    if (!mine) {
        try {
            if (now - external_node_fs_default().statSync(guard).mtimeMs > STALE_TAKEOVER_MS)
                external_node_fs_default().rmSync(guard, { force: true });
        }
        catch {
            // gone
        }
        return;
    }
    try {
        if (holderOf(file, now) === 'dead')
            external_node_fs_default().rmSync(file, { force: true });
    }
    finally {
        unlock(mine);
    }
}
/**
 * Answers docker's `get` for `serverUrl`: the cached credential while it has more than the
 * configured margin left, else a fresh one. Concurrent calls refresh once: one takes the lock
 * and refreshes; the others wait for the new cache. Returns undefined for a host the
 * configuration does not name.
 */
async function helperGet(dir, serverUrl, options) {
    const config = readHelperConfig(dir);
    const host = normaliseHost(serverUrl);
    if (!Object.prototype.hasOwnProperty.call(config.hosts, host))
        return undefined;
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const margin = (config.minRemainingSeconds ?? DEFAULT_MIN_REMAINING_SECONDS) * 1000;
    const answer = (credential) => ({ ServerURL: host, Username: credential.username, Secret: credential.secret });
    const cached = readCached(dir, host);
    if (cached && cached.expiresAt.getTime() - now() > margin)
        return answer(cached);
    const started = now();
    const waitMs = options.waitMs ?? ((config.timeoutSeconds ?? DEFAULT_REFRESH_TIMEOUT_SECONDS) + 30) * 1000;
    const file = lockFile(dir, host);
    let lastHolder = 0;
    for (let round = 0;; round++) {
        const lock = tryLock(file);
        if (lock) {
            try {
                // Another process may have refreshed between our first look and taking the lock.
                const current = readCached(dir, host);
                if (current && (current.expiresAt.getTime() - now() > margin || refreshedSince(current, started, now())))
                    return answer(current);
                const fresh = await options.refresh(host);
                writeCached(dir, host, fresh, now());
                return answer(fresh);
            }
            finally {
                unlock(lock);
            }
        }
        const holder = holderOf(file, now());
        if (holder === 'dead') {
            takeOver(file, now());
            continue;
        }
        if (holder)
            lastHolder = holder;
        if (now() - started > waitMs) {
            throw new HelperError(`timed out after ${Math.round(waitMs / 1000)} s waiting for the refresh of ${host} by process ${lastHolder || 'unknown'}`);
        }
        await sleep(Math.min(25 * 2 ** Math.min(round, 3), 200) + Math.floor(Math.random() * 20));
        // A credential another process wrote while we waited is the one to use, even when the
        // service issues tokens shorter-lived than the margin.
        const current = readCached(dir, host);
        if (current && (current.expiresAt.getTime() - now() > margin || refreshedSince(current, started, now())))
            return answer(current);
    }
}
/** Whether `entry` was written after `since` and is still valid for a few seconds. */
function refreshedSince(entry, since, now) {
    return entry.obtainedAt >= since && entry.expiresAt.getTime() - now > 2_000;
}
/** Answers docker's `list`: every configured host and its user name. */
function helperList(dir) {
    const config = readHelperConfig(dir);
    const list = {};
    for (const host of Object.keys(config.hosts))
        list[host] = readCached(dir, host)?.username ?? usernameFor(config.hosts[host]);
    return list;
}
/** The user name a host's credential carries. */
function usernameFor(entry) {
    return entry.kind === 'acr' ? ACR_USERNAME : CHAINGUARD_USERNAME;
}
// ---------------------------------------------------------------------------------------------
// Installing: the directory, the configuration and the wrappers docker runs
/** A helper name unique to this job: `chainguard-` and six random letters or digits. */
function helperName() {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
    return `chainguard-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}
/**
 * The helper name every job logging in through the same shared docker config uses, so that the
 * config's one `credHelpers` entry runs each job's own helper (the one first on its PATH):
 * `chainguard-` and six letters or digits derived from the config directory.
 */
function sharedHelperName(configDir) {
    // FNV-1a: stable and quick; the name only needs to differ between directories.
    let hash = 0x811c9dc5;
    for (const byte of Buffer.from(path.resolve(configDir), 'utf8'))
        hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    return `chainguard-${hash.toString(36).padStart(6, '0').slice(-6)}`;
}
/** `value` as one single-quoted sh word. */
function shQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** `value` as one double-quoted cmd.exe word (`%` doubled so it is not expanded). */
function cmdQuote(value) {
    if (value.includes('"'))
        throw new HelperError(`cannot write a Windows wrapper for a path containing a double quote: ${value}`);
    return `"${value.replace(/%/g, '%%')}"`;
}
/**
 * Writes `docker-credential-<name>` (sh, 0700) and `docker-credential-<name>.cmd` (Windows),
 * both calling the Node and the bundle by absolute path, so that `node` need not be on PATH.
 * Returns the files written.
 */
function writeHelperWrappers(options) {
    fs.mkdirSync(options.binDir, { recursive: true, mode: 0o700 });
    const base = path.join(options.binDir, `docker-credential-${options.name}`);
    const sh = [
        '#!/bin/sh',
        '# Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
        `exec ${shQuote(options.nodePath)} ${shQuote(options.helperScript)} --dir ${shQuote(options.dir)} "$@"`,
        ''
    ].join('\n');
    const cmd = [
        '@echo off',
        'rem Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
        `${cmdQuote(options.nodePath)} ${cmdQuote(options.helperScript)} --dir ${cmdQuote(options.dir)} %*`,
        ''
    ].join('\r\n');
    writeFileAtomic(base, sh);
    fs.chmodSync(base, 0o700);
    writeFileAtomic(`${base}.cmd`, cmd);
    return [base, `${base}.cmd`];
}
/**
 * The helper bundle beside the bundle running now: dist/helper/index.js, found from
 * dist/github/main, dist/azure/main or dist/cli.
 */
function findHelperBundle(fromDir) {
    let dir = fromDir;
    for (let i = 0; i < 4; i++) {
        const candidate = external_node_path_default().join(dir, 'helper', 'index.js');
        if (external_node_fs_default().existsSync(candidate))
            return candidate;
        const parent = external_node_path_default().dirname(dir);
        if (parent === dir)
            break;
        dir = parent;
    }
    return undefined;
}
/**
 * Creates a private helper directory under `root` with the configuration, the seeded cache and
 * the wrappers. Nothing is left behind when it fails.
 */
function installHelper(options) {
    const name = options.name ?? helperName();
    const dir = fs.mkdtempSync(path.join(options.root, 'chainguard-helper-'));
    try {
        fs.chmodSync(dir, 0o700);
        writeHelperConfig(dir, options.config);
        for (const [host, credential] of Object.entries(options.seed ?? {}))
            writeCached(dir, host, credential);
        const binDir = path.join(dir, 'bin');
        writeHelperWrappers({ binDir, name, dir, nodePath: options.nodePath, helperScript: options.helperScript });
        return { name, dir, binDir };
    }
    catch (error) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
    }
}
/** Removes a helper directory (configuration, cache and wrappers). */
function removeHelper(dir) {
    fs.rmSync(dir, { recursive: true, force: true });
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qd: () => (/* binding */ LoginError),
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   dz: () => (/* binding */ InputError)
/* harmony export */ });
/**
 * A failure the user can act on. Its message says which call or input failed and what to
 * check; it never contains a token.
 */
class LoginError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'LoginError';
    }
}
/** An input that was refused before any request was sent. */
class InputError extends LoginError {
    /** The input's canonical (kebab-case) name. */
    input;
    constructor(input, message) {
        super(message);
        this.name = 'InputError';
        this.input = input;
    }
}
/** The message of anything thrown, for a log line. */
function messageOf(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: ./src/core/credential-helper.ts + 1 modules
var credential_helper = __nccwpck_require__(2873);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/core/platform.ts
const OUTPUT_NAMES = (/* unused pure expression or super */ null && (['token', 'expires-at', 'identity', 'docker-config', 'api-token']));
/** kebab-case to camelCase: the Azure Pipelines spelling of an input or output. */
function camelCase(name) {
    return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
// eslint-disable-next-line no-control-regex
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|\r?\n/g;
const WORD_JOINER = '\u2060';
/**
 * Makes a log line inert for the runner and the agent. The GitHub runner acts on a line that
 * starts with `::` and on `##[command]` anywhere in a line; the Azure agent acts on `##vso[`
 * anywhere in a line. A value interpolated into a message (an input, a path, a service's text)
 * could carry either, so every line the step prints passes through here: line breaks and
 * control characters become spaces, and a word joiner (invisible when shown) goes between the
 * characters of `::` and `##`, which no legitimate message needs adjacent.
 */
function neutralise(message) {
    return message.replace(LINE_BREAKS_AND_CONTROLS, ' ').replace(/::/g, `:${WORD_JOINER}:`).replace(/##/g, `#${WORD_JOINER}#`);
}

;// CONCATENATED MODULE: ./src/helper/main.ts
/**
 * The docker credential helper (the docker-credential-helpers protocol): `get` reads a server
 * URL on stdin and prints {"ServerURL","Username","Secret"}; `list` prints host → user name;
 * `store` and `erase` change nothing (the credential belongs to the job). A failure is one line,
 * on stderr and, as the protocol reads errors, on stdout; it never carries a token.
 */



const USAGE = 'usage: docker-credential-<name> get|list|store|erase (the job-scoped docker credential helper of chainguard-azure-login)';
const MAX_STDIN_BYTES = 64 * 1024;
const PREFIX = 'chainguard-azure-login credential helper';
const processIo = {
    readStdin: () => new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        process.stdin.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_STDIN_BYTES) {
                reject(new credential_helper/* HelperError */.pQ(`its input is larger than ${MAX_STDIN_BYTES} bytes`));
                process.stdin.destroy();
                return;
            }
            chunks.push(chunk);
        });
        process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
    }),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text)
};
/** The value of `--dir <dir>` (or `--dir=<dir>`) and the remaining words. */
function parse(argv) {
    const words = [];
    let dir;
    for (let i = 0; i < argv.length; i++) {
        const [flag, inline] = argv[i].split(/=(.*)/s, 2);
        if (flag === '--dir')
            dir = inline ?? argv[++i];
        else
            words.push(argv[i]);
    }
    return { dir, words };
}
/**
 * What the helper offers the platform sources. GitHub: the job's OIDC token through the runner
 * library, at the request URL the step used, with ACTIONS_ID_TOKEN_REQUEST_TOKEN from the
 * environment docker runs the helper in. Azure Pipelines: the job's access token, which a later step has only when it maps
 * SYSTEM_ACCESSTOKEN into its environment.
 */
function helperPlatform(source) {
    if (source.kind === 'github') {
        return { githubIdToken: async (audience) => (await __nccwpck_require__.e(/* import() */ 67).then(__nccwpck_require__.bind(__nccwpck_require__, 9067))).githubIdToken(audience, source.env.ACTIONS_ID_TOKEN_REQUEST_URL) };
    }
    if (source.kind === 'azure-devops') {
        return {
            azureDevOpsAccessToken: () => {
                const token = process.env.SYSTEM_ACCESSTOKEN?.trim();
                if (!token) {
                    throw new credential_helper/* HelperError */.pQ('SYSTEM_ACCESSTOKEN is not in the environment of this step, and a fresh Azure DevOps OIDC token needs it: map it in the step that runs docker, env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)');
                }
                return token;
            }
        };
    }
    return undefined;
}
/** Runs one helper command; returns the exit code. */
async function run(argv = process.argv.slice(2), io = processIo) {
    const fail = (message) => {
        const line = `${PREFIX}: ${neutralise(message)}\n`;
        io.stderr(line);
        io.stdout(line);
        return 1;
    };
    const { dir, words } = parse(argv);
    const command = words[0];
    try {
        switch (command) {
            case 'store':
            case 'erase':
                // Docker hands over a credential to keep or forget; this job's credential is not
                // docker's to change, and nothing it sends is kept.
                await io.readStdin().catch(() => '');
                return 0;
            case 'version':
                io.stdout(`${PREFIX}\n`);
                return 0;
            case 'list':
            case 'get':
                break;
            default:
                io.stderr(`${USAGE}\n`);
                return command === undefined || command === '--help' ? 0 : 2;
        }
        if (!dir)
            return fail('no helper directory was given (--dir); the wrapper the login step writes gives it');
        if (command === 'list') {
            io.stdout(`${JSON.stringify((0,credential_helper/* helperList */.ZC)(dir))}\n`);
            return 0;
        }
        const serverUrl = (await io.readStdin()).trim();
        if (!serverUrl)
            return fail('get needs the registry server URL on its standard input');
        const config = (0,credential_helper/* readHelperConfig */.XY)(dir);
        // The sources, exchanges and HTTP stack load only when a refresh is due: a cached answer stays quick.
        const refresh = async (host) => {
            const [{ defaultRefresh }, { processRuntime }] = await Promise.all([__nccwpck_require__.e(/* import() */ 244).then(__nccwpck_require__.bind(__nccwpck_require__, 3244)), __nccwpck_require__.e(/* import() */ 601).then(__nccwpck_require__.bind(__nccwpck_require__, 9601))]);
            const signal = AbortSignal.timeout((config.timeoutSeconds ?? credential_helper/* DEFAULT_REFRESH_TIMEOUT_SECONDS */.Ab) * 1000);
            return defaultRefresh(config, { ...processRuntime(), signal, platform: helperPlatform(config.source) })(host);
        };
        const credential = await (0,credential_helper/* helperGet */.T)(dir, serverUrl, { refresh });
        if (!credential) {
            io.stdout(`${credential_helper/* NOT_FOUND_MESSAGE */.hs}\n`);
            return 1;
        }
        io.stdout(`${JSON.stringify(credential)}\n`);
        return 0;
    }
    catch (error) {
        return fail(error instanceof credential_helper/* HelperError */.pQ ? error.message : `${command} failed: ${(0,errors/* messageOf */.bD)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/helper/index.ts
/** The credential helper bundle's entry: docker runs it through the docker-credential-<name> wrapper. */

void run().then((code) => {
    process.exitCode = code;
});

