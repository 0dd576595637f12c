import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7751:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  UV: () => (/* binding */ CHAINGUARD_USERNAME),
  Ab: () => (/* binding */ DEFAULT_REFRESH_TIMEOUT_SECONDS),
  pQ: () => (/* binding */ HelperError),
  hs: () => (/* binding */ NOT_FOUND_MESSAGE),
  tB: () => (/* binding */ SECRET_ENVIRONMENT),
  _P: () => (/* binding */ findHelperBundle),
  T: () => (/* binding */ helperGet),
  ZC: () => (/* binding */ helperList),
  XY: () => (/* binding */ readHelperConfig),
  mb: () => (/* binding */ readNetworkSecrets)
});

// UNUSED EXPORTS: ACR_USERNAME, DEFAULT_MIN_REMAINING_SECONDS, FAILURE_WINDOW_MS, HELPER_CONFIG_FILE, HELPER_CONFIG_VERSION, NETWORK_SECRETS_FILE, helperName, installHelper, normaliseHost, nullMap, readCached, removeHelper, reuseMarginMs, sharedHelperName, usernameFor, writeCached, writeFileAtomic, writeHelperConfig, writeHelperWrappers, writeNetworkSecrets

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __nccwpck_require__(9928);
;// CONCATENATED MODULE: ./src/core/docker-config.ts
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
function userDockerConfigDir(env, home = os.homedir()) {
    return env.DOCKER_CONFIG?.trim() ? path.resolve(env.DOCKER_CONFIG.trim()) : path.join(home, '.docker');
}
/** The containers-image tools' primary auth file, when this environment names one. */
function userContainersAuthFile(env) {
    if (env.REGISTRY_AUTH_FILE?.trim())
        return path.resolve(env.REGISTRY_AUTH_FILE.trim());
    if (env.XDG_RUNTIME_DIR?.trim())
        return path.join(env.XDG_RUNTIME_DIR.trim(), 'containers', 'auth.json');
    return undefined;
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
        const why = error instanceof NotRegularFile
            ? error.message
            : `${file} could not be read (${error.code ?? messageOf(error)})`;
        if (lenient) {
            onIgnored?.(why);
            return {};
        }
        throw new LoginError(error instanceof NotRegularFile
            ? `${why}: replace it with a file or remove it.`
            : `Could not read ${file}: ${error.code ?? messageOf(error)}.`);
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
        throw new LoginError(`${file} is not a JSON object: fix or remove it, then run the step again.`);
    }
    return value;
}
/**
 * Writes JSON through a temporary file and a rename, so readers never see half a file; a failed
 * write removes its temporary file. `durable` also flushes it to disk first: for files that
 * outlive the job. `mode` is the file's mode (default 0600), applied whatever the umask.
 */
function writeFileAtomic(file, content, durable = false, mode = FILE_MODE) {
    writeTextAtomic(file, `${JSON.stringify(content, null, '\t')}\n`, { durable, mode });
}
/**
 * The file a path finally names, following symbolic links (a dangling one too), so that an
 * explicit config.json that is a link is written through to its target instead of replaced.
 */
function linkTarget(file) {
    let current = file;
    for (let hops = 0; hops < 40; hops++) {
        const stat = fs.lstatSync(current, { throwIfNoEntry: false });
        if (!stat?.isSymbolicLink())
            return current;
        current = path.resolve(path.dirname(current), fs.readlinkSync(current));
    }
    throw new LoginError(`${file} is a chain of more than 40 symbolic links.`);
}
const OWNER_PREFIX = 'owner.';
/** Whether a lock's owner is gone: a dead process on this machine, or a hold past `staleMs`. */
function ownerGone(owner, heldMs, staleMs) {
    if (heldMs > staleMs)
        return true;
    return typeof owner?.pid === 'number' && owner.host === external_node_os_default().hostname() && !(0,files/* processAlive */.FN)(owner.pid);
}
function readOwner(file) {
    try {
        const value = JSON.parse((0,files/* readRegularFile */.XF)(file, { maxBytes: 4096 }) ?? '');
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
    const stat = external_node_fs_default().lstatSync(lock, { throwIfNoEntry: false });
    if (!stat)
        return true;
    const now = Date.now();
    if (!stat.isDirectory()) {
        // A lock file in the format of earlier versions: the holder's process ID. Unlinking a path
        // never removes a directory lock, so two jobs clearing it cannot remove each other's lock.
        let content;
        try {
            content = (0,files/* readRegularFile */.XF)(lock);
        }
        catch {
            content = undefined;
        }
        const pid = Number.parseInt(content ?? '', 10);
        if (!ownerGone(Number.isInteger(pid) ? { pid, host: external_node_os_default().hostname() } : undefined, now - stat.mtimeMs, staleMs))
            return false;
        tolerate(() => external_node_fs_default().unlinkSync(lock), ['ENOENT', 'EISDIR', 'EPERM']);
        return true;
    }
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
        tolerate(() => external_node_fs_default().rmdirSync(lock), ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM']);
        return true;
    }
    const owner = entries.find((name) => name.startsWith(OWNER_PREFIX));
    if (!owner)
        return false;
    const ownerFile = external_node_path_default().join(lock, owner);
    const ownerStat = external_node_fs_default().statSync(ownerFile, { throwIfNoEntry: false });
    if (!ownerStat)
        return true;
    if (!ownerGone(readOwner(ownerFile), now - ownerStat.mtimeMs, staleMs))
        return false;
    tolerate(() => external_node_fs_default().unlinkSync(ownerFile), ['ENOENT']);
    tolerate(() => external_node_fs_default().rmdirSync(lock), ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM']);
    return true;
}
/** Removes staging directories of jobs that died waiting for the lock. Called holding it. */
function sweepStaging(lock, waitMs) {
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
        const ownerFile = fs
            .readdirSync(staging)
            .filter((entry) => entry.startsWith(OWNER_PREFIX))
            .map((entry) => path.join(staging, entry))[0];
        // A waiter touches its owner file at every try and never waits longer than waitMs.
        const touched = (ownerFile && fs.statSync(ownerFile, { throwIfNoEntry: false })?.mtimeMs) || stat.mtimeMs;
        if (ownerGone(ownerFile ? readOwner(ownerFile) : undefined, Date.now() - touched, waitMs))
            fs.rmSync(staging, { recursive: true, force: true });
    }
}
/** Renames the prepared lock directory into place; false while another lock is there. */
function tryRename(staging, lock) {
    try {
        external_node_fs_default().renameSync(staging, lock);
        return true;
    }
    catch (error) {
        const code = error.code ?? '';
        // ENOTEMPTY/EEXIST: a lock is there; ENOTDIR: a lock file of an earlier version; EPERM or
        // EACCES: Windows, which does not rename onto an existing directory.
        if (['ENOTEMPTY', 'EEXIST', 'ENOTDIR'].includes(code))
            return false;
        if (['EPERM', 'EACCES'].includes(code) && external_node_fs_default().lstatSync(lock, { throwIfNoEntry: false }))
            return false;
        throw error;
    }
}
/**
 * Tries once to take the lock at `lock` (clearing it first when its holder is gone or has held
 * it longer than `staleMs`): returns the function that releases it, or undefined while another
 * process holds it. The same lock as withFileLock's, for callers that do something else while
 * they wait (the credential helper reads the cache another process is refreshing).
 */
function tryFileLock(lock, staleMs) {
    const unique = (0,files/* uniqueSuffix */.v_)();
    const ownerName = `${OWNER_PREFIX}${unique}`;
    const staging = `${lock}.${unique}`;
    external_node_fs_default().mkdirSync(staging, { mode: DIR_MODE });
    try {
        external_node_fs_default().writeFileSync(external_node_path_default().join(staging, ownerName), JSON.stringify({ pid: process.pid, host: external_node_os_default().hostname() }), {
            mode: FILE_MODE
        });
        for (let attempt = 0; attempt < 2; attempt++) {
            if (tryRename(staging, lock))
                return () => releaseLock(lock, ownerName);
            if (!clearIfStale(lock, staleMs))
                break;
        }
    }
    catch (error) {
        external_node_fs_default().rmSync(staging, { recursive: true, force: true });
        throw error;
    }
    external_node_fs_default().rmSync(staging, { recursive: true, force: true });
    return undefined;
}
/** The process ID holding the lock at `lock`, when it says (undefined when free or unknown). */
function lockHolder(lock) {
    const stat = external_node_fs_default().lstatSync(lock, { throwIfNoEntry: false });
    if (!stat)
        return undefined;
    if (!stat.isDirectory()) {
        let content;
        try {
            content = (0,files/* readRegularFile */.XF)(lock);
        }
        catch {
            return undefined;
        }
        const pid = Number.parseInt(content ?? '', 10);
        return Number.isInteger(pid) ? pid : undefined;
    }
    let owner;
    try {
        owner = external_node_fs_default().readdirSync(lock).find((name) => name.startsWith(OWNER_PREFIX));
    }
    catch {
        return undefined;
    }
    const pid = owner ? readOwner(external_node_path_default().join(lock, owner))?.pid : undefined;
    return typeof pid === 'number' ? pid : undefined;
}
/** Releases a lock: removes our owner file, then the directory (only if empty, so never a lock another job has taken over). */
function releaseLock(lock, ownerName) {
    tolerate(() => external_node_fs_default().unlinkSync(external_node_path_default().join(lock, ownerName)), ['ENOENT']);
    tolerate(() => external_node_fs_default().rmdirSync(lock), ['ENOENT', 'ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM']);
}
/** Sets a file's times to now. */
function touch(file) {
    const now = new Date();
    fs.utimesSync(file, now, now);
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
    const stagedOwner = path.join(staging, ownerName);
    fs.mkdirSync(staging, { mode: DIR_MODE });
    try {
        fs.writeFileSync(stagedOwner, JSON.stringify({ pid: process.pid, host: os.hostname() }), { mode: FILE_MODE });
        // The owner file's time is when the lock was taken (others judge staleness by it): touched
        // before every try, so that time spent waiting does not count.
        for (;;) {
            touch(stagedOwner);
            if (tryRename(staging, lock))
                break;
            const cleared = clearIfStale(lock, staleMs);
            if (Date.now() > deadline) {
                throw new LoginError(`Could not update ${file}: could not take ${lock} within ${Math.round(waitMs / 1000)} s (other jobs kept it busy, ` +
                    `or it holds something other than a lock). Run the step again; if no job is using ${file}, remove ${lock}.`);
            }
            await new Promise((resolve) => setTimeout(resolve, cleared ? 1 : 5 + Math.random() * 25));
        }
    }
    catch (error) {
        fs.rmSync(staging, { recursive: true, force: true });
        throw error;
    }
    try {
        sweepStaging(lock, waitMs);
        return await fn();
    }
    finally {
        // Our owner file is gone only if a job took the lock over from us; then the lock is theirs.
        releaseLock(lock, ownerName);
    }
}
/** A file's `auths` and `credHelpers`, and the record of what a change to `registry` replaces. */
function changeOf(config, registry, kind, file) {
    const auths = isRecord(config.auths) ? config.auths : {};
    const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
    const record = {
        file,
        registry,
        kind,
        previousAuth: own(auths, registry),
        previousHelper: own(helpers, registry),
        helperChanged: false,
        hadHelpers: helpers !== undefined
    };
    return { auths, helpers, record };
}
/** Adds the login for `registry` to a parsed file; returns what it replaced. Pure. */
function applyLogin(config, registry, auth, kind, file) {
    const { auths, helpers, record } = changeOf(config, registry, kind, file);
    config.auths = { ...auths, [registry]: { auth } };
    const hostHelper = hasOwn(helpers, registry);
    if (kind === 'docker') {
        // docker reads `auths` only when no helper applies to the host; "" means "no helper".
        const storeApplies = typeof config.credsStore === 'string' && config.credsStore !== '';
        if ((storeApplies && !hostHelper) || (hostHelper && own(helpers, registry) !== '')) {
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
/**
 * Names `helper` as the host's credential helper in a parsed file; returns what it replaced.
 * A `credHelpers` entry wins over `credsStore` and `auths` for docker and the containers-image
 * tools alike, so `auths` is left as it is. Pure.
 */
function applyHelper(config, registry, helper, kind, file) {
    const { helpers, record } = changeOf(config, registry, kind, file);
    record.helperChanged = true;
    config.credHelpers = { ...(helpers ?? {}), [registry]: helper };
    return record;
}
/** Puts a host's credential into a parsed file, as `kind`'s clients read it. Pure. */
function applyCredential(config, registry, credential, kind, file) {
    return 'helper' in credential
        ? applyHelper(config, registry, credential.helper, kind, file)
        : applyLogin(config, registry, credential.auth, kind, file);
}
/**
 * Refuses a login that would replace another job's login of the other kind (credential helper
 * or static) for the same registry in a shared config: the config holds one kind per registry,
 * so one job would pull as the other or find no credentials.
 */
class SharedLoginConflict extends Error {
    registry;
    other;
    otherHelper;
    constructor(registry, other, 
    /** Whether the other job logged in through the credential helper. */
    otherHelper) {
        super(`${registry} is logged in to by another job (${other.dir} on ${other.host}) ${otherHelper ? 'through the credential helper' : 'with a static credential'}`);
        this.registry = registry;
        this.other = other;
        this.otherHelper = otherHelper;
        this.name = 'SharedLoginConflict';
    }
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
 * (or the first after the user rewrote the entry) keeps what the entry held before. Throws
 * SharedLoginConflict, changing nothing, when another job still logged in to the registry used
 * the other kind of login (credential helper or static). Pure.
 */
function joinShared(config, record, registry, credential, job, host, digest) {
    const given = typeof credential === 'string' ? { auth: credential } : credential;
    const auths = isRecord(config.auths) ? config.auths : {};
    const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
    let entry = own(record.registries, registry);
    const current = authDigestOf(own(auths, registry), digest);
    const tokenInPlace = current !== undefined && entry?.written.includes(current) === true;
    const currentHelper = own(helpers, registry);
    const helperInPlace = typeof currentHelper === 'string' && entry?.helpers?.includes(currentHelper) === true;
    const helper = 'helper' in given;
    if (entry) {
        // Jobs of earlier versions did not say which kind they used: the entry in place says it.
        const inPlace = helperInPlace ? true : tokenInPlace ? false : undefined;
        for (const [id, other] of Object.entries(entry.jobs)) {
            const otherHelper = other.helper ?? inPlace;
            if (id !== job.id && otherHelper !== undefined && otherHelper !== helper)
                throw new SharedLoginConflict(registry, other, otherHelper);
        }
    }
    if (!entry || !(tokenInPlace || helperInPlace)) {
        // No job's login is in place: what is there now is the user's, to put back at the end.
        const helperOverridden = entry?.helperChanged === true && currentHelper === '';
        const next = {
            hadHelpers: helperOverridden ? entry?.hadHelpers === true : helpers !== undefined,
            helperChanged: helperOverridden,
            written: entry?.written ?? [],
            ...(entry?.helpers ? { helpers: entry.helpers } : {}),
            jobs: entry?.jobs ?? nullRecord()
        };
        if (hasOwn(auths, registry))
            next.originalAuth = auths[registry];
        const originalHelper = helperOverridden ? entry?.originalHelper : currentHelper;
        if (originalHelper !== undefined)
            next.originalHelper = originalHelper;
        entry = next;
    }
    const change = applyCredential(config, registry, given, 'docker', '');
    if ('helper' in given) {
        entry.helpers = [...(entry.helpers ?? []).filter((name) => name !== given.helper), given.helper];
    }
    else {
        entry.helperChanged ||= change.helperChanged;
        entry.written = [...entry.written.filter((d) => d !== digest(given.auth)), digest(given.auth)];
    }
    entry.jobs[job.id] = { dir: job.dir, host, helper };
    record.registries[registry] = entry;
}
/**
 * Removes `job` from the record; when no job is left for the registry, puts back what the entry
 * held before the first job (only where a job's token is still in place) and forgets the
 * registry. Returns the outcome and whether `config` changed. Pure.
 */
function leaveShared(config, record, registry, jobId, digest) {
    const entry = own(record.registries, registry);
    if (!entry || !hasOwn(entry.jobs, jobId))
        return { outcome: 'not-joined', changed: false };
    delete entry.jobs[jobId];
    if (Object.keys(entry.jobs).length > 0)
        return { outcome: 'others-remain', changed: false };
    return settleEntry(config, record, registry, digest);
}
/** The last job has left `registry`: restores its entries and forgets it. Pure. */
function settleEntry(config, record, registry, digest) {
    const entry = own(record.registries, registry);
    delete record.registries[registry];
    if (!entry)
        return { outcome: 'not-joined', changed: false };
    let changed = false;
    let outcome = 'restored';
    const auths = isRecord(config.auths) ? config.auths : undefined;
    const current = authDigestOf(own(auths, registry), digest);
    const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
    const currentHelper = own(helpers, registry);
    const ourHelper = typeof currentHelper === 'string' && currentHelper !== '' && entry.helpers?.includes(currentHelper) === true;
    if (auths && current !== undefined && entry.written.includes(current)) {
        if (entry.originalAuth === undefined)
            delete auths[registry];
        else
            setOwn(auths, registry, entry.originalAuth);
        changed = true;
    }
    else if (own(auths, registry) !== undefined && !(entry.written.length === 0 && sameJson(own(auths, registry), entry.originalAuth))) {
        // A helper-only record never touched `auths`: the user's own entry there is not a change.
        outcome = 'changed-since';
    }
    if (entry.helpers?.length &&
        !ourHelper &&
        currentHelper !== undefined &&
        currentHelper !== '' &&
        !sameJson(currentHelper, entry.originalHelper)) {
        outcome = 'changed-since';
    }
    if ((entry.helperChanged && currentHelper === '') || ourHelper) {
        const next = { ...helpers };
        if (entry.originalHelper === undefined)
            delete next[registry];
        else
            setOwn(next, registry, entry.originalHelper);
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
        fs.lstatSync(file);
        return false;
    }
    catch (error) {
        return ['ENOENT', 'ENOTDIR'].includes(error.code ?? '');
    }
}
/**
 * Reads a shared record; anything unreadable or malformed counts as no record, and a malformed
 * entry as no entry. Its maps (registries, jobs) have no prototype, so that a registry or job
 * named `__proto__`, `constructor` or `toString` is only ever a key.
 */
function readSharedRecord(file) {
    const value = readAuthFile(file, true);
    const record = { version: 1, registries: nullRecord() };
    if (value.version !== 1 || !isRecord(value.registries))
        return record;
    for (const [registry, entry] of Object.entries(value.registries)) {
        if (!isRecord(entry) || !Array.isArray(entry.written) || !isRecord(entry.jobs))
            continue;
        const jobs = nullRecord();
        for (const [id, job] of Object.entries(entry.jobs)) {
            if (!isRecord(job) || typeof job.dir !== 'string' || typeof job.host !== 'string')
                continue;
            jobs[id] = { dir: job.dir, host: job.host, ...(typeof job.helper === 'boolean' ? { helper: job.helper } : {}) };
        }
        const checked = {
            hadHelpers: entry.hadHelpers === true,
            helperChanged: entry.helperChanged === true,
            written: entry.written.filter((d) => typeof d === 'string'),
            ...(Array.isArray(entry.helpers) ? { helpers: entry.helpers.filter((n) => typeof n === 'string') } : {}),
            jobs
        };
        if (hasOwn(entry, 'originalAuth'))
            checked.originalAuth = entry.originalAuth;
        if (hasOwn(entry, 'originalHelper'))
            checked.originalHelper = entry.originalHelper;
        record.registries[registry] = checked;
    }
    return record;
}
/** Writes the shared record, or removes it when it names no registry. */
function writeSharedRecord(file, record) {
    if (Object.keys(record.registries).length === 0)
        fs.rmSync(file, { force: true });
    else
        writeFileAtomic(file, record, true);
}
/** The mode to write `file` with: its own when it exists, else 0600. */
function modeFor(file) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
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
    await mergeLoginsInto(file, [{ registry, credential: { auth } }], job, options);
}
/** As mergeLoginInto, for several hosts under one hold of the lock. */
async function mergeLoginsInto(file, logins, job, options = {}) {
    const target = linkTarget(file);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: DIR_MODE });
    const digest = await loadDigest();
    const host = os.hostname();
    await withFileLock(target, async () => {
        const config = readAuthFile(target);
        const recordFile = sharedRecordFile(target);
        const before = fs.existsSync(recordFile) ? readSharedRecord(recordFile) : undefined;
        const record = readSharedRecord(recordFile);
        pruneGoneJobs(config, record, host, digest);
        for (const login of logins)
            joinShared(config, record, login.registry, login.credential, job, host, digest);
        writeSharedRecord(recordFile, record);
        try {
            writeFileAtomic(target, config, true, modeFor(target));
        }
        catch (error) {
            if (before)
                writeSharedRecord(recordFile, before);
            else
                fs.rmSync(recordFile, { force: true });
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
    return (await removeLoginsFrom(file, [registry], jobId, options))[0];
}
/** As removeLoginFrom, for several hosts under one hold of the lock; one outcome per host. */
async function removeLoginsFrom(file, registries, jobId, options = {}) {
    const target = linkTarget(file);
    const recordFile = sharedRecordFile(target);
    if (!fs.existsSync(recordFile))
        return registries.map(() => 'not-joined');
    const digest = await loadDigest();
    const host = os.hostname();
    return withFileLock(target, async () => {
        const config = readAuthFile(target);
        const record = readSharedRecord(recordFile);
        const left = registries.map((registry) => leaveShared(config, record, registry, jobId, digest));
        const pruned = pruneGoneJobs(config, record, host, digest);
        if (left.some((l) => l.changed) || pruned)
            writeFileAtomic(target, config, true, modeFor(target));
        writeSharedRecord(recordFile, record);
        return left.map((l) => l.outcome);
    }, options);
}
/** Entries of a docker config directory that a job-scoped copy links to, so that CLI plugins,
 *  contexts and buildx builders keep working. */
const LINKED_ENTRIES = (/* unused pure expression or super */ null && (['cli-plugins', 'contexts', 'buildx']));
/** Creates the job-scoped directory for this login under `root` (0700). */
function createJobDir(root) {
    fs.mkdirSync(root, { recursive: true });
    return fs.mkdtempSync(path.join(root, 'chainguard-login-'));
}
/** Links the seed directory's plugins, contexts and builders into a job-scoped directory. */
function linkSeedEntries(seedDir, jobDir) {
    for (const name of LINKED_ENTRIES) {
        const target = path.join(seedDir, name);
        if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory())
            fs.symlinkSync(target, path.join(jobDir, name), 'dir');
    }
}
/** The file in a job directory holding the random marker that the saved state also carries. */
const MARKER_FILE = '.chainguard-login-marker';
/** Writes the job directory's marker (0600). */
function writeJobMarker(jobDir, marker) {
    fs.writeFileSync(path.join(jobDir, MARKER_FILE), marker, { mode: FILE_MODE, flag: 'wx' });
}
/**
 * Why `dir` is not a job directory this step created for the state carrying `marker`, or
 * undefined when it is: a directory (not a link) directly under `tempRoot` (both with links
 * resolved) named chainguard-login-XXXXXX, owned by this user, mode 0700, holding the marker.
 * These are the only directories cleanup deletes whole.
 */
function jobDirProblem(dir, marker, tempRoot) {
    if (!path.isAbsolute(dir) || !/^chainguard-login-[A-Za-z0-9]{6}$/.test(path.basename(dir)))
        return 'it is not a directory this step creates';
    const stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!stat)
        return 'it does not exist';
    if (!stat.isDirectory())
        return 'it is not a directory';
    let parent;
    let root;
    try {
        parent = fs.realpathSync(path.dirname(dir));
        root = fs.realpathSync(tempRoot);
    }
    catch (error) {
        return `its location cannot be resolved (${error.code ?? messageOf(error)})`;
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
        const markerFile = path.join(dir, MARKER_FILE);
        found = fs.lstatSync(markerFile, { throwIfNoEntry: false })?.isFile() ? readRegularFile(markerFile) : undefined;
    }
    catch {
        found = undefined;
    }
    if (!marker || found !== marker)
        return 'it does not hold the marker this step left in it';
    return undefined;
}
function sameJson(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
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

;// CONCATENATED MODULE: ./src/core/credential-helper.ts
/**
 * The refreshing docker credential helper: its configuration in the job directory, its cache,
 * the lock that makes concurrent `get`s refresh once, and the small wrappers docker runs.
 *
 * Layout of a helper directory (created by `installHelper`, removed with the job):
 *
 *     helper.json              what to refresh and how (0600; never a token or a password)
 *     network-secrets.json     the runner's proxy password and client-key passphrase, when it
 *                              hands any over (0600; the only file holding them)
 *     cache-<host>.json        the current credential for one host (0600, replaced atomically)
 *     failure-<host>.json      the message of a refresh that failed a moment ago (0600; no secret)
 *     refresh-<host>.lock      held while one process refreshes that host (docker-config.ts's lock)
 *     bin/docker-credential-<name>[.cmd]   the wrappers docker finds on PATH (.cmd on Windows)
 *
 * Every file is read with `readRegularFile`: a FIFO or device in place of one never blocks a get.
 *
 * The refresh itself is injected (`Refresh`), so the helper knows nothing of sources or
 * exchanges; `helper-refresh.ts` wires the default ones.
 */





const HELPER_CONFIG_VERSION = 2;
const HELPER_CONFIG_FILE = 'helper.json';
const NETWORK_SECRETS_FILE = 'network-secrets.json';
/**
 * A cached credential is handed out while more than this is left, or more than half its lifetime
 * (from when it was obtained to its expiry) when that is less: a token living 8 s is reused while
 * more than 4 s are left, so that short-lived tokens do not make every get refresh.
 */
const DEFAULT_MIN_REMAINING_SECONDS = 300;
/** How long a failed refresh answers the gets after it, instead of each trying again. */
const FAILURE_WINDOW_MS = 10_000;
/** The secrets the sources read from the environment (the helper reads them from its own, never from a file). */
const SECRET_ENVIRONMENT = ['IDENTITY_HEADER', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'SYSTEM_ACCESSTOKEN'];
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
// ---------------------------------------------------------------------------------------------
// Files
/** Writes `data` to `file` (mode 0600, flushed) through a temporary file and a rename; on failure the temporary file is removed. */
function credential_helper_writeFileAtomic(file, data) {
    (0,files/* writeTextAtomic */.Q)(file, data, { durable: true });
}
/** Writes the helper's configuration into `dir` (created 0700 if needed). */
function writeHelperConfig(dir, config) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    credential_helper_writeFileAtomic(path.join(dir, HELPER_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}
const MAX_CONFIG_BYTES = 256 * 1024;
const MAX_SMALL_FILE_BYTES = 64 * 1024;
/** Reads and checks the configuration in `dir`. Never blocks: anything but a regular file is refused at once. */
function readHelperConfig(dir) {
    const file = external_node_path_default().join(dir, HELPER_CONFIG_FILE);
    const rerun = 'the login step writes it and the end of the job removes it: run the login step again in this job';
    let text;
    try {
        text = (0,files/* readRegularFile */.XF)(file, { maxBytes: MAX_CONFIG_BYTES, noFollow: true });
    }
    catch (error) {
        if (error instanceof files/* NotRegularFile */.k1)
            throw new HelperError(`its configuration ${file} is not a regular file; ${rerun}`);
        if (error instanceof files/* FileTooLarge */.Sv)
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
    if (!isObject(value) || value.version !== HELPER_CONFIG_VERSION || !isObject(value.hosts) || !isObject(value.source))
        return undefined;
    const source = value.source;
    if (typeof source.kind !== 'string' || !isObject(source.inputs) || !isObject(source.env))
        return undefined;
    const hosts = nullMap();
    for (const [host, entry] of Object.entries(value.hosts)) {
        if (isObject(entry) && entry.kind === 'acr')
            hosts[host] = { kind: 'acr' };
        else if (isObject(entry) &&
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
    const env = stringMap(source.env);
    const labels = isObject(value.labels) ? stringMap(value.labels) : undefined;
    const network = isObject(value.network) ? checkNetwork(value.network) : undefined;
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
/** A record without a prototype: every key is the record's own. */
function nullMap() {
    return Object.create(null);
}
/** The string values of `value`, in a record without a prototype. */
function stringMap(value) {
    const map = nullMap();
    for (const [key, entry] of Object.entries(value))
        if (typeof entry === 'string')
            map[key] = entry;
    return map;
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** Writes the runner's network secrets beside the configuration (0600), when there are any. */
function writeNetworkSecrets(dir, secrets) {
    if (!secrets.proxyPassword && !secrets.passphrase)
        return;
    credential_helper_writeFileAtomic(path.join(dir, NETWORK_SECRETS_FILE), `${JSON.stringify(secrets)}\n`);
}
/** The runner's network secrets, or none when the step was handed none. */
function readNetworkSecrets(dir) {
    const file = external_node_path_default().join(dir, NETWORK_SECRETS_FILE);
    let text;
    try {
        text = (0,files/* readRegularFile */.XF)(file, { maxBytes: MAX_SMALL_FILE_BYTES, noFollow: true });
    }
    catch (error) {
        throw new HelperError(`cannot read ${file} (${error instanceof files/* NotRegularFile */.k1 ? 'not a regular file' : (error.code ?? 'error')}); run the login step again`, {
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
    if (!isObject(value))
        throw new HelperError(`${file} is not what the login step writes; run the login step again`, { local: true });
    const secrets = {};
    if (typeof value.proxyPassword === 'string')
        secrets.proxyPassword = value.proxyPassword;
    if (typeof value.passphrase === 'string')
        secrets.passphrase = value.passphrase;
    return secrets;
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
const failureFile = (dir, host) => external_node_path_default().join(dir, `failure-${fileKey(host)}.json`);
const lockFile = (dir, host) => external_node_path_default().join(dir, `refresh-${fileKey(host)}.lock`);
/** A small JSON object from `file`, or undefined when it is missing, not a regular file, too large or not JSON. Never blocks. */
function readSmallJson(file) {
    try {
        const text = (0,files/* readRegularFile */.XF)(file, { maxBytes: MAX_SMALL_FILE_BYTES, noFollow: true });
        const value = text === undefined ? undefined : JSON.parse(text);
        return isObject(value) ? value : undefined;
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
    credential_helper_writeFileAtomic(cacheFile(dir, host), `${JSON.stringify(entry)}\n`);
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
        credential_helper_writeFileAtomic(failureFile(dir, host), `${JSON.stringify({ host, message, at: now })}\n`);
    }
    catch {
        // Without the record, the next get tries again: slower, not wrong.
    }
}
function clearFailure(dir, host) {
    try {
        external_node_fs_default().rmSync(failureFile(dir, host), { force: true });
    }
    catch {
        // A record that stays only answers for the rest of its window.
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
    const config = readHelperConfig(dir);
    const host = normaliseHost(serverUrl);
    if (!Object.prototype.hasOwnProperty.call(config.hosts, host))
        return undefined;
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const answer = (credential) => ({
        ServerURL: host,
        Username: credential.username,
        Secret: credential.secret
    });
    const cached = readCached(dir, host);
    if (config.refresh === 'never')
        return answer(unrenewed(config, host, cached, now()));
    if (cached && cached.expiresAt.getTime() - now() > reuseMarginMs(cached))
        return answer(cached);
    const started = now();
    // A credential another process wrote since this get started is the one to use.
    const usable = (entry) => entry !== undefined && (entry.expiresAt.getTime() - now() > reuseMarginMs(entry) || refreshedSince(entry, started, now()));
    const shareFailure = () => {
        const failure = recentFailure(dir, host, now());
        if (failure)
            throw new HelperError(failure.message);
    };
    shareFailure();
    const timeoutMs = (config.timeoutSeconds ?? DEFAULT_REFRESH_TIMEOUT_SECONDS) * 1000;
    const waitMs = options.waitMs ?? timeoutMs + 30_000;
    // A holder that is still running is waited for until it gives up on its own refresh.
    const staleMs = timeoutMs + 30_000;
    const file = lockFile(dir, host);
    let lastHolder = 0;
    for (let round = 0;; round++) {
        const release = tryFileLock(file, staleMs);
        if (release) {
            try {
                // Another process may have refreshed (or failed to) between our first look and taking the lock.
                const current = readCached(dir, host);
                if (usable(current))
                    return answer(current);
                shareFailure();
                let fresh;
                try {
                    fresh = await options.refresh(host);
                }
                catch (error) {
                    const message = error instanceof HelperError ? error.message : `could not refresh the credential for ${host}: ${(0,errors/* messageOf */.bD)(error)}`;
                    if (!(error instanceof HelperError && error.local))
                        recordFailure(dir, host, message, now());
                    throw error instanceof HelperError ? error : new HelperError(message, { cause: error });
                }
                writeCached(dir, host, fresh, now());
                clearFailure(dir, host);
                return answer(fresh);
            }
            finally {
                release();
            }
        }
        lastHolder = lockHolder(file) ?? lastHolder;
        if (now() - started > waitMs) {
            throw new HelperError(`timed out after ${Math.round(waitMs / 1000)} s waiting for the refresh of ${host} by process ${lastHolder || 'unknown'}`);
        }
        await sleep(Math.min(25 * 2 ** Math.min(round, 3), 200) + Math.floor(Math.random() * 20));
        const current = readCached(dir, host);
        if (usable(current))
            return answer(current);
        shareFailure();
    }
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
    throw new HelperError(`the credential for ${host} ${when} and this login does not renew it: the login step ran with ${logout}: false, which leaves a login that ends when its token expires. ` +
        `Run the login step again, or keep ${logout}: true (the default) for a login that renews itself until the job ends`);
}
/**
 * Whether `entry` was written after `since` (strictly: one written in the same millisecond may
 * be the stale entry this call found, and costs at most one extra refresh) and is still valid
 * for a few seconds.
 */
function refreshedSince(entry, since, now) {
    return entry.obtainedAt > since && entry.expiresAt.getTime() - now > Math.min(2_000, reuseMarginMs(entry));
}
/** Answers docker's `list`: every configured host and its user name. */
function helperList(dir) {
    const config = readHelperConfig(dir);
    const list = nullMap();
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
 * The helper name for `host` in a shared docker config: `chainguard-` and six letters or digits
 * derived from the config directory and the host. Every job logging in to that host through that
 * config writes the same name, so the config's one `credHelpers` entry runs each job's own helper
 * (the one first on its PATH); and each host has its own name, so that a host resolves to the
 * login that wrote it even when another login (a later step of the same job) comes first on PATH.
 */
function sharedHelperName(configDir, host) {
    // FNV-1a: stable and quick; the name only needs to differ between directories and hosts.
    let hash = 0x811c9dc5;
    for (const byte of Buffer.from(`${path.resolve(configDir)}\u0000${host}`, 'utf8'))
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
 * Writes `docker-credential-<name>` (sh, 0700) and, on Windows, `docker-credential-<name>.cmd`,
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
    const cmd = () => [
        '@echo off',
        'rem Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
        `${cmdQuote(options.nodePath)} ${cmdQuote(options.helperScript)} --dir ${cmdQuote(options.dir)} %*`,
        ''
    ].join('\r\n');
    credential_helper_writeFileAtomic(base, sh);
    fs.chmodSync(base, 0o700);
    if (!(options.windows ?? process.platform === 'win32'))
        return [base];
    credential_helper_writeFileAtomic(`${base}.cmd`, cmd());
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
    const random = helperName();
    const names = new Map(Object.keys(options.config.hosts).map((host) => [host, options.nameFor?.(host) ?? random]));
    const dir = fs.mkdtempSync(path.join(options.root, 'chainguard-helper-'));
    try {
        fs.chmodSync(dir, 0o700);
        writeHelperConfig(dir, options.config);
        if (options.networkSecrets)
            writeNetworkSecrets(dir, options.networkSecrets);
        for (const [host, credential] of Object.entries(options.seed ?? {}))
            writeCached(dir, host, credential);
        const binDir = path.join(dir, 'bin');
        for (const name of new Set(names.values())) {
            writeHelperWrappers({ binDir, name, dir, nodePath: options.nodePath, helperScript: options.helperScript, windows: options.windows });
        }
        return { name: names.values().next().value ?? random, names, dir, binDir };
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

/***/ 9928:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ processAlive),
/* harmony export */   Q: () => (/* binding */ writeTextAtomic),
/* harmony export */   Sv: () => (/* binding */ FileTooLarge),
/* harmony export */   XF: () => (/* binding */ readRegularFile),
/* harmony export */   k1: () => (/* binding */ NotRegularFile),
/* harmony export */   v_: () => (/* binding */ uniqueSuffix)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * File primitives shared by the docker config writer, the credential helper and the sources that
 * read files: unique names for temporary files, atomic replacement, reads that never block, and
 * whether a lock holder still runs. Kept free of heavier modules, so that the helper's cached
 * answer stays quick.
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
 * that is or grows too large (FileTooLarge). Missing → undefined; other errors are thrown as
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
var credential_helper = __nccwpck_require__(7751);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __nccwpck_require__(4296);
;// CONCATENATED MODULE: ./src/core/platform.ts
const OUTPUT_NAMES = (/* unused pure expression or super */ null && (['token', 'expires-at', 'identity', 'docker-config', 'api-token']));
/** kebab-case to camelCase: the Azure Pipelines spelling of an input or output. */
function camelCase(name) {
    return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
// eslint-disable-next-line no-control-regex
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

;// CONCATENATED MODULE: ./src/helper/main.ts
/**
 * The docker credential helper (the docker-credential-helpers protocol): `get` reads a server
 * URL on stdin and prints {"ServerURL","Username","Secret"}; `list` prints host → user name;
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
        return {
            githubIdToken: async (audience) => (await __nccwpck_require__.e(/* import() */ 67).then(__nccwpck_require__.bind(__nccwpck_require__, 9067))).githubIdToken(audience, source.env.ACTIONS_ID_TOKEN_REQUEST_URL)
        };
    }
    if (source.kind === 'azure-devops') {
        return {
            azureDevOpsAccessToken: () => {
                const token = process.env.SYSTEM_ACCESSTOKEN?.trim();
                if (!token) {
                    throw new credential_helper/* HelperError */.pQ('SYSTEM_ACCESSTOKEN is not in the environment of this step, and a fresh Azure DevOps OIDC token needs it: map it in the step that runs docker, env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)', { local: true });
                }
                return token;
            }
        };
    }
    return undefined;
}
/** What replaces a secret in anything the helper prints. */
const REDACTED = '***';
/** The secrets this run has seen, and a function that takes them out of a text. */
class SecretSet {
    values = new Set();
    add(value) {
        if (!value)
            return;
        for (const form of [value, value.trim(), encodeURIComponent(value)])
            if (form)
                this.values.add(form);
    }
    /** `text` with every secret (longest first, so that one inside another goes whole) replaced by ***. */
    redact(text) {
        let result = text;
        for (const secret of [...this.values].sort((a, b) => b.length - a.length))
            result = result.split(secret).join(REDACTED);
        return result;
    }
}
/**
 * The refresh through the source and exchanges the step used, with the network settings it used
 * and their secrets; every secret it handles joins `secrets`, and its failure's message (which
 * the gets waiting on it share) has them taken out. The sources, exchanges and HTTP stack load
 * only when a refresh is due: a cached answer stays quick.
 */
function refreshFor(dir, config, secrets) {
    return async (host) => {
        try {
            const [{ defaultRefresh, networkSettingsFrom }, { processRuntime }] = await Promise.all([
                __nccwpck_require__.e(/* import() */ 179).then(__nccwpck_require__.bind(__nccwpck_require__, 9179)),
                __nccwpck_require__.e(/* import() */ 601).then(__nccwpck_require__.bind(__nccwpck_require__, 9601))
            ]);
            const signal = AbortSignal.timeout((config.timeoutSeconds ?? credential_helper/* DEFAULT_REFRESH_TIMEOUT_SECONDS */.Ab) * 1000);
            let network;
            if (config.network) {
                const networkSecrets = (0,credential_helper/* readNetworkSecrets */.mb)(dir);
                secrets.add(networkSecrets.proxyPassword);
                secrets.add(networkSecrets.passphrase);
                network = networkSettingsFrom(config.network, networkSecrets);
            }
            const mask = (secret) => secrets.add(secret);
            return await defaultRefresh(config, { ...processRuntime(), signal, platform: helperPlatform(config.source), network, mask })(host);
        }
        catch (error) {
            const message = error instanceof credential_helper/* HelperError */.pQ ? error.message : `could not refresh the credential for ${host}: ${(0,errors/* messageOf */.bD)(error)}`;
            throw new credential_helper/* HelperError */.pQ(secrets.redact(message), { cause: error, local: error instanceof credential_helper/* HelperError */.pQ && error.local });
        }
    };
}
/** Runs one helper command; returns the exit code. */
async function run(argv = process.argv.slice(2), io = processIo, env = process.env) {
    const secrets = new SecretSet();
    for (const name of credential_helper/* SECRET_ENVIRONMENT */.tB)
        secrets.add(env[name]);
    const fail = (message) => {
        // Docker shows a helper's error as one line: a multi-line message (the setup doctor's) is joined.
        const line = `${PREFIX}: ${neutralise(secrets.redact(message)).replace(/\s*\n\s*/g, ' ')}\n`;
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
        const credential = await (0,credential_helper/* helperGet */.T)(dir, serverUrl, { refresh: refreshFor(dir, config, secrets) });
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

// The helper's stderr carries its one-line error and nothing else: a library's deprecation
// notice (the proxy tunnel's `Buffer()`) is not for the user pulling an image.
process.noDeprecation = true;
void run().then((code) => {
    process.exitCode = code;
});

