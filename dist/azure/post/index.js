/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 639:
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
const node_os_1 = __importDefault(__nccwpck_require__(161));
const node_path_1 = __importDefault(__nccwpck_require__(760));
const docker_login_js_1 = __nccwpck_require__(179);
const errors_js_1 = __nccwpck_require__(296);
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

/***/ 257:
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

/***/ 110:
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
const node_fs_1 = __importDefault(__nccwpck_require__(24));
const node_os_1 = __importDefault(__nccwpck_require__(161));
const node_path_1 = __importDefault(__nccwpck_require__(760));
const errors_js_1 = __nccwpck_require__(296);
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
    const { createHash } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 217, 23));
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

/***/ 179:
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
const node_fs_1 = __importDefault(__nccwpck_require__(24));
const node_path_1 = __importDefault(__nccwpck_require__(760));
const clock_js_1 = __nccwpck_require__(257);
const docker_config_js_1 = __nccwpck_require__(110);
const errors_js_1 = __nccwpck_require__(296);
/** docker's user name for a Chainguard token. */
exports.TOKEN_USERNAME = '_token';
const CONTAINERS_AUTH_FILE = 'containers-auth.json';
/** A random marker: 128 bits, hex. */
async function newMarker() {
    const { randomBytes } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 217, 23));
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

/***/ 296:
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

/***/ 598:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.azurePipelinesPlatform = azurePipelinesPlatform;
/**
 * Azure Pipelines: speaks the agent's documented protocol directly — inputs in INPUT_*, task
 * variables in VSTS_TASKVARIABLE_*, and `##vso[…]` logging commands on stdout — exactly as
 * azure-pipelines-task-lib writes them (a conformance test compares the two), without loading
 * the library's shell, glob and vault machinery. Names are camelCase.
 */
const node_os_1 = __nccwpck_require__(161);
const platform_js_1 = __nccwpck_require__(944);
/** Escapes a logging command's message. */
function escapeData(value) {
    return value.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escapes a logging command's property value. */
function escapeProperty(value) {
    return escapeData(value).replace(/]/g, '%5D').replace(/;/g, '%3B');
}
/** `##vso[area.action key=value;…]message`; properties with empty values are left out. */
function formatCommand(name, properties, message) {
    const props = Object.entries(properties)
        .filter(([, value]) => value)
        .map(([key, value]) => `${key}=${escapeProperty(value)};`)
        .join('');
    return `##vso[${name}${props ? ` ${props}` : ''}]${escapeData(message)}`;
}
/** The environment variable behind an agent variable or input name. */
function variableKey(name) {
    return name.replace(/\./g, '_').replace(/ /g, '_').toUpperCase();
}
/** The adapter; `out` receives what goes to standard output. */
function azurePipelinesPlatform(out = platform_js_1.writeStdout) {
    const command = (name, properties, message) => out(`${formatCommand(name, properties, message)}${node_os_1.EOL}`);
    const setVariable = (name, value, secret, isOutput) => {
        if (!secret)
            process.env[variableKey(name)] = value;
        command('task.setvariable', { variable: name, isOutput: String(isOutput), issecret: String(secret) }, value);
    };
    const issue = (type, message) => command('task.issue', { type, source: 'TaskInternal' }, message);
    return {
        get: (name) => (process.env[`INPUT_${variableKey((0, platform_js_1.camelCase)(name))}`] ?? '').trim(),
        label: (name) => (0, platform_js_1.camelCase)(name),
        setSecret: (value) => command('task.setsecret', {}, value),
        setOutput: (name, value, options) => setVariable((0, platform_js_1.camelCase)(name), value, options?.secret ?? false, true),
        exportVariable: (name, value) => setVariable(name, value, false, false),
        saveState: (name, value) => {
            process.env[`VSTS_TASKVARIABLE_${variableKey(name)}`] = value;
            command('task.settaskvariable', { variable: name, issecret: 'false' }, value);
        },
        getState: (name) => (process.env[`VSTS_TASKVARIABLE_${variableKey(name)}`] ?? '').trim(),
        info: (message) => out(`${message}${node_os_1.EOL}`),
        debug: (message) => command('task.debug', {}, message),
        warning: (message) => issue('warning', message),
        setFailed: (message) => {
            issue('error', message);
            command('task.complete', { result: 'Failed' }, message);
        },
        tempDir: () => process.env.AGENT_TEMPDIRECTORY || undefined
    };
}


/***/ }),

/***/ 944:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.OUTPUT_NAMES = void 0;
exports.camelCase = camelCase;
exports.writeStdout = writeStdout;
/**
 * The small interface the core needs from a runner. One adapter per runner implements it; the
 * core never imports a runner library.
 */
const node_fs_1 = __nccwpck_require__(24);
exports.OUTPUT_NAMES = ['token', 'expires-at', 'identity', 'docker-config'];
/** kebab-case to camelCase: the Azure Pipelines spelling of an input or output. */
function camelCase(name) {
    return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
/**
 * Writes to standard output through the file descriptor, without creating `process.stdout`
 * (whose stream set-up costs start-up time); retries while a non-blocking pipe is full.
 */
function writeStdout(text) {
    const buffer = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < buffer.length) {
        try {
            offset += (0, node_fs_1.writeSync)(1, buffer, offset);
        }
        catch (error) {
            if (error.code !== 'EAGAIN')
                throw error;
        }
    }
}


/***/ }),

/***/ 217:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 24:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 760:
/***/ ((module) => {

module.exports = require("node:path");

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
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it uses a non-standard name for the exports (exports).
(() => {
var exports = __webpack_exports__;

Object.defineProperty(exports, "__esModule", ({ value: true }));
const cleanup_js_1 = __nccwpck_require__(639);
const azure_pipelines_js_1 = __nccwpck_require__(598);
void (0, cleanup_js_1.runCleanup)((0, azure_pipelines_js_1.azurePipelinesPlatform)());

})();

module.exports = __webpack_exports__;
/******/ })()
;