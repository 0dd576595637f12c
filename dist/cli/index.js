#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 311:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 18:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 16:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 23:
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

;// CONCATENATED MODULE: ./src/core/errors.ts
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
function errors_messageOf(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/core/fs/atomic.ts
/**
 * The file primitives: reads that never block and are bounded, and the one atomic writer. Shared
 * by the docker config writer, the credential helper, the lock and the sources that read files;
 * kept free of heavier modules, so that the helper's cached answer stays quick.
 */

let temporaries = 0;
/** A path that exists but is not a regular file (a FIFO, a device, a directory, a socket). */
class atomic_NotRegularFile extends Error {
    file;
    constructor(file) {
        super(`${file} is not a regular file`);
        this.file = file;
        this.name = 'NotRegularFile';
    }
}
/** A regular file larger than the reader accepts. */
class atomic_FileTooLarge extends Error {
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
function atomic_readRegularFile(file, options = {}) {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_READ_BYTES;
    const flags = (external_node_fs_default()).constants.O_RDONLY | ((external_node_fs_default()).constants.O_NONBLOCK ?? 0) | (options.noFollow ? ((external_node_fs_default()).constants.O_NOFOLLOW ?? 0) : 0);
    let fd;
    try {
        fd = external_node_fs_default().openSync(file, flags);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    try {
        const stat = external_node_fs_default().fstatSync(fd);
        if (!stat.isFile())
            throw new atomic_NotRegularFile(file);
        if (stat.size > maxBytes)
            throw new atomic_FileTooLarge(file, stat.size, maxBytes);
        // Read to the end, not to the size seen: a file that grows past the limit meanwhile is refused too.
        const chunks = [];
        let length = 0;
        for (;;) {
            const chunk = Buffer.alloc(Math.min(64 * 1024, maxBytes + 1 - length));
            const read = external_node_fs_default().readSync(fd, chunk, 0, chunk.length, null);
            if (read === 0)
                break;
            chunks.push(chunk.subarray(0, read));
            length += read;
            if (length > maxBytes)
                throw new atomic_FileTooLarge(file, length, maxBytes);
        }
        return Buffer.concat(chunks).toString('utf8');
    }
    finally {
        external_node_fs_default().closeSync(fd);
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
function atomic_writeFileAtomic(file, content, options = {}) {
    const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, '\t')}\n`;
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/core/text.ts
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

;// CONCATENATED MODULE: ./src/core/fs/private-dir.ts
/**
 * A directory only its user can read. POSIX: mode 0700 (mkdtemp's own), nothing to do. Windows
 * ignores modes: a new directory inherits its parent's ACL (an agent's `_work\_temp` may be
 * readable by every local user), so it is restricted with icacls to the current user, with
 * inheritance from the parent removed; everything created inside later inherits that one entry.
 * A failure to restrict is a warning naming the directory, never an error: the directory keeps
 * its parent's permissions, as it would have without this step.
 */


/** How long icacls and whoami may take on an empty directory. */
const COMMAND_TIMEOUT_MS = 15_000;
const runCommand = (file, args) => new Promise((resolve) => {
    (0,external_node_child_process_namespaceObject.execFile)(file, [...args], { timeout: COMMAND_TIMEOUT_MS, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout: String(stdout ?? ''), stderr: String(stderr ?? '') || (error && code === null ? error.message : '') });
    });
});
/** A variable of a Windows environment, whatever the case of its name. */
function windowsVariable(env, name) {
    return Object.entries(env).find(([key]) => key.toUpperCase() === name)?.[1] || undefined;
}
/** System32, from SystemRoot: icacls and whoami are run by absolute path, never looked up on PATH. */
function system32(env) {
    return `${(windowsVariable(env, 'SYSTEMROOT') ?? 'C:\\Windows').replace(/\\+$/, '')}\\System32`;
}
/**
 * Who to grant: the current user's SID (`*S-1-5-\u2026`, as `whoami /user` prints it: no name
 * lookup, no localised names, right for service accounts such as LocalSystem); else
 * `USERDOMAIN\USERNAME` from the environment, unless that names a machine account (`NAME$`,
 * what the environment says under LocalSystem, which is not the account the process runs as).
 */
async function currentUser(env, run) {
    const whoami = await run(`${system32(env)}\\whoami.exe`, ['/user', '/fo', 'csv', '/nh']);
    const sid = whoami.code === 0 ? /"(S-1-[0-9-]+)"\s*$/m.exec(whoami.stdout)?.[1] : undefined;
    if (sid)
        return `*${sid}`;
    const user = windowsVariable(env, 'USERNAME');
    if (!user || user.endsWith('$') || /[\\/:"]/.test(user))
        return undefined;
    const domain = windowsVariable(env, 'USERDOMAIN');
    return domain ? `${domain}\\${user}` : user;
}
/** icacls' arguments: drop inherited entries, and grant `principal` alone full control, inherited by everything inside. */
function icaclsArgs(dir, principal) {
    return [dir, '/inheritance:r', '/grant:r', `${principal}:(OI)(CI)F`];
}
/**
 * Makes `dir` (just created, still empty) private to the current user. POSIX: nothing (mode
 * 0700 already). Windows: icacls, run without a shell; `warn` says so when it cannot.
 */
async function restrictToUser(dir, warn, options) {
    if ((options.platform ?? process.platform) !== 'win32')
        return;
    const run = options.run ?? runCommand;
    const keeps = `it keeps the permissions it inherited from ${dirname(dir)}`;
    const principal = await currentUser(options.env, run);
    if (!principal) {
        warn(`Could not make ${dir} private to this user: whoami did not name the user, nor did USERNAME; ${keeps}.`);
        return;
    }
    const result = await run(`${system32(options.env)}\\icacls.exe`, icaclsArgs(dir, principal));
    if (result.code !== 0) {
        const said = clip((result.stderr || result.stdout).trim().replace(/\s+/g, ' '), 200);
        warn(`Could not make ${dir} private to this user: icacls ${result.code === null ? 'did not run' : `exited with ${result.code}`}${said ? ` (${said})` : ''}; ${keeps}.`);
    }
}
/** The parent of a Windows or POSIX path, for messages. */
function dirname(dir) {
    const at = Math.max(dir.lastIndexOf('\\'), dir.lastIndexOf('/'));
    return at > 0 ? dir.slice(0, at) : dir;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/core/json.ts
/**
 * Parsed JSON as the core reads it: plain objects only, and keys that are only ever keys (a
 * registry or host named `__proto__`, `constructor` or `toString` is data, never a property of
 * Object.prototype).
 */
/** Whether `value` is a plain JSON object (not null, not an array). */
function json_isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** Parses a JSON object; undefined for anything else (not JSON, an array, a string\u2026). */
function jsonObject(text) {
    try {
        const value = JSON.parse(text);
        return json_isRecord(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** Whether `key` is `object`'s own property (never one inherited, such as `constructor`). */
function json_hasOwn(object, key) {
    return object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
}
/** `object[key]` when it is `object`'s own property, else undefined. */
function own(object, key) {
    return json_hasOwn(object, key) ? object[key] : undefined;
}
/** Sets `object[key]` as an own property, whatever the key (`__proto__` included). */
function setOwn(object, key, value) {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
/** A record without a prototype: every key is its own. */
function json_nullRecord() {
    return Object.create(null);
}
/** The string values of `value`, in a record without a prototype. */
function json_stringRecord(value) {
    const record = json_nullRecord();
    for (const [key, entry] of Object.entries(value))
        if (typeof entry === 'string')
            record[key] = entry;
    return record;
}
/** Whether two JSON values are the same (as serialised). */
function sameJson(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

;// CONCATENATED MODULE: ./src/core/docker/auth-file.ts
/**
 * Docker and containers-image auth files: where they are, reading them (never blocking, a
 * malformed one refused or set aside) and the `auth` value docker expects.
 */






/** The `auth` value docker expects: base64 of `user:password`. */
function basicAuth(username, password) {
    return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
/** The user's docker config directory: $DOCKER_CONFIG, else ~/.docker. */
function userDockerConfigDir(env, home = external_node_os_default().homedir()) {
    return env.DOCKER_CONFIG?.trim() ? external_node_path_default().resolve(env.DOCKER_CONFIG.trim()) : external_node_path_default().join(home, '.docker');
}
/** The containers-image tools' primary auth file, when this environment names one. */
function userContainersAuthFile(env) {
    if (env.REGISTRY_AUTH_FILE?.trim())
        return external_node_path_default().resolve(env.REGISTRY_AUTH_FILE.trim());
    if (env.XDG_RUNTIME_DIR?.trim())
        return external_node_path_default().join(env.XDG_RUNTIME_DIR.trim(), 'containers', 'auth.json');
    return undefined;
}
/**
 * Reads an auth file. Missing \u2192 `{}`. Unreadable, not a regular file, or not a JSON object \u2192
 * LoginError, unless `lenient`, when it is reported through `onIgnored` and treated as empty.
 */
function readAuthFile(file, lenient = false, onIgnored) {
    let text;
    try {
        text = atomic_readRegularFile(file);
    }
    catch (error) {
        const why = error instanceof atomic_NotRegularFile
            ? error.message
            : `${file} could not be read (${error.code ?? errors_messageOf(error)})`;
        if (lenient) {
            onIgnored?.(why);
            return {};
        }
        throw new LoginError(error instanceof atomic_NotRegularFile
            ? `${why}: replace it with a file or remove it.`
            : `Could not read ${file}: ${error.code ?? errors_messageOf(error)}.`);
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
    if (!json_isRecord(value)) {
        if (lenient) {
            onIgnored?.(`${file} is not a JSON object`);
            return {};
        }
        throw new LoginError(`${file} is not a JSON object: fix or remove it, then run the step again.`);
    }
    return value;
}
/**
 * The file a path finally names, following symbolic links (a dangling one too), so that an
 * explicit config.json that is a link is written through to its target instead of replaced.
 */
function linkTarget(file) {
    let current = file;
    for (let hops = 0; hops < 40; hops++) {
        const stat = external_node_fs_default().lstatSync(current, { throwIfNoEntry: false });
        if (!stat?.isSymbolicLink())
            return current;
        current = external_node_path_default().resolve(external_node_path_default().dirname(current), external_node_fs_default().readlinkSync(current));
    }
    throw new LoginError(`${file} is a chain of more than 40 symbolic links.`);
}
/** The mode to write `file` with: its own when it exists, else 0600. */
function modeFor(file) {
    const stat = external_node_fs_default().statSync(file, { throwIfNoEntry: false });
    return stat ? stat.mode & 0o777 : 0o600;
}

;// CONCATENATED MODULE: ./src/core/docker/job-dir.ts
/**
 * The job directory: a private directory under the runner's temp directory that holds this
 * login's job-scoped docker config, containers auth file and credential helper, and the marker
 * that proves to the post step that it is this job's. The post step deletes it whole.
 */





const job_dir_FILE_MODE = 0o600;
const DIR_MODE = 0o700;
/**
 * Entries of a docker config directory that a job-scoped copy links to, so that CLI plugins,
 * contexts and buildx builders keep working; and what the job lacks when one is left out.
 */
const LINKED_ENTRIES = {
    'cli-plugins': 'docker CLI plugins installed there (buildx, compose, \u2026) are not found in this job',
    contexts: 'docker contexts defined there are not available in this job',
    buildx: 'buildx builders defined there are not available in this job'
};
/** Creates the job-scoped directory for this login under `root` (0700). */
function createJobDir(root) {
    external_node_fs_default().mkdirSync(root, { recursive: true });
    return external_node_fs_default().mkdtempSync(external_node_path_default().join(root, 'chainguard-login-'));
}
/**
 * Links the seed directory's plugins, contexts and builders into a job-scoped directory. POSIX:
 * symbolic links (a failure fails the login). Windows: symbolic links need administrator rights
 * or Developer Mode, which a service account running an agent lacks; directory junctions need
 * neither (their target must be absolute). A junction that cannot be made leaves that folder
 * out with a warning naming it: the login itself goes on.
 */
function linkSeedEntries(seedDir, jobDir, options) {
    const windows = (options.platform ?? process.platform) === 'win32';
    const symlink = options.symlink ?? ((target, link, type) => external_node_fs_default().symlinkSync(target, link, type));
    for (const [name, without] of Object.entries(LINKED_ENTRIES)) {
        const target = external_node_path_default().join(seedDir, name);
        if (!external_node_fs_default().statSync(target, { throwIfNoEntry: false })?.isDirectory())
            continue;
        const link = external_node_path_default().join(jobDir, name);
        if (!windows) {
            symlink(target, link, 'dir');
            continue;
        }
        try {
            symlink(external_node_path_default().resolve(target), link, 'junction');
        }
        catch (error) {
            const why = error.code ?? errors_messageOf(error);
            options.warn(`Left ${name} out of the job's docker config: a directory junction to ${external_node_path_default().resolve(target)} could not be made (${why}); ${without}.`);
        }
    }
}
/**
 * Removes the links to the seed directory from a job directory before it is deleted, so that
 * no recursive deletion can go through one (a directory junction on Windows) into the user's
 * own docker config.
 */
function unlinkSeedEntries(jobDir) {
    for (const name of Object.keys(LINKED_ENTRIES)) {
        const link = external_node_path_default().join(jobDir, name);
        try {
            if (!external_node_fs_default().lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink())
                continue;
            external_node_fs_default().unlinkSync(link);
        }
        catch {
            // The deletion that follows reports what is left.
        }
    }
}
/** The file in a job directory holding the random marker that the saved state also carries. */
const MARKER_FILE = '.chainguard-login-marker';
/** Writes the job directory's marker (0600). */
function writeJobMarker(jobDir, marker) {
    external_node_fs_default().writeFileSync(external_node_path_default().join(jobDir, MARKER_FILE), marker, { mode: job_dir_FILE_MODE, flag: 'wx' });
}
/**
 * Why `dir` is not a job directory this step created for the state carrying `marker`, or
 * undefined when it is: a directory (not a link) directly under `tempRoot` (both with links
 * resolved) named chainguard-login-XXXXXX, owned by this user, mode 0700, holding the marker.
 * These are the only directories cleanup deletes whole.
 */
function jobDirProblem(dir, marker, tempRoot) {
    if (!external_node_path_default().isAbsolute(dir) || !/^chainguard-login-[A-Za-z0-9]{6}$/.test(external_node_path_default().basename(dir)))
        return 'it is not a directory this step creates';
    const stat = external_node_fs_default().lstatSync(dir, { throwIfNoEntry: false });
    if (!stat)
        return 'it does not exist';
    if (!stat.isDirectory())
        return 'it is not a directory';
    let parent;
    let root;
    try {
        parent = external_node_fs_default().realpathSync(external_node_path_default().dirname(dir));
        root = external_node_fs_default().realpathSync(tempRoot);
    }
    catch (error) {
        return `its location cannot be resolved (${error.code ?? errors_messageOf(error)})`;
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
        const markerFile = external_node_path_default().join(dir, MARKER_FILE);
        found = external_node_fs_default().lstatSync(markerFile, { throwIfNoEntry: false })?.isFile() ? atomic_readRegularFile(markerFile) : undefined;
    }
    catch {
        found = undefined;
    }
    if (!marker || found !== marker)
        return 'it does not hold the marker this step left in it';
    return undefined;
}
/** The prefix of a credential helper's directory inside the job directory (see installHelper). */
const HELPER_DIR_PREFIX = 'chainguard-helper-';
/** How often the deletion of a job directory is tried (about 3 s in all). */
const REMOVE_ATTEMPTS = 20;
/**
 * Deletes the job directory. A client still pulling may be running the credential helper, which
 * writes its cache, failure record and lock into its directory while the deletion runs (making
 * it fail with ENOTEMPTY, and leaving a token behind). So the helper's directory is first moved
 * aside, within the job directory: every later write of a racing helper goes to the old path and
 * fails. A write whose path was resolved just before the move may still land in the moved
 * directory, so the deletion is tried again (listing the directory afresh each time) for a
 * moment; that also rides out Windows, where open files block it.
 */
async function removeJobDir(jobDir) {
    let entries;
    try {
        entries = external_node_fs_default().readdirSync(jobDir);
    }
    catch {
        entries = [];
    }
    for (const name of entries) {
        if (!name.startsWith(HELPER_DIR_PREFIX))
            continue;
        try {
            external_node_fs_default().renameSync(external_node_path_default().join(jobDir, name), external_node_path_default().join(jobDir, `.removing-${name}`));
        }
        catch {
            // Deleted in place below.
        }
    }
    unlinkSeedEntries(jobDir);
    for (let attempt = 1;; attempt++) {
        try {
            external_node_fs_default().rmSync(jobDir, { recursive: true, force: true });
            return;
        }
        catch (error) {
            const code = error.code ?? '';
            if (attempt >= REMOVE_ATTEMPTS || !['ENOTEMPTY', 'EEXIST', 'EBUSY', 'EPERM', 'EACCES'].includes(code))
                throw error;
            await new Promise((resolve) => setTimeout(resolve, Math.min(20 * attempt, 200)));
        }
    }
}
/** A random marker: 128 bits, hex. */
async function newMarker() {
    const { randomBytes } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 598, 23));
    return randomBytes(16).toString('hex');
}
/** The runner's temp directory, where job directories go: absolute (a relative TMPDIR is taken from the current directory). */
function tempRootOf(tempDir) {
    return external_node_path_default().resolve(tempDir || external_node_os_default().tmpdir());
}

;// CONCATENATED MODULE: ./src/core/docker/merge.ts
/**
 * The pure rules for putting one host's login into a parsed auth file, as the client family that
 * reads it needs:
 *
 * The docker CLI ignores an `auths` entry when the config names a `credsStore` (or a
 * `credHelpers` entry for the host): it then asks that helper instead. An empty `credHelpers`
 * entry for the host sends docker back to `auths`. The containers-image tools (skopeo, podman,
 * buildah) ignore `credsStore`, but treat any `credHelpers` entry, even an empty one, as a helper
 * to run; so they get their own auth file, exported as REGISTRY_AUTH_FILE, which they read first.
 */

/** A file's `auths` and `credHelpers`, and the record of what a change to `registry` replaces. */
function changeOf(config, registry, kind, file) {
    const auths = json_isRecord(config.auths) ? config.auths : {};
    const helpers = json_isRecord(config.credHelpers) ? config.credHelpers : undefined;
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
    const hostHelper = json_hasOwn(helpers, registry);
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






const lock_FILE_MODE = 0o600;
const lock_DIR_MODE = 0o700;
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
        const value = JSON.parse(atomic_readRegularFile(file, { maxBytes: 4096 }) ?? '');
        return json_isRecord(value) ? value : undefined;
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
    const unique = uniqueSuffix();
    const ownerName = `${OWNER_PREFIX}${unique}`;
    const staging = `${lock}.${unique}`;
    external_node_fs_default().mkdirSync(staging, { mode: lock_DIR_MODE });
    try {
        const owner = { pid: process.pid, host: external_node_os_default().hostname() };
        external_node_fs_default().writeFileSync(external_node_path_default().join(staging, ownerName), JSON.stringify(owner), { mode: lock_FILE_MODE });
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
    const dir = external_node_path_default().dirname(lock);
    const prefix = `${external_node_path_default().basename(lock)}.`;
    let names;
    try {
        names = external_node_fs_default().readdirSync(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(prefix) || !/^\d+\.\d+\.[a-z0-9]+$/.test(name.slice(prefix.length)))
            continue;
        const staging = external_node_path_default().join(dir, name);
        const stat = external_node_fs_default().lstatSync(staging, { throwIfNoEntry: false });
        if (!stat?.isDirectory())
            continue;
        const ownerFile = ownerFileOf(staging);
        const written = (ownerFile && external_node_fs_default().statSync(ownerFile, { throwIfNoEntry: false })?.mtimeMs) || stat.mtimeMs;
        if (ownerGone(ownerFile ? readOwner(ownerFile) : undefined, Date.now() - written, staleMs))
            external_node_fs_default().rmSync(staging, { recursive: true, force: true });
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

;// CONCATENATED MODULE: ./src/core/docker/shared-config.ts
/**
 * An explicit docker config shared by jobs (the `docker-config` input): each job's login is
 * merged into its config.json under the config's lock, and a record beside it (mode 0600, no
 * token: only what the entries held before the first job, digests and the jobs still logged in)
 * lets the last job to leave a registry put back what was there, unless the user rewrote it.
 */








const shared_config_DIR_MODE = 0o700;
/** SHA-256, hex; node:crypto is loaded on first use. */
async function loadDigest() {
    const { createHash } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 598, 23));
    return (value) => createHash('sha256').update(value).digest('hex');
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
    return json_isRecord(entry) && typeof entry.auth === 'string' ? digest(entry.auth) : undefined;
}
/**
 * Records `job` as logged in to `registry` and writes its login into `config`. The first job
 * (or the first after the user rewrote the entry) keeps what the entry held before. Throws
 * SharedLoginConflict, changing nothing, when another job still logged in to the registry used
 * the other kind of login (credential helper or static). Pure.
 */
function joinShared(config, record, registry, credential, job, host, digest) {
    const given = typeof credential === 'string' ? { auth: credential } : credential;
    const auths = json_isRecord(config.auths) ? config.auths : {};
    const helpers = json_isRecord(config.credHelpers) ? config.credHelpers : undefined;
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
            jobs: entry?.jobs ?? json_nullRecord()
        };
        if (json_hasOwn(auths, registry))
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
    if (!entry || !json_hasOwn(entry.jobs, jobId))
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
    const auths = json_isRecord(config.auths) ? config.auths : undefined;
    const current = authDigestOf(own(auths, registry), digest);
    const helpers = json_isRecord(config.credHelpers) ? config.credHelpers : undefined;
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
        external_node_fs_default().lstatSync(file);
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
    const record = { version: 1, registries: json_nullRecord() };
    if (value.version !== 1 || !json_isRecord(value.registries))
        return record;
    for (const [registry, entry] of Object.entries(value.registries)) {
        if (!json_isRecord(entry) || !Array.isArray(entry.written) || !json_isRecord(entry.jobs))
            continue;
        const jobs = json_nullRecord();
        for (const [id, job] of Object.entries(entry.jobs)) {
            if (!json_isRecord(job) || typeof job.dir !== 'string' || typeof job.host !== 'string')
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
        if (json_hasOwn(entry, 'originalAuth'))
            checked.originalAuth = entry.originalAuth;
        if (json_hasOwn(entry, 'originalHelper'))
            checked.originalHelper = entry.originalHelper;
        record.registries[registry] = checked;
    }
    return record;
}
/** Writes the shared record, or removes it when it names no registry. */
function writeSharedRecord(file, record) {
    if (Object.keys(record.registries).length === 0)
        external_node_fs_default().rmSync(file, { force: true });
    else
        atomic_writeFileAtomic(file, record, { durable: true });
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
    external_node_fs_default().mkdirSync(external_node_path_default().dirname(target), { recursive: true, mode: shared_config_DIR_MODE });
    const digest = await loadDigest();
    const host = external_node_os_default().hostname();
    await withLock(target, async () => {
        const config = readAuthFile(target);
        const recordFile = sharedRecordFile(target);
        const before = external_node_fs_default().existsSync(recordFile) ? readSharedRecord(recordFile) : undefined;
        const record = readSharedRecord(recordFile);
        pruneGoneJobs(config, record, host, digest);
        for (const login of logins)
            joinShared(config, record, login.registry, login.credential, job, host, digest);
        writeSharedRecord(recordFile, record);
        try {
            atomic_writeFileAtomic(target, config, { durable: true, mode: modeFor(target) });
        }
        catch (error) {
            if (before)
                writeSharedRecord(recordFile, before);
            else
                external_node_fs_default().rmSync(recordFile, { force: true });
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
    if (!external_node_fs_default().existsSync(recordFile))
        return registries.map(() => 'not-joined');
    const digest = await loadDigest();
    const host = external_node_os_default().hostname();
    return withLock(target, async () => {
        const config = readAuthFile(target);
        const record = readSharedRecord(recordFile);
        const left = registries.map((registry) => leaveShared(config, record, registry, jobId, digest));
        const pruned = pruneGoneJobs(config, record, host, digest);
        if (left.some((l) => l.changed) || pruned)
            atomic_writeFileAtomic(target, config, { durable: true, mode: modeFor(target) });
        writeSharedRecord(recordFile, record);
        return left.map((l) => l.outcome);
    }, options);
}

;// CONCATENATED MODULE: ./src/core/docker/install.ts
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









const CONTAINERS_AUTH_FILE = 'containers-auth.json';
/** Writes the login. On failure nothing it wrote is left behind. */
async function installDockerLogin(plan) {
    const logins = plan.logins.filter((login, i, all) => all.findIndex((other) => other.registry === login.registry) === i);
    const hosts = logins.map((login) => login.registry);
    const { jobDir, marker } = await createMarkedJobDir(plan);
    let merged = false;
    try {
        const seeds = seedsOf(plan);
        const state = cleanupState(plan, jobDir, marker, hosts, seeds);
        const helper = installHelper(plan, jobDir);
        if (helper)
            state.helper = helper.name;
        const entries = logins.map((login) => ({
            registry: login.registry,
            credential: helper ? { helper: helper.names.get(login.registry) ?? helper.name } : { auth: basicAuth(login.username, login.password) }
        }));
        saveState(plan, state);
        const ignored = (why) => plan.warn(`Not copying existing credentials: ${why}.`);
        const containersAuthFile = writeContainersAuthFile(jobDir, seeds.containersFile, entries, ignored);
        let dockerConfigDir = jobDir;
        if (plan.explicitDir) {
            dockerConfigDir = plan.explicitDir;
            await mergeIntoExplicit(plan, plan.explicitDir, entries, { id: marker, dir: jobDir });
            merged = true;
        }
        else {
            writeJobScopedConfig(jobDir, seeds.dockerDir, entries, ignored, plan.warn);
        }
        return { dockerConfigDir, containersAuthFile, state, ...(helper ? { helper } : {}) };
    }
    catch (error) {
        if (merged && plan.explicitDir) {
            await removeLoginsFrom(external_node_path_default().join(plan.explicitDir, 'config.json'), hosts, marker, { scale: plan.lockScale }).catch(() => undefined);
        }
        unlinkSeedEntries(jobDir);
        external_node_fs_default().rmSync(jobDir, { recursive: true, force: true });
        throw error instanceof LoginError ? error : new LoginError(`Could not write the docker config: ${errors_messageOf(error)}.`);
    }
}
/**
 * A new job directory under the temp root, private to this user before anything is written into
 * it (on Windows through its ACL, which the credential helper's directory and cache, created
 * inside it later, inherit), with its marker.
 */
async function createMarkedJobDir(plan) {
    const marker = await newMarker();
    let jobDir;
    try {
        jobDir = createJobDir(plan.tempRoot);
        await restrictToUser(jobDir, plan.warn, {
            env: plan.env,
            ...(plan.platform ? { platform: plan.platform } : {}),
            ...(plan.run ? { run: plan.run } : {})
        });
        writeJobMarker(jobDir, marker);
        return { jobDir, marker };
    }
    catch (error) {
        if (jobDir)
            external_node_fs_default().rmSync(jobDir, { recursive: true, force: true });
        throw new LoginError(`Could not create a job-scoped docker config directory under ${plan.tempRoot}: ${errors_messageOf(error)}.`);
    }
}
/** Where to seed from: the user's config, or, when a login earlier in the same shell exported its own directory, what that one seeded from. */
function seedsOf(plan) {
    let dockerDir = userDockerConfigDir(plan.env, plan.home);
    let containersFile = userContainersAuthFile(plan.env);
    const previous = plan.previous;
    if (previous?.seed) {
        if (dockerDir === previous.jobDir)
            dockerDir = previous.seed.dockerDir;
        if (containersFile === external_node_path_default().join(previous.jobDir, CONTAINERS_AUTH_FILE))
            containersFile = previous.seed.containersFile;
    }
    return { dockerDir, ...(containersFile ? { containersFile } : {}) };
}
function cleanupState(plan, jobDir, marker, hosts, seed) {
    return {
        version: 2,
        jobDir,
        marker,
        registry: hosts[0],
        ...(plan.explicitDir ? { explicitDir: plan.explicitDir } : {}),
        seed,
        ...(hosts.length > 1 ? { hosts } : {})
    };
}
function installHelper(plan, jobDir) {
    if (!plan.helper)
        return undefined;
    try {
        return plan.helper(jobDir, plan.explicitDir);
    }
    catch (error) {
        throw new LoginError(`Could not install the docker credential helper in ${jobDir}: ${errors_messageOf(error)}.`);
    }
}
function saveState(plan, state) {
    try {
        plan.saveState?.(state);
    }
    catch (error) {
        throw new LoginError(`Could not save the state the post step needs to remove the login: ${errors_messageOf(error)}.`);
    }
}
/** The containers-image tools read this file first; it is seeded from their current primary file. */
function writeContainersAuthFile(jobDir, seed, entries, ignored) {
    const file = external_node_path_default().join(jobDir, CONTAINERS_AUTH_FILE);
    const containers = seed ? readAuthFile(seed, true, ignored) : {};
    for (const entry of entries)
        applyCredential(containers, entry.registry, entry.credential, 'containers', file);
    atomic_writeFileAtomic(file, containers);
    return file;
}
/** The job-scoped docker config: a copy of the seed's, with the login, and links to its plugins, contexts and builders. */
function writeJobScopedConfig(jobDir, seedDir, entries, ignored, warn) {
    const file = external_node_path_default().join(jobDir, 'config.json');
    const config = readAuthFile(external_node_path_default().join(seedDir, 'config.json'), true, ignored);
    for (const entry of entries)
        applyCredential(config, entry.registry, entry.credential, 'docker', file);
    atomic_writeFileAtomic(file, config);
    linkSeedEntries(seedDir, jobDir, { warn });
}
async function mergeIntoExplicit(plan, dir, entries, job) {
    try {
        await mergeLoginsInto(external_node_path_default().join(dir, 'config.json'), entries, job, { scale: plan.lockScale });
    }
    catch (error) {
        const label = plan.explicitDirLabel ?? 'docker-config';
        if (error instanceof SharedLoginConflict)
            throw new LoginError(conflictMessage(error, dir, label, plan.credentialHelperLabel ?? 'credential-helper'));
        throw new LoginError(`Could not write the docker config in ${dir} (${label}): ${errors_messageOf(error)}`);
    }
}
/** The refusal of a login that would replace another job's login of the other kind in a shared docker config. */
function conflictMessage(conflict, dir, dirLabel, helperLabel) {
    const kind = (helper) => (helper ? 'through the credential helper' : 'with a static credential');
    return (`Could not log in to ${conflict.registry} through the docker config in ${dir} (${dirLabel}): another job (job directory ${conflict.other.dir} ` +
        `on ${conflict.other.host}) is logged in to ${conflict.registry} there ${kind(conflict.otherHelper)}, and this job would log in ${kind(!conflict.otherHelper)}. ` +
        `One docker config holds one kind of login per registry, and either would replace the other's. Use the same ${helperLabel} setting in every job ` +
        `that shares this ${dirLabel}, or give the jobs separate ${dirLabel} directories.`);
}
/**
 * Removes the login: takes this job out of the explicit config (the last job out puts back the
 * earlier entries), then deletes the job-scoped directory. Trusts nothing in `state` it has not
 * checked: the job directory must be one this step created (see jobDirProblem), and the only
 * file it changes besides is `<explicit dir>/config.json`. Returns what it did, for the log.
 */
async function removeDockerLogin(state, context) {
    const problem = jobDirProblem(state.jobDir, state.marker, context.tempRoot);
    if (problem === 'it does not exist')
        return [`nothing to remove: ${state.jobDir} no longer exists`];
    if (problem)
        throw new LoginError(`Refusing to clean up ${state.jobDir}: ${problem}.`);
    const done = [];
    if (state.explicitDir) {
        const file = external_node_path_default().join(external_node_path_default().resolve(state.explicitDir), 'config.json');
        const hosts = state.hosts ?? [state.registry];
        const outcomes = await removeLoginsFrom(file, hosts, state.marker, { scale: context.lockScale });
        outcomes.forEach((outcome, i) => done.push(describeLeave(outcome, hosts[i], file)));
    }
    await removeJobDir(state.jobDir);
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

;// CONCATENATED MODULE: ./src/core/state.ts
/**
 * The cleanup state the login step keeps for the post step (and the command-line tool hands back
 * to its next call): paths and a random marker, never a credential.
 */

/** The name the state is kept under (a GitHub state entry, an Azure task variable). */
const STATE_KEY = 'chainguardLoginState';
const optionalString = (value) => value === undefined || typeof value === 'string';
/** Parses saved cleanup state; undefined when absent or not ours. */
function parseCleanupState(text) {
    if (!text)
        return undefined;
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (json_isRecord(value) &&
        value.version === 2 &&
        typeof value.jobDir === 'string' &&
        typeof value.marker === 'string' &&
        typeof value.registry === 'string' &&
        optionalString(value.explicitDir) &&
        (value.hosts === undefined || (Array.isArray(value.hosts) && value.hosts.every((h) => typeof h === 'string'))) &&
        optionalString(value.helper)) {
        return value;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/test-settings.ts
/**
 * The settings that exist for the project's own tests, read here and nowhere else. None is ever
 * needed in a real run, and the step prints a warning naming each one that is set.
 */

/** The environment variables, by setting. */
const TEST_VARIABLES = {
    /** A number in (0, 1]: waits, budgets and time limits pass that many times faster (a 70 s IMDS update in a second). */
    timeScale: 'CHAINGUARD_LOGIN_TIME_SCALE',
    /** The directory Arc key files are accepted from, since tests cannot create the agent's own. */
    arcTokenDir: 'CHAINGUARD_LOGIN_TEST_ARC_TOKEN_DIR',
    /** Accept loopback ACR login servers (over http) and a loopback System.OidcRequestUri: the emulators listen there. */
    loopbackEndpoints: 'CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS'
};
/** The settings of a real run: none. */
const NO_TEST_SETTINGS = { timeScale: 1, loopbackEndpoints: false };
/** The test settings `env` holds. */
function test_settings_readTestSettings(env) {
    const scale = Number(env[TEST_VARIABLES.timeScale]);
    const arcTokenDir = env[TEST_VARIABLES.arcTokenDir]?.trim();
    return {
        timeScale: scale > 0 && scale <= 1 ? scale : 1,
        ...(arcTokenDir ? { arcTokenDir: external_node_path_default().resolve(arcTokenDir) } : {}),
        loopbackEndpoints: Boolean(env[TEST_VARIABLES.loopbackEndpoints]?.trim())
    };
}
/** The test variables `env` sets, as they are: what the credential helper keeps, so that its refreshes run as the step did. */
function testEnvironment(env) {
    const kept = {};
    for (const name of Object.values(TEST_VARIABLES)) {
        const value = env[name];
        if (value !== undefined && value !== '')
            kept[name] = value;
    }
    return kept;
}
const TESTS_ONLY = 'This setting exists for tests only; remove it.';
/** One warning for each setting in effect, naming its variable. */
function testSettingWarnings(settings) {
    const warnings = [];
    if (settings.timeScale !== 1) {
        warnings.push(`${TEST_VARIABLES.timeScale} is set: waits, retry budgets and time limits run ${1 / settings.timeScale} times faster. ${TESTS_ONLY}`);
    }
    if (settings.arcTokenDir) {
        warnings.push(`${TEST_VARIABLES.arcTokenDir} is set: Arc key files are accepted from ${settings.arcTokenDir}. ${TESTS_ONLY}`);
    }
    if (settings.loopbackEndpoints) {
        warnings.push(`${TEST_VARIABLES.loopbackEndpoints} is set: loopback ACR login servers and a loopback System.OidcRequestUri are accepted, and receive ` +
            `Azure and Azure DevOps tokens from this job. ${TESTS_ONLY}`);
    }
    return warnings;
}
/** Why a loopback endpoint is refused without the setting, for a refusal's message. */
const LOOPBACK_FOR_TESTS_ONLY = `accepted only for tests with ${TEST_VARIABLES.loopbackEndpoints}=1, since it would hand this job's tokens to whatever listens on this machine`;

;// CONCATENATED MODULE: ./src/core/cleanup.ts
/** The post step: removes what the login wrote. Kept apart so the post bundles stay small. */





/** Removes what the main step wrote, when it saved anything to remove. */
async function cleanup(platform, test = test_settings_readTestSettings(process.env)) {
    for (const warning of testSettingWarnings(test))
        platform.warning(warning);
    const state = parseCleanupState(platform.getState(STATE_KEY));
    if (!state) {
        platform.info('Nothing to clean up.');
        return;
    }
    for (const line of await removeDockerLogin(state, { tempRoot: tempRootOf(platform.tempDir()), lockScale: test.timeScale }))
        platform.info(`Logout: ${line}`);
}
/**
 * Runs `cleanup`; a failure is a warning, since the job's own work is done. Returns whether the
 * login is gone (removed now, or nothing was left to remove).
 */
async function runCleanup(platform) {
    try {
        await cleanup(platform);
        return true;
    }
    catch (error) {
        platform.warning(`Could not remove the registry login: ${errors_messageOf(error)}`);
        return false;
    }
}

;// CONCATENATED MODULE: ./src/core/net/url.ts
/**
 * Where a secret may be sent: loopback addresses, and the checks every endpoint taken from the
 * environment passes (https, or plain http only on loopback; no credentials, no fragment).
 */

/** Whether a URL hostname is a loopback address or localhost. */
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
/**
 * An endpoint URL read from the environment variable `variable`, under the issuer's rule:
 * https, or plain http only on a loopback address; no credentials, no fragment.
 */
function endpointFromEnvironment(raw, variable) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw new LoginError(`${variable} is not a URL; it is set by the platform, so check what overrides it in this job.`);
    }
    if (url.username || url.password)
        throw new LoginError(`${variable} must not carry credentials.`);
    if (url.hash)
        throw new LoginError(`${variable} must not have a fragment.`);
    if (url.protocol === 'http:') {
        if (!isLoopback(url.hostname)) {
            throw new LoginError(`${variable} (${url.origin}) uses plain http off this machine; only https, or http on a loopback address, is accepted. ` +
                `Check what sets ${variable} in this job.`);
        }
    }
    else if (url.protocol !== 'https:') {
        throw new LoginError(`${variable} must be an https URL (or http on a loopback address), not ${url.protocol}.`);
    }
    return url;
}
/** Endpoints on this machine are reached directly; anything else follows the proxy settings. */
function routeOf(url) {
    return isLoopback(url.hostname) ? 'direct' : 'environment';
}

;// CONCATENATED MODULE: ./src/core/inputs/checks.ts
/** The shapes input values must have, and what no input value ever holds. */


const UIDP = /^[0-9a-f]{40}(\/[0-9a-f]{16})+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourcegroups\/[-\w.()]{1,90}\/providers\/microsoft\.managedidentity\/userassignedidentities\/[-\w]{3,128}$/i;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
/** Control characters and line breaks: no single value holds one. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Control characters other than tab and line breaks: no value of a list over several lines holds one. */
const CONTROL_IN_LIST = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const MAX_LENGTH = 2048;
/** Runner and agent commands begin with these; no input value ever needs one. */
const RUNNER_COMMAND = /##(vso)?\[/i;
/**
 * Whether a URI or audience holds `#`, `[` or `]`, which none ever needs (a fragment, or a
 * bracket that could open a runner command). A bracketed IPv6 host right after the scheme is
 * the one exception, for an issuer on loopback such as http://[::1]:8080.
 */
function hasUriForbiddenCharacter(value) {
    return /[#[\]]/.test(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)\[[0-9a-f:.]+\]/i, '$1'));
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
/** The STS base URL (without a trailing slash): https, or plain http only on loopback; no credentials, query or fragment. */
function checkIssuer(raw, fail) {
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        return fail(`must be an https URL such as https://issuer.enforce.dev, not "${shown(raw)}".`);
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

;// CONCATENATED MODULE: ./src/core/sources/inputs.ts
/** The inputs the identity sources read, as the input table and the source table both speak of them. */
/** The `identity-source` values: `auto`, or one source. */
const SOURCE_CHOICES = ['auto', 'imds', 'app-service', 'arc', 'workload-identity', 'token-file', 'github', 'azure-devops'];

;// CONCATENATED MODULE: ./src/core/inputs/acr-servers.ts
/**
 * The acr-registries input: Azure Container Registry login servers, checked and normalised as
 * docker and the exchange use them.
 */



/** Login-server suffixes: Azure's public cloud, Azure China, Azure US Government. */
const ACR_SUFFIXES = ['azurecr.io', 'azurecr.cn', 'azurecr.us'];
const INPUT = 'acr-registries';
// A registry name is 5-50 letters and digits; a registry created with a domain name label
// scope carries a hyphen and a hash after it.
const LOGIN_SERVER = new RegExp(`^[a-z0-9]{5,50}(-[a-z0-9]{1,64})?\\.(${ACR_SUFFIXES.map((s) => s.replace(/\./g, '\\.')).join('|')})$`);
const LOOPBACK_HOST_PORT = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]):(\d{1,5})$/;
/**
 * Checks one login server and returns it in the form docker and the exchange use: lower case,
 * without a scheme or trailing slash. A loopback `host:port` (the project's emulator, reached over
 * http) is accepted only when `testLoopback` (the test-only setting) allows it.
 */
function parseAcrLoginServer(raw, inputLabel, testLoopback = false) {
    const value = raw
        .trim()
        .toLowerCase()
        .replace(/^https:\/\//, '')
        .replace(/\/+$/, '');
    const loopback = LOOPBACK_HOST_PORT.exec(value);
    if (loopback) {
        const port = Number(loopback[2]);
        if (port >= 1 && port <= 65535) {
            if (testLoopback)
                return value;
            throw new InputError(INPUT, `Input ${inputLabel} names ${value}, a loopback address: ${LOOPBACK_FOR_TESTS_ONLY}. Give <registry name>.azurecr.io.`);
        }
    }
    if (LOGIN_SERVER.test(value))
        return value;
    throw new InputError(INPUT, `Input ${inputLabel} names "${shown(raw.trim(), 80)}", which is not an Azure Container Registry login server: give <registry name>.azurecr.io ` +
        '(.azurecr.cn in Azure China, .azurecr.us in Azure US Government), as az acr show --name <registry> --query loginServer prints it.');
}
/** Splits a list of login servers (commas, spaces or new lines), checks each, drops repeats. */
function parseAcrLoginServers(raw, inputLabel, testLoopback = false) {
    const servers = raw
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((item) => parseAcrLoginServer(item, inputLabel, testLoopback));
    return [...new Set(servers)];
}

;// CONCATENATED MODULE: ./src/core/inputs/definitions.ts
/**
 * THE input table: every input the step takes, with its Azure task spelling, the front ends that
 * offer it, its default, its parser and its help text. Labels, the command-line tool's parser and
 * help, and the reading of every input come from here; a test checks action.yml, task.json, the
 * CLI help and the README's inputs table against it.
 *
 * Adding an input: one entry here (and its field in LoginInputs, read.ts); the front ends' files
 * and the README table follow it, and the test says where they do not.
 */





const DEFAULT_REGISTRY = 'cgr.dev';
const DEFAULT_ISSUER = 'https://issuer.enforce.dev';
const DEFAULT_TIMEOUT_SECONDS = 120;
/** The audience of a Chainguard API token. */
const API_AUDIENCE = 'https://console-api.enforce.dev';
function definitions_boolean(fallback) {
    return (value, { fail }) => {
        if (!value)
            return fallback;
        if (/^true$/i.test(value))
            return true;
        if (/^false$/i.test(value))
            return false;
        return fail(`must be true or false, not "${shown(value)}".`);
    };
}
function filePath(value, { cwd, home }) {
    if (!value)
        return undefined;
    const expanded = value === '~' || value.startsWith('~/') ? external_node_path_default().join(home, value.slice(1)) : value;
    return external_node_path_default().resolve(cwd, expanded);
}
function guidSelector(kind) {
    return (value, { label, fail }) => {
        if (!value)
            return undefined;
        if (!GUID.test(value))
            fail(`must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${shown(value)}".`);
        return { kind, value: value.toLowerCase(), inputLabel: label };
    };
}
const noSpaces = (value, { fail }) => {
    if (value && /\s/.test(value))
        fail(`must not contain spaces ("${shown(value)}").`);
    return value || undefined;
};
/** Every input, in the order the CLI help lists them. */
const INPUTS = [
    {
        name: 'identity',
        frontEnds: ['github', 'azure', 'cli'],
        required: true,
        value: '<uidp>',
        help: 'Chainguard assumable identity to assume (required, except for diagnose)',
        parse: (value, { fail }) => {
            if (value && !UIDP.test(value)) {
                fail(`is not an assumable identity's UIDP ("${shown(value)}"): expected 40 hex digits, then one or more "/" and 16 hex digits, in lower case.`);
            }
            return value;
        }
    },
    {
        name: 'identity-source',
        frontEnds: ['github', 'azure', 'cli'],
        default: 'auto',
        value: '<source>',
        help: 'auto (default), imds, app-service, arc, workload-identity,\ntoken-file, github, azure-devops',
        parse: (value, { fail }) => {
            const choice = value.toLowerCase() || 'auto';
            if (!SOURCE_CHOICES.includes(choice))
                fail(`must be one of ${SOURCE_CHOICES.join(', ')}, not "${shown(choice)}".`);
            return choice;
        }
    },
    {
        name: 'azure-audience',
        frontEnds: ['github', 'azure', 'cli'],
        uri: true,
        value: '<uri>',
        help: 'resource asked of an Azure identity source, e.g. api://<app-client-id>\n(required for imds, app-service, arc, workload-identity)',
        parse: (value, { fail }) => {
            const resource = value.replace(/\/\.default$/, '') || undefined;
            if (resource && !GUID.test(resource) && !isAbsoluteUri(resource)) {
                fail(`must be an Application ID URI such as api://<app-client-id> or a client ID (a GUID), not "${shown(resource)}".`);
            }
            return resource;
        }
    },
    {
        name: 'identity-token-file',
        frontEnds: ['github', 'azure', 'cli'],
        value: '<file>',
        help: 'an OIDC token file (e.g. a Kubernetes projected service-account\ntoken), read afresh at every use; selects token-file under auto',
        parse: filePath
    },
    {
        name: 'oidc-audience',
        frontEnds: ['github', 'cli'],
        uri: true,
        value: '<aud>',
        help: "audience asked of GitHub's OIDC provider (default issuer.enforce.dev)",
        parse: noSpaces
    },
    {
        name: 'azure-devops-service-connection',
        azure: 'azureDevOpsServiceConnection',
        frontEnds: ['azure', 'cli'],
        value: '<id>',
        help: "ask Azure DevOps for this service connection's OIDC token\n(needs SYSTEM_ACCESSTOKEN mapped into the step's environment)",
        parse: (raw, { fail }) => {
            const value = raw.toLowerCase() || undefined;
            if (value && !GUID.test(value))
                fail(`must be the service connection's ID (a GUID, shown in its URL as resourceId), not "${shown(value)}".`);
            return value;
        }
    },
    {
        name: 'diagnose',
        frontEnds: ['github', 'azure', 'cli'],
        default: 'false',
        value: '<true|false>',
        help: 'as the diagnose command',
        parse: definitions_boolean(false)
    },
    {
        name: 'managed-identity-client-id',
        frontEnds: ['github', 'azure', 'cli'],
        value: '<guid>',
        help: 'user-assigned identity by client ID',
        parse: guidSelector('client-id')
    },
    {
        name: 'managed-identity-object-id',
        frontEnds: ['github', 'azure', 'cli'],
        value: '<guid>',
        help: '... by principal (object) ID',
        parse: guidSelector('object-id')
    },
    {
        name: 'managed-identity-resource-id',
        frontEnds: ['github', 'azure', 'cli'],
        value: '<id>',
        help: '... by ARM resource ID',
        parse: (value, { label, fail }) => {
            if (!value)
                return undefined;
            if (!RESOURCE_ID.test(value)) {
                fail(`must be the ARM resource ID of a user-assigned identity, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>, not "${shown(value)}".`);
            }
            return { kind: 'resource-id', value, inputLabel: label };
        }
    },
    {
        name: 'registry',
        frontEnds: ['github', 'azure', 'cli'],
        default: DEFAULT_REGISTRY,
        value: '<host[:port]>',
        help: 'registry to log in to (default cgr.dev)',
        parse: (value, { fail }) => {
            const registry = value || DEFAULT_REGISTRY;
            const problem = checkRegistry(registry);
            if (problem)
                fail(`${problem} ("${shown(registry)}"); give a host name such as cgr.dev, optionally with :port.`);
            return registry;
        }
    },
    {
        name: 'audience',
        frontEnds: ['github', 'azure', 'cli'],
        uri: true,
        value: '<aud>',
        help: 'audience of the Chainguard token (default: the registry)',
        parse: noSpaces
    },
    {
        name: 'issuer',
        frontEnds: ['github', 'azure', 'cli'],
        uri: true,
        default: DEFAULT_ISSUER,
        value: '<url>',
        help: 'Chainguard STS (default https://issuer.enforce.dev)',
        parse: (value, { fail }) => checkIssuer(value || DEFAULT_ISSUER, fail)
    },
    {
        name: 'docker-login',
        frontEnds: ['github', 'azure', 'cli'],
        default: 'true',
        value: '<true|false>',
        help: 'write docker auth (default true)',
        parse: definitions_boolean(true)
    },
    {
        name: 'docker-config',
        frontEnds: ['github', 'azure', 'cli'],
        value: '<dir>',
        help: 'merge into this docker config directory instead of a fresh one',
        parse: filePath
    },
    {
        name: 'logout',
        frontEnds: ['github', 'azure', 'cli'],
        default: 'true',
        value: '<true|false>',
        help: "export CHAINGUARD_LOGIN_STATE for 'logout' (default true)",
        parse: definitions_boolean(true)
    },
    {
        name: 'timeout',
        frontEnds: ['github', 'azure', 'cli'],
        default: String(DEFAULT_TIMEOUT_SECONDS),
        value: '<seconds>',
        help: 'give up after this long (default 120)',
        parse: (value, { fail }) => {
            if (!value)
                return DEFAULT_TIMEOUT_SECONDS;
            const seconds = Number(value);
            if (!/^\d+(\.\d+)?$/.test(value) || !(seconds > 0) || seconds > 3600)
                fail(`must be a number of seconds between 1 and 3600, not "${shown(value)}".`);
            return seconds;
        }
    },
    {
        name: 'credential-helper',
        frontEnds: ['github', 'azure', 'cli'],
        default: 'true',
        value: '<true|false>',
        help: 'log in through a refreshing docker credential helper written into\nthe temp directory and put on PATH (default true); false writes\nthe one-hour token itself into the docker config',
        parse: definitions_boolean(true)
    },
    {
        name: 'acr-registries',
        frontEnds: ['github', 'azure', 'cli'],
        multiLine: true,
        value: '<servers>',
        help: 'Azure Container Registry login servers (<name>.azurecr.io, comma or\nspace separated) to log in to with the same Azure identity',
        parse: (value, { label, test }) => parseAcrLoginServers(value, label, test.loopbackEndpoints)
    },
    {
        name: 'api-token',
        frontEnds: ['github', 'azure', 'cli'],
        default: 'false',
        value: '<true|false>',
        help: 'also get a Chainguard API token, exported as CHAINGUARD_API_TOKEN\nwith --export-token (default false)',
        parse: definitions_boolean(false)
    }
];
/** The canonical input names. */
const INPUT_NAMES = INPUTS.map((input) => input.name);
/** The input's definition. */
function inputDefinition(name) {
    return INPUTS.find((input) => input.name === name);
}
/** The Azure task's spelling of an input: its table entry's, else camelCase. */
function azureName(name) {
    const definition = inputDefinition(name);
    return definition.azure ?? name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
/** Whether a front end offers the input. */
function offers(frontEnd, name) {
    return inputDefinition(name).frontEnds.includes(frontEnd);
}

;// CONCATENATED MODULE: ./src/core/inputs/read.ts
/**
 * Reads and validates every input before any request is sent, with the parsers of the input
 * table. Each refusal names the input as the user writes it on their platform.
 */





const SELECTORS = ['managed-identity-client-id', 'managed-identity-object-id', 'managed-identity-resource-id'];
/** Throws the InputError `Input <label> <message>` for `name`. */
function refusal(reader, name) {
    return (message) => {
        throw new InputError(name, `Input ${reader.label(name)} ${message}`);
    };
}
/** The value of one input as given (trimmed, but for a list over several lines), refused when it holds what no value needs. */
function checkedValue(reader, name) {
    const definition = inputDefinition(name);
    const refuse = refusal(reader, name);
    const raw = reader.get(name) ?? '';
    if (definition.multiLine) {
        if (CONTROL_IN_LIST.test(raw) || RUNNER_COMMAND.test(raw) || raw.length > MAX_LENGTH * 8) {
            refuse('must be login servers separated by commas, spaces or new lines, such as myregistry.azurecr.io.');
        }
        return raw;
    }
    const value = raw.trim();
    if (CONTROL.test(value))
        refuse('contains a control character or line break; give a single plain value.');
    if (RUNNER_COMMAND.test(value))
        refuse('contains a runner or agent command marker ("##" and "["), which no value needs; give the plain value.');
    if (definition.uri && hasUriForbiddenCharacter(value))
        refuse('contains "#", "[" or "]", which an audience or URL never needs here; remove them.');
    if (value.length > MAX_LENGTH)
        refuse(`is ${value.length} characters long; at most ${MAX_LENGTH} are accepted.`);
    return value;
}
/** The value of one input, checked, then parsed by its table entry. */
function read(reader, name, context) {
    const value = checkedValue(reader, name);
    const parseContext = {
        label: reader.label(name),
        fail: refusal(reader, name),
        cwd: context.cwd ?? process.cwd(),
        home: context.home ?? external_node_os_default().homedir(),
        test: context.test ?? NO_TEST_SETTINGS
    };
    return inputDefinition(name).parse(value, parseContext);
}
/** The one user-assigned identity selector given, refusing two. */
function readSelector(reader, context) {
    const given = SELECTORS.filter((name) => checkedValue(reader, name));
    if (given.length > 1) {
        const names = given.map((name) => reader.label(name)).join(' and ');
        throw new InputError(given[1], `Inputs ${names} are both set: choose the user-assigned identity with exactly one of them.`);
    }
    return given.length === 1 ? read(reader, given[0], context) : undefined;
}
/** Reads every input; throws InputError naming the first one that is wrong. */
function readInputs(reader, context = {}) {
    const get = (name) => read(reader, name, context);
    const diagnose = get('diagnose');
    const identity = get('identity');
    if (!identity && !diagnose) {
        throw new InputError('identity', `Input ${reader.label('identity')} is required: the UIDP of the Chainguard assumable identity to assume (chainctl iam identities list).`);
    }
    // Required only by the Azure sources, which the source selection checks.
    const azureResource = get('azure-audience');
    const selector = readSelector(reader, context);
    const registry = get('registry');
    const audience = get('audience') ?? registry;
    return {
        identity,
        azureResource,
        selector,
        registry,
        audience,
        issuer: get('issuer'),
        dockerLogin: get('docker-login'),
        logout: get('logout'),
        dockerConfig: get('docker-config'),
        timeoutSeconds: get('timeout'),
        identitySource: get('identity-source'),
        identityTokenFile: get('identity-token-file'),
        oidcAudience: get('oidc-audience'),
        azureDevOpsServiceConnection: get('azure-devops-service-connection'),
        diagnose,
        credentialHelper: get('credential-helper'),
        apiToken: get('api-token'),
        acrRegistries: get('acr-registries')
    };
}

;// CONCATENATED MODULE: ./src/core/jwt.ts
/**
 * Reads the claims of a JWT for messages and expiry. Never verifies a signature (the services
 * do that) and never logs the token itself.
 */
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
/** The last instant an ISO 8601 date can show (9999-12-31T23:59:59Z): anything later is absurd. */
const LAST_PRINTABLE_MS = Date.UTC(9999, 11, 31, 23, 59, 59);
/** A date as ISO 8601 UTC to the second. */
function isoSeconds(date) {
    return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** An issued token whose `exp` cannot be used; `clock` says whether this machine's clock may be to blame. */
class ExpiryRefused extends Error {
    clock;
    constructor(message, clock) {
        super(message);
        this.clock = clock;
        this.name = 'ExpiryRefused';
    }
}
/**
 * The one check of a token a service has just issued (Chainguard's STS, an ACR exchange): its
 * `exp` as a Date, or undefined when it has none; refused (ExpiryRefused, its message beginning
 * with `what`, e.g. "the token it returned") when `exp` is not a plausible time or not after `now`.
 */
function issuedExpiry(claims, now, what) {
    const expiresAt = expiryOf(claims);
    if (!expiresAt)
        return undefined;
    const at = expiresAt.getTime();
    if (!Number.isFinite(at) || at > LAST_PRINTABLE_MS) {
        throw new ExpiryRefused(`${what} has an expiry (exp ${String(claims?.exp)}) that is not a plausible time`, false);
    }
    if (at <= now)
        throw new ExpiryRefused(`${what} expired at ${isoSeconds(expiresAt)}, before now (${isoSeconds(new Date(now))})`, true);
    return expiresAt;
}

;// CONCATENATED MODULE: ./src/core/net/failure.ts
/** A request that got no complete HTTP response, and why. */
/** A request that got no complete HTTP response. */
class HttpFailure extends Error {
    kind;
    /** The runner's network settings the request used, when it used any (for messages). */
    settings;
    constructor(kind, message) {
        super(message);
        this.name = 'HttpFailure';
        this.kind = kind;
    }
}

;// CONCATENATED MODULE: ./src/core/net/retry.ts

/**
 * The delay before retry number `retry` (1-based): `base \u00b7 2^(retry-1)`, capped, then scaled
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
/** Every 5xx status. */
const SERVER_ERRORS = Array.from({ length: 100 }, (_, i) => 500 + i);
/** The delay before another attempt under `rules`, or undefined to give up. */
function delayFor(rules, error, attempt, clock) {
    if (error instanceof HttpFailure) {
        const { kinds, retries, backoff } = rules.network;
        return kinds.includes(error.kind) && attempt <= retries ? backoffMs(attempt, backoff.baseMs, backoff.capMs, clock.random) : undefined;
    }
    const response = error?.response;
    if (!response || !rules.statuses.includes(response.status) || attempt > rules.retries)
        return undefined;
    let delay = backoffMs(attempt, rules.backoff.baseMs, rules.backoff.capMs, clock.random);
    const asked = rules.retryAfterCapMs === undefined ? undefined : retryAfterMs(response.headers, clock.now());
    if (asked !== undefined)
        delay = Math.max(delay, Math.min(asked, rules.retryAfterCapMs));
    if (rules.serverErrorFloorMs !== undefined && response.status >= 500)
        delay = Math.max(delay, rules.serverErrorFloorMs);
    return delay;
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

;// CONCATENATED MODULE: ./src/core/net/token-endpoint.ts




/** A complete HTTP answer that is not a token. */
class ServiceStatus extends Error {
    response;
    summary;
    code;
    description;
    constructor(response, 
    /** "HTTP 400 (invalid_request: \u2026)", "HTTP 403 PermissionDenied: \u2026", "HTTP 401 UNAUTHORIZED: \u2026", for messages. */
    summary, 
    /** The service's error code, when it gave one. */
    code, 
    /** The service's description, clipped, when it gave one. */
    description) {
        super(summary);
        this.response = response;
        this.summary = summary;
        this.code = code;
        this.description = description;
        this.name = 'ServiceStatus';
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
const token_endpoint_text = (value) => (typeof value === 'string' ? value : '');
/** Reads an error answer in `dialect`. Every piece quoted is clipped and redacted of what the request carried (`response.secrets`). */
function serviceStatus(response, dialect = 'oauth') {
    const body = jsonObject(response.body);
    const secrets = response.secrets ?? [];
    const status = `HTTP ${response.status}`;
    if (dialect === 'grpc') {
        const code = typeof body?.code === 'number' ? (GRPC_CODES[body.code] ?? `code ${body.code}`) : '';
        const message = clip(token_endpoint_text(body?.message), 300, secrets);
        return new ServiceStatus(response, `${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`, code, message);
    }
    if (dialect === 'registry') {
        const first = Array.isArray(body?.errors) ? (json_isRecord(body.errors[0]) ? body.errors[0] : undefined) : body;
        const code = token_endpoint_text(first?.code) || token_endpoint_text(first?.error);
        const message = token_endpoint_text(first?.message) || token_endpoint_text(first?.error_description);
        const detail = clip([code, message].filter(Boolean).join(': '), 300, secrets);
        return new ServiceStatus(response, `${status}${detail ? ` ${detail}` : ''}`, code, message);
    }
    const code = clip(token_endpoint_text(body?.error) || token_endpoint_text(body?.code), 100, secrets);
    const description = clip(token_endpoint_text(body?.error_description) || token_endpoint_text(body?.message) || token_endpoint_text(body?.Message), 300, secrets);
    const detail = [code, description].filter(Boolean).join(': ');
    return new ServiceStatus(response, `${status}${detail ? ` (${detail})` : ''}`, code, description);
}
/** Calls the endpoint until it answers with success or its rules say to stop; throws the last failure (HttpFailure or ServiceStatus). */
function callEndpoint(call, context) {
    const ok = call.ok ?? [200];
    return retrying({
        clock: context.clock,
        signal: context.signal,
        run: async (n) => {
            const response = await call.attempt(n);
            if (ok.includes(response.status))
                return response;
            throw serviceStatus(response, call.dialect);
        },
        retryAfter: (error, n, elapsed) => {
            const own = call.retry?.(error, n, elapsed) ?? 'rules';
            return own === 'rules' ? delayFor(call.rules, error, n, context.clock) : own;
        },
        onRetry: (error, n, delay) => context.debug(`${call.label} attempt ${n} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`)
    });
}
/** Throws a ServiceStatus unless the answer's status is one of `ok`. */
function expectStatus(response, ok = [200], dialect = 'oauth') {
    if (ok.includes(response.status))
        return response;
    throw serviceStatus(response, dialect);
}
/**
 * One message for a request that got no complete answer. `absent` says what it means when
 * nothing listens there (the source is not really available on this machine).
 */
function explainNetworkFailure(call, error, absent) {
    switch (error.kind) {
        case 'refused':
        case 'connect-timeout':
        case 'unreachable':
            return new LoginError(`${call}: ${error.message}. ${absent}`);
        case 'too-large':
            return new LoginError(`${call}: ${error.message}; a token response is a few kilobytes, so something else answered.`);
        default:
            return new LoginError(`${call}: ${error.message}.`);
    }
}
/** The failure as it is when the step's own timeout cut it short, else undefined. */
function abortedAs(error, context) {
    if (!context.signal?.aborted)
        return undefined;
    return error instanceof Error ? error : new Error(String(error));
}
/**
 * Reads an OAuth-style token answer (`access_token`, `expires_on` or `expires_in`), masking the
 * token before anything else happens. `elsewhere` explains a 200 that is not a token answer.
 */
function accessTokenFrom(response, context, call, elsewhere) {
    const body = jsonObject(response.body);
    const token = body?.access_token;
    if (typeof token !== 'string' || token.length === 0) {
        maskLongValues(body, context);
        const what = body ? 'JSON without an access_token' : 'not JSON';
        throw new LoginError(`${call}: it answered ${response.status} with a body that is ${what}. ${elsewhere}`);
    }
    context.mask(token);
    return { token, expiresAt: expiryFrom(body ?? {}, context.clock.now()) };
}
/** Masks every long string of an unexpected answer, in case it carries a token in another shape. */
function maskLongValues(body, context) {
    if (body)
        for (const value of Object.values(body))
            if (typeof value === 'string' && value.length > 20)
                context.mask(value);
}
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

;// CONCATENATED MODULE: ./src/core/exchange/chainguard-sts.ts
/**
 * Chainguard's security token service: exchanges an OIDC token (Azure's, a pipeline's, a
 * Kubernetes service account's) for a token of an assumable identity. Parameters travel
 * form-encoded; a JSON body would be ignored. A refused token is a typed TokenRefused: the caller
 * adds the setup doctor's advice (advice/trust.ts), which this module knows nothing of.
 */





const LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 256 * 1024 };
/** Chainguard's SDK retries only Unavailable (503, and 502 or 504 from a proxy): three attempts, quickly. */
const STS_RETRIES = {
    statuses: [502, 503, 504],
    retries: 2,
    backoff: { baseMs: 150, capMs: 1_000 },
    network: { kinds: ['reset', 'refused'], retries: 2, backoff: { baseMs: 150, capMs: 1_000 } }
};
/** The STS refused the presented token (401 or 403): its claims do not match the identity. */
class TokenRefused extends LoginError {
    request;
    constructor(message, request) {
        super(message);
        this.request = request;
        this.name = 'TokenRefused';
    }
}
/** Exchanges `subjectToken` for a Chainguard token. */
async function chainguard_sts_exchangeAtChainguard(request, context) {
    const url = new URL(`${request.issuer}/sts/exchange`);
    const tokenName = request.tokenName ?? 'Azure token';
    const call = `Could not exchange the ${tokenName} at Chainguard's STS (${url.origin}${url.pathname})`;
    context.debug(`Exchanging the ${tokenName} at ${url.origin}${url.pathname} for identity ${request.identity}, audience ${request.audience}`);
    let response;
    try {
        response = await callEndpoint({ label: 'STS', rules: STS_RETRIES, dialect: 'grpc', attempt: () => attempt(url, request, context) }, context);
    }
    catch (error) {
        if (context.signal?.aborted)
            throw error;
        throw explain(error, call, request);
    }
    const token = jsonObject(response.body)?.token;
    if (typeof token !== 'string' || token.length === 0) {
        const what = jsonObject(response.body) ? 'JSON without a token' : 'not JSON';
        throw new LoginError(`${call}: it answered 200 with a body that is ${what}. Check the issuer input: it must name Chainguard's STS.`);
    }
    context.mask(token);
    return { token, expiresAt: chainguard_sts_expiryOf(token, call, context.clock.now()) };
}
/** The issued token's expiry, refused when it has none or an implausible one. */
function chainguard_sts_expiryOf(token, call, now) {
    let expiresAt;
    try {
        expiresAt = issuedExpiry(decodeClaims(token), now, 'the token it returned');
    }
    catch (error) {
        if (!(error instanceof ExpiryRefused))
            throw error;
        const check = error.clock
            ? "the issuer input (it must name Chainguard's STS) and this machine's clock"
            : "the issuer input: it must name Chainguard's STS";
        throw new LoginError(`${call}: ${error.message}. Check ${check}.`);
    }
    if (!expiresAt) {
        throw new LoginError(`${call}: the token it returned is not a JWT with an expiry. Check the issuer input: it must name Chainguard's STS.`);
    }
    return expiresAt;
}
function attempt(url, request, context) {
    return context.send({
        url,
        method: 'POST',
        headers: {
            Authorization: `Bearer ${request.subjectToken}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json'
        },
        body: new URLSearchParams({ aud: request.audience, identity: request.identity }).toString(),
        secrets: [request.subjectToken],
        route: 'environment',
        ...LIMITS,
        signal: context.signal
    });
}
function explain(error, call, request) {
    if (error instanceof HttpFailure) {
        const check = error.settings
            ? `the issuer input and ${error.settings}`
            : 'the issuer input and, behind a proxy, HTTPS_PROXY and NO_PROXY';
        return new LoginError(`${call}: ${error.message}. Check ${check}.`);
    }
    if (!(error instanceof ServiceStatus))
        return error instanceof Error ? error : new Error(String(error));
    const status = error.response.status;
    if (status === 401 || status === 403)
        return new TokenRefused(`${call}: ${error.summary}.`, request);
    if (status === 400) {
        return new LoginError(`${call}: ${error.summary}. The STS refused the request's parameters: check ${request.identityInput} ` +
            `(an assumable identity's UIDP) and ${request.audienceInput}.`);
    }
    if (status === 404) {
        return new LoginError(`${call}: ${error.summary}. Check ${request.identityInput}: no assumable identity with that UIDP was found, ` +
            "or the issuer input does not name Chainguard's STS.");
    }
    if (STS_RETRIES.statuses.includes(status)) {
        return new LoginError(`${call}: the STS stayed unavailable (${error.summary}) after ${STS_RETRIES.retries + 1} attempts. Try again shortly.`);
    }
    return new LoginError(`${call}: ${error.summary}.`);
}

;// CONCATENATED MODULE: ./src/core/shell.ts
/**
 * The one home of shell quoting: every value interpolated into a command printed for a user to
 * paste (az, chainctl, kubectl, \u2026), the lines the command-line tool prints for the calling shell
 * (POSIX sh, PowerShell or cmd.exe), and the credential helper's wrappers.
 *
 * A value in a pasted command comes from a token (claims an attacker may choose: a branch name
 * lands in a CI token's subject) and must reach the program as exactly one argument, with nothing
 * in it run by the shell, even after `neutralise` has made the message inert for the runner. A
 * value that is not the shape the command needs becomes a placeholder instead.
 */

/** Characters that never need quoting in a POSIX shell word. */
const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Characters `neutralise` would turn into spaces (so the value could not be pasted as it is). */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/**
 * A value as one POSIX shell word with the same value: bare when safe, else single-quoted. The
 * word holds no `::` or `##`, into which `neutralise` would insert a word joiner and so change
 * the argument: between two such characters the quotes are closed and reopened (`'a:'':b'`).
 */
function shellWord(value) {
    if (BARE.test(value) && !value.includes('::'))
        return value;
    return singleQuoted(value)
        .replace(/:(?=:)/g, ":''")
        .replace(/#(?=#)/g, "#''");
}
/**
 * A claim or other value for a printed command: as one shell word, or `placeholder` (e.g.
 * `<principal-id of the managed identity>`, for the user to fill in) when it is absent, holds a
 * character that cannot be printed as it is, or fails `shape`.
 */
function shellArg(value, placeholder, shape) {
    if (!value || UNPRINTABLE.test(value) || (shape && !shape(value)))
        return placeholder;
    return shellWord(value);
}
/** The shape of an object (principal) ID or a client ID. */
function isGuid(value) {
    return GUID.test(value);
}
/** The shape of an OIDC issuer: an absolute http(s) URL. */
function isIssuerUrl(value) {
    try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !/\s/.test(value);
    }
    catch {
        return false;
    }
}
/** A value as one single-quoted POSIX shell word, always quoted (a path in a script, an `export` line). */
function singleQuoted(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/**
 * A value as one double-quoted word of a cmd.exe batch file, with `%` doubled so that it is not
 * expanded; undefined for a value holding a double quote, which cmd cannot quote.
 */
function cmdWord(value) {
    if (value.includes('"'))
        return undefined;
    return `"${value.replace(/%/g, '%%')}"`;
}
/** The shells the command-line tool prints its lines for. */
const SHELLS = ['sh', 'pwsh', 'cmd'];
/** The names the tool sets: a letter or underscore, then letters, digits and underscores (the same in every shell). */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A value that a shell cannot carry in the line it would be printed in: `why` says which character, never the value. */
class UnprintableValue extends Error {
    variable;
    shell;
    why;
    constructor(variable, shell, why) {
        super(`${variable} cannot be printed for ${shell}: ${why}`);
        this.variable = variable;
        this.shell = shell;
        this.why = why;
        this.name = 'UnprintableValue';
    }
}
/**
 * A value as a PowerShell expression (Windows PowerShell 5.1 and PowerShell 7) with exactly that
 * value: printable ASCII in single quotes, where only `'` is special (doubled); every other
 * character (line breaks, control characters, and all of non-ASCII, which includes the curly
 * quotes PowerShell also reads as single quotes) as `[char]0xHHHH`, joined with `+`. The line
 * stays one line of ASCII, whatever code page PowerShell reads the tool's output in.
 */
function pwshString(value) {
    const parts = [];
    let literal = '';
    for (const char of value) {
        if (char >= ' ' && char <= '~') {
            literal += char === "'" ? "''" : char;
            continue;
        }
        if (literal || parts.length === 0)
            parts.push(`'${literal}'`);
        literal = '';
        for (let i = 0; i < char.length; i++)
            parts.push(`[char]0x${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`);
    }
    if (literal || parts.length === 0)
        parts.push(`'${literal}'`);
    return parts.join(' + ');
}
/**
 * Why cmd.exe cannot carry `value` in `set "NAME=value"`, or undefined when it can. The line must
 * mean the same in a batch file run with `call` and run line by line (`for /f \u2026 do %L`): `%` is
 * expanded in the first and not in the second, `!` under delayed expansion, a `"` ends the quoted
 * part (what follows is a command), a line break ends the command, and anything outside printable
 * ASCII reaches cmd through the console code page, changed. Inside the quotes `^ & | < > ( )` are
 * plain characters.
 */
function cmdValueProblem(value) {
    if (value.includes('%'))
        return 'it holds "%", which cmd expands in a batch file and not on a command line';
    if (value.includes('!'))
        return 'it holds "!", which cmd expands under delayed expansion';
    if (value.includes('"'))
        return 'it holds a double quote, which would end the quoted value';
    if (/[\r\n]/.test(value))
        return 'it holds a line break';
    if (/[^\x20-\x7e]/.test(value))
        return 'it holds a character outside printable ASCII, which cmd reads through the console code page';
    return undefined;
}
/** A path as Git Bash and MSYS2 write it: `C:\a\b` is `/c/a/b` (their PATH is `:`-separated). */
function msysPath(dir) {
    const drive = /^([A-Za-z]):[\\/](.*)$/s.exec(dir);
    return drive ? `/${drive[1].toLowerCase()}/${drive[2].replace(/\\/g, '/')}` : dir.replace(/\\/g, '/');
}
function checkedName(name) {
    if (!VARIABLE_NAME.test(name))
        throw new Error(`not a variable name: ${JSON.stringify(name)}`);
    return name;
}
function cmdSet(name, value) {
    const problem = cmdValueProblem(value);
    if (problem)
        throw new UnprintableValue(name, 'cmd', problem);
    return `set "${name}=${value}"`;
}
/** The line that sets environment variable `name` to `value` in the target's shell (cmd: UnprintableValue when it cannot). */
function setLine(target, name, value) {
    checkedName(name);
    if (target.shell === 'pwsh')
        return `$env:${name} = ${pwshString(value)}`;
    if (target.shell === 'cmd')
        return cmdSet(name, value);
    return `export ${name}=${singleQuoted(value)}`;
}
/** The line that removes environment variable `name` (print it for a set variable: cmd's form of an unset one can leave ERRORLEVEL 1). */
function unsetLine(target, name) {
    checkedName(name);
    if (target.shell === 'pwsh')
        return `Remove-Item Env:${name} -ErrorAction SilentlyContinue`;
    if (target.shell === 'cmd')
        return `set ${name}=`;
    return `unset ${name}`;
}
/**
 * The lines that change PATH. sh and PowerShell change their own PATH when they run the lines
 * (every other entry stays as it is, byte for byte); cmd cannot read a variable in a line that
 * must mean the same in a batch file and on a command line, so its one line carries the whole
 * new value, built from `current` (UnprintableValue when cmd cannot carry it). No line when
 * nothing changes.
 */
function pathLines(target, change) {
    if (!change.add && change.remove.length === 0)
        return [];
    if (target.shell === 'cmd') {
        const gone = new Set(change.remove.map((entry) => entry.toLowerCase()));
        const kept = change.current === '' ? [] : change.current.split(';').filter((entry) => !gone.has(entry.toLowerCase()));
        return [cmdSet('PATH', [...(change.add ? [change.add] : []), ...kept].join(';'))];
    }
    const lines = change.remove.map((entry) => pathRemoval(target, entry));
    if (change.add)
        lines.push(pathPrepend(target, change.add));
    return lines;
}
function pathPrepend(target, dir) {
    if (target.shell === 'pwsh')
        return `$env:PATH = ${pwshString(dir)} + $(if ($env:PATH) { [IO.Path]::PathSeparator + $env:PATH })`;
    return `export PATH=${singleQuoted(target.windows ? msysPath(dir) : dir)}"\${PATH:+:$PATH}"`;
}
/** Takes the first `entry` out of PATH (sh: by pattern removal around the quoted entry; PowerShell: split, filter, join). */
function pathRemoval(target, entry) {
    if (target.shell === 'pwsh') {
        const separator = '[IO.Path]::PathSeparator';
        return `$env:PATH = ($env:PATH -split ${separator} | Where-Object { $_ -ne ${pwshString(entry)} }) -join ${separator}`;
    }
    const quoted = singleQuoted(target.windows ? msysPath(entry) : entry);
    return (`case ":\${PATH}:" in *:${quoted}:*) PATH=":\${PATH}:"; PATH=\${PATH%%:${quoted}:*}:\${PATH#*:${quoted}:}; ` +
        `PATH=\${PATH#:}; PATH=\${PATH%:}; export PATH;; esac`);
}

;// CONCATENATED MODULE: ./src/core/advice/trust.ts
/**
 * The setup doctor: from the token a runner presents (its claims, decoded, never the token),
 * the exact `chainctl` command and Terraform block that make Chainguard trust it, with advice for
 * the source it came from. Used when the STS refuses a token and by `diagnose`.
 */




/** What a printed command shows for an issuer that is not a URL. */
const ISSUER_PLACEHOLDER = '<issuer URL>';
/** The claims that matter, for messages. */
function claimSummary(claims) {
    const aud = claims?.aud;
    // An identity matches one audience: take the first of a list.
    const first = Array.isArray(aud) ? aud.find((a) => typeof a === 'string') : aud;
    return {
        iss: claimText(claims, 'iss'),
        sub: claimText(claims, 'sub'),
        aud: typeof first === 'string' ? first : '(absent)',
        exp: expiryOf(claims)
    };
}
/** A value as a Terraform string literal (JSON escapes, with template sequences escaped). */
function hclString(value) {
    return JSON.stringify(value)
        .replace(/\$\{/g, () => '$${')
        .replace(/%\{/g, () => '%%{');
}
function parentOf(identity) {
    if (!identity)
        return undefined;
    const at = identity.lastIndexOf('/');
    return at > 0 ? identity.slice(0, at) : undefined;
}
/** The lines that tell a user how to make Chainguard trust the presented token. */
function trustLines(presented) {
    const { iss, sub, aud, exp } = claimSummary(decodeClaims(presented.token));
    if (iss === '(absent)' || sub === '(absent)') {
        return [
            `The ${presented.tokenName} has no ${iss === '(absent)' ? 'issuer (iss)' : 'subject (sub)'} claim, so no assumable identity can match it.`
        ];
    }
    const name = presented.source.doctorName;
    const parent = parentOf(presented.identity);
    const hasAudience = aud !== '(absent)';
    const command = [
        'chainctl iam identities create',
        name,
        ...(parent ? [`--parent=${shellWord(parent)}`] : []),
        `--identity-issuer=${shellArg(iss, ISSUER_PLACEHOLDER, isIssuerUrl)}`,
        `--subject=${shellArg(sub, '<subject>')}`,
        ...(hasAudience ? [`--audience=${shellArg(aud, '<audience>')}`] : []),
        '--role=registry.pull'
    ].join(' ');
    const terraform = [
        `  resource "chainguard_identity" "${name.replace(/-/g, '_')}" {`,
        `    parent_id = ${hclString(parent ?? '<your organization or folder ID>')}`,
        `    name      = ${hclString(name)}`,
        '    claim_match {',
        `      issuer   = ${hclString(iss)}`,
        `      subject  = ${hclString(sub)}`,
        ...(hasAudience ? [`      audience = ${hclString(aud)}`] : []),
        '    }',
        '  }'
    ];
    const lines = [
        'To trust this runner, create an assumable identity that matches these claims:',
        `  ${command}`,
        'or in Terraform (chainguard provider; then bind it to the role registry.pull with a chainguard_rolebinding):',
        ...terraform,
        ...presented.source.advice({ iss, sub, aud }, { label: presented.label, parent })
    ];
    if (exp && exp.getTime() <= presented.now) {
        lines.push(`Note: this token expired at ${exp.toISOString()}; a fresh one is needed whatever the identity.`);
    }
    return lines;
}
/** The advice appended to an STS 401/403: the claims presented, then how to trust them. */
function refusalAdvice(presented) {
    const claims = decodeClaims(presented.token);
    if (!claims)
        return `The ${presented.tokenName} could not be decoded, so its claims cannot be shown.`;
    const { iss, sub } = claimSummary(claims);
    const who = presented.identity ? `The identity ${presented.identity}` : 'The identity';
    const first = `${who} must match the ${presented.tokenName}'s claims: issuer "${iss}", subject "${sub}", audience "${claimText(claims, 'aud')}".`;
    return [first, ...trustLines(presented)].join('\n');
}
/** What `diagnose` prints: the claims, how to trust them, and that nothing was exchanged. */
function diagnosisLines(presented, from) {
    const claims = decodeClaims(presented.token);
    if (!claims)
        return [`Diagnosis: the ${presented.tokenName} from ${from} is not a JWT, so it has no claims to match.`];
    const { iss, sub, exp } = claimSummary(claims);
    return [
        `Diagnosis: the ${presented.tokenName} from ${from} has these claims (the token itself is not shown):`,
        `  issuer   (iss): ${iss}`,
        `  subject  (sub): ${sub}`,
        `  audience (aud): ${claimText(claims, 'aud')}`,
        ...(exp ? [`  expires  (exp): ${exp.toISOString()}`] : []),
        ...trustLines(presented),
        `Then set ${presented.label('identity')} to the new identity's UIDP (chainctl iam identities list).`,
        'Stopped before the exchange (diagnose): nothing was sent to Chainguard and nothing was written.'
    ];
}
/**
 * The STS's refusal of a token (TokenRefused), with the claims presented and how to make
 * Chainguard trust them appended; any other error as it is.
 */
function trust_withTrustAdvice(error, presented) {
    if (!(error instanceof TokenRefused))
        return error;
    const advice = refusalAdvice({ ...presented, token: error.request.subjectToken, identity: error.request.identity, now: Date.now() });
    return new LoginError(`${error.message} ${advice}`);
}

;// CONCATENATED MODULE: ./src/core/docker/users.ts
/** The user names docker is given with the credentials the product hands out. */
/** A Chainguard token's user name. */
const users_CHAINGUARD_USERNAME = '_token';
/** An Azure Container Registry refresh token's user name (the null GUID). */
const ACR_USERNAME = '00000000-0000-0000-0000-000000000000';

;// CONCATENATED MODULE: ./src/core/exchange/acr.ts
/**
 * Azure Container Registry: turns an Entra token for `https://containerregistry.azure.net`
 * into an ACR refresh token (`POST https://<login server>/oauth2/exchange`), which docker
 * presents as the password of the null-GUID user. The refresh token lives about three hours.
 */









/** The resource (audience) to ask of the Azure source for an ACR exchange. */
const acr_ACR_RESOURCE = 'https://containerregistry.azure.net';
/** How long a refresh token lives when the answer does not say (Microsoft: renew every 3 hours). */
const DEFAULT_LIFETIME_MS = 3 * 60 * 60 * 1000;
const acr_LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 64 * 1024 };
/** As Azure Pipelines' Docker task: 429 and 5xx, and a connection that stalled or broke, four retries. */
const ACR_RETRIES = {
    statuses: [429, ...SERVER_ERRORS],
    retries: 4,
    backoff: { baseMs: 1_000, capMs: 8_000 },
    network: { kinds: ['reset', 'timeout'], retries: 4, backoff: { baseMs: 1_000, capMs: 8_000 } },
    retryAfterCapMs: 30_000
};
/** The base URL of a login server: https, or http for a loopback `host:port` (accepted only under the test-only setting). */
function acrBaseUrl(loginServer) {
    const url = new URL(`https://${loginServer}`);
    if (url.port && isLoopback(url.hostname))
        return new URL(`http://${loginServer}`);
    return url;
}
/** Exchanges an Azure token for an ACR refresh token for `loginServer`. */
async function acr_exchangeAtAcr(request, context) {
    const url = new URL('/oauth2/exchange', acrBaseUrl(request.loginServer));
    const call = `Could not log in to the Azure Container Registry ${request.loginServer} (POST ${url.origin}${url.pathname})`;
    const azureToken = await request.azureToken();
    const claims = decodeClaims(azureToken);
    const form = new URLSearchParams({ grant_type: 'access_token', service: request.loginServer });
    const tenant = typeof claims?.tid === 'string' ? claims.tid : undefined;
    if (tenant)
        form.set('tenant', tenant);
    form.set('access_token', azureToken);
    context.debug(`Exchanging the Azure token at ${url.origin}${url.pathname}${tenant ? ` for tenant ${tenant}` : ''}`);
    let response;
    try {
        const attempt = () => context.send({
            url,
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body: form.toString(),
            secrets: [azureToken],
            route: 'environment',
            ...acr_LIMITS,
            signal: context.signal
        });
        response = await callEndpoint({ label: 'ACR exchange', rules: ACR_RETRIES, dialect: 'registry', attempt }, context);
    }
    catch (error) {
        if (context.signal?.aborted)
            throw error;
        throw acr_explain(error, call, request, claims);
    }
    return credentialFrom(response, call, request, context);
}
/** The refresh token of a 200 answer, masked at once, with its expiry checked. */
function credentialFrom(response, call, request, context) {
    const parsed = jsonObject(response.body);
    const refreshToken = parsed?.refresh_token;
    if (typeof refreshToken !== 'string' || refreshToken.length === 0) {
        maskLongValues(parsed, context);
        const what = parsed ? 'JSON without a refresh_token' : 'not JSON';
        throw new LoginError(`${call}: it answered 200 with a body that is ${what}. Check ${request.inputLabel}: it must name an Azure Container Registry login server.`);
    }
    context.mask(refreshToken);
    const now = context.clock.now();
    let expiresAt;
    try {
        expiresAt = issuedExpiry(decodeClaims(refreshToken), now, 'the refresh token it returned');
    }
    catch (error) {
        if (!(error instanceof ExpiryRefused))
            throw error;
        const clock = error.clock ? ", and this machine's clock" : '';
        throw new LoginError(`${call}: ${error.message}. Check ${request.inputLabel}: it must name an Azure Container Registry login server${clock}.`);
    }
    return { username: ACR_USERNAME, password: refreshToken, expiresAt: expiresAt ?? new Date(now + DEFAULT_LIFETIME_MS) };
}
function acr_explain(error, call, request, claims) {
    if (error instanceof HttpFailure) {
        const settings = error.settings ?? 'the network (HTTPS_PROXY and NO_PROXY, behind a proxy)';
        const hint = error.kind === 'unreachable'
            ? `no registry answers at that name: check ${request.inputLabel}`
            : `check ${request.inputLabel} and ${settings}`;
        return new LoginError(`${call}: ${error.message}; ${hint}.`);
    }
    if (!(error instanceof ServiceStatus))
        return error instanceof Error ? error : new Error(String(error));
    const status = error.response.status;
    if (status === 401 || status === 403)
        return roleMissing(error, call, request, claims);
    if (status === 404) {
        return new LoginError(`${call}: ${error.summary}. Nothing at that address exchanges Azure tokens: check that ${request.inputLabel} names an Azure Container Registry login server.`);
    }
    if (ACR_RETRIES.statuses.includes(status)) {
        return new LoginError(`${call}: the registry kept failing (last answer ${error.summary}) after ${ACR_RETRIES.retries + 1} attempts. Try again shortly.`);
    }
    return new LoginError(`${call}: ${error.summary}.`);
}
/** A 401 or 403: the identity lacks the AcrPull role; the command that grants it, every value quoted. */
function roleMissing(error, call, request, claims) {
    const oid = typeof claims?.oid === 'string' ? claims.oid : undefined;
    const principal = oid && isGuid(oid) ? oid : undefined;
    const assignee = shellArg(principal, '<principal-id of the managed identity>');
    const name = shellWord(request.loginServer.split('.')[0]);
    return new LoginError(`${call}: ${error.summary}. The registry refused the Azure identity${principal ? ` (principal ${principal})` : ''}: it needs the AcrPull role on ` +
        'this registry (or, on a registry with repository permissions (ABAC), Container Registry Repository Reader). Grant it with:\n' +
        `  az role assignment create --assignee-object-id ${assignee} --assignee-principal-type ServicePrincipal --role AcrPull ` +
        `--scope "$(az acr show --name ${name} --query id --output tsv)"\n` +
        'Role assignments can take a few minutes to apply.');
}

;// CONCATENATED MODULE: ./src/core/sources/azure-endpoint.ts
/**
 * What the sources that ask a token endpoint share (MSAL's pattern): each states its request and
 * its refusals; this base sends it under the service's retry rules, reads the answer (masking the
 * token at once) and explains any failure in one message that names the call. Also the Azure
 * sources' shared pieces: their retry policies, their advice, and the binding of azure-audience.
 */




/** Network failures worth another try at an identity endpoint: a connection that opened, then stalled or broke. */
const STALLED = { kinds: ['timeout', 'reset'], retries: 2, backoff: { baseMs: 1_000, capMs: 4_000 } };
/**
 * Microsoft's SDKs for the managed-identity endpoints other than IMDS (App Service, Arc):
 * 404, 408, 429 and 5xx, three retries, `Retry-After` honoured.
 */
const MANAGED_IDENTITY_RETRIES = {
    statuses: [404, 408, 429, 500, 502, 503, 504],
    retries: 3,
    backoff: { baseMs: 1_000, capMs: 8_000 },
    network: STALLED,
    retryAfterCapMs: 60_000,
    serverErrorFloorMs: 1_000
};
/** Token services on the internet (Entra ID, Azure DevOps): throttling and server errors only. */
const TOKEN_SERVICE_RETRIES = { ...MANAGED_IDENTITY_RETRIES, statuses: [408, 429, 500, 502, 503, 504] };
/** Microsoft's advice for IMDS: 404, 429 and 5xx, about five retries with exponential backoff. */
const IMDS_RETRIES = {
    ...MANAGED_IDENTITY_RETRIES,
    statuses: [404, 429, ...SERVER_ERRORS],
    retries: 5,
    backoff: { baseMs: 1_000, capMs: 16_000 }
};
/** One request of a token endpoint, with the limits every such request has. */
function tokenRequest(context, request, limits) {
    return context.send({ ...request, ...limits, signal: context.signal });
}
/** A source that asks one token endpoint: its request, its refusals, and where it is. */
class TokenEndpointSource {
    dialect = 'oauth';
    /** "Could not get an Azure token from \u2026", for messages. */
    call() {
        return `Could not get an Azure token from ${this.name} (${this.endpoint})`;
    }
    /** Sends the request under the service's rules; the answer, or one message that names the call. */
    async request(resource, context) {
        context.debug(this.describe(resource));
        try {
            return await callEndpoint({ label: this.label, rules: this.rules, dialect: this.dialect, attempt: (n) => this.attempt(resource, context, n) }, context);
        }
        catch (error) {
            throw abortedAs(error, context) ?? this.explain(error, resource);
        }
    }
    explain(error, resource) {
        if (error instanceof HttpFailure)
            return explainNetworkFailure(this.call(), error, this.absent());
        if (error instanceof ServiceStatus)
            return this.refusal(error, resource);
        return error instanceof Error ? error : new Error(String(error));
    }
    /** The refusal of a status the rules retried until they gave up. */
    keptFailing(error, who = 'it') {
        if (!this.rules.statuses.includes(error.response.status))
            return undefined;
        return new LoginError(`${this.call()}: ${who} kept failing (last answer ${error.summary}) after ${this.rules.retries + 1} attempts. Try again shortly.`);
    }
}
/** A managed-identity endpoint that answers an OAuth token (`access_token`) for a resource. */
class AzureEndpointSource extends TokenEndpointSource {
    async getToken(resource, context) {
        const response = await this.request(resource, context);
        return accessTokenFrom(response, context, this.call(), this.elsewhere());
    }
}
/** An Azure source, with `azure-audience` bound in. */
function azureSource(kind, source, resource) {
    return {
        kind,
        name: source.name,
        endpoint: source.endpoint,
        tokenName: 'Azure token',
        resource,
        getToken: (context) => source.getToken(resource, context)
    };
}
/** The setup doctor's advice on an Azure token's claims. */
function azureAdvice({ iss, aud }, { label }) {
    if (iss.startsWith('https://sts.windows.net/')) {
        return [
            'Likely cause: the token has a v1 issuer (https://sts.windows.net/<tenant-id>/). Either create the identity with the v1 ' +
                'issuer and audience shown above, or set "requestedAccessTokenVersion": 2 in the Entra app\'s manifest so the issuer ' +
                "becomes https://login.microsoftonline.com/<tenant-id>/v2.0 and the audience the app's client ID."
        ];
    }
    if (aud.startsWith('api://')) {
        return [
            "Likely cause: the audience. v2 tokens carry the Entra app's client ID as audience, not its Application ID URI; create " +
                'the identity with the audience shown above.'
        ];
    }
    return [
        "The subject is the managed identity's principal (object) ID and the audience the Entra app's client ID (from " +
            `${label('azure-audience')}); compare them with the identity the job uses (chainctl iam identities describe <id>).`
    ];
}

;// CONCATENATED MODULE: ./src/core/sources/app-service.ts
/**
 * The managed-identity endpoint of App Service, Functions and Container Apps (where runners in
 * Container Apps jobs live): `IDENTITY_ENDPOINT` on this machine, authenticated by the secret
 * `IDENTITY_HEADER`. The answer carries `expires_on` and no `expires_in`.
 */



const API_VERSION = '2019-08-01';
const app_service_LIMITS = { connectTimeoutMs: 2_000, timeoutMs: 20_000, maxBodyBytes: 64 * 1024 };
const SELECTOR_PARAMETER = {
    'client-id': 'client_id',
    'object-id': 'principal_id',
    'resource-id': 'mi_res_id'
};
/** `IDENTITY_ENDPOINT` and `IDENTITY_HEADER`, when both are set. */
function detectAppService(env) {
    const endpoint = env.IDENTITY_ENDPOINT?.trim();
    const header = env.IDENTITY_HEADER?.trim();
    return endpoint && header ? { endpoint, header } : undefined;
}
class AppServiceSource extends AzureEndpointSource {
    environment;
    selector;
    name = 'the App Service / Container Apps identity endpoint';
    endpoint;
    label = 'Identity endpoint';
    rules = MANAGED_IDENTITY_RETRIES;
    url;
    constructor(environment, selector) {
        super();
        this.environment = environment;
        this.selector = selector;
        this.url = endpointFromEnvironment(environment.endpoint, 'IDENTITY_ENDPOINT');
        this.endpoint = `${this.url.origin}${this.url.pathname}`;
    }
    getToken(resource, context) {
        context.mask(this.environment.header);
        return super.getToken(resource, context);
    }
    describe(resource) {
        const who = this.selector ? `user-assigned identity ${this.selector.value}` : 'system-assigned identity';
        return `Requesting an Azure token from ${this.endpoint} for ${resource} with the ${who}`;
    }
    attempt(resource, context) {
        const url = new URL(this.url);
        url.searchParams.set('api-version', API_VERSION);
        url.searchParams.set('resource', resource);
        if (this.selector)
            url.searchParams.set(SELECTOR_PARAMETER[this.selector.kind], this.selector.value);
        const headers = { 'X-IDENTITY-HEADER': this.environment.header, Accept: 'application/json' };
        return tokenRequest(context, { url, method: 'GET', headers, secrets: [this.environment.header], route: routeOf(url) }, app_service_LIMITS);
    }
    absent() {
        return ('IDENTITY_ENDPOINT names an endpoint that is not running: enable a managed identity on the app or Container Apps job ' +
            '(the platform then sets IDENTITY_ENDPOINT and IDENTITY_HEADER), or choose another identity-source.');
    }
    elsewhere() {
        return "Something other than the platform's identity endpoint answered: check what sets IDENTITY_ENDPOINT in this job.";
    }
    refusal(error, resource) {
        const call = this.call();
        const status = error.response.status;
        if (status === 401 || status === 403) {
            return new LoginError(`${call}: it refused the request, ${error.summary}. The endpoint did not accept IDENTITY_HEADER: the platform ` +
                'sets it with IDENTITY_ENDPOINT and changes it when the app restarts, so do not copy, cache or override either ' +
                'variable in the job; let the step read them from the environment the platform gives it.');
        }
        if (status === 400 || (status === 404 && this.selector)) {
            const which = this.selector
                ? `The managed identity selected by ${this.selector.inputLabel} (${this.selector.value}) may not be assigned to this app or job: assign it, or correct ${this.selector.inputLabel}.`
                : 'The app or job may have no system-assigned identity: enable it, or select a user-assigned identity with managed-identity-client-id, managed-identity-object-id or managed-identity-resource-id.';
            return new LoginError(`${call}: it refused the request, ${error.summary}. ${which} If the identity is right, check azure-audience ` +
                `(${resource}): it must be the Application ID URI of an Entra app or another resource Entra ID knows.`);
        }
        const kept = this.keptFailing(error);
        if (kept)
            return kept;
        if (status >= 300 && status < 400) {
            return new LoginError(`${call}: it answered with a redirect (${error.summary}), which the identity endpoint never sends; something else answered.`);
        }
        return new LoginError(`${call}: it answered ${error.summary}.`);
    }
}
/** The source table's entry. */
const appServiceSource = {
    kind: 'app-service',
    azure: true,
    title: 'App Service / Container Apps',
    detect(request) {
        const found = detectAppService(request.env);
        if (!found) {
            return {
                found: false,
                why: 'IDENTITY_ENDPOINT and IDENTITY_HEADER are not both set: this job does not run in App Service, Functions or ' +
                    'Container Apps with a managed identity. Enable a managed identity on the app or Container Apps job, or choose another source.'
            };
        }
        const resource = request.inputs.azureResource;
        return {
            found: true,
            how: 'IDENTITY_ENDPOINT and IDENTITY_HEADER are set',
            build: () => azureSource('app-service', new AppServiceSource(found, request.inputs.selector), resource)
        };
    },
    selectors: 'any',
    doctorName: 'azure-container-apps-runners',
    advice: azureAdvice,
    environment: ['IDENTITY_ENDPOINT'],
    secretEnvironment: ['IDENTITY_HEADER']
};

;// CONCATENATED MODULE: ./src/core/sources/arc.ts
/**
 * Azure Arc-enabled servers (on premises or in other clouds): the Arc agent's identity endpoint
 * on this machine. It answers a first request with 401 and `WWW-Authenticate: Basic realm=<file>`;
 * the file, readable only by members of the `himds` group, holds a one-time key that the second
 * request presents. The file is read only when it is a regular file directly in the agent's token
 * directory, named `*.key`, at most 4096 bytes; any other realm is refused and nothing is read or
 * sent. Arc offers the machine's system-assigned identity only.
 */








const arc_API_VERSION = '2019-11-01';
const ARC_DEFAULT_ENDPOINT = 'http://localhost:40342/metadata/identity/oauth2/token';
const arc_LIMITS = { connectTimeoutMs: 2_000, timeoutMs: 20_000, maxBodyBytes: 64 * 1024 };
const MAX_KEY_BYTES = 4096;
/** Where the Arc agent is installed, and where it writes its key files, on this system. */
function arcPaths(env, platform = process.platform) {
    if (platform === 'win32') {
        const programFiles = env.ProgramFiles || 'C:\\Program Files';
        const programData = env.ProgramData || 'C:\\ProgramData';
        return {
            agent: external_node_path_default().win32.join(programFiles, 'AzureConnectedMachineAgent', 'himds.exe'),
            tokenDir: external_node_path_default().win32.join(programData, 'AzureConnectedMachineAgent', 'Tokens')
        };
    }
    return { agent: '/opt/azcmagent/bin/himds', tokenDir: '/var/opt/azcmagent/tokens' };
}
/**
 * `IDENTITY_ENDPOINT` with `IMDS_ENDPOINT` (what the agent sets for services), or the agent
 * installed on this machine (then its default endpoint).
 */
function detectArc(env, exists = external_node_fs_namespaceObject.existsSync) {
    const endpoint = env.IDENTITY_ENDPOINT?.trim();
    if (endpoint && env.IMDS_ENDPOINT?.trim())
        return { endpoint, how: 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set' };
    const { agent } = arcPaths(env);
    if (!endpoint && exists(agent))
        return { endpoint: ARC_DEFAULT_ENDPOINT, how: `the Arc agent is installed (${agent})` };
    return undefined;
}
/** The realm of a `Basic realm=<path>` challenge (quoted or not), or undefined. */
function realmOf(header) {
    const value = Array.isArray(header) ? header[0] : header;
    const match = /^\s*Basic\s+realm=(?:"([^"]*)"|(\S.*?))\s*$/i.exec(value ?? '');
    const realm = match?.[1] ?? match?.[2];
    return realm ? realm : undefined;
}
class ArcSource extends AzureEndpointSource {
    name = "the Azure Arc agent's identity endpoint";
    endpoint;
    label = 'Arc identity endpoint';
    rules = MANAGED_IDENTITY_RETRIES;
    url;
    tokenDir;
    pathApi;
    sameName;
    /** @param tokenDir  where key files are accepted from: the agent's own directory, unless the project's tests name another */
    constructor(environment, env, tokenDir, platform = process.platform) {
        super();
        this.url = endpointFromEnvironment(environment.endpoint, 'IDENTITY_ENDPOINT');
        this.endpoint = `${this.url.origin}${this.url.pathname}`;
        this.pathApi = platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
        this.tokenDir = this.pathApi.resolve(tokenDir || arcPaths(env, platform).tokenDir);
        this.sameName = platform === 'win32' ? (a, b) => a.toLowerCase() === b.toLowerCase() : (a, b) => a === b;
    }
    describe(resource) {
        return `Requesting an Azure token from the Arc agent (${this.endpoint}) for ${resource}`;
    }
    /** The challenge, the key file, and the answer. */
    async attempt(resource, context) {
        const url = new URL(this.url);
        url.searchParams.set('api-version', arc_API_VERSION);
        url.searchParams.set('resource', resource);
        const request = (headers, secrets = []) => tokenRequest(context, { url, method: 'GET', headers: { Metadata: 'true', Accept: 'application/json', ...headers }, secrets, route: routeOf(url) }, arc_LIMITS);
        const challenge = await request({});
        if (challenge.status !== 401)
            return expectStatus(challenge);
        const realm = realmOf(challenge.headers['www-authenticate']);
        if (realm === undefined) {
            throw new LoginError(`${this.call()}: it answered 401 without a Basic realm naming a key file, which the Arc agent always sends; ` +
                'something other than the Arc agent answered. Check IDENTITY_ENDPOINT.');
        }
        const key = this.readKey(realm);
        context.mask(key);
        return request({ Authorization: `Basic ${key}` }, [key]);
    }
    /** Refuses the realm the agent named, saying why; nothing was read or sent. */
    refuseRealm(realm, why) {
        throw new LoginError(`${this.call()}: it asked for the key file "${clip(realm, 200)}", which ${why}; the Arc agent only names ` +
            `*.key files of at most ${MAX_KEY_BYTES} bytes directly in ${this.tokenDir}. Nothing was read or sent. ` +
            'Check that IDENTITY_ENDPOINT names the Arc agent on this machine.');
    }
    /** Reads the key file the agent named, after checking that it is one of the agent's. */
    readKey(realm) {
        const p = this.pathApi;
        if (!p.isAbsolute(realm))
            this.refuseRealm(realm, 'is not an absolute path');
        const resolved = p.resolve(realm);
        if (!this.sameName(resolved, realm) || !this.sameName(p.dirname(resolved), this.tokenDir)) {
            this.refuseRealm(realm, `is not directly in ${this.tokenDir}`);
        }
        if (!p.basename(resolved).endsWith('.key'))
            this.refuseRealm(realm, 'is not named *.key');
        const key = this.readKeyFile(realm, resolved).trim();
        if (!key || /[\r\n\0]/.test(key))
            this.refuseRealm(realm, 'does not hold a key');
        return key;
    }
    /** The key file's text: never blocking (a FIFO is refused at once), and a symbolic link planted in the directory refused rather than followed. */
    readKeyFile(realm, file) {
        let read;
        try {
            read = atomic_readRegularFile(file, { maxBytes: MAX_KEY_BYTES, noFollow: true });
        }
        catch (error) {
            if (error instanceof atomic_NotRegularFile)
                return this.refuseRealm(realm, 'is not a regular file');
            if (error instanceof atomic_FileTooLarge)
                return this.refuseRealm(realm, `is ${error.size} bytes long`);
            const code = error.code;
            if (code === 'ELOOP')
                return this.refuseRealm(realm, 'is a symbolic link');
            if (code === 'EACCES' || code === 'EPERM') {
                throw new LoginError(`${this.call()}: the key file in ${this.tokenDir} cannot be read by the user running the step. On Linux, add that ` +
                    'user to the himds group (sudo usermod -a -G himds <user>, then restart the runner or agent); on Windows, run ' +
                    'it as an administrator or a member of "Hybrid agent extension applications".');
            }
            throw new LoginError(`${this.call()}: could not open the key file it named (${code ?? 'error'}).`);
        }
        if (read === undefined)
            throw new LoginError(`${this.call()}: could not open the key file it named (ENOENT).`);
        return read;
    }
    absent() {
        return 'The Arc agent (himds) is not running on this machine: check "azcmagent show", or choose another identity-source.';
    }
    elsewhere() {
        return 'Something other than the Arc agent answered: check IDENTITY_ENDPOINT.';
    }
    refusal(error) {
        const call = this.call();
        const status = error.response.status;
        if (status === 401 || status === 403) {
            return new LoginError(`${call}: it refused the key it had just issued, ${error.summary}. Run the job again; if it persists, restart the Arc agent (himds).`);
        }
        if (status === 400) {
            return new LoginError(`${call}: it refused the request, ${error.summary}. Check azure-audience: it must be the Application ID URI of an ` +
                'Entra app or another resource Entra ID knows; and check that the server is connected (azcmagent show).');
        }
        return this.keptFailing(error) ?? new LoginError(`${call}: it answered ${error.summary}.`);
    }
}
/** The source table's entry. Named explicitly, Arc is tried at IDENTITY_ENDPOINT, else the agent's default endpoint. */
const arcSource = {
    kind: 'arc',
    azure: true,
    title: 'Azure Arc',
    detect(request, explicit) {
        const { env } = request;
        const found = detectArc(env, request.exists) ??
            (explicit ? { endpoint: env.IDENTITY_ENDPOINT?.trim() || ARC_DEFAULT_ENDPOINT, how: '' } : undefined);
        if (!found)
            return { found: false, why: 'the Arc agent is not installed' };
        const resource = request.inputs.azureResource;
        return { found: true, how: found.how, build: () => azureSource('arc', new ArcSource(found, env, request.test.arcTokenDir), resource) };
    },
    selectors: { refused: "Azure Arc offers the machine's system-assigned identity only." },
    doctorName: 'azure-arc-runners',
    advice: azureAdvice,
    environment: ['IDENTITY_ENDPOINT', 'IMDS_ENDPOINT', 'ProgramFiles', 'ProgramData']
};

;// CONCATENATED MODULE: ./src/core/sources/azure-devops-oidc.ts
/**
 * Azure Pipelines' own OIDC token: `POST $(System.OidcRequestUri)?api-version=7.1` with the job's
 * access token (`System.AccessToken`) answers `{"oidcToken": \u2026}`. Without a service connection the
 * token is the pipeline's (`sub p://<org>/<project>/<pipeline>`); with `serviceConnectionId` it is
 * that connection's (`sub sc://<org>/<project>/<connection>`). Issuer
 * `https://vstoken.dev.azure.com/<org-id>`, audience always `api://AzureADTokenExchange`. Works on
 * Microsoft-hosted agents too.
 */







const azure_devops_oidc_API_VERSION = '7.1';
const AZURE_DEVOPS_AUDIENCE = 'api://AzureADTokenExchange';
const azure_devops_oidc_LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 256 * 1024 };
const VARIABLE = 'System.OidcRequestUri';
/** Azure DevOps Services: the only hosts the job's access token is sent to. */
const AZURE_DEVOPS_HOST = /^(dev\.azure\.com|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.visualstudio\.com)$/i;
/** `System.OidcRequestUri`, from the task library or the environment, or undefined. */
function oidcRequestUri(env, platform) {
    const value = platform?.variable?.('System.OidcRequestUri') ?? env.SYSTEM_OIDCREQUESTURI;
    return value?.trim() || undefined;
}
class AzureDevOpsOidcSource extends TokenEndpointSource {
    serviceConnection;
    kind = 'azure-devops';
    name = "Azure DevOps' OIDC endpoint";
    tokenName = 'Azure DevOps OIDC token';
    endpoint;
    label = 'Azure DevOps OIDC endpoint';
    rules = TOKEN_SERVICE_RETRIES;
    url;
    /** The job's access token, read (and masked) when the token is asked for. */
    accessToken = '';
    /**
     * Takes the request URI only on an Azure DevOps Services host (https), since the job's access
     * token goes with the request; on loopback (the project's emulators) only when `testLoopback`
     * (the test-only setting) allows it.
     */
    constructor(requestUri, serviceConnection, testLoopback = false) {
        super();
        this.serviceConnection = serviceConnection;
        this.url = endpointFromEnvironment(requestUri, VARIABLE);
        if (isLoopback(this.url.hostname)) {
            if (!testLoopback)
                throw new LoginError(`${VARIABLE} (${this.url.origin}) is a loopback address, ${LOOPBACK_FOR_TESTS_ONLY}. Check what sets it in this job.`);
        }
        else if (this.url.protocol !== 'https:' || !AZURE_DEVOPS_HOST.test(this.url.hostname)) {
            throw new LoginError(`${VARIABLE} (${this.url.origin}) is not an Azure DevOps Services address (dev.azure.com or *.visualstudio.com), and the ` +
                `job's access token would be sent there. Check what sets ${VARIABLE} (SYSTEM_OIDCREQUESTURI) in this job.`);
        }
        this.endpoint = `${this.url.origin}${this.url.pathname}`;
    }
    async getToken(context) {
        this.accessToken = this.readAccessToken(context);
        const response = await this.request('', context);
        const body = jsonObject(response.body);
        const token = body?.oidcToken;
        if (typeof token !== 'string' || !token) {
            maskLongValues(body, context);
            const what = body ? 'JSON without an oidcToken' : 'not JSON (a sign-in page, when the access token is not accepted)';
            throw new LoginError(`${this.call()}: it answered 200 with a body that is ${what}. ${ACCESS_TOKEN_ADVICE}`);
        }
        context.mask(token);
        return { token, expiresAt: expiryOf(decodeClaims(token)) };
    }
    describe() {
        const whose = this.serviceConnection ? `service connection ${this.serviceConnection.id}` : 'this pipeline';
        return `Asking ${this.endpoint} for the OIDC token of ${whose}`;
    }
    attempt(_resource, context) {
        const url = new URL(this.url);
        url.searchParams.set('api-version', azure_devops_oidc_API_VERSION);
        if (this.serviceConnection)
            url.searchParams.set('serviceConnectionId', this.serviceConnection.id);
        const headers = {
            Authorization: `Bearer ${this.accessToken}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            // Without it a refused token gets a sign-in page instead of a 401.
            'X-TFS-FedAuthRedirect': 'Suppress'
        };
        return tokenRequest(context, { url, method: 'POST', headers, body: '', secrets: [this.accessToken], route: routeOf(url) }, azure_devops_oidc_LIMITS);
    }
    /** The job's access token: from the task library, else (the command-line tool) SYSTEM_ACCESSTOKEN. */
    readAccessToken(context) {
        const offered = context.platform?.azureDevOpsAccessToken;
        const token = (offered ? offered() : context.env.SYSTEM_ACCESSTOKEN)?.trim();
        if (!token) {
            throw new LoginError(`${this.call()}: the job has no access token (System.AccessToken). The task reads it through the SystemVssConnection ` +
                'endpoint; a script step running the command-line tool must map it: env: SYSTEM_ACCESSTOKEN: $(System.AccessToken).');
        }
        context.mask(token);
        return token;
    }
    call() {
        return `Could not get the Azure DevOps OIDC token from ${this.endpoint}`;
    }
    absent() {
        return "Check the agent's network and proxy settings.";
    }
    refusal(error) {
        const call = this.call();
        const status = error.response.status;
        if (status === 401 || status === 203 || (status >= 300 && status < 400)) {
            return new LoginError(`${call}: ${error.summary}. ${ACCESS_TOKEN_ADVICE}`);
        }
        if ((status === 400 || status === 403 || status === 404) && this.serviceConnection) {
            const { id, inputLabel } = this.serviceConnection;
            return new LoginError(`${call}: ${error.summary}. The service connection ${id} (${inputLabel}) does not exist in this project, this ` +
                'pipeline is not authorized to use it, or it does not use workload identity federation: check the connection and ' +
                "its pipeline permissions, or leave the input empty to use the pipeline's own token.");
        }
        if (status === 403) {
            return new LoginError(`${call}: ${error.summary}. The job's access token may not ask for OIDC tokens; check the project's pipeline settings (job authorization scope).`);
        }
        return this.keptFailing(error, 'Azure DevOps') ?? new LoginError(`${call}: ${error.summary}.`);
    }
}
const ACCESS_TOKEN_ADVICE = "Azure DevOps did not accept the job's access token (System.AccessToken): it is valid only while the job runs, and a " +
    'copied or overridden SYSTEM_ACCESSTOKEN does not work; run the step as a task of the job.';
/** The setup doctor's advice on an Azure DevOps OIDC token's claims. */
function azureDevOpsAdvice(_claims, { label }) {
    return [
        `Without ${label('azure-devops-service-connection')} the subject names this pipeline (p://<org>/<project>/<pipeline>); with it, ` +
            'the service connection (sc://<org>/<project>/<connection>). The audience is always api://AzureADTokenExchange.'
    ];
}
/** The source table's entry: under auto, chosen when the job can ask Azure DevOps for a token and azure-audience is not set. */
const azureDevOpsOidcSource = {
    kind: 'azure-devops',
    azure: false,
    title: "Azure DevOps' OIDC token",
    detect(request) {
        const uri = oidcRequestUri(request.env, request.platform);
        if (!uri) {
            return {
                found: false,
                why: 'System.OidcRequestUri is not set: this is not an Azure Pipelines job, or its agent is too old to offer OIDC tokens (update the agent).'
            };
        }
        const id = request.inputs.azureDevOpsServiceConnection;
        const connection = id ? { id, inputLabel: request.label('azure-devops-service-connection') } : undefined;
        return {
            found: true,
            how: `System.OidcRequestUri is set and ${request.label('azure-audience')} is not`,
            build: () => new AzureDevOpsOidcSource(uri, connection, request.test.loopbackEndpoints)
        };
    },
    refusals: { 'oidc-audience': `Azure DevOps OIDC tokens always carry the audience ${AZURE_DEVOPS_AUDIENCE}.` },
    lookedFor: () => "- Azure DevOps' OIDC token: System.OidcRequestUri is not set (not an Azure Pipelines job).",
    doctorName: 'azure-pipelines',
    advice: azureDevOpsAdvice,
    environment: ['SYSTEM_OIDCREQUESTURI'],
    secretEnvironment: ['SYSTEM_ACCESSTOKEN']
};

;// CONCATENATED MODULE: ./src/core/sources/github-oidc.ts
/**
 * GitHub Actions' own OIDC token, asked through the runner library (`getIDToken(audience)`) that
 * the GitHub adapter hands over. The job needs `permissions: id-token: write`; without it the
 * runner does not set ACTIONS_ID_TOKEN_REQUEST_URL and there is no token to ask for.
 */




const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** What a job without an OIDC token is told. */
const MISSING_PERMISSION = 'ACTIONS_ID_TOKEN_REQUEST_URL is not set, so this job may not ask GitHub for an OIDC token: add ' +
    '"permissions: id-token: write" to the workflow or the job (pull requests from forks never get one)';
/** Whether the runner offers this job an OIDC token. */
function githubOidcAvailable(env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL?.trim() && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim());
}
class GithubOidcSource {
    audience;
    kind = 'github';
    name = "GitHub Actions' OIDC provider";
    tokenName = 'GitHub OIDC token';
    endpoint;
    /** The runner's request token (a secret), sent with the request: redacted from its answer. */
    requestToken;
    /**
     * Takes ACTIONS_ID_TOKEN_REQUEST_URL only over https, or http on loopback, since the request
     * token goes with the request.
     */
    constructor(audience, env) {
        this.audience = audience;
        const url = endpointFromEnvironment(env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '', 'ACTIONS_ID_TOKEN_REQUEST_URL');
        this.endpoint = `${url.origin}${url.pathname}`;
        this.requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim() || undefined;
    }
    async getToken(context) {
        const call = `Could not get GitHub's OIDC token (audience ${this.audience})`;
        const ask = context.platform?.githubIdToken;
        if (!ask) {
            throw new LoginError(`${call}: only the GitHub Action can ask for it. Use the action (uses: \u2026/chainguard-azure-login) in the workflow, ` +
                'or write the token to a file and pass it as identity-token-file.');
        }
        context.debug(`Asking GitHub for an OIDC token with audience ${this.audience}`);
        let token;
        try {
            // The runner library retries on its own; the step's timeout still bounds it.
            token = await untilAborted(ask(this.audience), context.signal);
        }
        catch (error) {
            if (context.signal?.aborted)
                throw error;
            throw new LoginError(`${call}: ${clip(errors_messageOf(error), 300, [this.requestToken])}. Check that the job has "permissions: id-token: write".`);
        }
        if (typeof token !== 'string' || !token)
            throw new LoginError(`${call}: the runner returned no token.`);
        context.mask(token);
        const claims = decodeClaims(token);
        if (!claims)
            throw new LoginError(`${call}: what the runner returned is not a JWT.`);
        return { token, expiresAt: expiryOf(claims) };
    }
}
/** `promise`, or a rejection as soon as `signal` aborts. */
function untilAborted(promise, signal) {
    if (!signal)
        return promise;
    if (signal.aborted)
        return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        promise.then((value) => {
            signal.removeEventListener('abort', onAbort);
            resolve(value);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
/** The audience asked of GitHub's OIDC provider when oidc-audience is not set. */
const DEFAULT_OIDC_AUDIENCE = 'issuer.enforce.dev';
/** The setup doctor's advice on a GitHub OIDC token's claims. */
function githubAdvice(_claims, { label }) {
    return [
        'The subject depends on what triggered the workflow (repo:<owner>/<repo>:ref:refs/heads/<branch>, \u2026:pull_request, ' +
            `\u2026:environment:<name>); to trust several, use --subject-pattern instead of --subject. The audience is ${label('oidc-audience')}.`
    ];
}
/** The source table's entry: under auto, chosen when the job may ask GitHub for a token and azure-audience is not set. */
const githubOidcSource = {
    kind: 'github',
    azure: false,
    title: "GitHub Actions' OIDC token",
    detect(request) {
        if (!githubOidcAvailable(request.env))
            return { found: false, why: `${MISSING_PERMISSION}.` };
        return {
            found: true,
            how: `ACTIONS_ID_TOKEN_REQUEST_URL is set and ${request.label('azure-audience')} is not`,
            build: () => new GithubOidcSource(request.inputs.oidcAudience ?? DEFAULT_OIDC_AUDIENCE, request.env)
        };
    },
    lookedFor: (request) => request.env.GITHUB_ACTIONS === 'true'
        ? `- GitHub Actions' OIDC token: this is a GitHub Actions job, but ${MISSING_PERMISSION};`
        : "- GitHub Actions' OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set (not a GitHub Actions job);",
    doctorName: 'github-actions',
    advice: githubAdvice,
    environment: ['ACTIONS_ID_TOKEN_REQUEST_URL', 'GITHUB_ACTIONS'],
    secretEnvironment: ['ACTIONS_ID_TOKEN_REQUEST_TOKEN']
};

;// CONCATENATED MODULE: ./src/core/sources/imds.ts





const IMDS_DEFAULT_BASE = 'http://169.254.169.254';
const TOKEN_PATH = '/metadata/identity/oauth2/token';
const imds_API_VERSION = '2018-02-01';
const CONNECT_TIMEOUT_MS = 2_000;
/** IMDS answers within milliseconds even when busy (it says 410 or 429 at once). */
const ATTEMPT_TIMEOUT_MS = 5_000;
/** Accepting connections and never answering is given up on after this long in all. */
const SILENT_BUDGET_MS = 20_000;
const MAX_BODY_BYTES = 64 * 1024;
/** 410 means IMDS is updating, which takes up to 70 s: keep trying at least that long. */
const UPDATING_BUDGET_MS = 75_000;
const imds_SELECTOR_PARAMETER = {
    'client-id': 'client_id',
    'object-id': 'object_id',
    'resource-id': 'msi_res_id'
};
/** The IMDS base URL for this environment (`AZURE_POD_IDENTITY_AUTHORITY_HOST` overrides the default). */
function imdsBase(env) {
    const override = env.AZURE_POD_IDENTITY_AUTHORITY_HOST?.trim();
    return override ? override : IMDS_DEFAULT_BASE;
}
/**
 * IMDS's own retry rule, before the general ones: a request that got no answer is retried only
 * while the whole silence, with the next attempt, stays within its budget; 410 (updating) is
 * tried until the update window has surely passed.
 */
function imdsRetry(error, attempt, elapsed, clock, silence) {
    if (error instanceof HttpFailure && error.kind === 'timeout') {
        silence.since ??= silence.attemptStart;
        silence.attempts++;
        const delay = backoffMs(attempt, 1_000, 4_000, clock.random);
        return elapsed - silence.since + delay + ATTEMPT_TIMEOUT_MS <= SILENT_BUDGET_MS ? delay : undefined;
    }
    silence.since = undefined;
    silence.attempts = 0;
    if (error instanceof ServiceStatus && error.response.status === 410) {
        if (elapsed >= UPDATING_BUDGET_MS)
            return undefined;
        return Math.min(backoffMs(attempt, 1_000, 10_000, clock.random), UPDATING_BUDGET_MS - elapsed + 1);
    }
    return 'rules';
}
class ImdsSource {
    selector;
    allSelectorInputs;
    name = 'IMDS';
    endpoint;
    /**
     * @param selector  a user-assigned identity, or undefined for the system-assigned one
     * @param allSelectorInputs  the three selector inputs as the user writes them, for messages
     * @param base  the IMDS base URL (see imdsBase)
     */
    constructor(selector, allSelectorInputs, base = IMDS_DEFAULT_BASE) {
        this.selector = selector;
        this.allSelectorInputs = allSelectorInputs;
        this.endpoint = new URL(TOKEN_PATH, base).href;
    }
    async getToken(resource, context) {
        const url = new URL(this.endpoint);
        url.searchParams.set('api-version', imds_API_VERSION);
        url.searchParams.set('resource', resource);
        if (this.selector)
            url.searchParams.set(imds_SELECTOR_PARAMETER[this.selector.kind], this.selector.value);
        const who = this.selector ? `user-assigned identity ${this.selector.value}` : 'system-assigned identity';
        context.debug(`Requesting an Azure token from IMDS (${url.origin}${url.pathname}) for ${resource} with the ${who}`);
        const begin = context.clock.now();
        const silence = { attemptStart: 0, since: undefined, attempts: 0 };
        let response;
        try {
            response = await callEndpoint({
                label: 'IMDS',
                rules: IMDS_RETRIES,
                attempt: () => {
                    silence.attemptStart = context.clock.now() - begin;
                    return this.attempt(url, context);
                },
                retry: (error, attempt, elapsed) => imdsRetry(error, attempt, elapsed, context.clock, silence)
            }, context);
        }
        catch (error) {
            throw abortedAs(error, context) ?? this.explain(error, silence.attempts);
        }
        return accessTokenFrom(response, context, this.call(), 'Something other than the Azure metadata service answered: check AZURE_POD_IDENTITY_AUTHORITY_HOST and any ' +
            'network appliance in front of the metadata address.');
    }
    attempt(url, context) {
        return context.send({
            url,
            method: 'GET',
            headers: { Metadata: 'true', Accept: 'application/json' },
            route: 'direct',
            connectTimeoutMs: CONNECT_TIMEOUT_MS,
            timeoutMs: scaledLimit(ATTEMPT_TIMEOUT_MS, context.clock.scale),
            maxBodyBytes: MAX_BODY_BYTES,
            signal: context.signal
        });
    }
    call() {
        return `Could not get an Azure token from IMDS (${this.endpoint})`;
    }
    /** Turns the last failure into one message that names the call and the fix. */
    explain(error, silentAttempts) {
        const call = this.call();
        if (error instanceof HttpFailure && error.kind === 'timeout') {
            return new LoginError(`${call}: it accepted the connection but sent no answer within ${SILENT_BUDGET_MS / 1000} s ` +
                `(${silentAttempts} ${silentAttempts === 1 ? 'attempt' : 'attempts'}). The Azure metadata service answers within ` +
                'milliseconds even when busy, so something else is holding the connection: check firewalls, proxies or ' +
                'security software on this machine, and AZURE_POD_IDENTITY_AUTHORITY_HOST.');
        }
        if (error instanceof HttpFailure) {
            return explainNetworkFailure(call, error, 'This machine has no Azure managed identity endpoint: it is not an Azure VM or scale set instance, or a firewall ' +
                'or route blocks the metadata address. Run the step on an Azure machine with a managed identity (or point ' +
                'AZURE_POD_IDENTITY_AUTHORITY_HOST at your endpoint).');
        }
        if (error instanceof ServiceStatus)
            return this.refusal(error);
        return error instanceof Error ? error : new Error(String(error));
    }
    refusal(error) {
        const call = this.call();
        const status = error.response.status;
        const audienceHint = 'If the identity is right, check azure-audience: it must be the Application ID URI of an Entra app ' +
            '(api://<app-client-id>) or another resource Entra ID knows.';
        if (status === 400 && this.selector) {
            return new LoginError(`${call}: IMDS refused the request, ${error.summary}. The managed identity selected by ` +
                `${this.selector.inputLabel} (${this.selector.value}) is not assigned to this machine: assign it to the VM ` +
                `or scale set, or correct ${this.selector.inputLabel}. ${audienceHint}`);
        }
        if (status === 400) {
            return new LoginError(`${call}: IMDS refused the request, ${error.summary}. Either this machine has no system-assigned managed ` +
                'identity, or it has several user-assigned identities and IMDS cannot choose one: set exactly one of ' +
                `${this.allSelectorInputs.join(', ')}, or enable the system-assigned identity. ${audienceHint}`);
        }
        if (status === 410)
            return new LoginError(`${call}: IMDS was still updating (${error.summary}) after more than 70 s. Try again shortly.`);
        if (status === 404 || status === 429 || status >= 500) {
            return new LoginError(`${call}: IMDS kept failing (last answer ${error.summary}) after ${IMDS_RETRIES.retries + 1} attempts. Try again shortly.`);
        }
        if (status >= 300 && status < 400) {
            return new LoginError(`${call}: it answered with a redirect (${error.summary}), which the metadata service never sends; something else answered.`);
        }
        return new LoginError(`${call}: IMDS answered ${error.summary}.`);
    }
}
/**
 * A real-time limit under the clock's time scale: shortened like the waits (tests run time
 * faster), but never below 250 ms, so that a busy test machine does not look like a silent
 * endpoint.
 */
function scaledLimit(ms, scale = 1) {
    return scale >= 1 ? ms : Math.max(ms * scale, Math.min(ms, 250));
}
/** The source table's entry: with azure-audience, the last Azure source auto tries, always there on an Azure VM. */
const imdsSource = {
    kind: 'imds',
    azure: true,
    title: 'IMDS',
    detect(request) {
        const { inputs, label } = request;
        const selectorLabels = ['managed-identity-client-id', 'managed-identity-object-id', 'managed-identity-resource-id'].map(label);
        return {
            found: true,
            how: `${label('azure-audience')} is set and no other Azure identity endpoint is in the environment`,
            build: () => azureSource('imds', new ImdsSource(inputs.selector, selectorLabels, imdsBase(request.env)), inputs.azureResource)
        };
    },
    selectors: 'any',
    doctorName: 'azure-vm-runners',
    advice: azureAdvice,
    environment: ['AZURE_POD_IDENTITY_AUTHORITY_HOST']
};

;// CONCATENATED MODULE: ./src/core/sources/token-file.ts
/**
 * An OIDC token in a file: a Kubernetes projected service-account token (audience
 * `issuer.enforce.dev`, as Chainguard's Kubernetes and Jenkins guides set it up) or any CI's token
 * written to a file. It is read afresh at every use (the kubelet rotates it), masked at once, and
 * presented to Chainguard as it is: no Azure call is made.
 */




/** A projected token is one or two kilobytes; anything far larger is not a token. */
const MAX_TOKEN_BYTES = 64 * 1024;
/**
 * Reads the token in `file`, masks it, and checks that it is a JWT. `label` names where the path
 * came from (an input or an environment variable), for messages; the token is never shown. The
 * read never blocks: anything but a regular file (a FIFO, a device) is refused at once.
 */
function readTokenFile(file, label, context) {
    const fail = (why) => {
        throw new LoginError(`The token file ${file} (${label}) ${why}.`);
    };
    let read;
    try {
        read = atomic_readRegularFile(file, { maxBytes: MAX_TOKEN_BYTES });
    }
    catch (error) {
        if (error instanceof atomic_NotRegularFile)
            return fail('is not a regular file');
        if (error instanceof atomic_FileTooLarge)
            return fail(`is ${error.size} bytes long; an OIDC token is a few kilobytes`);
        const code = error.code;
        return fail(code === 'EACCES' || code === 'EPERM' ? 'cannot be read by the user running the step' : `cannot be opened (${code ?? 'error'})`);
    }
    if (read === undefined)
        return fail("does not exist. In Kubernetes, check the pod's projected service-account token volume and its mount path");
    const text = read.trim();
    if (!text)
        throw new LoginError(`The token file ${file} (${label}) is empty; the kubelet or your CI writes the token there.`);
    context.mask(text);
    if (!decodeClaims(text)) {
        throw new LoginError(`The token file ${file} (${label}) does not hold a JWT (three base64url parts with a JSON payload); its contents are not shown.`);
    }
    return text;
}
/** Refuses a token whose `exp` has passed, saying when, and what rotates it. */
function checkNotExpired(token, file, label, now) {
    const claims = decodeClaims(token);
    const expiry = expiryOf(claims);
    if (expiry && expiry.getTime() <= now) {
        throw new LoginError(`The token in ${file} (${label}) expired at ${expiry.toISOString()} (issuer "${claimText(claims, 'iss')}"). ` +
            'Whatever writes the file has stopped refreshing it: in Kubernetes the kubelet rotates projected tokens ' +
            'while the pod runs, so check the volume (a copied token does not rotate); elsewhere, write a fresh token before the step.');
    }
}
class TokenFileSource {
    file;
    label;
    kind = 'token-file';
    name = 'the token file';
    tokenName = 'OIDC token';
    constructor(file, label) {
        this.file = file;
        this.label = label;
    }
    get endpoint() {
        return this.file;
    }
    async getToken(context) {
        context.debug(`Reading the OIDC token in ${this.file}`);
        const token = readTokenFile(this.file, this.label, context);
        checkNotExpired(token, this.file, this.label, context.clock.now());
        return { token, expiresAt: expiryOf(decodeClaims(token)) };
    }
}
/** Whether an issuer URL is unlikely to be reachable from the internet (a cluster-internal name). */
function looksPrivate(issuer) {
    let url;
    try {
        url = new URL(issuer);
    }
    catch {
        return true;
    }
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (url.protocol !== 'https:' || !host.includes('.'))
        return true;
    if (/\.(local|svc|internal|localdomain|lan|cluster\.local)$/.test(host))
        return true;
    if (/^(10\.|127\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host))
        return true;
    return host === '::1' || host.startsWith('fc') || host.startsWith('fd');
}
const DOCTOR_NAME = 'kubernetes-ci';
/**
 * The setup doctor's advice on a token file's claims: a Kubernetes service account's issuer that
 * Chainguard cannot reach needs a static identity with the cluster's keys.
 */
function tokenFileAdvice({ iss, sub, aud }, { parent }) {
    if (!sub.startsWith('system:serviceaccount:'))
        return [];
    const keys = `${iss.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const lead = looksPrivate(iss)
        ? `The issuer ${iss} does not look reachable from the internet, and Chainguard fetches its signing keys from ${keys}: ` +
            "create a static identity with the cluster's keys instead"
        : `If the cluster's issuer is not reachable from the internet (Chainguard fetches its signing keys from ${keys}), ` +
            "create a static identity with the cluster's keys instead";
    const lines = [
        `${lead} (register them again before they expire, at most 30 days):`,
        `  chainctl iam identities create ${DOCTOR_NAME}${parent ? ` --parent=${shellWord(parent)}` : ''} --identity-issuer=${shellArg(iss, '<issuer URL>', isIssuerUrl)} ` +
            `--issuer-keys="$(kubectl get --raw /openid/v1/jwks)" --subject=${shellArg(sub, '<subject>')} --role=registry.pull`,
        '  (Terraform: a static { issuer, issuer_keys, subject, expiration } block instead of claim_match.)'
    ];
    if (aud !== 'issuer.enforce.dev') {
        lines.push(`The token's audience is "${aud}"; Chainguard's Kubernetes guide projects it with audience issuer.enforce.dev (serviceAccountToken.audience).`);
    }
    return lines;
}
/** The source table's entry: under auto, chosen whenever identity-token-file is set. */
const tokenFileSource = {
    kind: 'token-file',
    azure: false,
    title: 'an OIDC token file',
    detect(request) {
        const file = request.inputs.identityTokenFile;
        const label = request.label('identity-token-file');
        if (!file) {
            const message = `Input ${label} is required with ${request.label('identity-source')} token-file: the path of the OIDC token file.`;
            return { found: false, why: `${label} is not set`, required: { input: 'identity-token-file', message } };
        }
        return { found: true, how: `${label} is set`, build: () => new TokenFileSource(file, label) };
    },
    refusals: { 'azure-audience': 'the token file is presented to Chainguard as it is; no Azure token is asked for.' },
    lookedFor: (request) => `- ${request.label('identity-token-file')}: not set;`,
    doctorName: DOCTOR_NAME,
    advice: tokenFileAdvice,
    environment: []
};

;// CONCATENATED MODULE: ./src/core/sources/workload-identity.ts
/**
 * AKS workload identity (and any Kubernetes cluster federated with Entra ID): the pod's projected
 * service-account token, in `AZURE_FEDERATED_TOKEN_FILE`, is presented to Entra ID as a client
 * assertion for the identity `AZURE_CLIENT_ID` in `AZURE_TENANT_ID`; the Azure token comes back.
 * The file is read again at every attempt, since the kubelet rotates it.
 */








const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const workload_identity_LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 64 * 1024 };
const TENANT = /^[a-z0-9](?:[a-z0-9.-]{0,126}[a-z0-9])?$/i;
const VARIABLES = ['AZURE_FEDERATED_TOKEN_FILE', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID'];
/** All three of `AZURE_FEDERATED_TOKEN_FILE`, `AZURE_CLIENT_ID`, `AZURE_TENANT_ID`. */
function detectWorkloadIdentity(env) {
    const tokenFile = env.AZURE_FEDERATED_TOKEN_FILE?.trim();
    const clientId = env.AZURE_CLIENT_ID?.trim();
    const tenantId = env.AZURE_TENANT_ID?.trim();
    if (!tokenFile || !clientId || !tenantId)
        return undefined;
    return { tokenFile, clientId, tenantId, authority: env.AZURE_AUTHORITY_HOST?.trim() || DEFAULT_AUTHORITY };
}
/** The AADSTS error number of an Entra answer, from `error_codes` or the description. */
function aadstsCode(error) {
    const body = jsonObject(error.response.body);
    const codes = body?.error_codes;
    if (Array.isArray(codes) && (typeof codes[0] === 'number' || typeof codes[0] === 'string'))
        return String(codes[0]);
    return /AADSTS(\d+)/.exec(error.description)?.[1];
}
class WorkloadIdentitySource extends AzureEndpointSource {
    environment;
    name = 'Entra ID (workload identity)';
    endpoint;
    label = 'Entra ID';
    rules = TOKEN_SERVICE_RETRIES;
    url;
    clientId;
    clientIdFrom;
    /** The service account token presented last, for a refusal's message (its claims only). */
    assertion = '';
    /** @param selector  a client ID chosen by managed-identity-client-id, overriding AZURE_CLIENT_ID */
    constructor(environment, selector) {
        super();
        this.environment = environment;
        this.clientId = selector?.value ?? environment.clientId;
        this.clientIdFrom = selector?.inputLabel ?? 'AZURE_CLIENT_ID';
        if (!GUID.test(this.clientId))
            throw new LoginError(`${this.clientIdFrom} must be the client ID (a GUID) of the managed identity or app registration.`);
        if (!TENANT.test(environment.tenantId))
            throw new LoginError('AZURE_TENANT_ID must be a tenant ID (a GUID) or a tenant domain name.');
        const authority = endpointFromEnvironment(environment.authority, 'AZURE_AUTHORITY_HOST');
        if (!authority.pathname.endsWith('/'))
            authority.pathname += '/';
        authority.search = '';
        this.url = new URL(`${environment.tenantId}/oauth2/v2.0/token`, authority);
        this.endpoint = this.url.href;
    }
    call() {
        return `Could not get an Azure token from ${this.name} (${this.url.origin}${this.url.pathname})`;
    }
    describe(resource) {
        return `Requesting an Azure token from ${this.endpoint} for ${resource} as ${this.clientId}, with the token in ${this.environment.tokenFile}`;
    }
    attempt(resource, context) {
        // Read again at every attempt: the kubelet rotates it.
        this.assertion = readTokenFile(this.environment.tokenFile, 'AZURE_FEDERATED_TOKEN_FILE', context);
        checkNotExpired(this.assertion, this.environment.tokenFile, 'AZURE_FEDERATED_TOKEN_FILE', context.clock.now());
        const body = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: this.clientId,
            client_assertion_type: ASSERTION_TYPE,
            client_assertion: this.assertion,
            scope: `${resource}/.default`
        }).toString();
        const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
        return tokenRequest(context, { url: this.url, method: 'POST', headers, body, secrets: [this.assertion], route: routeOf(this.url) }, workload_identity_LIMITS);
    }
    absent() {
        return 'Check AZURE_AUTHORITY_HOST and, behind a proxy, HTTPS_PROXY and NO_PROXY.';
    }
    elsewhere() {
        return 'Something other than Entra ID answered: check AZURE_AUTHORITY_HOST.';
    }
    refusal(error, resource) {
        const call = this.call();
        const code = aadstsCode(error);
        const said = `Entra ID answered ${error.response.status} ${code ? `AADSTS${code}` : error.code || ''}`.trimEnd();
        const claims = decodeClaims(this.assertion);
        const presented = `issuer "${claimText(claims, 'iss')}", subject "${claimText(claims, 'sub')}", audience "${claimText(claims, 'aud')}"`;
        if (code && /^70021\d*$/.test(code))
            return this.noFederatedCredential(call, said, presented);
        const explained = this.knownCode(code, call, said, presented, resource);
        if (explained)
            return explained;
        return this.keptFailing(error, 'Entra ID') ?? new LoginError(`${call}: ${error.summary}.`);
    }
    /** AADSTS700213 and its kin: the fix is a federated credential matching the token, as a command to paste. */
    noFederatedCredential(call, said, presented) {
        const claims = decodeClaims(this.assertion);
        const claim = (name) => (typeof claims?.[name] === 'string' ? claims[name] : undefined);
        const iss = shellArg(claim('iss'), '<issuer URL of the cluster>', isIssuerUrl);
        const sub = shellArg(claim('sub'), '<subject of the service account token>');
        return new LoginError(`${call}: ${said}: no federated credential on the identity ${this.clientId} (${this.clientIdFrom}) matches the ` +
            `service account token in AZURE_FEDERATED_TOKEN_FILE (${presented}). Add one that matches exactly ` +
            '(the comparison is case-sensitive):\n' +
            `  az identity federated-credential create --name chainguard-login --identity-name <managed identity name> --resource-group <group> --issuer ${iss} --subject ${sub} --audience api://AzureADTokenExchange\n` +
            `For an app registration, give the same issuer, subject and audience to az ad app federated-credential create --id ${shellWord(this.clientId)}. ` +
            `The pod's service account must carry the annotation azure.workload.identity/client-id: ${this.clientId}.`);
    }
    /** The AADSTS codes with a known cause. */
    knownCode(code, call, said, presented, resource) {
        switch (code) {
            case '700024':
                return new LoginError(`${call}: ${said}: the service account token is outside its validity period (${presented}); the kubelet refreshes it while the pod runs, so check the projected volume and this machine's clock.`);
            case '700016':
                return new LoginError(`${call}: ${said}: no application or managed identity with client ID ${this.clientId} exists in tenant ${this.environment.tenantId}. Check ${this.clientIdFrom} and AZURE_TENANT_ID.`);
            case '90002':
                return new LoginError(`${call}: ${said}: tenant ${this.environment.tenantId} was not found. Check AZURE_TENANT_ID.`);
            case '500011':
            case '70011':
                return new LoginError(`${call}: ${said}: Entra ID knows no resource "${resource}" in this tenant. Check azure-audience: it must be the Application ID URI (api://<app-client-id>) of an Entra app.`);
            case '50027':
            case '50013':
            case '5002738':
                return new LoginError(`${call}: ${said}: Entra ID could not verify the service account token (${presented}). The federated credential's ` +
                    'issuer must publish its signing keys (AKS: az aks update --enable-oidc-issuer --enable-workload-identity).');
            default:
                return undefined;
        }
    }
}
/** The source table's entry. */
const workloadIdentitySource = {
    kind: 'workload-identity',
    azure: true,
    title: 'workload identity',
    detect(request) {
        const found = detectWorkloadIdentity(request.env);
        if (!found) {
            const missing = VARIABLES.filter((name) => !request.env[name]?.trim());
            return {
                found: false,
                why: `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: the pod is not set up for workload identity. Label it ` +
                    'azure.workload.identity/use: "true" and run it under a service account annotated with azure.workload.identity/client-id.'
            };
        }
        const selector = request.inputs.selector?.kind === 'client-id' ? request.inputs.selector : undefined;
        return {
            found: true,
            how: 'AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and AZURE_TENANT_ID are set',
            build: () => azureSource('workload-identity', new WorkloadIdentitySource(found, selector), request.inputs.azureResource)
        };
    },
    selectors: 'client-id',
    doctorName: 'aks-workload-identity',
    advice: azureAdvice,
    environment: ['AZURE_FEDERATED_TOKEN_FILE', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID', 'AZURE_AUTHORITY_HOST']
};

;// CONCATENATED MODULE: ./src/core/sources/table.ts
/**
 * THE source table: every identity source, in the order `auto` tries them, and the selection
 * that reads it. Under `auto`: a token file if given; else, when azure-audience is set, the Azure
 * sources (workload identity, App Service / Container Apps, Azure Arc, then IMDS); else the
 * platform's own OIDC token when the job has one. Everything is decided from the inputs and the
 * environment, before any request; an input the chosen source would ignore is refused, so that
 * a job never logs in as something other than what it configured.
 *
 * Adding a source: its own file (the source and its SourceDefinition), one entry here, the docs.
 */








/** Every source, in the order auto tries them. */
const SOURCES = [
    tokenFileSource,
    workloadIdentitySource,
    appServiceSource,
    arcSource,
    imdsSource,
    githubOidcSource,
    azureDevOpsOidcSource
];
/** The source table's entry for `kind`. */
function table_sourceDefinition(kind) {
    return SOURCES.find((source) => source.kind === kind);
}
/** Whether `kind` asks Azure for a token (and so can log in to ACR, and needs azure-audience). */
function isAzureSource(kind) {
    return table_sourceDefinition(kind).azure;
}
/** Picks the source, or throws an InputError / LoginError naming what to set. */
function table_selectSource(request) {
    const { definition, selection } = request.inputs.identitySource === 'auto' ? autoSelect(request) : explicitSelect(request);
    refuseInapplicable(definition, request, selection.reason);
    return selection;
}
function explicitSelect(request) {
    const { inputs, label } = request;
    const definition = table_sourceDefinition(inputs.identitySource);
    const kind = definition.kind;
    if (definition.azure && !inputs.azureResource) {
        throw new InputError('azure-audience', `Input ${label('azure-audience')} is required with ${label('identity-source')} ${kind}: the Application ID URI of the Entra app ` +
            'the Chainguard identity trusts, e.g. api://<app-client-id>.');
    }
    const detection = definition.detect(request, true);
    if (!detection.found) {
        if (detection.required)
            throw new InputError(detection.required.input, detection.required.message);
        throw new LoginError(`${label('identity-source')} is ${kind}, but ${detection.why}`);
    }
    return { definition, selection: { source: detection.build(), reason: `${label('identity-source')}: ${kind}` } };
}
function autoSelect(request) {
    const candidates = SOURCES.filter((source) => source.azure === Boolean(request.inputs.azureResource) || source.kind === 'token-file');
    for (const definition of candidates) {
        const detection = definition.detect(request, false);
        if (detection.found)
            return { definition, selection: { source: detection.build(), reason: `auto: ${detection.how}` } };
    }
    throw new InputError('azure-audience', lookedFor(request));
}
/** What auto looked for when it found no source, and what to set. */
function lookedFor(request) {
    const { label } = request;
    const azure = SOURCES.filter((source) => source.azure).map((source) => source.title);
    const others = SOURCES.filter((source) => !source.azure && source.lookedFor).map((source) => source.lookedFor(request));
    const lines = [
        `Input ${label('azure-audience')} is not set, and no other identity source is available to this job. Looked for:`,
        others[0],
        `- ${label('azure-audience')}: not set, so the Azure managed identity sources (${azure.join(', ')}) were not tried;`,
        ...others.slice(1),
        `Set ${label('azure-audience')} (e.g. api://<app-client-id>) to use the Azure managed identity of this machine, pod or app; ` +
            `${label('identity-token-file')} to present an OIDC token file (e.g. a Kubernetes projected service-account token); ` +
            `or ${label('identity-source')} to choose a source.`
    ];
    return lines.join('\n');
}
/** Why an input the chosen source does not read cannot be used, unless its entry says better. */
const GENERAL_REFUSALS = {
    'azure-audience': 'its token is presented to Chainguard as it is; no Azure token is asked for.',
    'identity-token-file': 'it is read only by the token-file source.',
    'azure-devops-service-connection': 'it applies only to the Azure DevOps OIDC token.',
    'oidc-audience': "it is the audience asked of GitHub's OIDC provider only."
};
/** The inputs that only one source reads. */
const OWNED_INPUTS = {
    'identity-token-file': 'token-file',
    'azure-devops-service-connection': 'azure-devops',
    'oidc-audience': 'github'
};
const SELECTOR_INPUT = {
    'client-id': 'managed-identity-client-id',
    'object-id': 'managed-identity-object-id',
    'resource-id': 'managed-identity-resource-id'
};
/** Refuses inputs that the chosen source would ignore. */
function refuseInapplicable(definition, request, reason) {
    const { inputs, label } = request;
    const chosen = `the identity source is ${definition.kind} (${reason})`;
    const refuse = (name, why) => {
        throw new InputError(name, `Input ${label(name)} cannot be used here: ${chosen}, and ${definition.refusals?.[name] ?? why} Remove it, or choose another ${label('identity-source')}.`);
    };
    const selector = inputs.selector;
    if (selector) {
        const name = SELECTOR_INPUT[selector.kind];
        const accepted = definition.selectors;
        if (accepted === undefined)
            refuse(name, 'it selects an Azure managed identity, which this source does not use.');
        else if (typeof accepted === 'object')
            refuse(name, accepted.refused);
        else if (accepted === 'client-id' && selector.kind !== 'client-id') {
            refuse(name, `workload identity chooses the identity by client ID only (AZURE_CLIENT_ID, or ${label('managed-identity-client-id')}).`);
        }
    }
    if (inputs.azureResource && !definition.azure)
        refuse('azure-audience', GENERAL_REFUSALS['azure-audience']);
    const given = {
        'identity-token-file': inputs.identityTokenFile,
        'azure-devops-service-connection': inputs.azureDevOpsServiceConnection,
        'oidc-audience': inputs.oidcAudience
    };
    for (const [name, owner] of Object.entries(OWNED_INPUTS)) {
        if (given[name] && owner !== definition.kind)
            refuse(name, GENERAL_REFUSALS[name]);
    }
}
/**
 * The variables the sources read that carry no secret (endpoints, file paths, client and tenant
 * IDs), and those that are secrets: the credential helper keeps the first as the step saw them
 * and reads the second from its own environment.
 */
const SOURCE_ENVIRONMENT = [...new Set(SOURCES.flatMap((source) => source.environment))];
const table_SECRET_ENVIRONMENT = [...new Set(SOURCES.flatMap((source) => source.secretEnvironment ?? []))];

;// CONCATENATED MODULE: ./src/core/login/exchange.ts
/**
 * The login's requests: the identity token from the chosen source, the Chainguard tokens for the
 * registry and (with api-token) the API, and the ACR refresh tokens. Each phase names what it is
 * waiting for, for the timeout's message.
 */





/** Gets the identity token from the chosen source. */
async function getIdentityToken(plan, progress) {
    const { platform, selection } = plan;
    const source = selection.source;
    platform.info(`Identity source: ${source.name} (${selection.reason})`);
    const what = `${/^[AEIOU]/.test(source.tokenName) ? 'an' : 'a'} ${source.tokenName}`;
    progress.waitingFor = `${what} from ${source.name} (${source.endpoint})`;
    platform.info(`Getting ${what} from ${source.name}${source.resource ? ` for ${source.resource}` : ''}`);
    return source.getToken(plan.context);
}
/** Who presented the token, for the setup doctor. */
function presentedBy(plan) {
    return { source: plan.source, tokenName: plan.selection.source.tokenName, label: (name) => plan.platform.label(name) };
}
/** What `diagnose` prints: the token's claims and how to trust them; nothing is exchanged. */
function diagnose(plan, presented) {
    const { selection } = plan;
    const lines = diagnosisLines({ ...presentedBy(plan), token: presented.token, identity: plan.inputs.identity || undefined, now: plan.runtime.clock.now() }, `${selection.source.name} (${selection.source.endpoint})`);
    for (const line of lines)
        plan.platform.info(line);
}
/** One Chainguard token for `audience` (the registry's, or the API's), with the setup doctor's advice when the STS refuses. */
async function chainguardToken(plan, presented, audience, audienceInput) {
    const { inputs, platform } = plan;
    const request = {
        issuer: inputs.issuer,
        identity: inputs.identity,
        audience,
        subjectToken: presented.token,
        tokenName: plan.selection.source.tokenName,
        identityInput: platform.label('identity'),
        audienceInput: platform.label(audienceInput)
    };
    try {
        return await chainguard_sts_exchangeAtChainguard(request, plan.context);
    }
    catch (error) {
        throw trust_withTrustAdvice(error, presentedBy(plan));
    }
}
/** Exchanges the identity token: for the registry, then the API token and the ACR credentials when asked for. */
async function exchange(plan, presented, progress) {
    const { inputs, platform } = plan;
    progress.waitingFor = `Chainguard's STS (${inputs.issuer})`;
    platform.info(`Exchanging it at ${inputs.issuer} for identity ${inputs.identity}`);
    const chainguard = await chainguardToken(plan, presented, inputs.audience, 'audience');
    let apiToken;
    if (inputs.apiToken) {
        progress.waitingFor = `Chainguard's STS (${inputs.issuer}) for an API token`;
        platform.info(`Exchanging it at ${inputs.issuer} for an API token (audience ${API_AUDIENCE})`);
        apiToken = (await chainguardToken(plan, presented, API_AUDIENCE, 'api-token')).token;
    }
    return { chainguard, ...(apiToken !== undefined ? { apiToken } : {}), acr: await acrCredentials(plan, progress) };
}
/** An ACR refresh token for each login server, from one Azure token of the same source for ACR's resource. */
async function acrCredentials(plan, progress) {
    const { inputs, platform, runtime } = plan;
    const acr = [];
    if (inputs.acrRegistries.length === 0)
        return acr;
    const acrSource = table_selectSource({
        inputs: { ...inputs, identitySource: plan.selection.source.kind, azureResource: acr_ACR_RESOURCE },
        env: runtime.env,
        platform: plan.offered,
        label: (name) => platform.label(name),
        test: runtime.test
    }).source;
    let azureToken;
    for (const server of inputs.acrRegistries) {
        progress.waitingFor = `the Azure Container Registry ${server}`;
        platform.info(`Logging in to the Azure Container Registry ${server} with an Azure token for ${acr_ACR_RESOURCE}`);
        azureToken ??= acrSource.getToken(plan.context).then((token) => token.token);
        const credential = await acr_exchangeAtAcr({ loginServer: server, azureToken: () => azureToken, inputLabel: platform.label('acr-registries') }, plan.context);
        acr.push({ server, credential });
    }
    return acr;
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_namespaceObject);
;// CONCATENATED MODULE: ./src/core/net/proxy.ts
/**
 * The network a call that leaves the machine travels: the runner's own proxy and certificate
 * settings when it hands any over (the Azure agent does, as variables), else the proxy the
 * environment names (HTTPS_PROXY, NO_PROXY, as `@actions/http-client` reads them). Calls to this
 * machine, and metadata calls, are always direct. Tunnels are opened with a maintained proxy
 * agent (`https-proxy-agent`).
 *
 * The settings also travel to the credential helper, for its refreshes: in a portable form
 * whose secrets (the proxy password, the client key's passphrase) are kept apart.
 */




/**
 * Whether the runner's bypass list sends `url` direct: as azure-pipelines-task-lib's
 * getHttpProxyConfiguration decides it, each entry a regular expression tested
 * case-insensitively against the whole URL.
 */
function bypassesProxy(bypass, url) {
    return (bypass ?? []).some((pattern) => new RegExp(pattern, 'i').test(url.href));
}
/** The network settings the step used, rebuilt from what the helper's configuration keeps and its secrets file. */
function networkSettingsFrom(network, secrets) {
    const proxy = network.proxyUrl ? new URL(network.proxyUrl) : undefined;
    return {
        proxyFor: (url) => proxy && !bypassesProxy(network.proxyBypass, url)
            ? { url: new URL(proxy.href), username: network.proxyUsername || undefined, password: secrets.proxyPassword || undefined }
            : undefined,
        caFile: network.caFile,
        certFile: network.certFile,
        keyFile: network.keyFile,
        passphrase: secrets.passphrase || undefined,
        source: network.source
    };
}
async function tlsOptions(network) {
    if (!network)
        return {};
    const read = (file, what) => {
        try {
            return external_node_fs_default().readFileSync(file);
        }
        catch (error) {
            throw new HttpFailure('other', `could not read the agent's ${what} ${file} (${error.code ?? 'error'})`);
        }
    };
    const options = {};
    if (network.caFile) {
        const { rootCertificates } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 692, 23));
        options.ca = [...rootCertificates.map((pem) => Buffer.from(pem)), read(network.caFile, 'CA file (Agent.CAInfo)')];
    }
    if (network.certFile)
        options.cert = read(network.certFile, 'client certificate (Agent.ClientCert)');
    if (network.keyFile)
        options.key = read(network.keyFile, 'client certificate key (Agent.ClientCertKey)');
    if (network.passphrase)
        options.passphrase = network.passphrase;
    return options;
}
/** An agent that tunnels through `proxy` (CONNECT), with its credentials; `tls` also applies to an https proxy. */
async function tunnelAgent(proxy, tls) {
    const { HttpsProxyAgent } = await __nccwpck_require__.e(/* import() */ 643).then(__nccwpck_require__.bind(__nccwpck_require__, 643));
    const url = new URL(proxy.url.href);
    url.username = proxy.username ? encodeURIComponent(proxy.username) : '';
    url.password = proxy.password ? encodeURIComponent(proxy.password) : '';
    return new HttpsProxyAgent(url, { keepAlive: false, ...(url.protocol === 'https:' ? tls : {}) });
}
/** The route for a request: direct, through the runner's proxy, or through the environment's. */
async function routeFor(url, route, network, https) {
    const tls = route === 'environment' && https ? await tlsOptions(network) : {};
    const direct = { agent: https ? new https.Agent({ keepAlive: false, ...tls }) : new (external_node_http_default()).Agent({ keepAlive: false }), tls };
    // A call to this machine never goes through a proxy, whatever its settings say.
    if (route === 'direct' || isLoopback(url.hostname))
        return direct;
    if (network) {
        const proxy = network.proxyFor(url);
        return proxy ? { agent: await tunnelAgent(proxy, tls), tls, proxy: `the proxy ${proxy.url.host}` } : direct;
    }
    // The proxy the environment names (HTTPS_PROXY, NO_PROXY), read as the runner library reads it.
    const { getProxyUrl } = await __nccwpck_require__.e(/* import() */ 783).then(__nccwpck_require__.bind(__nccwpck_require__, 783));
    const proxyUrl = getProxyUrl(url);
    if (!proxyUrl)
        return direct;
    const proxy = new URL(proxyUrl.href);
    const credentials = {
        username: decodeURIComponent(proxy.username) || undefined,
        password: decodeURIComponent(proxy.password) || undefined
    };
    return { agent: await tunnelAgent({ url: proxy, ...credentials }, tls), tls, proxy: 'the proxy named by HTTPS_PROXY' };
}
/**
 * `send` as the step and the helper use it: calls that may leave the machine (the `environment`
 * route) go through the runner's network settings when it handed any over; metadata calls
 * (IMDS, the Arc agent) stay direct.
 */
function proxy_sendThrough(send, network) {
    return (request) => send(request.route === 'environment' && network ? { ...request, network } : request);
}

;// CONCATENATED MODULE: ./src/core/credential-helper/config.ts
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
const config_DEFAULT_REFRESH_TIMEOUT_SECONDS = 120;
/** A failure the helper reports as one line on stderr (never carrying a token). */
class config_HelperError extends Error {
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
    external_node_fs_default().mkdirSync(dir, { recursive: true, mode: 0o700 });
    atomic_writeFileAtomic(external_node_path_default().join(dir, HELPER_CONFIG_FILE), `${JSON.stringify(config, null, 2)}\n`);
}
const MAX_CONFIG_BYTES = (/* unused pure expression or super */ null && (256 * 1024));
/** The most a small file of the helper's (its cache, a failure record, the network secrets) may hold. */
const config_MAX_SMALL_FILE_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
/** Reads and checks the configuration in `dir`. Never blocks: anything but a regular file is refused at once. */
function readHelperConfig(dir) {
    const file = path.join(dir, HELPER_CONFIG_FILE);
    const rerun = 'the login step writes it and the end of the job removes it: run the login step again in this job';
    let text;
    try {
        text = readRegularFile(file, { maxBytes: MAX_CONFIG_BYTES, noFollow: true });
    }
    catch (error) {
        if (error instanceof NotRegularFile)
            throw new config_HelperError(`its configuration ${file} is not a regular file; ${rerun}`);
        if (error instanceof FileTooLarge)
            throw new config_HelperError(`its configuration ${file} is larger than ${MAX_CONFIG_BYTES} bytes; ${rerun}`);
        const code = error.code;
        throw new config_HelperError(`cannot read its configuration ${file} (${code === 'ELOOP' ? 'a symbolic link' : (code ?? 'error')}); ${rerun}`);
    }
    if (text === undefined)
        throw new config_HelperError(`cannot read its configuration ${file} (ENOENT); ${rerun}`);
    let config;
    try {
        config = JSON.parse(text);
    }
    catch {
        throw new config_HelperError(`its configuration ${file} is not JSON; run the login step again`);
    }
    const checked = checkConfig(config);
    if (!checked) {
        throw new config_HelperError(`its configuration ${file} is not version ${HELPER_CONFIG_VERSION} of this helper's format; run the same version of the login step again`);
    }
    return checked;
}
/**
 * The configuration when `value` has its shape, else undefined. The maps it reads by key (hosts,
 * labels, the source's environment) become objects without a prototype, so that a host named
 * `constructor` or `__proto__` is only ever a host.
 */
function checkConfig(value) {
    if (!isRecord(value) || value.version !== HELPER_CONFIG_VERSION || !isRecord(value.hosts) || !isRecord(value.source))
        return undefined;
    const source = value.source;
    if (typeof source.kind !== 'string' || !isRecord(source.inputs) || !isRecord(source.env))
        return undefined;
    const hosts = nullRecord();
    for (const [host, entry] of Object.entries(value.hosts)) {
        if (isRecord(entry) && entry.kind === 'acr')
            hosts[host] = { kind: 'acr' };
        else if (isRecord(entry) &&
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
    const env = stringRecord(source.env);
    const labels = isRecord(value.labels) ? stringRecord(value.labels) : undefined;
    const network = isRecord(value.network) ? checkNetwork(value.network) : undefined;
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
    atomic_writeFileAtomic(external_node_path_default().join(dir, NETWORK_SECRETS_FILE), `${JSON.stringify(secrets)}\n`);
}
/** The runner's network secrets, or none when the step was handed none. */
function readNetworkSecrets(dir) {
    const file = path.join(dir, NETWORK_SECRETS_FILE);
    let text;
    try {
        text = readRegularFile(file, { maxBytes: config_MAX_SMALL_FILE_BYTES, noFollow: true });
    }
    catch (error) {
        throw new config_HelperError(`cannot read ${file} (${error instanceof NotRegularFile ? 'not a regular file' : (error.code ?? 'error')}); run the login step again`, {
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
    if (!isRecord(value))
        throw new config_HelperError(`${file} is not what the login step writes; run the login step again`, { local: true });
    const secrets = {};
    if (typeof value.proxyPassword === 'string')
        secrets.proxyPassword = value.proxyPassword;
    if (typeof value.passphrase === 'string')
        secrets.passphrase = value.passphrase;
    return secrets;
}

;// CONCATENATED MODULE: ./src/core/credential-helper/refresh.ts
/**
 * The credential helper's refresh: the identity source the step used, chosen again from the
 * inputs and environment the step saw (as its configuration describes them), then the exchange
 * for the host (Chainguard's STS, or the Azure Container Registry).
 */












/** The description of the source the step chose, for the helper's configuration: never a secret. */
function describeSource(kind, inputs, env, platform) {
    const kept = testEnvironment(env);
    for (const name of SOURCE_ENVIRONMENT) {
        const value = env[name];
        if (value !== undefined && value !== '')
            kept[name] = value;
    }
    if (kind === 'azure-devops') {
        // The task library hands the request URI over as a pipeline variable.
        const uri = oidcRequestUri(env, platform);
        if (uri)
            kept.SYSTEM_OIDCREQUESTURI = uri;
    }
    const chosen = {};
    if (inputs.azureResource)
        chosen.azureResource = inputs.azureResource;
    if (inputs.selector)
        chosen.selector = inputs.selector;
    if (inputs.identityTokenFile)
        chosen.identityTokenFile = inputs.identityTokenFile;
    if (inputs.oidcAudience)
        chosen.oidcAudience = inputs.oidcAudience;
    if (inputs.azureDevOpsServiceConnection)
        chosen.azureDevOpsServiceConnection = inputs.azureDevOpsServiceConnection;
    return { kind, inputs: chosen, env: kept };
}
/** The helper's configuration for one login: the Chainguard registry and any ACR login servers. */
function helperConfigFor(options) {
    const hosts = {
        [options.registry]: { kind: 'chainguard', issuer: options.issuer, identity: options.identity, audience: options.audience }
    };
    for (const server of options.acrRegistries ?? [])
        hosts[server] = { kind: 'acr' };
    return {
        version: 2,
        hosts,
        source: options.source,
        ...(options.labels ? { labels: options.labels } : {}),
        ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
        ...(options.network ? { network: options.network } : {}),
        ...(options.noRefresh ? { refresh: 'never' } : {})
    };
}
/** Every input's label on the platform, for the helper's messages. */
function labelsOf(label) {
    return Object.fromEntries(INPUT_NAMES.map((name) => [name, label(name)]));
}
/** The environment the helper's sources read: the step's, as its configuration keeps it, with only the secrets from the helper's own. */
function sourceEnvironment(config, own) {
    const env = {};
    for (const name of SECRET_ENVIRONMENT)
        if (own[name] !== undefined)
            env[name] = own[name];
    for (const [name, value] of Object.entries(config.source.env))
        if (typeof value === 'string')
            env[name] = value;
    return env;
}
/**
 * The source a configuration describes, chosen again as the step chose it: `resource` replaces
 * azure-audience (an ACR exchange asks for ACR_RESOURCE).
 */
function sourceFromDescription(config, runtime, resource) {
    const stored = config.source;
    const env = sourceEnvironment(config, runtime.env);
    const inputs = { ...stored.inputs, identitySource: stored.kind, ...(resource ? { azureResource: resource } : {}) };
    const label = (name) => config.labels?.[name] ?? name;
    try {
        return selectSource({ inputs, env, platform: runtime.platform, label, test: readTestSettings(env) }).source;
    }
    catch (error) {
        // What this process's environment lacks (IDENTITY_HEADER, ACTIONS_ID_TOKEN_REQUEST_TOKEN) another get may have.
        throw new HelperError(`the identity source ${stored.kind} the login step used is not available here: ${messageOf(error)}`, {
            cause: error,
            local: true
        });
    }
}
/**
 * The source's token. A fresh Azure DevOps OIDC token needs the job's access token, which the
 * step that runs docker has only when it maps SYSTEM_ACCESSTOKEN: without it, a failure of this
 * process's environment (another get may have it), said in the helper's own words.
 */
function presentedToken(source, context) {
    if (source.kind === 'azure-devops' && !context.platform?.azureDevOpsAccessToken?.()) {
        throw new HelperError('SYSTEM_ACCESSTOKEN is not in the environment of this step, and a fresh Azure DevOps OIDC token needs it: map it in the step that runs docker, env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)', { local: true });
    }
    return source.getToken(context);
}
/** A fresh Chainguard token for `host`: the source's token, exchanged at the STS, with the setup doctor's advice if refused. */
async function chainguardCredential(config, host, runtime, context) {
    const entry = config.hosts[host];
    if (entry.kind !== 'chainguard')
        throw new HelperError(`its configuration names ${host} as another kind of host`);
    const label = (name) => config.labels?.[name] ?? name;
    const source = sourceFromDescription(config, runtime);
    const presented = await presentedToken(source, context);
    const request = {
        issuer: entry.issuer,
        identity: entry.identity,
        audience: entry.audience,
        subjectToken: presented.token,
        tokenName: source.tokenName,
        identityInput: label('identity'),
        audienceInput: config.labels?.audience ?? 'audience'
    };
    try {
        const token = await exchangeAtChainguard(request, context);
        return { username: CHAINGUARD_USERNAME, secret: token.token, expiresAt: token.expiresAt };
    }
    catch (error) {
        throw withTrustAdvice(error, { source: sourceDefinition(source.kind), tokenName: source.tokenName, label });
    }
}
/** A fresh ACR refresh token for `host`, from an Azure token of the same source. */
async function acrCredential(config, host, runtime, context) {
    const source = sourceFromDescription(config, runtime, ACR_RESOURCE);
    const inputLabel = config.labels?.['acr-registries'] ?? 'acr-registries';
    const credential = await exchangeAtAcr({ loginServer: host, azureToken: async () => (await source.getToken(context)).token, inputLabel }, context);
    return { username: credential.username, secret: credential.password, expiresAt: credential.expiresAt };
}
/** A refresh for every host of `config`, through the source and exchanges the step used. */
function defaultRefresh(config, runtime) {
    const context = {
        send: sendThrough(runtime.send, runtime.network),
        clock: runtime.clock,
        signal: runtime.signal,
        // The helper prints nothing a runner reads as a log line of the job; what it prints has every secret it was told of replaced.
        mask: (secret) => runtime.mask?.(secret),
        debug: () => undefined,
        env: runtime.env,
        platform: runtime.platform
    };
    return async (host) => {
        if (!hasOwn(config.hosts, host))
            throw new HelperError(`its configuration names no host ${host}`);
        try {
            const refresh = config.hosts[host].kind === 'chainguard' ? chainguardCredential : acrCredential;
            return await refresh(config, host, runtime, context);
        }
        catch (error) {
            if (runtime.signal?.aborted) {
                throw new HelperError(`the refresh for ${host} took longer than ${config.timeoutSeconds ?? DEFAULT_REFRESH_TIMEOUT_SECONDS} s`);
            }
            if (error instanceof HelperError)
                throw error;
            throw new HelperError(`could not refresh the credential for ${host}: ${messageOf(error)}`, { cause: error });
        }
    };
}

;// CONCATENATED MODULE: ./src/core/credential-helper/cache.ts
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
const cacheFile = (dir, host) => external_node_path_default().join(dir, `cache-${fileKey(host)}.json`);
const failureFile = (dir, host) => path.join(dir, `failure-${fileKey(host)}.json`);
const lockFile = (dir, host) => path.join(dir, `refresh-${fileKey(host)}.lock`);
/** A small JSON object from `file`, or undefined when it is missing, not a regular file, too large or not JSON. Never blocks. */
function readSmallJson(file) {
    try {
        const text = readRegularFile(file, { maxBytes: MAX_SMALL_FILE_BYTES, noFollow: true });
        const value = text === undefined ? undefined : JSON.parse(text);
        return isRecord(value) ? value : undefined;
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
    atomic_writeFileAtomic(cacheFile(dir, host), `${JSON.stringify(entry)}\n`);
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
        writeFileAtomic(failureFile(dir, host), `${JSON.stringify({ host, message, at: now })}\n`);
    }
    catch {
        // Without the record, the next get tries again: slower, not wrong.
    }
}
function clearFailure(dir, host) {
    try {
        fs.rmSync(failureFile(dir, host), { force: true });
    }
    catch {
        // A record that stays only answers for the rest of its window.
    }
}

;// CONCATENATED MODULE: ./src/core/credential-helper/install.ts
/**
 * Installs the job's credential helper: a private directory with its configuration, the cache
 * seeded with the credentials the step got, and the small wrappers docker runs, which call the
 * step's Node and the helper bundle by absolute path (so that `node` need not be on PATH).
 */






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
    for (const byte of Buffer.from(`${external_node_path_default().resolve(configDir)}\u0000${host}`, 'utf8'))
        hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    return `chainguard-${hash.toString(36).padStart(6, '0').slice(-6)}`;
}
/** `value` as one word of a .cmd wrapper; a path holding a double quote cannot be one. */
function cmdQuote(value) {
    const word = cmdWord(value);
    if (word === undefined)
        throw new config_HelperError(`cannot write a Windows wrapper for a path containing a double quote: ${value}`);
    return word;
}
/**
 * Writes `docker-credential-<name>` (sh, 0700) and, on Windows, `docker-credential-<name>.cmd`,
 * both calling the Node and the bundle by absolute path, so that `node` need not be on PATH.
 * Returns the files written.
 */
function writeHelperWrappers(options) {
    external_node_fs_default().mkdirSync(options.binDir, { recursive: true, mode: 0o700 });
    const base = external_node_path_default().join(options.binDir, `docker-credential-${options.name}`);
    const sh = [
        '#!/bin/sh',
        '# Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
        `exec ${singleQuoted(options.nodePath)} ${singleQuoted(options.helperScript)} --dir ${singleQuoted(options.dir)} "$@"`,
        ''
    ].join('\n');
    const cmd = () => [
        '@echo off',
        'rem Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
        `${cmdQuote(options.nodePath)} ${cmdQuote(options.helperScript)} --dir ${cmdQuote(options.dir)} %*`,
        ''
    ].join('\r\n');
    atomic_writeFileAtomic(base, sh);
    external_node_fs_default().chmodSync(base, 0o700);
    if (!(options.windows ?? process.platform === 'win32'))
        return [base];
    atomic_writeFileAtomic(`${base}.cmd`, cmd());
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
 * The helper bundle for a step run from its TypeScript sources (GitHub's local-action runs
 * src/github/main.ts): the built dist/helper/index.js of the same checkout, when `runtimeModule`
 * is that checkout's src/core/runtime.ts (`npm run build` writes it). A bundle is never a source
 * tree: it finds the helper beside itself (findHelperBundle), or warns.
 */
function sourceTreeHelperBundle(runtimeModule) {
    const core = external_node_path_default().dirname(runtimeModule);
    const src = external_node_path_default().dirname(core);
    if (external_node_path_default().basename(runtimeModule) !== 'runtime.ts' || external_node_path_default().basename(core) !== 'core' || external_node_path_default().basename(src) !== 'src')
        return undefined;
    const candidate = external_node_path_default().join(external_node_path_default().dirname(src), 'dist', 'helper', 'index.js');
    return external_node_fs_default().existsSync(candidate) ? candidate : undefined;
}
/**
 * Creates a private helper directory under `root` with the configuration, the seeded cache and
 * the wrappers. Nothing is left behind when it fails.
 */
function install_installHelper(options) {
    const random = helperName();
    const names = new Map(Object.keys(options.config.hosts).map((host) => [host, options.nameFor?.(host) ?? random]));
    const dir = external_node_fs_default().mkdtempSync(external_node_path_default().join(options.root, 'chainguard-helper-'));
    try {
        external_node_fs_default().chmodSync(dir, 0o700);
        writeHelperConfig(dir, options.config);
        if (options.networkSecrets)
            writeNetworkSecrets(dir, options.networkSecrets);
        for (const [host, credential] of Object.entries(options.seed ?? {}))
            writeCached(dir, host, credential);
        const binDir = external_node_path_default().join(dir, 'bin');
        for (const name of new Set(names.values())) {
            writeHelperWrappers({ binDir, name, dir, nodePath: options.nodePath, helperScript: options.helperScript, windows: options.windows });
        }
        return { name: names.values().next().value ?? random, names, dir, binDir };
    }
    catch (error) {
        external_node_fs_default().rmSync(dir, { recursive: true, force: true });
        throw error;
    }
}
/** Removes a helper directory (configuration, cache and wrappers). */
function removeHelper(dir) {
    fs.rmSync(dir, { recursive: true, force: true });
}

;// CONCATENATED MODULE: ./src/core/login/install.ts
/**
 * The login's writes: the docker and containers auth (through the credential helper, or static),
 * the outputs, and the removal of a login made earlier in the same shell. Nothing is half-written:
 * a failure after the login was written takes it out again.
 */








/** The credential helper, installed into the job directory: its configuration, its cache seeded with `tokens`, its wrappers. */
function helperInstaller(plan, tokens) {
    const { inputs, platform, runtime, network } = plan;
    const helperScript = plan.helperScript;
    if (!helperScript)
        return undefined;
    const seed = {
        [inputs.registry]: { username: users_CHAINGUARD_USERNAME, secret: tokens.chainguard.token, expiresAt: tokens.chainguard.expiresAt }
    };
    for (const { server, credential } of tokens.acr)
        seed[server] = { username: credential.username, secret: credential.password, expiresAt: credential.expiresAt };
    const config = helperConfigFor({
        source: describeSource(plan.selection.source.kind, inputs, runtime.env, plan.offered),
        registry: inputs.registry,
        issuer: inputs.issuer,
        identity: inputs.identity,
        audience: inputs.audience,
        acrRegistries: inputs.acrRegistries,
        labels: labelsOf((name) => platform.label(name)),
        timeoutSeconds: inputs.timeoutSeconds,
        ...(network?.portable ? { network: network.portable.settings } : {}),
        // A login that is not logged out at the end of the job ends when its token expires.
        noRefresh: !inputs.logout
    });
    return (jobDir, shared) => install_installHelper({
        root: jobDir,
        config,
        nodePath: runtime.nodePath ?? process.execPath,
        helperScript,
        seed,
        ...(network?.portable ? { networkSecrets: network.portable.secrets } : {}),
        ...(shared ? { nameFor: (host) => sharedHelperName(shared, host) } : {})
    });
}
/** Writes the docker and containers auth for every host. */
function writeDockerLogin(plan, tokens, previous, tempRoot) {
    const { inputs, platform, runtime } = plan;
    return installDockerLogin({
        logins: [
            { registry: inputs.registry, username: users_CHAINGUARD_USERNAME, password: tokens.chainguard.token },
            ...tokens.acr.map(({ server, credential }) => ({ registry: server, username: credential.username, password: credential.password }))
        ],
        helper: helperInstaller(plan, tokens),
        explicitDir: inputs.dockerConfig,
        explicitDirLabel: platform.label('docker-config'),
        credentialHelperLabel: platform.label('credential-helper'),
        tempRoot,
        env: runtime.env,
        home: runtime.home,
        lockScale: runtime.test.timeScale,
        warn: (message) => platform.warning(message),
        saveState: inputs.logout ? (state) => platform.saveState(STATE_KEY, JSON.stringify(state)) : undefined,
        previous
    });
}
/** Puts the helper on PATH, exports where the login is, and says so. */
function announceDockerLogin(plan, tokens, installed) {
    const { inputs, platform } = plan;
    if (installed.helper)
        platform.addPath(installed.helper.binDir);
    platform.exportVariable('DOCKER_CONFIG', installed.dockerConfigDir);
    platform.exportVariable('REGISTRY_AUTH_FILE', installed.containersAuthFile);
    const hosts = [inputs.registry, ...tokens.acr.map((a) => a.server)].join(', ');
    platform.info(`Logged in to ${hosts}; docker config in ${installed.dockerConfigDir} (exported as DOCKER_CONFIG)`);
    if (installed.helper) {
        const names = [...new Set(installed.helper.names.values())].map((name) => `docker-credential-${name}`).join(', ');
        platform.info(`Credential helper ${names} (in ${installed.helper.binDir}, put on PATH) hands out the credentials ` +
            (inputs.logout
                ? 'and gets fresh ones from the same identity source before they expire'
                : `until they expire: with ${platform.label('logout')} false it gets no new ones, so the login ends when its token expires`));
    }
}
/** Sets the step's outputs. */
function publishOutputs(plan, tokens, dockerConfigDir) {
    const { platform, inputs } = plan;
    platform.setOutput('token', tokens.chainguard.token, { secret: true });
    platform.setOutput('expires-at', isoSeconds(tokens.chainguard.expiresAt));
    platform.setOutput('identity', inputs.identity);
    platform.setOutput('docker-config', dockerConfigDir);
    if (tokens.apiToken !== undefined)
        platform.setOutput('api-token', tokens.apiToken, { secret: true });
}
/** Writes the login and the outputs; then removes a login made earlier in the same shell. */
async function install(plan, tokens, progress) {
    const { platform, inputs, runtime } = plan;
    // A login earlier in the same shell (the command-line tool hands its state back): replaced.
    const previous = parseCleanupState(platform.getState(STATE_KEY));
    const tempRoot = tempRootOf(platform.tempDir());
    let installed;
    try {
        if (inputs.dockerLogin) {
            progress.waitingFor = 'the docker config to be written';
            installed = await writeDockerLogin(plan, tokens, previous, tempRoot);
            announceDockerLogin(plan, tokens, installed);
        }
        publishOutputs(plan, tokens, installed?.dockerConfigDir ?? '');
    }
    catch (error) {
        if (installed)
            await removeDockerLogin(installed.state, { tempRoot, lockScale: runtime.test.timeScale }).catch(() => undefined);
        throw error;
    }
    platform.info(`Chainguard token for ${inputs.identity} expires at ${isoSeconds(tokens.chainguard.expiresAt)}`);
    if (previous && inputs.dockerLogin) {
        try {
            for (const line of await removeDockerLogin(previous, { tempRoot, lockScale: runtime.test.timeScale }))
                platform.info(`Replaced the earlier login: ${line}`);
        }
        catch (error) {
            platform.warning(`Could not remove the earlier login: ${errors_messageOf(error)}`);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/login/plan.ts
/**
 * The login's plan, decided before any request: the identity source (explicit or auto), every
 * refusal that spans inputs, the credential helper bundle, and the context the calls run in.
 */



/** Plans the login; throws an InputError or LoginError when the inputs cannot work together here. */
function planLogin(platform, runtime, inputs, signal) {
    const network = platform.network?.();
    const offered = platform.identity?.();
    const context = {
        // Calls that may leave the machine use the runner's network settings; metadata calls are direct.
        send: proxy_sendThrough(runtime.send, network),
        clock: runtime.clock,
        signal,
        mask: (secret) => platform.setSecret(secret),
        debug: (message) => platform.debug(message),
        env: runtime.env,
        platform: offered
    };
    const label = (name) => platform.label(name);
    const selection = table_selectSource({ inputs, env: runtime.env, platform: offered, label, test: runtime.test });
    const source = table_sourceDefinition(selection.source.kind);
    refuseAcrWithoutAzure(platform, inputs, selection, source);
    return { platform, runtime, inputs, selection, source, context, offered, network, helperScript: helperScript(platform, runtime, inputs) };
}
/** ACR accepts only Azure tokens: acr-registries needs an Azure source. */
function refuseAcrWithoutAzure(platform, inputs, selection, source) {
    if (inputs.acrRegistries.length === 0 || source.azure)
        return;
    throw new InputError('acr-registries', `Input ${platform.label('acr-registries')} needs an Azure identity source: Azure Container Registry accepts only Azure tokens, and ` +
        `the identity source is ${source.kind} (${selection.reason}). Remove it, or log in with the machine's, pod's or app's Azure managed identity ` +
        `(${platform.label('azure-audience')}, and ${platform.label('identity-source')} auto or an Azure source).`);
}
/** The credential helper bundle beside the step's, when the login goes through the helper; a warning when it is missing. */
function helperScript(platform, runtime, inputs) {
    if (!inputs.dockerLogin || !inputs.credentialHelper || inputs.diagnose)
        return undefined;
    const script = runtime.helperBundle?.();
    if (!script) {
        platform.warning("The credential helper's bundle (helper/index.js) is not beside this step's bundle (an incomplete copy of the step, or a run from its sources): " +
            `logging in with static credentials that expire with the token. Reinstall the step, or set ${platform.label('credential-helper')} to false to silence this.`);
    }
    return script;
}

;// CONCATENATED MODULE: ./src/core/login/login.ts
/**
 * The login, as a short list of phases: read the inputs, plan (the source and every refusal),
 * get the identity token, exchange it, write the login and the outputs. Everything that can be
 * refused is refused before the first request; nothing is written until every token is in hand.
 */






/** Logs the job in; throws a LoginError (or InputError) with one clear message on failure. */
async function login(platform, runtime) {
    // A setting that exists for tests only is never silent.
    for (const warning of testSettingWarnings(runtime.test))
        platform.warning(warning);
    const inputs = readInputs(platform, { cwd: runtime.cwd, home: runtime.home, test: runtime.test });
    const signal = AbortSignal.timeout(inputs.timeoutSeconds * 1000);
    const progress = { waitingFor: 'the start' };
    try {
        const plan = planLogin(platform, runtime, inputs, signal);
        const presented = await getIdentityToken(plan, progress);
        if (inputs.diagnose)
            return diagnose(plan, presented);
        const tokens = await exchange(plan, presented, progress);
        await install(plan, tokens, progress);
    }
    catch (error) {
        throw signal.aborted ? timedOut(platform, inputs, progress) : error instanceof Error ? error : new Error(String(error));
    }
}
/** The step's own timeout, naming what it was waiting for. */
function timedOut(platform, inputs, progress) {
    return new LoginError(`Timed out after ${inputs.timeoutSeconds} s (${platform.label('timeout')}) while waiting for ${progress.waitingFor}. ` +
        `Raise ${platform.label('timeout')} if the service is slow, or check that it is reachable from this machine.`);
}
/** Runs `login`, reporting any failure through the platform as one message. */
async function runLogin(platform, runtime) {
    try {
        await login(platform, runtime);
    }
    catch (error) {
        platform.setFailed(errors_messageOf(error));
    }
}

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/core/clock.ts
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

;// CONCATENATED MODULE: ./src/core/net/http.ts
/**
 * The one HTTP transport: bounded connect and response times, a cap on the body size, no
 * redirects, and an explicit choice between a direct connection and the network the job is given
 * (see proxy.ts). Messages name the host, never a header, a body or a proxy credential.
 */



/** node:https, loaded on first use: IMDS never needs TLS, and loading it costs startup time. */
let httpsModule;
function loadHttps() {
    return (httpsModule ??= Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 708, 23)));
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
/** Calls that fail only while connecting: through a proxy, the connection is the proxy's. */
const CONNECTING = new Set(['connect', 'getaddrinfo']);
/** A failure on the way to `host`, told as what the proxy did when the request went through one. */
function failureOf(error, host, proxy) {
    if (proxy && error.syscall !== undefined && CONNECTING.has(error.syscall)) {
        return new HttpFailure('proxy', `${proxy} could not be reached (${error.syscall} ${error.code ?? 'error'})`);
    }
    const kind = classify(error);
    return new HttpFailure(kind, kind === 'refused' ? `${host} refused the connection` : `the connection to ${host} failed (${error.code ?? error.message})`);
}
/** The proxy's refusal to open a tunnel (its answer to CONNECT was not 200). */
function tunnelRefused(proxy, host, status) {
    const why = status === 407 ? ': Proxy Authentication Required, check the proxy user name and password' : '';
    return new HttpFailure('proxy', `${proxy} refused to open a tunnel to ${host} (HTTP ${status}${why})`);
}
/** Sends one request and reads the whole (capped) response. Never follows redirects. */
async function send(req) {
    const host = req.url.host;
    if (req.signal?.aborted)
        throw new HttpFailure('aborted', `request to ${host} was cancelled`);
    const https = req.url.protocol === 'https:' ? await loadHttps() : undefined;
    const route = await routeFor(req.url, req.route, req.network, https);
    const transport = https ?? (external_node_http_default());
    const headers = { ...req.headers };
    if (req.body !== undefined)
        headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const request = transport.request(req.url, { method: req.method, headers, agent: route.agent, ...route.tls });
    return http_exchange(request, req, route.proxy);
}
/** Runs `request` to its end under `req`'s time limits and size cap. */
function http_exchange(request, req, proxy) {
    const host = req.url.host;
    return new Promise((resolve, reject) => {
        let settled = false;
        const timers = [];
        const onAbort = () => fail(new HttpFailure('aborted', `request to ${host} was cancelled`));
        const finish = () => {
            if (settled)
                return false;
            settled = true;
            for (const timer of timers)
                clearTimeout(timer);
            req.signal?.removeEventListener('abort', onAbort);
            return true;
        };
        function fail(failure) {
            if (!finish())
                return;
            request.destroy();
            reject(failure);
        }
        timers.push(setTimeout(() => fail(new HttpFailure('timeout', `${host} did not answer within ${req.timeoutMs} ms`)), req.timeoutMs));
        req.signal?.addEventListener('abort', onAbort, { once: true });
        request.on('socket', (socket) => {
            if (!socket.connecting)
                return;
            const timer = setTimeout(() => fail(new HttpFailure('connect-timeout', `could not connect to ${host} within ${req.connectTimeoutMs} ms`)), req.connectTimeoutMs);
            timers.push(timer);
            socket.once('connect', () => clearTimeout(timer));
        });
        request.on('proxyConnect', (connect) => {
            if (proxy && connect.statusCode !== 200)
                fail(withSettings(tunnelRefused(proxy, host, connect.statusCode), req));
        });
        request.on('error', (error) => fail(withSettings(failureOf(error, host, proxy), req)));
        request.on('response', (response) => readBody(response, req, fail, (body) => {
            if (finish())
                resolve({ status: response.statusCode ?? 0, headers: response.headers, body, secrets: req.secrets ?? [] });
        }));
        request.end(req.body);
    });
}
/** The failure, with the runner's network settings named when the request used them. */
function withSettings(failure, req) {
    if (req.route === 'environment' && req.network)
        failure.settings = req.network.source;
    return failure;
}
/** Reads a response's body up to the request's cap; a body cut off or too large is a failure. */
function readBody(response, req, fail, done) {
    const host = req.url.host;
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
    response.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}

;// CONCATENATED MODULE: ./src/core/runtime.ts
/** What the core takes from the process, injectable for tests: the environment, time, the transport, where it runs. */








/** The real process's runtime. */
function processRuntime() {
    const test = test_settings_readTestSettings(process.env);
    return {
        env: process.env,
        clock: systemClock(test.timeScale),
        send: send,
        home: external_node_os_default().homedir(),
        cwd: process.cwd(),
        test,
        helperBundle: bundledHelper
    };
}
/**
 * The credential helper bundle beside the bundle this process runs (dist/helper/index.js), or,
 * when this module runs from its TypeScript source (local-action), the checkout's built one.
 */
function bundledHelper() {
    return besideScript() ?? sourceTreeHelperBundle((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url));
}
function besideScript() {
    const script = process.argv[1];
    if (!script)
        return undefined;
    let resolved;
    try {
        resolved = external_node_fs_default().realpathSync(script);
    }
    catch {
        return undefined;
    }
    return findHelperBundle(external_node_path_default().dirname(resolved));
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/platform/cli-args.ts
/**
 * The command-line tool's arguments and help, from the input table: every input as `--name value`
 * (or `--name=value`), the commands, and the tool's own flags.
 */



/** The tool's version, package.json's (the bundle keeps only this field of it). */
const VERSION = package_namespaceObject.rE;
/** The variable the tool hands its login's state back in, for `logout` and a later login. */
const STATE_VARIABLE = 'CHAINGUARD_LOGIN_STATE';
/**
 * Parses `[login|logout|diagnose] --name value|--name=value \u2026 [--shell sh|pwsh|cmd] [--export-token] [--debug] [--help] [--version]`;
 * `diagnose` is a login with the input diagnose set to true.
 */
function parseArgs(argv) {
    const options = { command: 'login', values: {}, exportToken: false, debug: false };
    const args = [...argv];
    if (args[0] === 'login' || args[0] === 'logout')
        options.command = args.shift();
    else if (args[0] === 'diagnose') {
        args.shift();
        options.values.diagnose = 'true';
    }
    while (args.length > 0) {
        const arg = args.shift();
        if (arg === '--help' || arg === '-h')
            return { ...options, command: 'help' };
        if (arg === '--version')
            return { ...options, command: 'version' };
        if (arg === '--export-token')
            options.exportToken = true;
        else if (arg === '--debug')
            options.debug = true;
        else if (arg === '--shell' || arg.startsWith('--shell='))
            options.shell = readShell(arg, args);
        else
            readInput(arg, args, options);
    }
    return options;
}
/** Reads `--shell name` or `--shell=name`. */
function readShell(arg, rest) {
    const value = arg.startsWith('--shell=') ? arg.slice('--shell='.length) : rest.shift();
    if (value === undefined)
        throw new Error('--shell needs a value: sh, pwsh or cmd.');
    if (!SHELLS.includes(value))
        throw new Error(`--shell must be sh, pwsh or cmd, not ${JSON.stringify(value)}.`);
    return value;
}
/**
 * The shell the tool prints for when `--shell` is not given: sh everywhere but Windows. On
 * Windows: sh under Git Bash, MSYS2 or another bash (MSYSTEM or SHLVL is set; bash exports
 * SHLVL, cmd and PowerShell never set it); PowerShell when PSModulePath holds a
 * directory inside the user's profile (USERPROFILE), which PowerShell adds when it starts (the
 * machine-wide PSModulePath that cmd.exe also sees has none); else cmd. A cmd.exe started from
 * PowerShell inherits PowerShell's PSModulePath: give `--shell cmd` there.
 */
function detectShell(env, windows) {
    if (!windows)
        return 'sh';
    const read = (name) => Object.entries(env).find(([key]) => key.toUpperCase() === name)?.[1] ?? '';
    if (read('MSYSTEM') || read('SHLVL'))
        return 'sh';
    const profile = read('USERPROFILE')
        .replace(/[\\/]+$/, '')
        .toLowerCase();
    const inProfile = (dir) => {
        const lower = dir.trim().toLowerCase();
        return lower.startsWith(`${profile}\\`) || lower.startsWith(`${profile}/`);
    };
    return profile && read('PSMODULEPATH').split(';').some(inProfile) ? 'pwsh' : 'cmd';
}
/** Reads `--name value` or `--name=value` into `options`, taking the value from `rest` when it is separate. */
function readInput(arg, rest, options) {
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1];
    if (!match || !name || !INPUT_NAMES.includes(name))
        throw new Error(`Unknown argument ${JSON.stringify(arg)}; see --help.`);
    let value = match[2];
    if (value === undefined) {
        if (rest.length === 0)
            throw new Error(`--${name} needs a value.`);
        value = rest.shift();
    }
    options.values[name] = value;
}
/** The column the options' descriptions start at. */
const COLUMN = 41;
/** One option of the help: its flag and value, then its description, continued under it. */
function optionLines(flag, description) {
    const [first, ...more] = description.split('\n');
    return [`  ${flag}`.padEnd(COLUMN - 1) + ` ${first}`, ...more.map((line) => `${' '.repeat(COLUMN)}${line}`)].join('\n');
}
/** The tool's help: usage, then every input of the table (the same as the GitHub Action's), then its own flags. */
const CLI_HELP = `chainguard-azure-login: log in to Chainguard's registry with the identity this machine, pod or job already has.

Usage:
  eval "$(chainguard-azure-login --identity <UIDP> --azure-audience api://<app-client-id> [options])"
  eval "$(chainguard-azure-login --identity <UIDP> --identity-token-file <file> [options])"
  eval "$(chainguard-azure-login logout)"
                                       # removes what the login above wrote (reads ${STATE_VARIABLE})
                                       # and unsets the variables it set
  chainguard-azure-login --shell pwsh [options] | Out-String | Invoke-Expression       # PowerShell
  for /f "delims=" %L in ('chainguard-azure-login --shell cmd [options]') do %L        # cmd.exe
  chainguard-azure-login diagnose [options]
                                       # prints the identity token's claims and the chainctl command
                                       # that would trust it; sends nothing to Chainguard, writes nothing

Options (the same inputs as the GitHub Action):
${INPUTS.map((input) => optionLines(`--${input.name} ${input.value}`, input.help)).join('\n')}
${optionLines('--shell sh|pwsh|cmd', 'the shell that runs the printed lines (default: sh; on Windows, sh under bash\n(Git Bash), pwsh in PowerShell, else cmd)')}
${optionLines('--export-token', 'also export CHAINGUARD_TOKEN (and CHAINGUARD_API_TOKEN)')}
${optionLines('--debug', 'print debug lines on stderr')}
${optionLines('--version', 'print the version and exit')}

Under auto the source is, in order: the token file if given; with --azure-audience, workload identity
(AZURE_FEDERATED_TOKEN_FILE), App Service / Container Apps (IDENTITY_ENDPOINT + IDENTITY_HEADER), Azure Arc,
then IMDS; else GitHub's or Azure DevOps' own OIDC token when the job has one.

stdout carries only the lines for the shell (export, $env:\u2026, set "\u2026"), and only when the command succeeded;
logs go to stderr.
`;

;// CONCATENATED MODULE: ./src/platform/cli.ts
/**
 * A plain shell (Jenkins, GitLab, Buildkite, cron, a Windows agent's cmd or PowerShell): inputs
 * as `--flags`, logs on stderr, and on stdout only the lines that set the login's variables in
 * the calling shell (`export NAME='value'`, `$env:NAME = 'value'` or `set "NAME=value"`), so that
 * `eval "$(chainguard-azure-login \u2026)"` (or its PowerShell and cmd forms) carries DOCKER_CONFIG
 * and the outputs into it; `logout` prints the lines that remove them again.
 *
 * No runner masks its logs, so it masks them itself: every line it prints on stderr has each
 * secret registered with `setSecret` replaced by `***`. stdout carries only the lines meant for
 * the shell, which must keep their values.
 */





const OUTPUT_VARIABLES = {
    token: 'CHAINGUARD_TOKEN',
    'expires-at': 'CHAINGUARD_TOKEN_EXPIRES_AT',
    identity: 'CHAINGUARD_IDENTITY',
    'docker-config': 'DOCKER_CONFIG',
    'api-token': 'CHAINGUARD_API_TOKEN'
};
/** Every variable a login may set besides PATH: what logout unsets. */
const LOGIN_VARIABLES = ['DOCKER_CONFIG', 'REGISTRY_AUTH_FILE', ...Object.values(OUTPUT_VARIABLES), STATE_VARIABLE].filter((name, i, all) => all.indexOf(name) === i);
const processHost = () => ({ windows: process.platform === 'win32' });
/** A variable's value, found without regard to case on Windows (where `Path` is PATH). */
function variable(env, name, windows) {
    if (!windows)
        return env[name];
    return Object.entries(env).find(([key]) => key.toUpperCase() === name)?.[1];
}
/**
 * The state as the shell carries it. cmd cannot carry the JSON's double quotes: there it is
 * base64url (JSON otherwise, as before).
 */
const encodeState = (target, json) => target.shell === 'cmd' ? Buffer.from(json, 'utf8').toString('base64url') : json;
const decodeState = (text) => text.startsWith('{') || !/^[A-Za-z0-9_-]+$/.test(text) ? text : Buffer.from(text, 'base64url').toString('utf8');
/** The entries of `pathValue` inside `dir` (a job directory): the helper's directory a login put on PATH. */
function entriesInside(pathValue, dir, host) {
    if (!dir || !pathValue)
        return [];
    const api = host.windows ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
    const fold = (value) => (host.windows ? value.toLowerCase() : value);
    const root = fold(api.resolve(dir)) + api.sep;
    return pathValue.split(api.delimiter).filter((entry) => entry && fold(api.resolve(entry)).startsWith(root));
}
/** A line for the shell, or the reason it cannot be printed, as a message that says what to do. */
function printable(make, target) {
    try {
        return make();
    }
    catch (error) {
        if (!(error instanceof UnprintableValue))
            throw error;
        const alternative = error.variable === 'PATH' ? '--shell pwsh, or --credential-helper false (which needs no PATH change)' : '--shell pwsh';
        throw new Error(`Cannot print the ${error.variable} line for ${target.shell}: ${error.why}. Use ${alternative}.`, { cause: error });
    }
}
function cliPlatform(options, env, out, printErr, host = processHost()) {
    const secrets = new SecretSet();
    const err = (line) => printErr(secrets.redact(line));
    const target = { shell: options.shell ?? detectShell(env, host.windows), windows: host.windows };
    const set = (name, value) => out(printable(() => setLine(target, name, value), target));
    const state = () => decodeState(env[STATE_VARIABLE] ?? '');
    const currentPath = () => variable(env, 'PATH', host.windows) ?? '';
    const platform = {
        failed: false,
        target,
        get: (name) => options.values[name] ?? '',
        label: (name) => `--${name}`,
        setSecret: (value) => secrets.add(value),
        setOutput: (name, value) => {
            if (name === 'api-token' && !options.exportToken) {
                err('warning: the API token is exported as CHAINGUARD_API_TOKEN only with --export-token (stdout must then go to eval).');
                return;
            }
            if (name === 'token' && !options.exportToken)
                return;
            if (name === 'docker-config')
                return; // exported as DOCKER_CONFIG already
            set(OUTPUT_VARIABLES[name], value);
        },
        exportVariable: (name, value) => set(name, value),
        // The helper's directory goes first; a login this one replaces takes its own out.
        addPath: (dir) => {
            const remove = entriesInside(currentPath(), parseCleanupState(state())?.jobDir, host);
            for (const line of printable(() => pathLines(target, { add: dir, remove, current: currentPath() }), target))
                out(line);
        },
        saveState: (_name, value) => set(STATE_VARIABLE, encodeState(target, value)),
        getState: () => state(),
        info: (message) => err(neutralise(message)),
        debug: (message) => {
            if (options.debug)
                err(`debug: ${neutralise(message)}`);
        },
        warning: (message) => err(`warning: ${neutralise(message)}`),
        setFailed: (message) => {
            platform.failed = true;
            err(`error: ${neutralise(message)}`);
        },
        tempDir: () => env.RUNNER_TEMP || env.AGENT_TEMPDIRECTORY || undefined,
        loggedOut: () => {
            const remove = entriesInside(currentPath(), parseCleanupState(state())?.jobDir, host);
            try {
                for (const line of pathLines(target, { remove, current: currentPath() }))
                    out(line);
            }
            catch (error) {
                if (!(error instanceof UnprintableValue))
                    throw error;
                platform.warning(`PATH still lists ${remove.join(', ')}, which logout deleted: ${error.why}, so the new PATH cannot be printed for cmd.`);
            }
            // Only what is set: cmd's `set NAME=` of an unset variable can leave ERRORLEVEL 1 (a step's exit code, when it comes last).
            for (const name of LOGIN_VARIABLES)
                if (variable(env, name, host.windows) !== undefined)
                    out(unsetLine(target, name));
        }
    };
    return platform;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/** The command-line tool: `login` (the default), `logout`, `--help` and `--version`. */







const out = (line) => void process.stdout.write(`${line}\n`);
const err = (line) => void process.stderr.write(`${line}\n`);
/**
 * Runs the tool with `argv` (without node and the script); sets the exit code. The lines for the
 * shell are printed at the end, and only when the command succeeded: a failed login prints none.
 */
async function run(argv = process.argv.slice(2)) {
    try {
        const options = parseArgs(argv);
        if (options.command === 'help') {
            out(CLI_HELP);
            return;
        }
        if (options.command === 'version') {
            out(VERSION);
            return;
        }
        const lines = [];
        const platform = cliPlatform(options, process.env, (line) => lines.push(line), err);
        if (options.command === 'logout') {
            if (await runCleanup(platform))
                platform.loggedOut();
        }
        else
            await runLogin(platform, processRuntime());
        if (platform.failed)
            process.exitCode = 1;
        else if (lines.length > 0)
            out(lines.join('\n'));
    }
    catch (error) {
        err(`error: ${neutralise(errors_messageOf(error))}`);
        process.exitCode = 2;
    }
}

;// CONCATENATED MODULE: ./src/cli/index.ts
/** The command-line tool's entry. */

void run();

