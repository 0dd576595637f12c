import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3878:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ recordFailure),
/* harmony export */   Fg: () => (/* binding */ reuseMarginMs),
/* harmony export */   Jr: () => (/* binding */ readCached),
/* harmony export */   Ke: () => (/* binding */ lockFile),
/* harmony export */   Ug: () => (/* binding */ writeCached),
/* harmony export */   f2: () => (/* binding */ normaliseHost),
/* harmony export */   kj: () => (/* binding */ clearFailure),
/* harmony export */   wX: () => (/* binding */ recentFailure)
/* harmony export */ });
/* unused harmony exports DEFAULT_MIN_REMAINING_SECONDS, FAILURE_WINDOW_MS */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3826);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6153);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1872);
/**
 * The credential helper's cache: one file per registry host holding the current credential
 * (0600, replaced atomically), and the record of a refresh that failed a moment ago, which the
 * gets that follow share instead of each trying again.
 */





/**
 * A cached credential is handed out while more than this is left, or more than half its lifetime
 * (from when it was obtained to its expiry) when that is less: a token living 8 s is reused while
 * more than 4 s are left, so that short-lived tokens do not make every get refresh.
 */
const DEFAULT_MIN_REMAINING_SECONDS = 300;
/** How long a failed refresh answers the gets after it, instead of each trying again. */
const FAILURE_WINDOW_MS = 10_000;
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
const cacheFile = (dir, host) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `cache-${fileKey(host)}.json`);
const failureFile = (dir, host) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `failure-${fileKey(host)}.json`);
const lockFile = (dir, host) => node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `refresh-${fileKey(host)}.lock`);
/** A small JSON object from `file`, or undefined when it is missing, not a regular file, too large or not JSON. Never blocks. */
function readSmallJson(file) {
    try {
        const text = (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .readRegularFile */ .XF)(file, { maxBytes: _config_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_SMALL_FILE_BYTES */ .Oe, noFollow: true });
        const value = text === undefined ? undefined : JSON.parse(text);
        return (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The cached credential for `host`, or undefined when there is none. Anything at the cache path
 * that is not a small regular JSON file (a FIFO, a device, a link) counts as no cache: the
 * refresh then replaces it by renaming a new file over it, which never opens what was there,
 * and the helper's directory is private to the job's user, so nothing else put it there.
 */
function readCached(dir, host) {
    const entry = readSmallJson(cacheFile(dir, host));
    if (!entry || entry.host !== host || typeof entry.username !== 'string' || typeof entry.secret !== 'string')
        return undefined;
    const expiresAt = new Date(String(entry.expiresAt));
    if (Number.isNaN(expiresAt.getTime()))
        return undefined;
    return { username: entry.username, secret: entry.secret, expiresAt, obtainedAt: Number(entry.obtainedAt) || 0 };
}
/** Stores the credential for `host` (the login step seeds the cache with the one it just got). */
function writeCached(dir, host, credential, now = Date.now()) {
    const entry = {
        host,
        username: credential.username,
        secret: credential.secret,
        expiresAt: credential.expiresAt.toISOString(),
        obtainedAt: now
    };
    (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(cacheFile(dir, host), `${JSON.stringify(entry)}\n`);
}
/**
 * How much of a cached credential's life must be left for it to be handed out: five minutes,
 * or half its lifetime (from when it was obtained to its expiry) when that is less.
 */
function reuseMarginMs(entry) {
    const lifetime = entry.obtainedAt > 0 ? entry.expiresAt.getTime() - entry.obtainedAt : Number.POSITIVE_INFINITY;
    return Math.min(DEFAULT_MIN_REMAINING_SECONDS * 1000, Math.max(0, lifetime) / 2);
}
/** The failure of a refresh of `host` less than FAILURE_WINDOW_MS ago, if there was one. */
function recentFailure(dir, host, now) {
    const entry = readSmallJson(failureFile(dir, host));
    if (!entry || entry.host !== host || typeof entry.message !== 'string' || typeof entry.at !== 'number')
        return undefined;
    return now - entry.at < FAILURE_WINDOW_MS && entry.at <= now + 1_000 ? { host, message: entry.message, at: entry.at } : undefined;
}
/** Records a failed refresh (0600), for the gets waiting on it and those that follow within the window. */
function recordFailure(dir, host, message, now) {
    try {
        (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(failureFile(dir, host), `${JSON.stringify({ host, message, at: now })}\n`);
    }
    catch {
        // Without the record, the next get tries again: slower, not wrong.
    }
}
function clearFailure(dir, host) {
    try {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(failureFile(dir, host), { force: true });
    }
    catch {
        // A record that stays only answers for the rest of its window.
    }
}


/***/ }),

/***/ 1872:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ab: () => (/* binding */ DEFAULT_REFRESH_TIMEOUT_SECONDS),
/* harmony export */   Oe: () => (/* binding */ MAX_SMALL_FILE_BYTES),
/* harmony export */   XY: () => (/* binding */ readHelperConfig),
/* harmony export */   mb: () => (/* binding */ readNetworkSecrets),
/* harmony export */   pQ: () => (/* binding */ HelperError)
/* harmony export */ });
/* unused harmony exports HELPER_CONFIG_VERSION, HELPER_CONFIG_FILE, NETWORK_SECRETS_FILE, writeHelperConfig, writeNetworkSecrets */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3826);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6153);
/**
 * The credential helper's configuration: what to refresh and how, written by the login step into
 * the helper directory (0600; never a token or a password), with the runner's network secrets
 * apart in their own 0600 file.
 *
 * Layout of a helper directory (created by installHelper, removed with the job):
 *
 *     helper.json              what to refresh and how
 *     network-secrets.json     the runner's proxy password and client-key passphrase, when it
 *                              hands any over (the only file holding them)
 *     cache-<host>.json        the current credential for one host (see cache.ts)
 *     failure-<host>.json      the message of a refresh that failed a moment ago (no secret)
 *     refresh-<host>.lock      held while one process refreshes that host (fs/lock.ts)
 *     bin/docker-credential-<name>[.cmd]   the wrappers docker finds on PATH (.cmd on Windows)
 *
 * Every file is read with `readRegularFile`: a FIFO or device in place of one never blocks a get.
 */




const HELPER_CONFIG_VERSION = 2;
const HELPER_CONFIG_FILE = 'helper.json';
const NETWORK_SECRETS_FILE = 'network-secrets.json';
/** How long a refresh may take (the step's default timeout). */
const DEFAULT_REFRESH_TIMEOUT_SECONDS = 120;
/** A failure the helper reports as one line on stderr (never carrying a token). */
class HelperError extends Error {
    /**
     * A failure of this process's own environment (a secret its step did not map, a file it
     * cannot read), not of a service: not shared with the other gets, which may not have it.
     */
    local;
    constructor(message, options) {
        super(message, options);
        this.name = 'HelperError';
        this.local = options?.local ?? false;
    }
}
/** Writes the helper's configuration into `dir` (created 0700 if needed). */
function writeHelperConfig(dir, config) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(path.join(dir, HELPER_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}
const MAX_CONFIG_BYTES = 256 * 1024;
/** The most a small file of the helper's (its cache, a failure record, the network secrets) may hold. */
const MAX_SMALL_FILE_BYTES = 64 * 1024;
/** Reads and checks the configuration in `dir`. Never blocks: anything but a regular file is refused at once. */
function readHelperConfig(dir) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, HELPER_CONFIG_FILE);
    const rerun = 'the login step writes it and the end of the job removes it: run the login step again in this job';
    let text;
    try {
        text = (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .readRegularFile */ .XF)(file, { maxBytes: MAX_CONFIG_BYTES, noFollow: true });
    }
    catch (error) {
        if (error instanceof _fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .NotRegularFile */ .k1)
            throw new HelperError(`its configuration ${file} is not a regular file; ${rerun}`);
        if (error instanceof _fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .FileTooLarge */ .Sv)
            throw new HelperError(`its configuration ${file} is larger than ${MAX_CONFIG_BYTES} bytes; ${rerun}`);
        const code = error.code;
        throw new HelperError(`cannot read its configuration ${file} (${code === 'ELOOP' ? 'a symbolic link' : (code ?? 'error')}); ${rerun}`);
    }
    if (text === undefined)
        throw new HelperError(`cannot read its configuration ${file} (ENOENT); ${rerun}`);
    let config;
    try {
        config = JSON.parse(text);
    }
    catch {
        throw new HelperError(`its configuration ${file} is not JSON; run the login step again`);
    }
    const checked = checkConfig(config);
    if (!checked) {
        throw new HelperError(`its configuration ${file} is not version ${HELPER_CONFIG_VERSION} of this helper's format; run the same version of the login step again`);
    }
    return checked;
}
/**
 * The configuration when `value` has its shape, else undefined. The maps it reads by key (hosts,
 * labels, the source's environment) become objects without a prototype, so that a host named
 * `constructor` or `__proto__` is only ever a host.
 */
function checkConfig(value) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value) || value.version !== HELPER_CONFIG_VERSION || !(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value.hosts) || !(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value.source))
        return undefined;
    const source = value.source;
    if (typeof source.kind !== 'string' || !(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(source.inputs) || !(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(source.env))
        return undefined;
    const hosts = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .nullRecord */ .PV)();
    for (const [host, entry] of Object.entries(value.hosts)) {
        if ((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(entry) && entry.kind === 'acr')
            hosts[host] = { kind: 'acr' };
        else if ((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(entry) &&
            entry.kind === 'chainguard' &&
            [entry.issuer, entry.identity, entry.audience].every((v) => typeof v === 'string')) {
            hosts[host] = {
                kind: 'chainguard',
                issuer: entry.issuer,
                identity: entry.identity,
                audience: entry.audience
            };
        }
        else
            return undefined;
    }
    const env = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .stringRecord */ .JM)(source.env);
    const labels = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value.labels) ? (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .stringRecord */ .JM)(value.labels) : undefined;
    const network = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value.network) ? checkNetwork(value.network) : undefined;
    if (value.network !== undefined && !network)
        return undefined;
    return {
        version: HELPER_CONFIG_VERSION,
        hosts,
        source: { kind: source.kind, inputs: { ...source.inputs }, env },
        ...(labels ? { labels } : {}),
        ...(typeof value.timeoutSeconds === 'number' && value.timeoutSeconds > 0 ? { timeoutSeconds: value.timeoutSeconds } : {}),
        ...(network ? { network } : {}),
        ...(value.refresh === 'never' ? { refresh: 'never' } : {})
    };
}
function checkNetwork(value) {
    const optional = ['proxyUrl', 'proxyUsername', 'caFile', 'certFile', 'keyFile'];
    if (typeof value.source !== 'string' || optional.some((key) => value[key] !== undefined && typeof value[key] !== 'string'))
        return undefined;
    const bypass = value.proxyBypass;
    if (bypass !== undefined && !(Array.isArray(bypass) && bypass.every((entry) => typeof entry === 'string')))
        return undefined;
    const network = { source: value.source };
    for (const key of optional)
        if (typeof value[key] === 'string')
            network[key] = value[key];
    if (bypass)
        network.proxyBypass = [...bypass];
    return network;
}
/** Writes the runner's network secrets beside the configuration (0600), when there are any. */
function writeNetworkSecrets(dir, secrets) {
    if (!secrets.proxyPassword && !secrets.passphrase)
        return;
    writeFileAtomic(path.join(dir, NETWORK_SECRETS_FILE), `${JSON.stringify(secrets)}\n`);
}
/** The runner's network secrets, or none when the step was handed none. */
function readNetworkSecrets(dir) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, NETWORK_SECRETS_FILE);
    let text;
    try {
        text = (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .readRegularFile */ .XF)(file, { maxBytes: MAX_SMALL_FILE_BYTES, noFollow: true });
    }
    catch (error) {
        throw new HelperError(`cannot read ${file} (${error instanceof _fs_atomic_js__WEBPACK_IMPORTED_MODULE_2__/* .NotRegularFile */ .k1 ? 'not a regular file' : (error.code ?? 'error')}); run the login step again`, {
            local: true
        });
    }
    if (text === undefined)
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        value = undefined;
    }
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .isRecord */ .u4)(value))
        throw new HelperError(`${file} is not what the login step writes; run the login step again`, { local: true });
    const secrets = {};
    if (typeof value.proxyPassword === 'string')
        secrets.proxyPassword = value.proxyPassword;
    if (typeof value.passphrase === 'string')
        secrets.passphrase = value.passphrase;
    return secrets;
}


/***/ }),

/***/ 9908:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ CHAINGUARD_USERNAME),
/* harmony export */   s: () => (/* binding */ ACR_USERNAME)
/* harmony export */ });
/** The user names docker is given with the credentials the product hands out. */
/** A Chainguard token's user name. */
const CHAINGUARD_USERNAME = '_token';
/** An Azure Container Registry refresh token's user name (the null GUID). */
const ACR_USERNAME = '00000000-0000-0000-0000-000000000000';


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

/***/ 3826:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Sv: () => (/* binding */ FileTooLarge),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   k1: () => (/* binding */ NotRegularFile),
/* harmony export */   v_: () => (/* binding */ uniqueSuffix)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The file primitives: reads that never block and are bounded, and the one atomic writer. Shared
 * by the docker config writer, the credential helper, the lock and the sources that read files;
 * kept free of heavier modules, so that the helper's cached answer stays quick.
 */

let temporaries = 0;
/** A path that exists but is not a regular file (a FIFO, a device, a directory, a socket). */
class NotRegularFile extends Error {
    file;
    constructor(file) {
        super(`${file} is not a regular file`);
        this.file = file;
        this.name = 'NotRegularFile';
    }
}
/** A regular file larger than the reader accepts. */
class FileTooLarge extends Error {
    file;
    size;
    maxBytes;
    constructor(file, size, maxBytes) {
        super(`${file} is ${size} bytes long; at most ${maxBytes} are read`);
        this.file = file;
        this.size = size;
        this.maxBytes = maxBytes;
        this.name = 'FileTooLarge';
    }
}
const DEFAULT_MAX_READ_BYTES = 1024 * 1024;
/**
 * Reads a file's text if it is a regular file of at most `maxBytes`. Opening never waits: a FIFO
 * with no writer would block the process beyond the reach of any timeout, so the file is opened
 * non-blocking and anything that is not a regular file is refused (NotRegularFile), as is one
 * that is or grows too large (FileTooLarge). Missing \u2192 undefined; other errors are thrown as
 * they are (their `code` says why).
 */
function readRegularFile(file, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_READ_BYTES;
    const flags = (node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_RDONLY | ((node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_NONBLOCK ?? 0) | (options.noFollow ? ((node_fs__WEBPACK_IMPORTED_MODULE_0___default().constants).O_NOFOLLOW ?? 0) : 0);
    let fd;
    try {
        fd = node_fs__WEBPACK_IMPORTED_MODULE_0___default().openSync(file, flags);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        const stat = node_fs__WEBPACK_IMPORTED_MODULE_0___default().fstatSync(fd);
        if (!stat.isFile())
            throw new NotRegularFile(file);
        if (stat.size > maxBytes)
            throw new FileTooLarge(file, stat.size, maxBytes);
        // Read to the end, not to the size seen: a file that grows past the limit meanwhile is refused too.
        const chunks = [];
        let length = 0;
        for (;;) {
            const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length));
            const read = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readSync(fd, chunk, 0, chunk.length, null);
            if (read === 0)
                break;
            chunks.push(chunk.subarray(0, read));
            length += read;
            if (length > maxBytes)
                throw new FileTooLarge(file, length, maxBytes);
        }
        return Buffer.concat(chunks).toString('utf8');
    }
    finally {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(fd);
    }
}
/** A name no other process or call will pick: pid, a counter and random characters. */
function uniqueSuffix() {
    return `${process.pid}.${++temporaries}.${Math.random().toString(36).slice(2, 10)}`;
}
const FILE_MODE = 0o600;
/**
 * Writes `content` to `file` through a temporary file beside it and a rename, so that readers
 * never see half a file; a failed write removes its temporary file. A string is written as it
 * is; anything else as tab-indented JSON and a final line break.
 */
function writeFileAtomic(file, content, options = {}) {
    const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, '\t')}\n`;
    const mode = options.mode ?? FILE_MODE;
    const temporary = `${file}.${uniqueSuffix()}.tmp`;
    const fd = node_fs__WEBPACK_IMPORTED_MODULE_0___default().openSync(temporary, 'wx', mode);
    try {
        try {
            if (mode !== FILE_MODE)
                node_fs__WEBPACK_IMPORTED_MODULE_0___default().fchmodSync(fd, mode);
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().writeFileSync(fd, text);
            if (options.durable)
                node_fs__WEBPACK_IMPORTED_MODULE_0___default().fsyncSync(fd);
        }
        finally {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(fd);
        }
        renameReplacing(temporary, file);
    }
    catch (error) {
        node_fs__WEBPACK_IMPORTED_MODULE_0___default().rmSync(temporary, { force: true });
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
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().renameSync(from, to);
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


/***/ }),

/***/ 6153:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $3: () => (/* binding */ hasOwn),
/* harmony export */   JM: () => (/* binding */ stringRecord),
/* harmony export */   PV: () => (/* binding */ nullRecord),
/* harmony export */   o$: () => (/* binding */ jsonObject),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* unused harmony exports own, setOwn, sameJson */
/**
 * Parsed JSON as the core reads it: plain objects only, and keys that are only ever keys (a
 * registry or host named `__proto__`, `constructor` or `toString` is data, never a property of
 * Object.prototype).
 */
/** Whether `value` is a plain JSON object (not null, not an array). */
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** Parses a JSON object; undefined for anything else (not JSON, an array, a string\u2026). */
function jsonObject(text) {
    try {
        const value = JSON.parse(text);
        return isRecord(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** Whether `key` is `object`'s own property (never one inherited, such as `constructor`). */
function hasOwn(object, key) {
    return object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
}
/** `object[key]` when it is `object`'s own property, else undefined. */
function own(object, key) {
    return hasOwn(object, key) ? object[key] : undefined;
}
/** Sets `object[key]` as an own property, whatever the key (`__proto__` included). */
function setOwn(object, key, value) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
/** A record without a prototype: every key is its own. */
function nullRecord() {
    return Object.create(null);
}
/** The string values of `value`, in a record without a prototype. */
function stringRecord(value) {
    const record = nullRecord();
    for (const [key, entry] of Object.entries(value))
        if (typeof entry === 'string')
            record[key] = entry;
    return record;
}
/** Whether two JSON values are the same (as serialised). */
function sameJson(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}


/***/ }),

/***/ 2020:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $0: () => (/* binding */ neutralise),
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   rE: () => (/* binding */ SecretSet)
/* harmony export */ });
/* unused harmony export redact */
/**
 * Text that reaches a log line: made inert for the runner and the agent, cleared of secrets, and
 * clipped. Every message the step prints, every quote of a service's answer and every value
 * shown back to the user passes through here.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const WORD_JOINER = '\u2060';
/**
 * Makes a log message inert for the runner and the agent. The GitHub runner acts on a line that
 * starts with `::` and on `##[command]` anywhere in a line; the Azure agent acts on `##vso[`
 * anywhere in a line. A value interpolated into a message (an input, a path, a service's text)
 * could carry either, so every message the step prints passes through here: a word joiner
 * (invisible when shown) goes between the characters of every `::` and `##`, which no
 * legitimate message needs adjacent, and control characters (a carriage return among them)
 * become spaces. Line breaks stay: with no `::` or `##` anywhere, no line of the message can
 * be a command, and multi-line messages (the setup doctor's commands) stay readable.
 */
function neutralise(message) {
    return message.replace(/\r\n/g, '\n').replace(CONTROLS, ' ').replace(/::/g, `:${WORD_JOINER}:`).replace(/##/g, `#${WORD_JOINER}#`);
}
/** Anything that starts like a JWT (`eyJ`: base64url of `{"`), up to three base64url parts. */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){0,2}/g;
const REDACTED = '[redacted]';
/** A secret as sent, and as a service may quote it back: form- or URL-encoded, or escaped in JSON. */
function encodedForms(secret) {
    return [
        ...new Set([
            secret,
            encodeURIComponent(secret),
            new URLSearchParams({ s: secret }).toString().slice(2),
            JSON.stringify(secret).slice(1, -1)
        ])
    ];
}
/** `text` with each of `forms` (longest first, so that one inside another goes whole) replaced by `by`. */
function replaceAll(text, forms, by) {
    let result = text;
    for (const form of [...forms].sort((a, b) => b.length - a.length))
        if (form)
            result = result.split(form).join(by);
    return result;
}
/**
 * Removes secrets from text a service sent, before it goes into any message: each of `secrets`
 * (what the request carried: a header, a key, the token presented; as sent or encoded) and
 * anything shaped like a JWT, whole or cut short.
 */
function redact(text, secrets = []) {
    const forms = secrets.filter((secret) => secret !== undefined && secret.length >= 8).flatMap(encodedForms);
    return replaceAll(text, forms, REDACTED).replace(JWT_LIKE, REDACTED);
}
/**
 * Text from a service, made fit for a message: secrets removed (see redact), then one line,
 * printable, at most `max` characters. Every piece of service text that reaches a message goes
 * through here.
 */
function clip(text, max = 300, secrets = []) {
    const oneLine = redact(text, secrets)
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim();
    return oneLine.length > max ? `${oneLine.slice(0, max)}\u2026` : oneLine;
}
/**
 * A value the user gave, as shown back in a message: never something that looks like a token,
 * and a long one cut to its first `keep` characters.
 */
function shown(value, keep = 40) {
    if (/^eyJ/.test(value))
        return '(a value that looks like a token, not shown)';
    const clean = clip(value, Number.POSITIVE_INFINITY);
    return clean.length > 80 ? `${clean.slice(0, keep)}\u2026` : clean;
}
/**
 * The secrets a process has handled, for the printers no runner masks (the command-line tool's
 * stderr, the credential helper's one-line error): `redact` replaces each, as given, trimmed or
 * URL-encoded, by `***`.
 */
class SecretSet {
    values = new Set();
    add(value) {
        if (!value)
            return;
        for (const form of [value, value.trim(), encodeURIComponent(value)])
            if (form)
                this.values.add(form);
    }
    redact(text) {
        return replaceAll(text, this.values, '***');
    }
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

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

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

// EXTERNAL MODULE: ./src/core/credential-helper/config.ts
var credential_helper_config = __nccwpck_require__(1872);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __nccwpck_require__(6153);
// EXTERNAL MODULE: ./src/core/fs/atomic.ts
var atomic = __nccwpck_require__(3826);
;// CONCATENATED MODULE: ./src/core/fs/lock.ts
/**
 * A lock shared by processes on one machine: the explicit docker config's, so that concurrent
 * jobs do not lose each other's updates, and the credential helper's per-host refresh lock, so
 * that concurrent `get`s refresh once.
 *
 * The lock at `<path>` is a directory holding one `owner.<random>` file (this process's ID and
 * host name). Taking it renames a prepared directory into place, which fails while another lock
 * is there. A lock whose holder is no longer running on this machine, or has held it longer than
 * the caller's staleness limit, is taken over.
 */






const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const OWNER_PREFIX = 'owner.';
/** How long a job waits for the docker config's lock: longer than a lock takes to become stale. */
const LOCK_WAIT_MS = 45_000;
/** A docker config lock whose holder has held it this long (or is no longer running) is taken over. */
const LOCK_STALE_MS = 30_000;
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
/** Whether a lock's owner is gone: a dead process on this machine, or a hold past `staleMs`. */
function ownerGone(owner, heldMs, staleMs) {
    if (heldMs > staleMs)
        return true;
    return typeof owner?.pid === 'number' && owner.host === external_node_os_default().hostname() && !processAlive(owner.pid);
}
function readOwner(file) {
    try {
        const value = JSON.parse((0,atomic/* readRegularFile */.XF)(file, { maxBytes: 4096 }) ?? '');
        return (0,json/* isRecord */.u4)(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** The owner file of the lock directory `lock`, if it has one. */
function ownerFileOf(lock) {
    try {
        const owner = external_node_fs_default().readdirSync(lock).find((name) => name.startsWith(OWNER_PREFIX));
        return owner ? external_node_path_default().join(lock, owner) : undefined;
    }
    catch {
        return undefined;
    }
}
function tolerate(action, codes) {
    try {
        action();
    }
    catch (error) {
        if (!codes.includes(error.code ?? ''))
            throw error;
    }
}
const RMDIR_RACES = ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM'];
/**
 * When the lock at `lock` is stale, clears it and returns true (the caller tries again);
 * returns false while a live holder has it, or while something that is not a lock is there.
 *
 * Clearing removes the one named owner file, never "whatever is at the lock path": when several
 * processes find the same stale lock, the first removes the owner file, and the others' removals
 * fail harmlessly instead of removing a lock someone has just taken. The emptied directory is
 * then removed (rmdir only removes an empty directory, so it can never remove a lock in use).
 */
function clearIfStale(lock, staleMs) {
    const stat = external_node_fs_default().lstatSync(lock, { throwIfNoEntry: false });
    if (!stat)
        return true;
    if (!stat.isDirectory())
        return false;
    let entries;
    try {
        entries = external_node_fs_default().readdirSync(lock);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return true;
        throw error;
    }
    if (entries.length === 0) {
        // Emptied by a holder that is releasing it (or died doing so).
        tolerate(() => external_node_fs_default().rmdirSync(lock), RMDIR_RACES);
        return true;
    }
    const ownerFile = ownerFileOf(lock);
    if (!ownerFile)
        return false;
    const ownerStat = external_node_fs_default().statSync(ownerFile, { throwIfNoEntry: false });
    if (!ownerStat)
        return true;
    if (!ownerGone(readOwner(ownerFile), Date.now() - ownerStat.mtimeMs, staleMs))
        return false;
    tolerate(() => external_node_fs_default().unlinkSync(ownerFile), ['ENOENT']);
    tolerate(() => external_node_fs_default().rmdirSync(lock), RMDIR_RACES);
    return true;
}
/** Renames the prepared lock directory into place; false while something is there. */
function tryRename(staging, lock) {
    try {
        external_node_fs_default().renameSync(staging, lock);
        return true;
    }
    catch (error) {
        const code = error.code ?? '';
        // ENOTEMPTY/EEXIST: a lock is there; ENOTDIR: a file is there; EPERM or EACCES: Windows,
        // which does not rename onto an existing directory.
        if (['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code))
            return false;
        if (['EPERM', 'EACCES'].includes(code) && external_node_fs_default().lstatSync(lock, { throwIfNoEntry: false }))
            return false;
        throw error;
    }
}
/** Releases a lock: removes our owner file, then the directory (only if empty, so never a lock another process has taken over). */
function releaseLock(lock, ownerName) {
    tolerate(() => external_node_fs_default().unlinkSync(external_node_path_default().join(lock, ownerName)), ['ENOENT']);
    tolerate(() => external_node_fs_default().rmdirSync(lock), RMDIR_RACES);
}
/**
 * Tries once to take the lock at `lock` (clearing it first when its holder is gone or has held it
 * longer than `staleMs`): returns the function that releases it, or undefined while another
 * process holds it. The owner file is written at each try, so that time spent waiting never
 * counts as time held.
 */
function tryLock(lock, staleMs) {
    const unique = (0,atomic/* uniqueSuffix */.v_)();
    const ownerName = `${OWNER_PREFIX}${unique}`;
    const staging = `${lock}.${unique}`;
    external_node_fs_default().mkdirSync(staging, { mode: DIR_MODE });
    try {
        const owner = { pid: process.pid, host: external_node_os_default().hostname() };
        external_node_fs_default().writeFileSync(external_node_path_default().join(staging, ownerName), JSON.stringify(owner), { mode: FILE_MODE });
        for (let attempt = 0; attempt < 2; attempt++) {
            if (tryRename(staging, lock))
                return () => releaseLock(lock, ownerName);
            if (!clearIfStale(lock, staleMs))
                break;
        }
    }
    finally {
        external_node_fs_default().rmSync(staging, { recursive: true, force: true });
    }
    return undefined;
}
/** The process ID holding the lock at `lock`, when it says (undefined when free or unknown). */
function lockHolder(lock) {
    const ownerFile = ownerFileOf(lock);
    const pid = ownerFile ? readOwner(ownerFile)?.pid : undefined;
    return typeof pid === 'number' ? pid : undefined;
}
/** Removes staging directories of processes that died between preparing a try and cleaning it up. Called holding the lock. */
function sweepStaging(lock, staleMs) {
    const dir = path.dirname(lock);
    const prefix = `${path.basename(lock)}.`;
    let names;
    try {
        names = fs.readdirSync(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(prefix) || !/^\d+\.\d+\.[a-z0-9]+$/.test(name.slice(prefix.length)))
            continue;
        const staging = path.join(dir, name);
        const stat = fs.lstatSync(staging, { throwIfNoEntry: false });
        if (!stat?.isDirectory())
            continue;
        const ownerFile = ownerFileOf(staging);
        const written = (ownerFile && fs.statSync(ownerFile, { throwIfNoEntry: false })?.mtimeMs) || stat.mtimeMs;
        if (ownerGone(ownerFile ? readOwner(ownerFile) : undefined, Date.now() - written, staleMs))
            fs.rmSync(staging, { recursive: true, force: true });
    }
}
/**
 * Runs `fn` holding `<file>.lock`, trying (tryLock) until it is taken: a holder that is no
 * longer running, or has held it for over 30 s, is taken over; a job waits up to 45 s, longer
 * than a lock takes to become stale.
 */
async function withLock(file, fn, options = {}) {
    const scale = options.scale ?? 1;
    const waitMs = LOCK_WAIT_MS * scale;
    const staleMs = LOCK_STALE_MS * scale;
    const lock = `${file}.lock`;
    const deadline = Date.now() + waitMs;
    let release;
    while (!(release = tryLock(lock, staleMs))) {
        if (Date.now() > deadline) {
            throw new LoginError(`Could not update ${file}: could not take ${lock} within ${Math.round(waitMs / 1000)} s (other jobs kept it busy, ` +
                `or it holds something other than a lock). Run the step again; if no job is using ${file}, remove ${lock}.`);
        }
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 25));
    }
    try {
        sweepStaging(lock, staleMs);
        return await fn();
    }
    finally {
        // Our owner file is gone only if a process took the lock over from us; then the lock is theirs.
        release();
    }
}

// EXTERNAL MODULE: ./src/core/docker/users.ts
var users = __nccwpck_require__(9908);
// EXTERNAL MODULE: ./src/core/credential-helper/cache.ts
var cache = __nccwpck_require__(3878);
;// CONCATENATED MODULE: ./src/core/credential-helper/get.ts
/**
 * Answers docker's `get` and `list` for the job's credential helper: the cached credential while
 * enough of its life is left, else one fresh refresh shared by every concurrent get.
 */






/** What docker-credential-helpers print (on stdout, exit 1) for a host they hold nothing for. */
const NOT_FOUND_MESSAGE = 'credentials not found in native keychain';
/** Whether `entry` can be handed out: enough of its life is left, or another process wrote it since this get started. */
function usable(round, entry) {
    const now = round.now();
    return entry !== undefined && (entry.expiresAt.getTime() - now > (0,cache/* reuseMarginMs */.Fg)(entry) || refreshedSince(entry, round.started, now));
}
/** Answers with the failure of a refresh a moment ago, when there was one (one attempt per window, not one per get). */
function shareFailure(round) {
    const failure = (0,cache/* recentFailure */.wX)(round.dir, round.host, round.now());
    if (failure)
        throw new credential_helper_config/* HelperError */.pQ(failure.message);
}
/** Refreshes holding the lock: the cache unless another process refreshed meanwhile, else a fresh credential, recorded (or its failure). */
async function refreshHolding(round, refresh) {
    const { dir, host, now } = round;
    // Another process may have refreshed (or failed to) between our first look and taking the lock.
    const current = (0,cache/* readCached */.Jr)(dir, host);
    if (usable(round, current))
        return current;
    shareFailure(round);
    let fresh;
    try {
        fresh = await refresh(host);
    }
    catch (error) {
        const message = error instanceof credential_helper_config/* HelperError */.pQ ? error.message : `could not refresh the credential for ${host}: ${(0,errors/* messageOf */.bD)(error)}`;
        if (!(error instanceof credential_helper_config/* HelperError */.pQ && error.local))
            (0,cache/* recordFailure */.C5)(dir, host, message, now());
        throw error instanceof credential_helper_config/* HelperError */.pQ ? error : new credential_helper_config/* HelperError */.pQ(message, { cause: error });
    }
    (0,cache/* writeCached */.Ug)(dir, host, fresh, now());
    (0,cache/* clearFailure */.kj)(dir, host);
    return fresh;
}
/**
 * A fresh credential for the host: one get takes the lock and refreshes; the others wait for the
 * new cache (or the failure it recorded), up to `waitMs`.
 */
async function refreshed(round, config, options) {
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const timeoutMs = (config.timeoutSeconds ?? credential_helper_config/* DEFAULT_REFRESH_TIMEOUT_SECONDS */.Ab) * 1000;
    const waitMs = options.waitMs ?? timeoutMs + 30_000;
    // A holder that is still running is waited for until it gives up on its own refresh.
    const file = (0,cache/* lockFile */.Ke)(round.dir, round.host);
    let lastHolder = 0;
    for (let attempt = 0;; attempt++) {
        const release = tryLock(file, timeoutMs + 30_000);
        if (release) {
            try {
                return await refreshHolding(round, options.refresh);
            }
            finally {
                release();
            }
        }
        lastHolder = lockHolder(file) ?? lastHolder;
        if (round.now() - round.started > waitMs) {
            throw new credential_helper_config/* HelperError */.pQ(`timed out after ${Math.round(waitMs / 1000)} s waiting for the refresh of ${round.host} by process ${lastHolder || 'unknown'}`);
        }
        await sleep(Math.min(25 * 2 ** Math.min(attempt, 3), 200) + Math.floor(Math.random() * 20));
        const current = (0,cache/* readCached */.Jr)(round.dir, round.host);
        if (usable(round, current))
            return current;
        shareFailure(round);
    }
}
/**
 * Answers docker's `get` for `serverUrl`: the cached credential while enough of its life is left
 * (see reuseMarginMs), else a fresh one. Concurrent calls refresh once: one takes the lock and
 * refreshes; the others wait for the new cache. A refresh that fails answers the gets waiting on
 * it, and those that come within FAILURE_WINDOW_MS after it, with its message: one attempt per
 * window, not one per get. Returns undefined for a host the configuration does not name.
 */
async function helperGet(dir, serverUrl, options) {
    const config = (0,credential_helper_config/* readHelperConfig */.XY)(dir);
    const host = (0,cache/* normaliseHost */.f2)(serverUrl);
    if (!(0,json/* hasOwn */.$3)(config.hosts, host))
        return undefined;
    const now = options.now ?? Date.now;
    const answer = (credential) => ({
        ServerURL: host,
        Username: credential.username,
        Secret: credential.secret
    });
    const cached = (0,cache/* readCached */.Jr)(dir, host);
    if (config.refresh === 'never')
        return answer(unrenewed(config, host, cached, now()));
    if (cached && cached.expiresAt.getTime() - now() > (0,cache/* reuseMarginMs */.Fg)(cached))
        return answer(cached);
    const round = { dir, host, now, started: now() };
    shareFailure(round);
    return answer(await refreshed(round, config, options));
}
/**
 * The cached credential of a login that is not renewed (logout: false), while it has not
 * expired; else the error that says why there is no other.
 */
function unrenewed(config, host, cached, now) {
    if (cached && cached.expiresAt.getTime() > now)
        return cached;
    const logout = config.labels?.logout ?? 'logout';
    const when = cached ? `expired at ${cached.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}` : 'is gone';
    throw new credential_helper_config/* HelperError */.pQ(`the credential for ${host} ${when} and this login does not renew it: the login step ran with ${logout}: false, which leaves a login that ends when its token expires. ` +
        `Run the login step again, or keep ${logout}: true (the default) for a login that renews itself until the job ends`);
}
/**
 * Whether `entry` was written after `since` (strictly: one written in the same millisecond may
 * be the stale entry this call found, and costs at most one extra refresh) and is still valid
 * for a few seconds.
 */
function refreshedSince(entry, since, now) {
    return entry.obtainedAt > since && entry.expiresAt.getTime() - now > Math.min(2_000, (0,cache/* reuseMarginMs */.Fg)(entry));
}
/** Answers docker's `list`: every configured host and its user name. */
function helperList(dir) {
    const config = (0,credential_helper_config/* readHelperConfig */.XY)(dir);
    const list = (0,json/* nullRecord */.PV)();
    for (const host of Object.keys(config.hosts))
        list[host] = (0,cache/* readCached */.Jr)(dir, host)?.username ?? usernameFor(config.hosts[host]);
    return list;
}
/** The user name a host's credential carries. */
function usernameFor(entry) {
    return entry.kind === 'acr' ? users/* ACR_USERNAME */.s : users/* CHAINGUARD_USERNAME */.U;
}

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __nccwpck_require__(2020);
;// CONCATENATED MODULE: ./src/platform/helper.ts
/**
 * GitHub's OIDC token for `audience`. The library announces the token to the runner with an
 * `::add-mask::` line on stdout; stdout is the helper protocol's answer to docker, and the helper
 * never prints the token anywhere, so that line is dropped while the library runs.
 */
async function githubIdToken(audience, requestUrl) {
    // The library reads the request URL from the environment: the one the step used.
    if (requestUrl)
        process.env.ACTIONS_ID_TOKEN_REQUEST_URL = requestUrl;
    const core = await Promise.all(/* import() */[__nccwpck_require__.e(643), __nccwpck_require__.e(889), __nccwpck_require__.e(4)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1889));
    const write = process.stdout.write;
    process.stdout.write = ((_chunk, encoding, callback) => {
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function')
            done();
        return true;
    });
    try {
        return await core.getIDToken(audience);
    }
    finally {
        process.stdout.write = write;
    }
}
/**
 * What the helper offers the platform sources: GitHub's OIDC token at the request URL the step
 * used (`requestUrl`), and the job's access token when the step that runs docker maps it.
 */
function helperPlatform(requestUrl, env = process.env) {
    return {
        githubIdToken: (audience) => githubIdToken(audience, requestUrl),
        azureDevOpsAccessToken: () => env.SYSTEM_ACCESSTOKEN?.trim() || undefined
    };
}

;// CONCATENATED MODULE: ./src/helper/main.ts
/**
 * The docker credential helper (the docker-credential-helpers protocol): `get` reads a server
 * URL on stdin and prints {"ServerURL","Username","Secret"}; `list` prints host \u2192 user name;
 * `store` and `erase` change nothing (the credential belongs to the job). A failure is one line,
 * on stderr and, as the protocol reads errors, on stdout; it never carries a secret: every secret
 * the refresh handled (each value the sources and exchanges mask, the secrets of the helper's
 * environment, the runner's proxy password) is replaced by *** in anything the helper prints.
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
                reject(new credential_helper_config/* HelperError */.pQ(`its input is larger than ${MAX_STDIN_BYTES} bytes`));
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
 * The refresh through the source and exchanges the step used, with the network settings it used
 * and their secrets; every secret it handles joins `secrets`, and its failure's message (which
 * the gets waiting on it share) has them taken out. The sources, exchanges and HTTP stack load
 * only when a refresh is due: a cached answer stays quick.
 */
function refreshFor(dir, config, secrets, env) {
    return async (host) => {
        try {
            const [{ defaultRefresh }, { networkSettingsFrom }, { processRuntime }, { SECRET_ENVIRONMENT }] = await Promise.all([
                Promise.all(/* import() */[__nccwpck_require__.e(99), __nccwpck_require__.e(508)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3508)),
                __nccwpck_require__.e(/* import() */ 319).then(__nccwpck_require__.bind(__nccwpck_require__, 319)),
                __nccwpck_require__.e(/* import() */ 480).then(__nccwpck_require__.bind(__nccwpck_require__, 8099)),
                __nccwpck_require__.e(/* import() */ 99).then(__nccwpck_require__.bind(__nccwpck_require__, 480))
            ]);
            for (const name of SECRET_ENVIRONMENT)
                secrets.add(env[name]);
            const signal = AbortSignal.timeout((config.timeoutSeconds ?? credential_helper_config/* DEFAULT_REFRESH_TIMEOUT_SECONDS */.Ab) * 1000);
            let network;
            if (config.network) {
                const networkSecrets = (0,credential_helper_config/* readNetworkSecrets */.mb)(dir);
                secrets.add(networkSecrets.proxyPassword);
                secrets.add(networkSecrets.passphrase);
                network = networkSettingsFrom(config.network, networkSecrets);
            }
            const mask = (secret) => secrets.add(secret);
            return await defaultRefresh(config, {
                ...processRuntime(),
                signal,
                platform: helperPlatform(config.source.env.ACTIONS_ID_TOKEN_REQUEST_URL, env),
                network,
                mask
            })(host);
        }
        catch (error) {
            const message = error instanceof credential_helper_config/* HelperError */.pQ ? error.message : `could not refresh the credential for ${host}: ${(0,errors/* messageOf */.bD)(error)}`;
            throw new credential_helper_config/* HelperError */.pQ(secrets.redact(message), { cause: error, local: error instanceof credential_helper_config/* HelperError */.pQ && error.local });
        }
    };
}
/** Runs one helper command; returns the exit code. */
async function run(argv = process.argv.slice(2), io = processIo, env = process.env) {
    const secrets = new core_text/* SecretSet */.rE();
    const fail = (message) => {
        // Docker shows a helper's error as one line: a multi-line message (the setup doctor's) is joined.
        const line = `${PREFIX}: ${(0,core_text/* neutralise */.$0)(secrets.redact(message)).replace(/\s*\n\s*/g, ' ')}\n`;
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
            io.stdout(`${JSON.stringify(helperList(dir))}\n`);
            return 0;
        }
        const serverUrl = (await io.readStdin()).trim();
        if (!serverUrl)
            return fail('get needs the registry server URL on its standard input');
        const config = (0,credential_helper_config/* readHelperConfig */.XY)(dir);
        const credential = await helperGet(dir, serverUrl, { refresh: refreshFor(dir, config, secrets, env) });
        if (!credential) {
            io.stdout(`${NOT_FOUND_MESSAGE}\n`);
            return 1;
        }
        io.stdout(`${JSON.stringify(credential)}\n`);
        return 0;
    }
    catch (error) {
        return fail(error instanceof credential_helper_config/* HelperError */.pQ ? error.message : `${command} failed: ${(0,errors/* messageOf */.bD)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/helper/index.ts
/** The credential helper bundle's entry: docker runs it through the docker-credential-<name> wrapper. */

void run().then((code) => {
    process.exitCode = code;
});

