/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 639:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.STATE_KEY = void 0;
exports.cleanup = cleanup;
exports.runCleanup = runCleanup;
const docker_login_js_1 = __nccwpck_require__(179);
const errors_js_1 = __nccwpck_require__(296);
/** Where the main step keeps its cleanup state for the post step. */
exports.STATE_KEY = 'chainguardLoginState';
/** Removes what the main step wrote, when it saved anything to remove. */
async function cleanup(platform) {
    const state = (0, docker_login_js_1.parseCleanupState)(platform.getState(exports.STATE_KEY));
    if (!state) {
        platform.info('Nothing to clean up.');
        return;
    }
    for (const line of await (0, docker_login_js_1.removeDockerLogin)(state))
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
exports.readAuthFile = readAuthFile;
exports.writeFileAtomic = writeFileAtomic;
exports.withFileLock = withFileLock;
exports.applyLogin = applyLogin;
exports.revertLogin = revertLogin;
exports.mergeLoginInto = mergeLoginInto;
exports.revertLoginIn = revertLoginIn;
exports.createJobDir = createJobDir;
exports.linkSeedEntries = linkSeedEntries;
exports.isJobDir = isJobDir;
/**
 * Docker and containers-image credentials: read, merge and atomically write auth files, and
 * undo exactly what was merged.
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
const LOCK_WAIT_MS = 20_000;
const LOCK_STALE_MS = 30_000;
/** The `auth` value docker expects: base64 of `user:password`. */
function basicAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
/** SHA-256, hex. node:crypto is loaded only when a change has to be recorded for undoing. */
async function loadDigest() {
    const { createHash } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 598, 23));
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
 * Reads an auth file. Missing → `{}`. Unreadable or not a JSON object → LoginError, unless
 * `lenient`, when it is reported through `onIgnored` and treated as empty.
 */
function readAuthFile(file, lenient = false, onIgnored) {
    let text;
    try {
        text = node_fs_1.default.readFileSync(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return {};
        if (lenient) {
            onIgnored?.(`${file} could not be read (${error.code ?? (0, errors_js_1.messageOf)(error)})`);
            return {};
        }
        throw new errors_js_1.LoginError(`Could not read ${file}: ${error.code ?? (0, errors_js_1.messageOf)(error)}.`);
    }
    if (text.trim() === '')
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
/**
 * Writes JSON through a temporary file and a rename, so readers never see half a file.
 * `durable` also flushes it to disk first: for files that outlive the job.
 */
function writeFileAtomic(file, content, durable = false) {
    const unique = `${process.pid}.${++temporaries}.${Math.random().toString(36).slice(2, 10)}`;
    const temporary = `${file}.${unique}.tmp`;
    const fd = node_fs_1.default.openSync(temporary, 'wx', FILE_MODE);
    try {
        node_fs_1.default.writeFileSync(fd, `${JSON.stringify(content, null, '\t')}\n`);
        if (durable)
            node_fs_1.default.fsyncSync(fd);
    }
    finally {
        node_fs_1.default.closeSync(fd);
    }
    try {
        node_fs_1.default.renameSync(temporary, file);
    }
    catch (error) {
        node_fs_1.default.rmSync(temporary, { force: true });
        throw error;
    }
}
/**
 * Runs `fn` holding `<file>.lock`, so that concurrent jobs sharing a config directory do not
 * lose each other's updates. A lock older than 30 s is taken to be left by a dead process.
 */
async function withFileLock(file, fn) {
    const lock = `${file}.lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
        try {
            const fd = node_fs_1.default.openSync(lock, 'wx', FILE_MODE);
            node_fs_1.default.writeFileSync(fd, String(process.pid));
            node_fs_1.default.closeSync(fd);
            break;
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
            const stat = node_fs_1.default.statSync(lock, { throwIfNoEntry: false });
            if (stat && Date.now() - stat.mtimeMs > LOCK_STALE_MS) {
                node_fs_1.default.rmSync(lock, { force: true });
                continue;
            }
            if (Date.now() > deadline) {
                throw new errors_js_1.LoginError(`Could not update ${file}: ${lock} has been held by another process for over ${LOCK_WAIT_MS / 1000} s.`);
            }
            await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 25));
        }
    }
    try {
        return await fn();
    }
    finally {
        node_fs_1.default.rmSync(lock, { force: true });
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
/**
 * Undoes `record` in a parsed file when the entry is still the one written: puts back what was
 * there before. Returns whether anything changed. Pure.
 */
function revertLogin(config, record, digest) {
    let changed = false;
    const auths = isRecord(config.auths) ? config.auths : undefined;
    const entry = auths?.[record.registry];
    const current = isRecord(entry) && typeof entry.auth === 'string' ? entry.auth : undefined;
    if (auths && current !== undefined && digest(current) === record.authDigest) {
        if (record.previousAuth === undefined)
            delete auths[record.registry];
        else
            auths[record.registry] = record.previousAuth;
        changed = true;
    }
    if (record.helperChanged) {
        const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
        const ours = record.kind === 'docker' ? helpers?.[record.registry] === '' : !(helpers && record.registry in helpers);
        if (ours) {
            const next = { ...(helpers ?? {}) };
            if (record.previousHelper === undefined)
                delete next[record.registry];
            else
                next[record.registry] = record.previousHelper;
            if (Object.keys(next).length === 0 && !record.hadHelpers)
                delete config.credHelpers;
            else
                config.credHelpers = next;
            changed = true;
        }
    }
    return changed;
}
/** Merges the login into `file` under its lock; creates the directory (0700) when missing. */
async function mergeLoginInto(file, registry, auth, kind) {
    node_fs_1.default.mkdirSync(node_path_1.default.dirname(file), { recursive: true, mode: DIR_MODE });
    const digest = await loadDigest();
    return withFileLock(file, async () => {
        const config = readAuthFile(file);
        const change = applyLogin(config, registry, auth, kind, file);
        writeFileAtomic(file, config, true);
        return { ...change, authDigest: digest(auth) };
    });
}
/** Undoes a merge under the file's lock. Returns whether the file changed. */
async function revertLoginIn(record) {
    const digest = await loadDigest();
    return withFileLock(record.file, async () => {
        const config = readAuthFile(record.file);
        if (!revertLogin(config, record, digest))
            return false;
        writeFileAtomic(record.file, config, true);
        return true;
    });
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
/** Whether `dir` is a job-scoped directory this module created (the only kind it deletes whole). */
function isJobDir(dir) {
    return node_path_1.default.isAbsolute(dir) && /^chainguard-login-[A-Za-z0-9]{6}$/.test(node_path_1.default.basename(dir));
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
 * merged into that directory's config.json instead, and what it replaced is kept in the job
 * directory so that cleanup can put it back.
 */
const node_fs_1 = __importDefault(__nccwpck_require__(24));
const node_path_1 = __importDefault(__nccwpck_require__(760));
const docker_config_js_1 = __nccwpck_require__(110);
const errors_js_1 = __nccwpck_require__(296);
/** docker's user name for a Chainguard token. */
exports.TOKEN_USERNAME = '_token';
const RESTORE_FILE = 'restore.json';
const CONTAINERS_AUTH_FILE = 'containers-auth.json';
/** Writes the login. On failure nothing it wrote is left behind. */
async function installDockerLogin(plan) {
    const auth = (0, docker_config_js_1.basicAuth)(plan.username, plan.password);
    let jobDir;
    try {
        jobDir = (0, docker_config_js_1.createJobDir)(plan.tempRoot);
    }
    catch (error) {
        throw new errors_js_1.LoginError(`Could not create a job-scoped docker config directory under ${plan.tempRoot}: ${(0, errors_js_1.messageOf)(error)}.`);
    }
    const ignored = (why) => plan.warn(`Not copying existing credentials: ${why}.`);
    let merged;
    try {
        // The containers-image tools read this file first; seed it from their current primary file.
        const containersAuthFile = node_path_1.default.join(jobDir, CONTAINERS_AUTH_FILE);
        const containersSeed = (0, docker_config_js_1.userContainersAuthFile)(plan.env);
        const containers = containersSeed ? (0, docker_config_js_1.readAuthFile)(containersSeed, true, ignored) : {};
        (0, docker_config_js_1.applyLogin)(containers, plan.registry, auth, 'containers', containersAuthFile);
        (0, docker_config_js_1.writeFileAtomic)(containersAuthFile, containers);
        let dockerConfigDir;
        if (plan.explicitDir) {
            dockerConfigDir = plan.explicitDir;
            merged = await (0, docker_config_js_1.mergeLoginInto)(node_path_1.default.join(dockerConfigDir, 'config.json'), plan.registry, auth, 'docker').catch((error) => {
                throw new errors_js_1.LoginError(`Could not write the docker config in ${dockerConfigDir} (${plan.explicitDirLabel ?? 'docker-config'}): ${(0, errors_js_1.messageOf)(error)}`);
            });
            writeRestore(jobDir, [merged]);
        }
        else {
            dockerConfigDir = jobDir;
            const seedDir = (0, docker_config_js_1.userDockerConfigDir)(plan.env, plan.home);
            const config = (0, docker_config_js_1.readAuthFile)(node_path_1.default.join(seedDir, 'config.json'), true, ignored);
            (0, docker_config_js_1.applyLogin)(config, plan.registry, auth, 'docker', node_path_1.default.join(jobDir, 'config.json'));
            (0, docker_config_js_1.writeFileAtomic)(node_path_1.default.join(jobDir, 'config.json'), config);
            (0, docker_config_js_1.linkSeedEntries)(seedDir, jobDir);
        }
        return {
            dockerConfigDir,
            containersAuthFile,
            state: { version: 1, jobDir, registry: plan.registry, ...(plan.explicitDir ? { explicitDir: plan.explicitDir } : {}) }
        };
    }
    catch (error) {
        if (merged)
            await (0, docker_config_js_1.revertLoginIn)(merged).catch(() => undefined);
        node_fs_1.default.rmSync(jobDir, { recursive: true, force: true });
        throw error instanceof errors_js_1.LoginError ? error : new errors_js_1.LoginError(`Could not write the docker config: ${(0, errors_js_1.messageOf)(error)}.`);
    }
}
/**
 * Removes the login: restores the explicit config's earlier entries (only where ours is still
 * there), then deletes the job-scoped directory. Returns what it did, for the log.
 */
async function removeDockerLogin(state) {
    const done = [];
    if (!(0, docker_config_js_1.isJobDir)(state.jobDir))
        throw new errors_js_1.LoginError(`Refusing to clean up ${state.jobDir}: it is not a directory this step created.`);
    const records = readRestore(state.jobDir);
    for (const record of records) {
        if (await (0, docker_config_js_1.revertLoginIn)(record))
            done.push(`removed the ${record.registry} login from ${record.file}`);
        else
            done.push(`left ${record.file} as it was: its ${record.registry} entry has changed since this step wrote it`);
    }
    node_fs_1.default.rmSync(state.jobDir, { recursive: true, force: true });
    done.push(`deleted ${state.jobDir}`);
    return done;
}
function writeRestore(jobDir, records) {
    (0, docker_config_js_1.writeFileAtomic)(node_path_1.default.join(jobDir, RESTORE_FILE), { records });
}
function readRestore(jobDir) {
    const content = (0, docker_config_js_1.readAuthFile)(node_path_1.default.join(jobDir, RESTORE_FILE));
    return Array.isArray(content.records) ? content.records : [];
}
/** Parses saved cleanup state; undefined when absent or not ours. */
function parseCleanupState(text) {
    if (!text)
        return undefined;
    try {
        const value = JSON.parse(text);
        if (value.version === 1 && typeof value.jobDir === 'string' && typeof value.registry === 'string')
            return value;
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

/***/ 952:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.githubPlatform = githubPlatform;
/**
 * GitHub Actions: speaks the runner's documented protocol directly — inputs in INPUT_*,
 * workflow commands on stdout (`::add-mask::`, `::debug::`, `::warning::`, `::error::`), and
 * the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file commands — exactly as @actions/core
 * writes them (a conformance test compares the two), without loading its HTTP client.
 */
const node_fs_1 = __nccwpck_require__(24);
const node_os_1 = __nccwpck_require__(161);
const platform_js_1 = __nccwpck_require__(944);
/** Escapes a workflow command's message. */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Escapes a workflow command's property value. */
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::name key=value::message` */
function formatCommand(name, message, properties = {}) {
    const props = Object.entries(properties)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
/** A delimiter that does not occur in the key or the value. */
function delimiterFor(key, value) {
    for (;;) {
        const delimiter = `ghadelimiter_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
        if (!key.includes(delimiter) && !value.includes(delimiter))
            return delimiter;
    }
}
/**
 * Appends `key<<delimiter … delimiter` to the file the runner names in `variable`; returns
 * false when the runner named none (an old runner), so the caller can fall back to a command.
 */
function fileCommand(variable, key, value) {
    const file = process.env[variable];
    if (!file)
        return false;
    const delimiter = delimiterFor(key, value);
    (0, node_fs_1.appendFileSync)(file, `${key}<<${delimiter}${node_os_1.EOL}${value}${node_os_1.EOL}${delimiter}${node_os_1.EOL}`, 'utf8');
    return true;
}
/** The adapter; `out` receives what goes to standard output. */
function githubPlatform(out = platform_js_1.writeStdout) {
    const write = (line) => out(`${line}${node_os_1.EOL}`);
    const command = (name, message, properties) => write(formatCommand(name, message, properties));
    return {
        get: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
        label: (name) => name,
        setSecret: (value) => command('add-mask', value),
        setOutput: (name, value) => {
            if (!fileCommand('GITHUB_OUTPUT', name, value)) {
                write('');
                command('set-output', value, { name });
            }
        },
        exportVariable: (name, value) => {
            process.env[name] = value;
            if (!fileCommand('GITHUB_ENV', name, value))
                command('set-env', value, { name });
        },
        saveState: (name, value) => {
            if (!fileCommand('GITHUB_STATE', name, value))
                command('save-state', value, { name });
        },
        getState: (name) => process.env[`STATE_${name}`] ?? '',
        info: (message) => write(message),
        debug: (message) => command('debug', message),
        warning: (message) => command('warning', message),
        setFailed: (message) => {
            process.exitCode = 1;
            command('error', message);
        },
        tempDir: () => process.env.RUNNER_TEMP || undefined
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

/***/ 598:
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
const github_js_1 = __nccwpck_require__(952);
void (0, cleanup_js_1.runCleanup)((0, github_js_1.githubPlatform)());

})();

module.exports = __webpack_exports__;
/******/ })()
;