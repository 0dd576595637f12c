#!/usr/bin/env node
/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 3639:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.STATE_KEY = void 0;
exports.tempRootOf = tempRootOf;
exports.cleanup = cleanup;
exports.runCleanup = runCleanup;
/** The post step: removes what the login wrote. Kept apart so the post bundles stay small. */
const node_os_1 = __importDefault(__nccwpck_require__(8161));
const node_path_1 = __importDefault(__nccwpck_require__(6760));
const docker_login_js_1 = __nccwpck_require__(3179);
const errors_js_1 = __nccwpck_require__(4296);
/** Where the main step keeps its cleanup state for the post step. */
exports.STATE_KEY = 'chainguardLoginState';
/** The runner's temp directory, absolute (a relative TMPDIR is taken from the current directory). */
function tempRootOf(platform) {
    return node_path_1.default.resolve(platform.tempDir() || node_os_1.default.tmpdir());
}
/** Removes what the main step wrote, when it saved anything to remove. */
async function cleanup(platform, env = process.env) {
    const state = (0, docker_login_js_1.parseCleanupState)(platform.getState(exports.STATE_KEY));
    if (!state) {
        platform.info('Nothing to clean up.');
        return;
    }
    for (const line of await (0, docker_login_js_1.removeDockerLogin)(state, { tempRoot: tempRootOf(platform), env }))
        platform.info(`Logout: ${line}`);
}
/** Runs `cleanup`; a failure is a warning, since the job's own work is done. */
async function runCleanup(platform) {
    try {
        await cleanup(platform);
    }
    catch (error) {
        platform.warning(`Could not remove the registry login: ${(0, errors_js_1.messageOf)(error)}`);
    }
}


/***/ }),

/***/ 2257:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.timeScale = timeScale;
exports.systemClock = systemClock;
/**
 * The time scale a process runs at: `CHAINGUARD_LOGIN_TIME_SCALE` (a number in (0, 1]) makes
 * waits, budgets and time limits pass faster; the project's tests of the built bundles use it.
 * 1 otherwise.
 */
function timeScale(env) {
    const raw = Number(env.CHAINGUARD_LOGIN_TIME_SCALE);
    return raw > 0 && raw <= 1 ? raw : 1;
}
/**
 * Wall-clock time. A `scale` below 1 makes time run faster: every wait is shortened and `now()`
 * advances by the same factor, so retry budgets keep their meaning (tests of the bundles use
 * it; it is 1 in production).
 */
function systemClock(scale = 1) {
    const origin = Date.now();
    return {
        scale,
        now: () => (scale === 1 ? Date.now() : origin + (Date.now() - origin) / scale),
        random: () => Math.random(),
        sleep: (ms, signal) => new Promise((resolve, reject) => {
            if (signal?.aborted) {
                reject(signal.reason);
                return;
            }
            const timer = setTimeout(done, Math.max(0, ms * scale));
            function done() {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            }
            function onAbort() {
                clearTimeout(timer);
                reject(signal?.reason);
            }
            signal?.addEventListener('abort', onAbort, { once: true });
        })
    };
}


/***/ }),

/***/ 4110:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.basicAuth = basicAuth;
exports.loadDigest = loadDigest;
exports.userDockerConfigDir = userDockerConfigDir;
exports.userContainersAuthFile = userContainersAuthFile;
exports.readRegularFile = readRegularFile;
exports.readAuthFile = readAuthFile;
exports.writeFileAtomic = writeFileAtomic;
exports.linkTarget = linkTarget;
exports.withFileLock = withFileLock;
exports.applyLogin = applyLogin;
exports.sharedRecordFile = sharedRecordFile;
exports.joinShared = joinShared;
exports.leaveShared = leaveShared;
exports.mergeLoginInto = mergeLoginInto;
exports.removeLoginFrom = removeLoginFrom;
exports.createJobDir = createJobDir;
exports.linkSeedEntries = linkSeedEntries;
exports.writeJobMarker = writeJobMarker;
exports.jobDirProblem = jobDirProblem;
/**
 * Docker and containers-image credentials: read, merge and atomically write auth files, undo
 * exactly what was merged, and keep jobs that share one docker config from undoing each other.
 *
 * Two facts shape this module. The docker CLI ignores an `auths` entry when the config names a
 * `credsStore` (or a `credHelpers` entry for the host): it then asks that helper instead. An
 * empty `credHelpers` entry for the host sends docker back to `auths`. The containers-image
 * tools (skopeo, podman, buildah) ignore `credsStore`, but treat any `credHelpers` entry, even
 * an empty one, as a helper to run; so they get their own auth file, exported as
 * REGISTRY_AUTH_FILE, which they read first.
 */
const node_fs_1 = __importDefault(__nccwpck_require__(3024));
const node_os_1 = __importDefault(__nccwpck_require__(8161));
const node_path_1 = __importDefault(__nccwpck_require__(6760));
const errors_js_1 = __nccwpck_require__(4296);
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
/** How long a job waits for the lock: longer than a lock takes to become stale. */
const LOCK_WAIT_MS = 45_000;
/** A lock whose holder has held it this long (or is no longer running) is taken over. */
const LOCK_STALE_MS = 30_000;
/** The `auth` value docker expects: base64 of `user:password`. */
function basicAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
/** SHA-256, hex; node:crypto is loaded on first use. */
async function loadDigest() {
    const { createHash } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7598, 23));
    return (value) => createHash('sha256').update(value).digest('hex');
}
/** The user's docker config directory: $DOCKER_CONFIG, else ~/.docker. */
function userDockerConfigDir(env, home = node_os_1.default.homedir()) {
    return env.DOCKER_CONFIG?.trim() ? node_path_1.default.resolve(env.DOCKER_CONFIG.trim()) : node_path_1.default.join(home, '.docker');
}
/** The containers-image tools' primary auth file, when this environment names one. */
function userContainersAuthFile(env) {
    if (env.REGISTRY_AUTH_FILE?.trim())
        return node_path_1.default.resolve(env.REGISTRY_AUTH_FILE.trim());
    if (env.XDG_RUNTIME_DIR?.trim())
        return node_path_1.default.join(env.XDG_RUNTIME_DIR.trim(), 'containers', 'auth.json');
    return undefined;
}
/**
 * Reads a file's text if it is a regular file. Opening does not wait (a FIFO with no writer
 * would block the step forever, beyond the reach of any timeout): anything that is not a
 * regular file is refused with "is not a regular file". Missing → undefined.
 */
function readRegularFile(file) {
    let fd;
    try {
        fd = node_fs_1.default.openSync(file, node_fs_1.default.constants.O_RDONLY | (node_fs_1.default.constants.O_NONBLOCK ?? 0));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        if (!node_fs_1.default.fstatSync(fd).isFile())
            throw new NotRegularFile(file);
        return node_fs_1.default.readFileSync(fd, 'utf8');
    }
    finally {
        node_fs_1.default.closeSync(fd);
    }
}
class NotRegularFile extends Error {
    constructor(file) {
        super(`${file} is not a regular file`);
    }
}
/**
 * Reads an auth file. Missing → `{}`. Unreadable, not a regular file, or not a JSON object →
 * LoginError, unless `lenient`, when it is reported through `onIgnored` and treated as empty.
 */
function readAuthFile(file, lenient = false, onIgnored) {
    let text;
    try {
        text = readRegularFile(file);
    }
    catch (error) {
        const why = error instanceof NotRegularFile ? error.message : `${file} could not be read (${error.code ?? (0, errors_js_1.messageOf)(error)})`;
        if (lenient) {
            onIgnored?.(why);
            return {};
        }
        throw new errors_js_1.LoginError(error instanceof NotRegularFile ? `${why}: replace it with a file or remove it.` : `Could not read ${file}: ${error.code ?? (0, errors_js_1.messageOf)(error)}.`);
    }
    if (text === undefined || text.trim() === '')
        return {};
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        value = undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        if (lenient) {
            onIgnored?.(`${file} is not a JSON object`);
            return {};
        }
        throw new errors_js_1.LoginError(`${file} is not a JSON object: fix or remove it, then run the step again.`);
    }
    return value;
}
let temporaries = 0;
/** A name no other process or call will pick: pid, a counter and random characters. */
function uniqueSuffix() {
    return `${process.pid}.${++temporaries}.${Math.random().toString(36).slice(2, 10)}`;
}
/**
 * Writes JSON through a temporary file and a rename, so readers never see half a file; a failed
 * write removes its temporary file. `durable` also flushes it to disk first: for files that
 * outlive the job. `mode` is the file's mode (default 0600), applied whatever the umask.
 */
function writeFileAtomic(file, content, durable = false, mode = FILE_MODE) {
    const temporary = `${file}.${uniqueSuffix()}.tmp`;
    const fd = node_fs_1.default.openSync(temporary, 'wx', mode);
    try {
        try {
            if (mode !== FILE_MODE)
                node_fs_1.default.fchmodSync(fd, mode);
            node_fs_1.default.writeFileSync(fd, `${JSON.stringify(content, null, '\t')}\n`);
            if (durable)
                node_fs_1.default.fsyncSync(fd);
        }
        finally {
            node_fs_1.default.closeSync(fd);
        }
        node_fs_1.default.renameSync(temporary, file);
    }
    catch (error) {
        node_fs_1.default.rmSync(temporary, { force: true });
        throw error;
    }
}
/**
 * The file a path finally names, following symbolic links (a dangling one too), so that an
 * explicit config.json that is a link is written through to its target instead of replaced.
 */
function linkTarget(file) {
    let current = file;
    for (let hops = 0; hops < 40; hops++) {
        const stat = node_fs_1.default.lstatSync(current, { throwIfNoEntry: false });
        if (!stat?.isSymbolicLink())
            return current;
        current = node_path_1.default.resolve(node_path_1.default.dirname(current), node_fs_1.default.readlinkSync(current));
    }
    throw new errors_js_1.LoginError(`${file} is a chain of more than 40 symbolic links.`);
}
const OWNER_PREFIX = 'owner.';
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
    return typeof owner?.pid === 'number' && owner.host === node_os_1.default.hostname() && !processAlive(owner.pid);
}
function readOwner(file) {
    try {
        const value = JSON.parse(node_fs_1.default.readFileSync(file, 'utf8'));
        return value !== null && typeof value === 'object' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * When the lock at `lock` is stale, clears it and returns true (the caller tries again);
 * returns false while a live holder has it.
 *
 * The lock is a directory holding one `owner.<random>` file. Clearing removes that one named
 * file, never "whatever is at the lock path": when several jobs find the same stale lock, the
 * first removes the owner file, and the others' removals fail harmlessly instead of removing a
 * lock someone has just taken. The emptied directory is then replaced (or removed: rmdir only
 * removes an empty directory, so it can never remove a lock in use).
 */
function clearIfStale(lock, staleMs) {
    const stat = node_fs_1.default.lstatSync(lock, { throwIfNoEntry: false });
    if (!stat)
        return true;
    const now = Date.now();
    if (!stat.isDirectory()) {
        // A lock file in the format of earlier versions: the holder's process ID. Unlinking a path
        // never removes a directory lock, so two jobs clearing it cannot remove each other's lock.
        let content;
        try {
            content = readRegularFile(lock);
        }
        catch {
            content = undefined;
        }
        const pid = Number.parseInt(content ?? '', 10);
        if (!ownerGone(Number.isInteger(pid) ? { pid, host: node_os_1.default.hostname() } : undefined, now - stat.mtimeMs, staleMs))
            return false;
        tolerate(() => node_fs_1.default.unlinkSync(lock), ['ENOENT', 'EISDIR', 'EPERM']);
        return true;
    }
    let entries;
    try {
        entries = node_fs_1.default.readdirSync(lock);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return true;
        throw error;
    }
    if (entries.length === 0) {
        // Emptied by a holder that is releasing it (or died doing so).
        tolerate(() => node_fs_1.default.rmdirSync(lock), ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM']);
        return true;
    }
    const owner = entries.find((name) => name.startsWith(OWNER_PREFIX));
    if (!owner)
        return false;
    const ownerFile = node_path_1.default.join(lock, owner);
    const ownerStat = node_fs_1.default.statSync(ownerFile, { throwIfNoEntry: false });
    if (!ownerStat)
        return true;
    if (!ownerGone(readOwner(ownerFile), now - ownerStat.mtimeMs, staleMs))
        return false;
    tolerate(() => node_fs_1.default.unlinkSync(ownerFile), ['ENOENT']);
    tolerate(() => node_fs_1.default.rmdirSync(lock), ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM']);
    return true;
}
/** Removes staging directories of jobs that died waiting for the lock. Called holding it. */
function sweepStaging(lock, waitMs) {
    const dir = node_path_1.default.dirname(lock);
    const prefix = `${node_path_1.default.basename(lock)}.`;
    let names;
    try {
        names = node_fs_1.default.readdirSync(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(prefix) || !/^\d+\.\d+\.[a-z0-9]+$/.test(name.slice(prefix.length)))
            continue;
        const staging = node_path_1.default.join(dir, name);
        const stat = node_fs_1.default.lstatSync(staging, { throwIfNoEntry: false });
        if (!stat?.isDirectory())
            continue;
        const ownerFile = node_fs_1.default
            .readdirSync(staging)
            .filter((entry) => entry.startsWith(OWNER_PREFIX))
            .map((entry) => node_path_1.default.join(staging, entry))[0];
        // A waiter touches its owner file at every try and never waits longer than waitMs.
        const touched = (ownerFile && node_fs_1.default.statSync(ownerFile, { throwIfNoEntry: false })?.mtimeMs) || stat.mtimeMs;
        if (ownerGone(ownerFile ? readOwner(ownerFile) : undefined, Date.now() - touched, waitMs))
            node_fs_1.default.rmSync(staging, { recursive: true, force: true });
    }
}
/** Renames the prepared lock directory into place; false while another lock is there. */
function tryRename(staging, lock) {
    try {
        node_fs_1.default.renameSync(staging, lock);
        return true;
    }
    catch (error) {
        const code = error.code ?? '';
        // ENOTEMPTY/EEXIST: a lock is there; ENOTDIR: a lock file of an earlier version; EPERM or
        // EACCES: Windows, which does not rename onto an existing directory.
        if (['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code))
            return false;
        if (['EPERM', 'EACCES'].includes(code) && node_fs_1.default.lstatSync(lock, { throwIfNoEntry: false }))
            return false;
        throw error;
    }
}
/** Sets a file's times to now. */
function touch(file) {
    const now = new Date();
    node_fs_1.default.utimesSync(file, now, now);
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
/**
 * Runs `fn` holding `<file>.lock`, so that concurrent jobs sharing a config directory do not
 * lose each other's updates.
 *
 * Taking the lock renames a prepared directory (holding `owner.<random>` with this process's
 * ID and host name) to `<file>.lock`; the rename fails while another job's lock is there. A
 * lock whose holder is no longer running on this machine, or has held it for over 30 s, is
 * stale and taken over (see clearIfStale). A job waits up to 45 s, longer than a lock takes to
 * become stale.
 */
async function withFileLock(file, fn, options = {}) {
    const scale = options.scale ?? 1;
    const waitMs = LOCK_WAIT_MS * scale;
    const staleMs = LOCK_STALE_MS * scale;
    const lock = `${file}.lock`;
    const unique = uniqueSuffix();
    const ownerName = `${OWNER_PREFIX}${unique}`;
    const staging = `${lock}.${unique}`;
    const deadline = Date.now() + waitMs;
    const stagedOwner = node_path_1.default.join(staging, ownerName);
    node_fs_1.default.mkdirSync(staging, { mode: DIR_MODE });
    try {
        node_fs_1.default.writeFileSync(stagedOwner, JSON.stringify({ pid: process.pid, host: node_os_1.default.hostname() }), { mode: FILE_MODE });
        // The owner file's time is when the lock was taken (others judge staleness by it): touched
        // before every try, so that time spent waiting does not count.
        for (;;) {
            touch(stagedOwner);
            if (tryRename(staging, lock))
                break;
            const cleared = clearIfStale(lock, staleMs);
            if (Date.now() > deadline) {
                throw new errors_js_1.LoginError(`Could not update ${file}: could not take ${lock} within ${Math.round(waitMs / 1000)} s (other jobs kept it busy, ` +
                    `or it holds something other than a lock). Run the step again; if no job is using ${file}, remove ${lock}.`);
            }
            await new Promise((resolve) => setTimeout(resolve, cleared ? 1 : 5 + Math.random() * 25));
        }
    }
    catch (error) {
        node_fs_1.default.rmSync(staging, { recursive: true, force: true });
        throw error;
    }
    try {
        sweepStaging(lock, waitMs);
        return await fn();
    }
    finally {
        // Our owner file is gone only if a job took the lock over from us; then the lock is theirs.
        tolerate(() => node_fs_1.default.unlinkSync(node_path_1.default.join(lock, ownerName)), ['ENOENT']);
        tolerate(() => node_fs_1.default.rmdirSync(lock), ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM']);
    }
}
/** Adds the login for `registry` to a parsed file; returns what it replaced. Pure. */
function applyLogin(config, registry, auth, kind, file) {
    const auths = isRecord(config.auths) ? config.auths : {};
    const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
    const record = {
        file,
        registry,
        kind,
        previousAuth: auths[registry],
        previousHelper: helpers?.[registry],
        helperChanged: false,
        hadHelpers: helpers !== undefined
    };
    config.auths = { ...auths, [registry]: { auth } };
    const hostHelper = helpers !== undefined && registry in helpers;
    if (kind === 'docker') {
        // docker reads `auths` only when no helper applies to the host; "" means "no helper".
        const storeApplies = typeof config.credsStore === 'string' && config.credsStore !== '';
        if ((storeApplies && !hostHelper) || (hostHelper && helpers[registry] !== '')) {
            config.credHelpers = { ...(helpers ?? {}), [registry]: '' };
            record.helperChanged = true;
        }
    }
    else if (hostHelper) {
        // containers-image runs any listed helper, even "": the entry has to go.
        const rest = { ...helpers };
        delete rest[registry];
        config.credHelpers = rest;
        record.helperChanged = true;
    }
    return record;
}
/** The shared record's file, beside the config file. */
function sharedRecordFile(configFile) {
    return `${configFile}.chainguard-login.json`;
}
function authDigestOf(entry, digest) {
    return isRecord(entry) && typeof entry.auth === 'string' ? digest(entry.auth) : undefined;
}
/**
 * Records `job` as logged in to `registry` and writes its login into `config`. The first job
 * (or the first after the user rewrote the entry) keeps what the entry held before. Pure.
 */
function joinShared(config, record, registry, auth, job, host, digest) {
    const auths = isRecord(config.auths) ? config.auths : {};
    const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
    let entry = record.registries[registry];
    const current = authDigestOf(auths[registry], digest);
    if (!entry || current === undefined || !entry.written.includes(current)) {
        // No job's token is in place: what is there now is the user's, to put back at the end.
        const helperOverridden = entry?.helperChanged === true && helpers?.[registry] === '';
        entry = {
            originalAuth: auths[registry],
            originalHelper: helperOverridden ? entry?.originalHelper : helpers?.[registry],
            hadHelpers: helperOverridden ? entry?.hadHelpers === true : helpers !== undefined,
            helperChanged: helperOverridden,
            written: entry?.written ?? [],
            jobs: entry?.jobs ?? {}
        };
    }
    const change = applyLogin(config, registry, auth, 'docker', '');
    entry.helperChanged ||= change.helperChanged;
    entry.written = [...entry.written.filter((d) => d !== digest(auth)), digest(auth)];
    entry.jobs = { ...entry.jobs, [job.id]: { dir: job.dir, host } };
    record.registries[registry] = entry;
}
/**
 * Removes `job` from the record; when no job is left for the registry, puts back what the entry
 * held before the first job (only where a job's token is still in place) and forgets the
 * registry. Returns the outcome and whether `config` changed. Pure.
 */
function leaveShared(config, record, registry, jobId, digest) {
    const entry = record.registries[registry];
    if (!entry || !(jobId in entry.jobs))
        return { outcome: 'not-joined', changed: false };
    delete entry.jobs[jobId];
    if (Object.keys(entry.jobs).length > 0)
        return { outcome: 'others-remain', changed: false };
    return settleEntry(config, record, registry, digest);
}
/** The last job has left `registry`: restores its entries and forgets it. Pure. */
function settleEntry(config, record, registry, digest) {
    const entry = record.registries[registry];
    delete record.registries[registry];
    let changed = false;
    let outcome = 'restored';
    const auths = isRecord(config.auths) ? config.auths : undefined;
    const current = authDigestOf(auths?.[registry], digest);
    if (auths && current !== undefined && entry.written.includes(current)) {
        if (entry.originalAuth === undefined)
            delete auths[registry];
        else
            auths[registry] = entry.originalAuth;
        changed = true;
    }
    else if (auths?.[registry] !== undefined) {
        outcome = 'changed-since';
    }
    const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
    if (entry.helperChanged && helpers?.[registry] === '') {
        const next = { ...helpers };
        if (entry.originalHelper === undefined)
            delete next[registry];
        else
            next[registry] = entry.originalHelper;
        if (Object.keys(next).length === 0 && !entry.hadHelpers)
            delete config.credHelpers;
        else
            config.credHelpers = next;
        changed = true;
    }
    return { outcome, changed };
}
/**
 * Forgets jobs that are gone (their job directory on this machine no longer exists: a job
 * killed before its post step ran) and settles registries no job uses any more. Returns whether
 * `config` changed.
 */
function pruneGoneJobs(config, record, host, digest) {
    let changed = false;
    for (const [registry, entry] of Object.entries(record.registries)) {
        for (const [id, job] of Object.entries(entry.jobs)) {
            if (job.host === host && isGone(job.dir))
                delete entry.jobs[id];
        }
        if (Object.keys(entry.jobs).length === 0)
            changed = settleEntry(config, record, registry, digest).changed || changed;
    }
    return changed;
}
/** Whether a path certainly no longer exists (one this user cannot look into might). */
function isGone(file) {
    try {
        node_fs_1.default.lstatSync(file);
        return false;
    }
    catch (error) {
        return ['ENOENT', 'ENOTDIR'].includes(error.code ?? '');
    }
}
/** Reads a shared record; anything unreadable or malformed counts as no record. */
function readSharedRecord(file) {
    const value = readAuthFile(file, true);
    const record = { version: 1, registries: {} };
    if (value.version !== 1 || !isRecord(value.registries))
        return record;
    for (const [registry, entry] of Object.entries(value.registries)) {
        if (!isRecord(entry) || !Array.isArray(entry.written) || !isRecord(entry.jobs))
            continue;
        const jobs = {};
        for (const [id, job] of Object.entries(entry.jobs)) {
            if (isRecord(job) && typeof job.dir === 'string' && typeof job.host === 'string')
                jobs[id] = { dir: job.dir, host: job.host };
        }
        record.registries[registry] = {
            ...('originalAuth' in entry ? { originalAuth: entry.originalAuth } : {}),
            ...('originalHelper' in entry ? { originalHelper: entry.originalHelper } : {}),
            hadHelpers: entry.hadHelpers === true,
            helperChanged: entry.helperChanged === true,
            written: entry.written.filter((d) => typeof d === 'string'),
            jobs
        };
    }
    return record;
}
/** Writes the shared record, or removes it when it names no registry. */
function writeSharedRecord(file, record) {
    if (Object.keys(record.registries).length === 0)
        node_fs_1.default.rmSync(file, { force: true });
    else
        writeFileAtomic(file, record, true);
}
/** The mode to write `file` with: its own when it exists, else 0600. */
function modeFor(file) {
    const stat = node_fs_1.default.statSync(file, { throwIfNoEntry: false });
    return stat ? stat.mode & 0o777 : FILE_MODE;
}
/**
 * Merges `job`'s login into an explicit docker config file under its lock, recording the job in
 * the shared record first (so that a failure between the two leaves nothing unrecorded; a
 * failure writing the config puts the record back). A config.json that is a symbolic link is
 * written through to its target, keeping the target's mode. Creates the directory (0700) when
 * missing.
 */
async function mergeLoginInto(file, registry, auth, job, options = {}) {
    const target = linkTarget(file);
    node_fs_1.default.mkdirSync(node_path_1.default.dirname(target), { recursive: true, mode: DIR_MODE });
    const digest = await loadDigest();
    const host = node_os_1.default.hostname();
    await withFileLock(target, async () => {
        const config = readAuthFile(target);
        const recordFile = sharedRecordFile(target);
        const before = node_fs_1.default.existsSync(recordFile) ? readSharedRecord(recordFile) : undefined;
        const record = readSharedRecord(recordFile);
        pruneGoneJobs(config, record, host, digest);
        joinShared(config, record, registry, auth, job, host, digest);
        writeSharedRecord(recordFile, record);
        try {
            writeFileAtomic(target, config, true, modeFor(target));
        }
        catch (error) {
            if (before)
                writeSharedRecord(recordFile, before);
            else
                node_fs_1.default.rmSync(recordFile, { force: true });
            throw error;
        }
    }, options);
}
/**
 * Takes `job`'s login out of an explicit docker config file under its lock: the last job to
 * leave a registry puts back what its entry held before the first one came, unless the user
 * has rewritten the entry since.
 */
async function removeLoginFrom(file, registry, jobId, options = {}) {
    const target = linkTarget(file);
    const recordFile = sharedRecordFile(target);
    if (!node_fs_1.default.existsSync(recordFile))
        return 'not-joined';
    const digest = await loadDigest();
    const host = node_os_1.default.hostname();
    return withFileLock(target, async () => {
        const config = readAuthFile(target);
        const record = readSharedRecord(recordFile);
        const left = leaveShared(config, record, registry, jobId, digest);
        const pruned = pruneGoneJobs(config, record, host, digest);
        if (left.changed || pruned)
            writeFileAtomic(target, config, true, modeFor(target));
        writeSharedRecord(recordFile, record);
        return left.outcome;
    }, options);
}
/** Entries of a docker config directory that a job-scoped copy links to, so that CLI plugins,
 *  contexts and buildx builders keep working. */
const LINKED_ENTRIES = ['cli-plugins', 'contexts', 'buildx'];
/** Creates the job-scoped directory for this login under `root` (0700). */
function createJobDir(root) {
    node_fs_1.default.mkdirSync(root, { recursive: true });
    return node_fs_1.default.mkdtempSync(node_path_1.default.join(root, 'chainguard-login-'));
}
/** Links the seed directory's plugins, contexts and builders into a job-scoped directory. */
function linkSeedEntries(seedDir, jobDir) {
    for (const name of LINKED_ENTRIES) {
        const target = node_path_1.default.join(seedDir, name);
        if (node_fs_1.default.statSync(target, { throwIfNoEntry: false })?.isDirectory())
            node_fs_1.default.symlinkSync(target, node_path_1.default.join(jobDir, name), 'dir');
    }
}
/** The file in a job directory holding the random marker that the saved state also carries. */
const MARKER_FILE = '.chainguard-login-marker';
/** Writes the job directory's marker (0600). */
function writeJobMarker(jobDir, marker) {
    node_fs_1.default.writeFileSync(node_path_1.default.join(jobDir, MARKER_FILE), marker, { mode: FILE_MODE, flag: 'wx' });
}
/**
 * Why `dir` is not a job directory this step created for the state carrying `marker`, or
 * undefined when it is: a directory (not a link) directly under `tempRoot` (both with links
 * resolved) named chainguard-login-XXXXXX, owned by this user, mode 0700, holding the marker.
 * These are the only directories cleanup deletes whole.
 */
function jobDirProblem(dir, marker, tempRoot) {
    if (!node_path_1.default.isAbsolute(dir) || !/^chainguard-login-[A-Za-z0-9]{6}$/.test(node_path_1.default.basename(dir)))
        return 'it is not a directory this step creates';
    const stat = node_fs_1.default.lstatSync(dir, { throwIfNoEntry: false });
    if (!stat)
        return 'it does not exist';
    if (!stat.isDirectory())
        return 'it is not a directory';
    let parent;
    let root;
    try {
        parent = node_fs_1.default.realpathSync(node_path_1.default.dirname(dir));
        root = node_fs_1.default.realpathSync(tempRoot);
    }
    catch (error) {
        return `its location cannot be resolved (${error.code ?? (0, errors_js_1.messageOf)(error)})`;
    }
    if (parent !== root)
        return `it is not directly under this runner's temp directory (${tempRoot})`;
    if (typeof process.getuid === 'function') {
        if (stat.uid !== process.getuid())
            return 'it belongs to another user';
        if ((stat.mode & 0o777) !== DIR_MODE)
            return `its mode is ${(stat.mode & 0o777).toString(8)}, not 700`;
    }
    let found;
    try {
        const markerFile = node_path_1.default.join(dir, MARKER_FILE);
        found = node_fs_1.default.lstatSync(markerFile, { throwIfNoEntry: false })?.isFile() ? readRegularFile(markerFile) : undefined;
    }
    catch {
        found = undefined;
    }
    if (!marker || found !== marker)
        return 'it does not hold the marker this step left in it';
    return undefined;
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}


/***/ }),

/***/ 3179:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.TOKEN_USERNAME = void 0;
exports.installDockerLogin = installDockerLogin;
exports.removeDockerLogin = removeDockerLogin;
exports.parseCleanupState = parseCleanupState;
/**
 * Installs a registry login where docker and the containers-image tools will use it, and
 * removes it again at the end of the job.
 *
 * Default: a job-scoped directory under the runner's temp directory holds a copy of the user's
 * docker config with the login added (exported as DOCKER_CONFIG) and a containers auth file
 * (exported as REGISTRY_AUTH_FILE). With an explicit docker config directory, the login is
 * merged into that directory's config.json instead, and a record beside it (shared by every job
 * using that directory) keeps what the entry held before, to put back when the last job leaves.
 */
const node_fs_1 = __importDefault(__nccwpck_require__(3024));
const node_path_1 = __importDefault(__nccwpck_require__(6760));
const clock_js_1 = __nccwpck_require__(2257);
const docker_config_js_1 = __nccwpck_require__(4110);
const errors_js_1 = __nccwpck_require__(4296);
/** docker's user name for a Chainguard token. */
exports.TOKEN_USERNAME = '_token';
const CONTAINERS_AUTH_FILE = 'containers-auth.json';
/** A random marker: 128 bits, hex. */
async function newMarker() {
    const { randomBytes } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7598, 23));
    return randomBytes(16).toString('hex');
}
/** Writes the login. On failure nothing it wrote is left behind. */
async function installDockerLogin(plan) {
    const auth = (0, docker_config_js_1.basicAuth)(plan.username, plan.password);
    const marker = await newMarker();
    let jobDir;
    try {
        jobDir = (0, docker_config_js_1.createJobDir)(plan.tempRoot);
        (0, docker_config_js_1.writeJobMarker)(jobDir, marker);
    }
    catch (error) {
        throw new errors_js_1.LoginError(`Could not create a job-scoped docker config directory under ${plan.tempRoot}: ${(0, errors_js_1.messageOf)(error)}.`);
    }
    const ignored = (why) => plan.warn(`Not copying existing credentials: ${why}.`);
    const lock = { scale: (0, clock_js_1.timeScale)(plan.env) };
    let merged = false;
    try {
        // A login earlier in the same shell exported its own directory; seed from what it seeded from.
        let dockerSeed = (0, docker_config_js_1.userDockerConfigDir)(plan.env, plan.home);
        let containersSeed = (0, docker_config_js_1.userContainersAuthFile)(plan.env);
        const previous = plan.previous;
        if (previous?.seed) {
            if (dockerSeed === previous.jobDir)
                dockerSeed = previous.seed.dockerDir;
            if (containersSeed === node_path_1.default.join(previous.jobDir, CONTAINERS_AUTH_FILE))
                containersSeed = previous.seed.containersFile;
        }
        const state = {
            version: 2,
            jobDir,
            marker,
            registry: plan.registry,
            ...(plan.explicitDir ? { explicitDir: plan.explicitDir } : {}),
            seed: { dockerDir: dockerSeed, ...(containersSeed ? { containersFile: containersSeed } : {}) }
        };
        try {
            plan.saveState?.(state);
        }
        catch (error) {
            throw new errors_js_1.LoginError(`Could not save the state the post step needs to remove the login: ${(0, errors_js_1.messageOf)(error)}.`);
        }
        // The containers-image tools read this file first; seed it from their current primary file.
        const containersAuthFile = node_path_1.default.join(jobDir, CONTAINERS_AUTH_FILE);
        const containers = containersSeed ? (0, docker_config_js_1.readAuthFile)(containersSeed, true, ignored) : {};
        (0, docker_config_js_1.applyLogin)(containers, plan.registry, auth, 'containers', containersAuthFile);
        (0, docker_config_js_1.writeFileAtomic)(containersAuthFile, containers);
        let dockerConfigDir;
        if (plan.explicitDir) {
            dockerConfigDir = plan.explicitDir;
            await (0, docker_config_js_1.mergeLoginInto)(node_path_1.default.join(dockerConfigDir, 'config.json'), plan.registry, auth, { id: marker, dir: jobDir }, lock).catch((error) => {
                throw new errors_js_1.LoginError(`Could not write the docker config in ${dockerConfigDir} (${plan.explicitDirLabel ?? 'docker-config'}): ${(0, errors_js_1.messageOf)(error)}`);
            });
            merged = true;
        }
        else {
            dockerConfigDir = jobDir;
            const config = (0, docker_config_js_1.readAuthFile)(node_path_1.default.join(dockerSeed, 'config.json'), true, ignored);
            (0, docker_config_js_1.applyLogin)(config, plan.registry, auth, 'docker', node_path_1.default.join(jobDir, 'config.json'));
            (0, docker_config_js_1.writeFileAtomic)(node_path_1.default.join(jobDir, 'config.json'), config);
            (0, docker_config_js_1.linkSeedEntries)(dockerSeed, jobDir);
        }
        return { dockerConfigDir, containersAuthFile, state };
    }
    catch (error) {
        if (merged && plan.explicitDir) {
            await (0, docker_config_js_1.removeLoginFrom)(node_path_1.default.join(plan.explicitDir, 'config.json'), plan.registry, marker, lock).catch(() => undefined);
        }
        node_fs_1.default.rmSync(jobDir, { recursive: true, force: true });
        throw error instanceof errors_js_1.LoginError ? error : new errors_js_1.LoginError(`Could not write the docker config: ${(0, errors_js_1.messageOf)(error)}.`);
    }
}
/**
 * Removes the login: takes this job out of the explicit config (the last job out puts back the
 * earlier entries), then deletes the job-scoped directory. Trusts nothing in `state` it has not
 * checked: the job directory must be one this step created (see jobDirProblem), and the only
 * file it changes besides is `<explicit dir>/config.json`. Returns what it did, for the log.
 */
async function removeDockerLogin(state, context) {
    const problem = (0, docker_config_js_1.jobDirProblem)(state.jobDir, state.marker, context.tempRoot);
    if (problem === 'it does not exist')
        return [`nothing to remove: ${state.jobDir} no longer exists`];
    if (problem)
        throw new errors_js_1.LoginError(`Refusing to clean up ${state.jobDir}: ${problem}.`);
    const done = [];
    if (state.explicitDir) {
        const file = node_path_1.default.join(node_path_1.default.resolve(state.explicitDir), 'config.json');
        const outcome = await (0, docker_config_js_1.removeLoginFrom)(file, state.registry, state.marker, { scale: (0, clock_js_1.timeScale)(context.env) });
        done.push(describeLeave(outcome, state.registry, file));
    }
    node_fs_1.default.rmSync(state.jobDir, { recursive: true, force: true });
    done.push(`deleted ${state.jobDir}`);
    return done;
}
function describeLeave(outcome, registry, file) {
    switch (outcome) {
        case 'restored':
            return `removed the ${registry} login from ${file}`;
        case 'others-remain':
            return `left the ${registry} login in ${file}: other jobs logged in through it are still running`;
        case 'changed-since':
            return `left ${file} as it was: its ${registry} entry has changed since this step wrote it`;
        case 'not-joined':
            return `left ${file} as it was: it holds no login of this job`;
    }
}
/** Parses saved cleanup state; undefined when absent or not ours. */
function parseCleanupState(text) {
    if (!text)
        return undefined;
    try {
        const value = JSON.parse(text);
        if (value.version === 2 &&
            typeof value.jobDir === 'string' &&
            typeof value.marker === 'string' &&
            typeof value.registry === 'string' &&
            (value.explicitDir === undefined || typeof value.explicitDir === 'string')) {
            return value;
        }
    }
    catch {
        // fall through
    }
    return undefined;
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.InputError = exports.LoginError = void 0;
exports.messageOf = messageOf;
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
exports.LoginError = LoginError;
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
exports.InputError = InputError;
/** The message of anything thrown, for a log line. */
function messageOf(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}


/***/ }),

/***/ 690:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.exchangeAtChainguard = exchangeAtChainguard;
exports.claimsAdvice = claimsAdvice;
/**
 * Chainguard's security token service: exchanges an OIDC token (here Azure's) for a token of
 * an assumable identity. Parameters travel form-encoded; a JSON body would be ignored.
 */
const errors_js_1 = __nccwpck_require__(4296);
const http_js_1 = __nccwpck_require__(1983);
const jwt_js_1 = __nccwpck_require__(3622);
const retry_js_1 = __nccwpck_require__(7253);
const source_js_1 = __nccwpck_require__(193);
const CONNECT_TIMEOUT_MS = 10_000;
const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_BODY_BYTES = 256 * 1024;
const ATTEMPTS = 3;
/** The last instant an ISO 8601 date can show (9999-12-31T23:59:59Z): anything later is absurd. */
const LAST_PRINTABLE_MS = Date.UTC(9999, 11, 31, 23, 59, 59);
function isoSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
class StsStatus extends Error {
    response;
    code;
    detail;
    constructor(response, code, detail) {
        super(`HTTP ${response.status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`);
        this.response = response;
        this.code = code;
        this.detail = detail;
    }
}
const GRPC_CODES = {
    3: 'InvalidArgument',
    5: 'NotFound',
    7: 'PermissionDenied',
    13: 'Internal',
    14: 'Unavailable',
    16: 'Unauthenticated'
};
/** Exchanges `subjectToken` for a Chainguard token. */
async function exchangeAtChainguard(request, context) {
    const url = new URL(`${request.issuer}/sts/exchange`);
    const body = new URLSearchParams({ aud: request.audience, identity: request.identity }).toString();
    const call = `Could not exchange the Azure token at Chainguard's STS (${url.origin}${url.pathname})`;
    context.debug(`Exchanging the Azure token at ${url.origin}${url.pathname} for identity ${request.identity}, audience ${request.audience}`);
    let response;
    try {
        response = await (0, retry_js_1.retrying)({
            clock: context.clock,
            signal: context.signal,
            run: () => attempt(url, body, request.subjectToken, context),
            retryAfter: (error, n) => {
                const transient = (error instanceof StsStatus && [502, 503, 504].includes(error.response.status)) ||
                    (error instanceof http_js_1.HttpFailure && (error.kind === 'reset' || error.kind === 'refused'));
                return transient && n < ATTEMPTS ? (0, retry_js_1.backoffMs)(n, 150, 1_000, context.clock.random) : undefined;
            },
            onRetry: (error, n, delay) => context.debug(`STS attempt ${n} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`)
        });
    }
    catch (error) {
        if (context.signal?.aborted)
            throw error;
        throw explain(error, call, request);
    }
    const parsed = (0, http_js_1.jsonObject)(response.body);
    const token = parsed?.token;
    if (typeof token !== 'string' || token.length === 0) {
        const what = parsed ? 'JSON without a token' : 'not JSON';
        throw new errors_js_1.LoginError(`${call}: it answered 200 with a body that is ${what}. Check the issuer input: it must name Chainguard's STS.`);
    }
    context.mask(token);
    const claims = (0, jwt_js_1.decodeClaims)(token);
    const expiresAt = (0, jwt_js_1.expiryOf)(claims);
    if (!expiresAt) {
        throw new errors_js_1.LoginError(`${call}: the token it returned is not a JWT with an expiry. Check the issuer input: it must name Chainguard's STS.`);
    }
    const now = context.clock.now();
    const at = expiresAt.getTime();
    if (!Number.isFinite(at) || at > LAST_PRINTABLE_MS) {
        throw new errors_js_1.LoginError(`${call}: the token it returned has an expiry (exp ${String(claims?.exp)}) that is not a plausible time. ` +
            "Check the issuer input: it must name Chainguard's STS.");
    }
    if (at <= now) {
        throw new errors_js_1.LoginError(`${call}: the token it returned expired at ${isoSeconds(expiresAt)}, before now (${isoSeconds(new Date(now))}). ` +
            "Check the issuer input (it must name Chainguard's STS) and this machine's clock.");
    }
    return { token, expiresAt };
}
async function attempt(url, body, subjectToken, context) {
    const response = await context.send({
        url,
        method: 'POST',
        headers: {
            Authorization: `Bearer ${subjectToken}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json'
        },
        body,
        route: 'environment',
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
        timeoutMs: ATTEMPT_TIMEOUT_MS,
        maxBodyBytes: MAX_BODY_BYTES,
        signal: context.signal
    });
    if (response.status === 200)
        return response;
    const parsed = (0, http_js_1.jsonObject)(response.body);
    const grpc = typeof parsed?.code === 'number' ? GRPC_CODES[parsed.code] ?? `code ${parsed.code}` : '';
    const message = typeof parsed?.message === 'string' ? (0, source_js_1.clip)(parsed.message, 300, [subjectToken]) : '';
    throw new StsStatus(response, grpc, message);
}
function explain(error, call, request) {
    if (error instanceof http_js_1.HttpFailure) {
        return new errors_js_1.LoginError(`${call}: ${error.message}. Check the issuer input and, behind a proxy, HTTPS_PROXY and NO_PROXY.`);
    }
    if (!(error instanceof StsStatus))
        return error instanceof Error ? error : new Error(String(error));
    const status = error.response.status;
    if (status === 401 || status === 403)
        return new errors_js_1.LoginError(`${call}: ${error.message}. ${claimsAdvice(request)}`);
    if (status === 400) {
        return new errors_js_1.LoginError(`${call}: ${error.message}. The STS refused the request's parameters: check ${request.identityInput} ` +
            `(an assumable identity's UIDP) and ${request.audienceInput}.`);
    }
    if (status === 404) {
        return new errors_js_1.LoginError(`${call}: ${error.message}. Check ${request.identityInput}: no assumable identity with that UIDP was found, ` +
            'or the issuer input does not name Chainguard\'s STS.');
    }
    if ([502, 503, 504].includes(status)) {
        return new errors_js_1.LoginError(`${call}: the STS stayed unavailable (${error.message}) after ${ATTEMPTS} attempts. Try again shortly.`);
    }
    return new errors_js_1.LoginError(`${call}: ${error.message}.`);
}
/**
 * Explains a refused token by its claims (decoded, never the token), next to what an
 * assumable identity for Azure must match, with the likely cause.
 */
function claimsAdvice(request) {
    const claims = (0, jwt_js_1.decodeClaims)(request.subjectToken);
    if (!claims)
        return 'The Azure token could not be decoded, so its claims cannot be shown.';
    const iss = (0, jwt_js_1.claimText)(claims, 'iss');
    const sub = (0, jwt_js_1.claimText)(claims, 'sub');
    const aud = (0, jwt_js_1.claimText)(claims, 'aud');
    const lines = [
        `The identity ${request.identity} must match the Azure token's claims: issuer "${iss}", subject "${sub}", audience "${aud}".`
    ];
    if (iss.startsWith('https://sts.windows.net/')) {
        lines.push('Likely cause: the token has a v1 issuer. Set "requestedAccessTokenVersion": 2 in the Entra app\'s manifest so ' +
            'the issuer is https://login.microsoftonline.com/<tenant-id>/v2.0, or create the identity with the v1 issuer shown.');
    }
    else if (aud.startsWith('api://')) {
        lines.push('Likely cause: the audience. v2 tokens carry the app\'s client ID as audience; create the identity with the audience shown.');
    }
    else {
        lines.push('Likely cause: the identity\'s subject must be the managed identity\'s principal (object) ID and its audience the ' +
            'Entra app\'s client ID; compare them with the claims above (chainctl iam identities describe).');
    }
    return lines.join(' ');
}


/***/ }),

/***/ 1983:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.HttpFailure = void 0;
exports.send = send;
exports.jsonObject = jsonObject;
exports.retryAfterMs = retryAfterMs;
/**
 * The one HTTP helper: bounded connect and response times, a cap on the body size, no
 * redirects, and an explicit choice between a direct connection and the proxy the environment
 * names. Messages name the host, never a header or a body.
 */
const node_http_1 = __importDefault(__nccwpck_require__(7067));
/** A request that got no complete HTTP response. */
class HttpFailure extends Error {
    kind;
    constructor(kind, message) {
        super(message);
        this.name = 'HttpFailure';
        this.kind = kind;
    }
}
exports.HttpFailure = HttpFailure;
const proxyVariables = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/** node:https, loaded on first use: IMDS never needs TLS, and loading it costs startup time. */
let httpsModule;
function loadHttps() {
    return (httpsModule ??= Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23)));
}
/** The agent for a request: a fresh direct agent, or the environment's proxy agent. */
async function agentFor(req, https) {
    const direct = https ? new https.Agent({ keepAlive: false }) : new node_http_1.default.Agent({ keepAlive: false });
    if (req.route === 'direct')
        return direct;
    if (!proxyVariables.some((name) => process.env[name]))
        return direct;
    // The proxy machinery is only loaded when a proxy is configured.
    const { HttpClient } = await __nccwpck_require__.e(/* import() */ 942).then(__nccwpck_require__.bind(__nccwpck_require__, 4942));
    const client = new HttpClient('chainguard-azure-login', [], { allowRedirects: false, keepAlive: false });
    return client.getAgent(req.url.href);
}
function classify(error) {
    switch (error.code) {
        case 'ECONNREFUSED':
            return 'refused';
        case 'ECONNRESET':
        case 'EPIPE':
            return 'reset';
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'ENOTFOUND':
        case 'EAI_AGAIN':
            return 'unreachable';
        default:
            return 'other';
    }
}
/** Sends one request and reads the whole (capped) response. Never follows redirects. */
async function send(req) {
    const host = req.url.host;
    if (req.signal?.aborted)
        throw new HttpFailure('aborted', `request to ${host} was cancelled`);
    const https = req.url.protocol === 'https:' ? await loadHttps() : undefined;
    const agent = await agentFor(req, https);
    const transport = https ?? node_http_1.default;
    const headers = { ...req.headers };
    if (req.body !== undefined)
        headers['Content-Length'] = String(Buffer.byteLength(req.body));
    return new Promise((resolve, reject) => {
        let settled = false;
        const request = transport.request(req.url, { method: req.method, headers, agent });
        const fail = (failure) => {
            if (settled)
                return;
            settled = true;
            cleanup();
            request.destroy();
            reject(failure);
        };
        const overall = setTimeout(() => fail(new HttpFailure('timeout', `${host} did not answer within ${req.timeoutMs} ms`)), req.timeoutMs);
        let connectTimer;
        const onAbort = () => fail(new HttpFailure('aborted', `request to ${host} was cancelled`));
        req.signal?.addEventListener('abort', onAbort, { once: true });
        function cleanup() {
            clearTimeout(overall);
            if (connectTimer)
                clearTimeout(connectTimer);
            req.signal?.removeEventListener('abort', onAbort);
        }
        request.on('socket', (socket) => {
            if (!socket.connecting)
                return;
            connectTimer = setTimeout(() => fail(new HttpFailure('connect-timeout', `could not connect to ${host} within ${req.connectTimeoutMs} ms`)), req.connectTimeoutMs);
            socket.once('connect', () => clearTimeout(connectTimer));
        });
        request.on('error', (error) => {
            const kind = classify(error);
            const what = kind === 'refused' ? `${host} refused the connection` : `the connection to ${host} failed (${error.code ?? error.message})`;
            fail(new HttpFailure(kind, what));
        });
        request.on('response', (response) => {
            const chunks = [];
            let size = 0;
            response.on('data', (chunk) => {
                size += chunk.length;
                if (size > req.maxBodyBytes) {
                    fail(new HttpFailure('too-large', `${host} sent a response larger than ${req.maxBodyBytes} bytes`));
                    return;
                }
                chunks.push(chunk);
            });
            const cutOff = () => fail(new HttpFailure('reset', `the response from ${host} was cut off`));
            response.on('error', cutOff);
            response.on('close', () => {
                if (!response.complete)
                    cutOff();
            });
            response.on('end', () => {
                if (settled)
                    return;
                settled = true;
                cleanup();
                resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') });
            });
        });
        request.end(req.body);
    });
}
/** Parses a JSON object body, or returns undefined. */
function jsonObject(body) {
    try {
        const value = JSON.parse(body);
        if (value !== null && typeof value === 'object' && !Array.isArray(value))
            return value;
    }
    catch {
        // not JSON
    }
    return undefined;
}
/** `Retry-After` (seconds or an HTTP date) as milliseconds from `now`, or undefined. */
function retryAfterMs(headers, now) {
    const raw = headers['retry-after'];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}


/***/ }),

/***/ 9114:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.URI_INPUTS = exports.DEFAULT_TIMEOUT_SECONDS = exports.DEFAULT_ISSUER = exports.DEFAULT_REGISTRY = exports.SELECTOR_INPUTS = exports.INPUT_NAMES = void 0;
exports.hasUriForbiddenCharacter = hasUriForbiddenCharacter;
exports.readInputs = readInputs;
exports.checkRegistry = checkRegistry;
exports.isLoopback = isLoopback;
/**
 * Reads and validates every input before any request is sent. Each refusal names the input as
 * the user writes it on their platform.
 */
const node_path_1 = __importDefault(__nccwpck_require__(6760));
const errors_js_1 = __nccwpck_require__(4296);
/** The canonical input names (GitHub's spelling; Azure uses camelCase, the CLI `--name`). */
exports.INPUT_NAMES = [
    'identity',
    'azure-audience',
    'managed-identity-client-id',
    'managed-identity-object-id',
    'managed-identity-resource-id',
    'registry',
    'audience',
    'issuer',
    'docker-login',
    'docker-config',
    'logout',
    'timeout'
];
exports.SELECTOR_INPUTS = [
    'managed-identity-client-id',
    'managed-identity-object-id',
    'managed-identity-resource-id'
];
exports.DEFAULT_REGISTRY = 'cgr.dev';
exports.DEFAULT_ISSUER = 'https://issuer.enforce.dev';
exports.DEFAULT_TIMEOUT_SECONDS = 120;
const UIDP = /^[0-9a-f]{40}(\/[0-9a-f]{16})+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourcegroups\/[-\w.()]{1,90}\/providers\/microsoft\.managedidentity\/userassignedidentities\/[-\w]{3,128}$/i;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const MAX_LENGTH = 2048;
/** Runner and agent commands begin with these; no input value ever needs one. */
const RUNNER_COMMAND = /##(vso)?\[/i;
/** Inputs that hold a URI or an audience: `#`, `[` and `]` never belong in them. */
exports.URI_INPUTS = new Set(['azure-audience', 'audience', 'issuer']);
/**
 * Whether a URI or audience holds `#`, `[` or `]`, which none ever needs (a fragment, or a
 * bracket that could open a runner command). A bracketed IPv6 host right after the scheme is
 * the one exception, for an issuer on loopback such as http://[::1]:8080.
 */
function hasUriForbiddenCharacter(value) {
    return /[#[\]]/.test(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)\[[0-9a-f:.]+\]/i, '$1'));
}
/** Reads every input; throws InputError naming the first one that is wrong. */
function readInputs(reader, cwd = process.cwd()) {
    const value = (name) => {
        const raw = reader.get(name) ?? '';
        const trimmed = raw.trim();
        if (CONTROL.test(trimmed)) {
            throw new errors_js_1.InputError(name, `Input ${reader.label(name)} contains a control character or line break; give a single plain value.`);
        }
        if (RUNNER_COMMAND.test(trimmed)) {
            throw new errors_js_1.InputError(name, `Input ${reader.label(name)} contains a runner or agent command marker ("##" and "["), which no value needs; give the plain value.`);
        }
        if (exports.URI_INPUTS.has(name) && hasUriForbiddenCharacter(trimmed)) {
            throw new errors_js_1.InputError(name, `Input ${reader.label(name)} contains "#", "[" or "]", which an audience or URL never needs here; remove them.`);
        }
        if (trimmed.length > MAX_LENGTH) {
            throw new errors_js_1.InputError(name, `Input ${reader.label(name)} is ${trimmed.length} characters long; at most ${MAX_LENGTH} are accepted.`);
        }
        return trimmed;
    };
    const fail = (name, message) => {
        throw new errors_js_1.InputError(name, `Input ${reader.label(name)} ${message}`);
    };
    const identity = value('identity');
    if (!identity)
        fail('identity', 'is required: the UIDP of the Chainguard assumable identity to assume (chainctl iam identities list).');
    if (!UIDP.test(identity)) {
        fail('identity', `is not an assumable identity's UIDP ("${shown(identity)}"): expected 40 hex digits, then one or more "/" and 16 hex digits, in lower case.`);
    }
    let azureResource = value('azure-audience');
    if (!azureResource) {
        fail('azure-audience', 'is required: the Application ID URI of the Entra app the Chainguard identity trusts, e.g. api://<app-client-id>.');
    }
    azureResource = azureResource.replace(/\/\.default$/, '');
    if (!GUID.test(azureResource) && !isAbsoluteUri(azureResource)) {
        fail('azure-audience', `must be an Application ID URI such as api://<app-client-id> or a client ID (a GUID), not "${shown(azureResource)}".`);
    }
    const selectors = exports.SELECTOR_INPUTS.map((name) => ({ name, value: value(name) })).filter((s) => s.value);
    if (selectors.length > 1) {
        const names = selectors.map((s) => reader.label(s.name)).join(' and ');
        throw new errors_js_1.InputError(selectors[1].name, `Inputs ${names} are both set: choose the user-assigned identity with exactly one of them.`);
    }
    let selector;
    if (selectors.length === 1) {
        const { name, value: v } = selectors[0];
        const label = reader.label(name);
        if (name === 'managed-identity-resource-id') {
            if (!RESOURCE_ID.test(v)) {
                fail(name, `must be the ARM resource ID of a user-assigned identity, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>, not "${shown(v)}".`);
            }
            selector = { kind: 'resource-id', value: v, inputLabel: label };
        }
        else {
            if (!GUID.test(v))
                fail(name, `must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${shown(v)}".`);
            selector = { kind: name === 'managed-identity-client-id' ? 'client-id' : 'object-id', value: v.toLowerCase(), inputLabel: label };
        }
    }
    const registry = value('registry') || exports.DEFAULT_REGISTRY;
    const registryProblem = checkRegistry(registry);
    if (registryProblem)
        fail('registry', `${registryProblem} ("${shown(registry)}"); give a host name such as cgr.dev, optionally with :port.`);
    const audience = value('audience') || registry;
    if (/\s/.test(audience))
        fail('audience', `must not contain spaces ("${shown(audience)}").`);
    const issuer = checkIssuer(value('issuer') || exports.DEFAULT_ISSUER, (message) => fail('issuer', message));
    const dockerLogin = readBoolean('docker-login', value('docker-login'), true, reader);
    const logout = readBoolean('logout', value('logout'), true, reader);
    const dockerConfigRaw = value('docker-config');
    const dockerConfig = dockerConfigRaw ? node_path_1.default.resolve(cwd, expandHome(dockerConfigRaw)) : undefined;
    const timeoutRaw = value('timeout');
    let timeoutSeconds = exports.DEFAULT_TIMEOUT_SECONDS;
    if (timeoutRaw) {
        timeoutSeconds = Number(timeoutRaw);
        if (!/^\d+(\.\d+)?$/.test(timeoutRaw) || !(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            fail('timeout', `must be a number of seconds between 1 and 3600, not "${shown(timeoutRaw)}".`);
        }
    }
    return { identity, azureResource, selector, registry, audience, issuer, dockerLogin, dockerConfig, logout, timeoutSeconds };
}
function readBoolean(name, raw, fallback, reader) {
    if (!raw)
        return fallback;
    if (/^true$/i.test(raw))
        return true;
    if (/^false$/i.test(raw))
        return false;
    throw new errors_js_1.InputError(name, `Input ${reader.label(name)} must be true or false, not "${shown(raw)}".`);
}
/** Why `registry` is not `host` or `host:port`, or undefined when it is. */
function checkRegistry(registry) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(registry))
        return 'must not include a scheme';
    if (registry.includes('/'))
        return 'must not include a path';
    const match = /^(\[[0-9a-f:.]+\]|[^:]+)(?::(\d{1,5}))?$/i.exec(registry);
    if (!match)
        return 'is not a host name';
    const [, host, port] = match;
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
        return 'has a port outside 1-65535';
    if (host.startsWith('['))
        return undefined;
    if (host.length > 253 || !host.split('.').every((label) => HOST_LABEL.test(label)))
        return 'is not a host name';
    return undefined;
}
function checkIssuer(raw, fail) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return fail(`must be an https URL such as ${exports.DEFAULT_ISSUER}, not "${shown(raw)}".`);
    }
    if (url.username || url.password)
        fail('must not carry credentials.');
    if (url.search || url.hash)
        fail('must not have a query or fragment.');
    if (url.protocol === 'http:') {
        if (!isLoopback(url.hostname))
            fail(`must use https; plain http is accepted only for loopback addresses, not "${shown(raw)}".`);
    }
    else if (url.protocol !== 'https:') {
        fail(`must be an https URL, not "${shown(raw)}".`);
    }
    return url.href.replace(/\/+$/, '');
}
/** Whether a URL hostname is a loopback address or localhost. */
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
function isAbsoluteUri(value) {
    if (/\s/.test(value) || !/^[a-z][a-z0-9+.-]*:\/\/./i.test(value))
        return false;
    try {
        new URL(value);
        return true;
    }
    catch {
        return false;
    }
}
function expandHome(p) {
    if (p === '~' || p.startsWith('~/'))
        return node_path_1.default.join(process.env.HOME ?? '', p.slice(1));
    return p;
}
/** A value as shown in a message: clipped, so a pasted token or a huge value stays out of logs. */
function shown(value) {
    if (/^eyJ/.test(value))
        return '(a value that looks like a token, not shown)';
    return value.length > 80 ? `${value.slice(0, 40)}…` : value;
}


/***/ }),

/***/ 3622:
/***/ ((__unused_webpack_module, exports) => {


/**
 * Reads the claims of a JWT for messages and expiry. Never verifies a signature (the services
 * do that) and never logs the token itself.
 */
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.decodeClaims = decodeClaims;
exports.expiryOf = expiryOf;
exports.claimText = claimText;
/** The token's claims, or undefined when it is not a three-part JWT with a JSON payload. */
function decodeClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[1].length === 0)
        return undefined;
    try {
        const json = Buffer.from(parts[1], 'base64url').toString('utf8');
        const claims = JSON.parse(json);
        if (claims === null || typeof claims !== 'object' || Array.isArray(claims))
            return undefined;
        return claims;
    }
    catch {
        return undefined;
    }
}
/** The `exp` claim as a Date, or undefined when absent or not a number. */
function expiryOf(claims) {
    const exp = claims?.exp;
    if (typeof exp !== 'number' || !Number.isFinite(exp))
        return undefined;
    return new Date(exp * 1000);
}
/** A claim rendered for a message: strings as they are, arrays joined, anything else omitted. */
function claimText(claims, name) {
    const value = claims?.[name];
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.filter((v) => typeof v === 'string').join(', ');
    return '(absent)';
}


/***/ }),

/***/ 8786:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.login = login;
exports.runLogin = runLogin;
const cleanup_js_1 = __nccwpck_require__(3639);
const docker_login_js_1 = __nccwpck_require__(3179);
const errors_js_1 = __nccwpck_require__(4296);
const chainguard_sts_js_1 = __nccwpck_require__(690);
const inputs_js_1 = __nccwpck_require__(9114);
const index_js_1 = __nccwpck_require__(9402);
/** Logs the job in; throws a LoginError (or InputError) with one clear message on failure. */
async function login(platform, runtime) {
    const inputs = (0, inputs_js_1.readInputs)(platform, runtime.cwd);
    const signal = AbortSignal.timeout(inputs.timeoutSeconds * 1000);
    let waitingFor = 'the start';
    const context = {
        send: runtime.send,
        clock: runtime.clock,
        signal,
        mask: (secret) => platform.setSecret(secret),
        debug: (message) => platform.debug(message),
        env: runtime.env
    };
    try {
        const source = (0, index_js_1.selectSource)(runtime.env, inputs.selector, inputs_js_1.SELECTOR_INPUTS.map((name) => platform.label(name)));
        waitingFor = `an Azure token from ${source.name} (${source.endpoint})`;
        platform.info(`Getting an Azure token from ${source.name} for ${inputs.azureResource}`);
        const azure = await source.getToken(inputs.azureResource, context);
        waitingFor = `Chainguard's STS (${inputs.issuer})`;
        platform.info(`Exchanging it at ${inputs.issuer} for identity ${inputs.identity}`);
        const chainguard = await (0, chainguard_sts_js_1.exchangeAtChainguard)({
            issuer: inputs.issuer,
            identity: inputs.identity,
            audience: inputs.audience,
            subjectToken: azure.token,
            identityInput: platform.label('identity'),
            audienceInput: platform.label('audience')
        }, context);
        const expiresAt = chainguard.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
        let dockerConfigDir = '';
        let installed;
        // A login earlier in the same shell (the command-line tool hands its state back): replaced.
        const previous = (0, docker_login_js_1.parseCleanupState)(platform.getState(cleanup_js_1.STATE_KEY));
        const tempRoot = (0, cleanup_js_1.tempRootOf)(platform);
        try {
            if (inputs.dockerLogin) {
                waitingFor = 'the docker config to be written';
                installed = await (0, docker_login_js_1.installDockerLogin)({
                    registry: inputs.registry,
                    username: docker_login_js_1.TOKEN_USERNAME,
                    password: chainguard.token,
                    explicitDir: inputs.dockerConfig,
                    explicitDirLabel: platform.label('docker-config'),
                    tempRoot,
                    env: runtime.env,
                    home: runtime.home,
                    warn: (message) => platform.warning(message),
                    saveState: inputs.logout ? (state) => platform.saveState(cleanup_js_1.STATE_KEY, JSON.stringify(state)) : undefined,
                    previous
                });
                dockerConfigDir = installed.dockerConfigDir;
                platform.exportVariable('DOCKER_CONFIG', installed.dockerConfigDir);
                platform.exportVariable('REGISTRY_AUTH_FILE', installed.containersAuthFile);
                platform.info(`Logged in to ${inputs.registry}; docker config in ${installed.dockerConfigDir} (exported as DOCKER_CONFIG)`);
            }
            platform.setOutput('token', chainguard.token, { secret: true });
            platform.setOutput('expires-at', expiresAt);
            platform.setOutput('identity', inputs.identity);
            platform.setOutput('docker-config', dockerConfigDir);
        }
        catch (error) {
            // Nothing half-written: a failure after the login was written takes it out again.
            if (installed)
                await (0, docker_login_js_1.removeDockerLogin)(installed.state, { tempRoot, env: runtime.env }).catch(() => undefined);
            throw error;
        }
        platform.info(`Chainguard token for ${inputs.identity} expires at ${expiresAt}`);
        if (previous && inputs.dockerLogin) {
            try {
                for (const line of await (0, docker_login_js_1.removeDockerLogin)(previous, { tempRoot, env: runtime.env }))
                    platform.info(`Replaced the earlier login: ${line}`);
            }
            catch (error) {
                platform.warning(`Could not remove the earlier login: ${(0, errors_js_1.messageOf)(error)}`);
            }
        }
    }
    catch (error) {
        if (signal.aborted) {
            throw new errors_js_1.LoginError(`Timed out after ${inputs.timeoutSeconds} s (${platform.label('timeout')}) while waiting for ${waitingFor}. ` +
                `Raise ${platform.label('timeout')} if the service is slow, or check that it is reachable from this machine.`);
        }
        throw error instanceof Error ? error : new Error(String(error));
    }
}
/** Runs `login`, reporting any failure through the platform as one message. */
async function runLogin(platform, runtime) {
    try {
        await login(platform, runtime);
    }
    catch (error) {
        platform.setFailed((0, errors_js_1.messageOf)(error));
    }
}


/***/ }),

/***/ 7253:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.backoffMs = backoffMs;
exports.retrying = retrying;
/**
 * The delay before retry number `retry` (1-based): `base · 2^(retry-1)`, capped, then scaled
 * by a random factor in [0.8, 1.2) so that many runners do not retry in lockstep.
 */
function backoffMs(retry, baseMs, capMs, random) {
    const plain = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
    return Math.round(plain * (0.8 + 0.4 * random()));
}
/** Runs `run` until it succeeds or `retryAfter` says to stop. */
async function retrying(options) {
    const start = options.clock.now();
    for (let attempt = 1;; attempt++) {
        try {
            return await options.run(attempt);
        }
        catch (error) {
            if (options.signal?.aborted)
                throw error;
            const delay = options.retryAfter(error, attempt, options.clock.now() - start);
            if (delay === undefined)
                throw error;
            options.onRetry?.(error, attempt, delay);
            await options.clock.sleep(delay, options.signal);
        }
    }
}


/***/ }),

/***/ 9199:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.processRuntime = processRuntime;
/** The real process's runtime for the core. */
const node_os_1 = __importDefault(__nccwpck_require__(8161));
const clock_js_1 = __nccwpck_require__(2257);
const http_js_1 = __nccwpck_require__(1983);
/**
 * `CHAINGUARD_LOGIN_TIME_SCALE` (a number in (0, 1]) makes retry waits and budgets pass faster;
 * the project's tests of the built bundles use it to ride out a 70 s IMDS update in a second.
 */
function processRuntime() {
    return { env: process.env, clock: (0, clock_js_1.systemClock)((0, clock_js_1.timeScale)(process.env)), send: http_js_1.send, home: node_os_1.default.homedir(), cwd: process.cwd() };
}


/***/ }),

/***/ 4443:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ImdsSource = exports.IMDS_DEFAULT_BASE = void 0;
exports.expiryFrom = expiryFrom;
/**
 * Azure Instance Metadata Service: the managed-identity endpoint of VMs and scale sets.
 * Never goes through a proxy, never follows a redirect, and retries the way Microsoft advises.
 */
const errors_js_1 = __nccwpck_require__(4296);
const http_js_1 = __nccwpck_require__(1983);
const retry_js_1 = __nccwpck_require__(7253);
const source_js_1 = __nccwpck_require__(193);
exports.IMDS_DEFAULT_BASE = 'http://169.254.169.254';
const TOKEN_PATH = '/metadata/identity/oauth2/token';
const API_VERSION = '2018-02-01';
const CONNECT_TIMEOUT_MS = 2_000;
/** IMDS answers within milliseconds even when busy (it says 410 or 429 at once). */
const ATTEMPT_TIMEOUT_MS = 5_000;
/** Accepting connections and never answering is given up on after this long in all. */
const SILENT_BUDGET_MS = 20_000;
const MAX_BODY_BYTES = 64 * 1024;
/** 404, 429 and 5xx are retried this many times. */
const MAX_RETRIES = 5;
/** 410 means IMDS is updating, which takes up to 70 s: keep trying at least that long. */
const UPDATING_BUDGET_MS = 75_000;
const MAX_RETRY_AFTER_MS = 60_000;
const SELECTOR_PARAMETER = {
    'client-id': 'client_id',
    'object-id': 'object_id',
    'resource-id': 'msi_res_id'
};
/** A complete HTTP answer from IMDS that is not a token. */
class ImdsStatus extends Error {
    response;
    summary;
    constructor(response, summary) {
        super(summary);
        this.response = response;
        this.summary = summary;
    }
}
class ImdsSource {
    selector;
    allSelectorInputs;
    name = 'IMDS';
    endpoint;
    /**
     * @param selector  a user-assigned identity, or undefined for the system-assigned one
     * @param allSelectorInputs  the three selector inputs as the user writes them, for messages
     * @param base  the IMDS base URL (`AZURE_POD_IDENTITY_AUTHORITY_HOST` overrides the default)
     */
    constructor(selector, allSelectorInputs, base = exports.IMDS_DEFAULT_BASE) {
        this.selector = selector;
        this.allSelectorInputs = allSelectorInputs;
        this.endpoint = new URL(TOKEN_PATH, base).href;
    }
    /** The IMDS base URL for this environment. */
    static baseFrom(env) {
        const override = env.AZURE_POD_IDENTITY_AUTHORITY_HOST?.trim();
        return override ? override : exports.IMDS_DEFAULT_BASE;
    }
    async getToken(resource, context) {
        const url = new URL(this.endpoint);
        url.searchParams.set('api-version', API_VERSION);
        url.searchParams.set('resource', resource);
        if (this.selector)
            url.searchParams.set(SELECTOR_PARAMETER[this.selector.kind], this.selector.value);
        const who = this.selector ? `user-assigned identity ${this.selector.value}` : 'system-assigned identity';
        context.debug(`Requesting an Azure token from IMDS (${url.origin}${url.pathname}) for ${resource} with the ${who}`);
        // Consecutive attempts that got no answer, and when the first of them started.
        const begin = context.clock.now();
        const silence = { attemptStart: 0, since: undefined, attempts: 0 };
        const response = await (0, retry_js_1.retrying)({
            clock: context.clock,
            signal: context.signal,
            run: () => {
                silence.attemptStart = context.clock.now() - begin;
                return this.attempt(url, context);
            },
            retryAfter: (error, attempt, elapsed) => this.retryDelay(error, attempt, elapsed, context, silence),
            onRetry: (error, attempt, delay) => context.debug(`IMDS attempt ${attempt} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`)
        }).catch((error) => {
            throw this.explain(error, context, silence.attempts);
        });
        return this.parse(response, context);
    }
    async attempt(url, context) {
        const response = await context.send({
            url,
            method: 'GET',
            headers: { Metadata: 'true', Accept: 'application/json' },
            route: 'direct',
            connectTimeoutMs: CONNECT_TIMEOUT_MS,
            timeoutMs: scaledLimit(ATTEMPT_TIMEOUT_MS, context.clock.scale),
            maxBodyBytes: MAX_BODY_BYTES,
            signal: context.signal
        });
        if (response.status === 200)
            return response;
        const body = (0, http_js_1.jsonObject)(response.body);
        const code = typeof body?.error === 'string' ? body.error : '';
        const description = typeof body?.error_description === 'string' ? body.error_description : '';
        const detail = [code, description].filter(Boolean).join(': ');
        throw new ImdsStatus(response, `HTTP ${response.status}${detail ? ` (${(0, source_js_1.clip)(detail)})` : ''}`);
    }
    retryDelay(error, attempt, elapsed, context, silence) {
        const { clock } = context;
        if (error instanceof http_js_1.HttpFailure && error.kind === 'timeout') {
            // Accepted, then nothing: retry only while the whole silence, with the next attempt,
            // stays within its budget.
            silence.since ??= silence.attemptStart;
            silence.attempts++;
            const delay = (0, retry_js_1.backoffMs)(attempt, 1_000, 4_000, clock.random);
            return elapsed - silence.since + delay + ATTEMPT_TIMEOUT_MS <= SILENT_BUDGET_MS ? delay : undefined;
        }
        silence.since = undefined;
        silence.attempts = 0;
        if (error instanceof http_js_1.HttpFailure) {
            // A connection that broke mid-answer is worth another try; one that never opened means
            // there is no endpoint here, and waiting will not change that.
            return error.kind === 'reset' && attempt <= 2 ? (0, retry_js_1.backoffMs)(attempt, 1_000, 4_000, clock.random) : undefined;
        }
        if (!(error instanceof ImdsStatus))
            return undefined;
        const status = error.response.status;
        if (status === 410) {
            if (elapsed >= UPDATING_BUDGET_MS)
                return undefined;
            return Math.min((0, retry_js_1.backoffMs)(attempt, 1_000, 10_000, clock.random), UPDATING_BUDGET_MS - elapsed + 1);
        }
        const retryable = status === 404 || status === 429 || status >= 500;
        if (!retryable || attempt > MAX_RETRIES)
            return undefined;
        let delay = (0, retry_js_1.backoffMs)(attempt, 1_000, 16_000, clock.random);
        const asked = (0, http_js_1.retryAfterMs)(error.response.headers, clock.now());
        if (asked !== undefined)
            delay = Math.max(delay, Math.min(asked, MAX_RETRY_AFTER_MS));
        if (status >= 500)
            delay = Math.max(delay, 1_000);
        return delay;
    }
    parse(response, context) {
        const body = (0, http_js_1.jsonObject)(response.body);
        const token = body?.access_token;
        if (typeof token !== 'string' || token.length === 0) {
            // Mask whatever came back in case it carries a token in an unexpected shape.
            if (body)
                for (const value of Object.values(body))
                    if (typeof value === 'string' && value.length > 20)
                        context.mask(value);
            const what = body ? 'JSON without an access_token' : 'not JSON';
            throw new errors_js_1.LoginError(`Could not get an Azure token from IMDS (${this.endpoint}): it answered 200 with a body that is ${what}. ` +
                'Something other than the Azure metadata service answered: check AZURE_POD_IDENTITY_AUTHORITY_HOST and any ' +
                'network appliance in front of the metadata address.');
        }
        context.mask(token);
        return { token, expiresAt: expiryFrom(body ?? {}, context.clock.now()) };
    }
    /** Turns the last failure into one message that names the call and the fix. */
    explain(error, context, silentAttempts) {
        if (context.signal?.aborted)
            return error instanceof Error ? error : new Error(String(error));
        const call = `Could not get an Azure token from IMDS (${this.endpoint})`;
        if (error instanceof http_js_1.HttpFailure) {
            switch (error.kind) {
                case 'timeout':
                    return new errors_js_1.LoginError(`${call}: it accepted the connection but sent no answer within ${SILENT_BUDGET_MS / 1000} s ` +
                        `(${silentAttempts} ${silentAttempts === 1 ? 'attempt' : 'attempts'}). The Azure metadata service answers within ` +
                        'milliseconds even when busy, so something else is holding the connection: check firewalls, proxies or ' +
                        'security software on this machine, and AZURE_POD_IDENTITY_AUTHORITY_HOST.');
                case 'refused':
                case 'connect-timeout':
                case 'unreachable':
                    return new errors_js_1.LoginError(`${call}: ${error.message}. This machine has no Azure managed identity endpoint: it is not an Azure VM or ` +
                        'scale set instance, or a firewall or route blocks the metadata address. Run the step on an Azure machine ' +
                        'with a managed identity (or point AZURE_POD_IDENTITY_AUTHORITY_HOST at your endpoint).');
                case 'too-large':
                    return new errors_js_1.LoginError(`${call}: ${error.message}; a token response is a few kilobytes, so something else answered.`);
                default:
                    return new errors_js_1.LoginError(`${call}: ${error.message}.`);
            }
        }
        if (error instanceof ImdsStatus) {
            const status = error.response.status;
            const audienceHint = 'If the identity is right, check azure-audience: it must be the Application ID URI of an Entra app ' +
                '(api://<app-client-id>) or another resource Entra ID knows.';
            if (status === 400 && this.selector) {
                return new errors_js_1.LoginError(`${call}: IMDS refused the request, ${error.summary}. The managed identity selected by ` +
                    `${this.selector.inputLabel} (${this.selector.value}) is not assigned to this machine: assign it to the VM ` +
                    `or scale set, or correct ${this.selector.inputLabel}. ${audienceHint}`);
            }
            if (status === 400) {
                return new errors_js_1.LoginError(`${call}: IMDS refused the request, ${error.summary}. Either this machine has no system-assigned managed ` +
                    'identity, or it has several user-assigned identities and IMDS cannot choose one: set exactly one of ' +
                    `${this.allSelectorInputs.join(', ')}, or enable the system-assigned identity. ${audienceHint}`);
            }
            if (status === 410)
                return new errors_js_1.LoginError(`${call}: IMDS was still updating (${error.summary}) after more than 70 s. Try again shortly.`);
            if (status === 404 || status === 429 || status >= 500) {
                return new errors_js_1.LoginError(`${call}: IMDS kept failing (last answer ${error.summary}) after ${MAX_RETRIES + 1} attempts. Try again shortly.`);
            }
            if (status >= 300 && status < 400) {
                return new errors_js_1.LoginError(`${call}: it answered with a redirect (${error.summary}), which the metadata service never sends; something else answered.`);
            }
            return new errors_js_1.LoginError(`${call}: IMDS answered ${error.summary}.`);
        }
        return error instanceof Error ? error : new Error(String(error));
    }
}
exports.ImdsSource = ImdsSource;
/**
 * The token's expiry from `expires_on` (epoch seconds or a date string) or `expires_in`;
 * undefined when neither gives a valid time.
 */
function expiryFrom(body, now) {
    const valid = (ms) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms) : undefined);
    const on = body.expires_on;
    if (typeof on === 'number' || (typeof on === 'string' && /^\d+$/.test(on.trim()))) {
        const at = valid(Number(on) * 1000);
        if (at)
            return at;
    }
    else if (typeof on === 'string' && on.trim()) {
        const at = valid(Date.parse(on));
        if (at)
            return at;
    }
    const inSeconds = body.expires_in;
    if (typeof inSeconds === 'number' || (typeof inSeconds === 'string' && /^\d+$/.test(inSeconds.trim()))) {
        return valid(now + Number(inSeconds) * 1000);
    }
    return undefined;
}
/**
 * A real-time limit under the clock's time scale: shortened like the waits (tests run time
 * faster), but never below 250 ms, so that a busy test machine does not look like a silent
 * endpoint.
 */
function scaledLimit(ms, scale = 1) {
    return scale >= 1 ? ms : Math.max(ms * scale, Math.min(ms, 250));
}


/***/ }),

/***/ 9402:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.selectSource = selectSource;
/** Chooses the identity-token source for this environment. */
const imds_js_1 = __nccwpck_require__(4443);
/**
 * The source to ask. Today every Azure machine is asked through IMDS; sources detected from
 * the environment (App Service, Arc, workload identity) slot in here ahead of it.
 */
function selectSource(env, selector, allSelectorInputs) {
    return new imds_js_1.ImdsSource(selector, allSelectorInputs, imds_js_1.ImdsSource.baseFrom(env));
}


/***/ }),

/***/ 193:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.redact = redact;
exports.clip = clip;
/** Anything that starts like a JWT (`eyJ`: base64url of `{"`), up to three base64url parts. */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){0,2}/g;
const REDACTED = '[redacted]';
/**
 * Removes secrets from text a service sent, before it goes into any message: each of `secrets`
 * (the token presented, any token issued) and anything shaped like a JWT, whole or cut short.
 */
function redact(text, secrets = []) {
    let result = text;
    for (const secret of secrets)
        if (secret && secret.length >= 8)
            result = result.split(secret).join(REDACTED);
    return result.replace(JWT_LIKE, REDACTED);
}
/**
 * Text from a service, made fit for a message: secrets removed (see redact), then one line,
 * printable, at most `max` characters. Every piece of service text that reaches a message goes
 * through here.
 */
function clip(text, max = 300, secrets = []) {
    // eslint-disable-next-line no-control-regex
    const oneLine = redact(text, secrets).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}


/***/ }),

/***/ 3917:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CLI_HELP = exports.STATE_VARIABLE = void 0;
exports.parseArgs = parseArgs;
exports.shellQuote = shellQuote;
exports.cliPlatform = cliPlatform;
/**
 * A plain shell (Jenkins, GitLab, Buildkite, cron): inputs as `--flags`, logs on stderr, and
 * on stdout only `export NAME='value'` lines, so that `eval "$(chainguard-azure-login …)"`
 * carries DOCKER_CONFIG and the outputs into the calling shell.
 */
const inputs_js_1 = __nccwpck_require__(9114);
exports.STATE_VARIABLE = 'CHAINGUARD_LOGIN_STATE';
const OUTPUT_VARIABLES = {
    token: 'CHAINGUARD_TOKEN',
    'expires-at': 'CHAINGUARD_TOKEN_EXPIRES_AT',
    identity: 'CHAINGUARD_IDENTITY',
    'docker-config': 'DOCKER_CONFIG'
};
/** Parses `[login|logout] --name value|--name=value … [--export-token] [--debug] [--help]`. */
function parseArgs(argv) {
    const options = { command: 'login', values: {}, exportToken: false, debug: false };
    const args = [...argv];
    if (args[0] === 'login' || args[0] === 'logout')
        options.command = args.shift();
    while (args.length > 0) {
        const arg = args.shift();
        if (arg === '--help' || arg === '-h')
            return { ...options, command: 'help' };
        if (arg === '--export-token') {
            options.exportToken = true;
            continue;
        }
        if (arg === '--debug') {
            options.debug = true;
            continue;
        }
        const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
        const name = match?.[1];
        if (!match || !name || !inputs_js_1.INPUT_NAMES.includes(name)) {
            throw new Error(`Unknown argument ${JSON.stringify(arg)}; see --help.`);
        }
        let value = match[2];
        if (value === undefined) {
            if (args.length === 0)
                throw new Error(`--${name} needs a value.`);
            value = args.shift();
        }
        options.values[name] = value;
    }
    return options;
}
/** Quotes a value for a POSIX shell. */
function shellQuote(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
function cliPlatform(options, env, out, err) {
    const platform = {
        failed: false,
        get: (name) => options.values[name] ?? '',
        label: (name) => `--${name}`,
        setSecret: () => undefined,
        setOutput: (name, value) => {
            if (name === 'token' && !options.exportToken)
                return;
            if (name === 'docker-config')
                return; // exported as DOCKER_CONFIG already
            out(`export ${OUTPUT_VARIABLES[name]}=${shellQuote(value)}`);
        },
        exportVariable: (name, value) => out(`export ${name}=${shellQuote(value)}`),
        saveState: (_name, value) => out(`export ${exports.STATE_VARIABLE}=${shellQuote(value)}`),
        getState: () => env[exports.STATE_VARIABLE] ?? '',
        info: (message) => err(message),
        debug: (message) => {
            if (options.debug)
                err(`debug: ${message}`);
        },
        warning: (message) => err(`warning: ${message}`),
        setFailed: (message) => {
            platform.failed = true;
            err(`error: ${message}`);
        },
        tempDir: () => env.RUNNER_TEMP || env.AGENT_TEMPDIRECTORY || undefined
    };
    return platform;
}
exports.CLI_HELP = `chainguard-azure-login: log in to Chainguard's registry with this machine's Azure managed identity.

Usage:
  eval "$(chainguard-azure-login --identity <UIDP> --azure-audience api://<app-client-id> [options])"
  chainguard-azure-login logout        # removes what the login above wrote (reads ${exports.STATE_VARIABLE})

Options (the same inputs as the GitHub Action):
  --identity <uidp>                      Chainguard assumable identity to assume (required)
  --azure-audience <uri>                 resource asked of the managed-identity endpoint (required)
  --managed-identity-client-id <guid>    user-assigned identity by client ID
  --managed-identity-object-id <guid>    ... by principal (object) ID
  --managed-identity-resource-id <id>    ... by ARM resource ID
  --registry <host[:port]>               registry to log in to (default cgr.dev)
  --audience <aud>                       audience of the Chainguard token (default: the registry)
  --issuer <url>                         Chainguard STS (default https://issuer.enforce.dev)
  --docker-login <true|false>            write docker auth (default true)
  --docker-config <dir>                  merge into this docker config directory instead of a fresh one
  --logout <true|false>                  export ${exports.STATE_VARIABLE} for 'logout' (default true)
  --timeout <seconds>                    give up after this long (default 120)
  --export-token                         also export CHAINGUARD_TOKEN
  --debug                                print debug lines on stderr

stdout carries only export lines; logs go to stderr.
`;


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = require("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = require("events");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = require("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = require("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = require("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = require("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = require("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = require("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = require("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = require("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = require("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = require("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = require("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = require("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = require("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = require("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = require("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = require("node:zlib");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = require("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = require("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = require("util");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/compat */
/******/ 	
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it uses a non-standard name for the exports (exports).
(() => {
var exports = __webpack_exports__;

Object.defineProperty(exports, "__esModule", ({ value: true }));
const errors_js_1 = __nccwpck_require__(4296);
const cleanup_js_1 = __nccwpck_require__(3639);
const login_js_1 = __nccwpck_require__(8786);
const runtime_js_1 = __nccwpck_require__(9199);
const cli_js_1 = __nccwpck_require__(3917);
const out = (line) => void process.stdout.write(`${line}\n`);
const err = (line) => void process.stderr.write(`${line}\n`);
async function main() {
    try {
        const options = (0, cli_js_1.parseArgs)(process.argv.slice(2));
        if (options.command === 'help') {
            out(cli_js_1.CLI_HELP);
            return;
        }
        const platform = (0, cli_js_1.cliPlatform)(options, process.env, out, err);
        if (options.command === 'logout')
            await (0, cleanup_js_1.runCleanup)(platform);
        else
            await (0, login_js_1.runLogin)(platform, (0, runtime_js_1.processRuntime)());
        if (platform.failed)
            process.exitCode = 1;
    }
    catch (error) {
        err(`error: ${(0, errors_js_1.messageOf)(error)}`);
        process.exitCode = 2;
    }
}
void main();

})();

module.exports = __webpack_exports__;
/******/ })()
;