import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");
var external_node_module_default = /*#__PURE__*/__nccwpck_require__.n(external_node_module_namespaceObject);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/core/compile-cache.ts
/**
 * Node's compile cache (Node >= 22.1, `module.enableCompileCache`): the V8 code of a bundle kept
 * on disk, so that a long-lived runner or agent runs the step again without compiling it again.
 * Each entry point turns it on before it loads the rest of its bundle (a chunk of its own).
 *
 * The cache holds code this process will run, and Node checks an entry only with checksums
 * (CRC32: they catch a damaged file, not a forged one), so it is used only where nobody else can
 * write: a folder of its own in the runner's tool cache (RUNNER_TOOL_CACHE), else the agent's
 * (AGENT_TOOLSDIRECTORY), else the OS temp directory, that is a real directory owned by this
 * user and writable by nobody else, under directories that only this user or root can change
 * (or, like /tmp, sticky). Anything else (another owner, a symbolic link, a file, a folder
 * others can write, no such API, Windows, whose owners Node cannot read) leaves the cache off.
 * So does a runner that is a fresh machine for every job (a GitHub-hosted runner, a
 * Microsoft-hosted agent): there the cache would only ever be written, never read.
 *
 * A damaged entry is compiled afresh and rewritten; Node prints nothing about the cache. Nothing
 * here may change what the step does or prints: every failure is ignored and leaves the cache
 * off. NODE_DISABLE_COMPILE_CACHE=1 turns it off; a NODE_COMPILE_CACHE the user set wins.
 */




/** The folder the cache lives in, under the base directory. */
const COMPILE_CACHE_FOLDER = 'chainguard-azure-login-compile-cache';
/** The cache's directory for this environment (whether or not it is safe to use). */
function compileCacheDir(env = process.env) {
    const base = env.RUNNER_TOOL_CACHE || env.AGENT_TOOLSDIRECTORY || external_node_os_default().tmpdir();
    return external_node_path_default().join(base, COMPILE_CACHE_FOLDER);
}
/** Whether a directory above the cache is one only user `uid` or root can change: theirs, and writable by nobody else unless sticky. */
function trusted(stats, uid) {
    if (stats.uid !== uid && stats.uid !== 0)
        return false;
    return (stats.mode & 0o022) === 0 || (stats.mode & 0o1000) !== 0;
}
/**
 * The cache folder `dir`, created (owner only) when missing, if it is safe to use: every
 * directory above it one only user `uid` or root can change, and the folder itself a real
 * directory of `uid`'s that nobody else can write. Otherwise undefined, and nothing is created.
 */
function privateCacheDir(dir, uid) {
    if (!external_node_path_default().isAbsolute(dir))
        return undefined;
    try {
        const parent = external_node_fs_default().realpathSync(external_node_path_default().dirname(dir));
        for (let at = parent;; at = external_node_path_default().dirname(at)) {
            if (!trusted(external_node_fs_default().lstatSync(at), uid))
                return undefined;
            if (external_node_path_default().dirname(at) === at)
                break;
        }
        const folder = external_node_path_default().join(parent, external_node_path_default().basename(dir));
        try {
            external_node_fs_default().mkdirSync(folder, { mode: 0o700 });
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                return undefined;
        }
        const own = external_node_fs_default().lstatSync(folder);
        return own.isDirectory() && own.uid === uid && (own.mode & 0o022) === 0 ? folder : undefined;
    }
    catch {
        return undefined;
    }
}
/** Whether the runner is a fresh machine for every job, as RUNNER_ENVIRONMENT and Agent.CloudId say. */
function freshMachineEveryJob(env = process.env) {
    return env.RUNNER_ENVIRONMENT === 'github-hosted' || Boolean(env.AGENT_CLOUDID);
}
/** Turns on Node's compile cache in the private folder, where the API exists and the folder is safe; otherwise does nothing. */
function enableCompileCache(env = process.env) {
    try {
        const enable = (external_node_module_default()).enableCompileCache;
        const uid = process.getuid?.();
        if (typeof enable !== 'function' || uid === undefined || process.platform === 'win32')
            return;
        if (env.NODE_DISABLE_COMPILE_CACHE || env.NODE_COMPILE_CACHE || freshMachineEveryJob(env))
            return;
        const dir = privateCacheDir(compileCacheDir(env), uid);
        if (dir)
            enable(dir);
    }
    catch {
        // A cache that cannot be used is no cache: the bundle is compiled as usual.
    }
}

;// CONCATENATED MODULE: ./src/start/index.ts
/**
 * The entry every step bundle starts from (dist/github/main/index.js, dist/github/post/index.js,
 * dist/azure/main/index.js, dist/azure/post/index.js): turns on Node's compile cache, then loads
 * the step, built beside it as step.index.js. A module is compiled before any of it runs, so the
 * cache must be on before the step is loaded.
 */

enableCompileCache();
// Loaded as it is, not bundled: the step is a bundle of its own (scripts/build.mjs).
const step = './step.index.js';
void import(/* webpackIgnore: true */ step);

