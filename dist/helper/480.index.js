export const id = 480;
export const ids = [480,319];
export const modules = {

/***/ 9524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CP: () => (/* binding */ isAbsoluteUri),
/* harmony export */   Sm: () => (/* binding */ GUID),
/* harmony export */   f2: () => (/* binding */ RESOURCE_ID),
/* harmony export */   js: () => (/* binding */ UIDP),
/* harmony export */   oP: () => (/* binding */ checkIssuer),
/* harmony export */   qW: () => (/* binding */ checkRegistry)
/* harmony export */ });
/* unused harmony exports CONTROL, CONTROL_IN_LIST, MAX_LENGTH, RUNNER_COMMAND, hasUriForbiddenCharacter */
/* harmony import */ var _net_url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8074);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2020);
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
        return fail(`must be an https URL such as https://issuer.enforce.dev, not "${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(raw)}".`);
    }
    if (url.username || url.password)
        fail('must not carry credentials.');
    if (url.search || url.hash)
        fail('must not have a query or fragment.');
    if (url.protocol === 'http:') {
        if (!(0,_net_url_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopback */ .U9)(url.hostname))
            fail(`must use https; plain http is accepted only for loopback addresses, not "${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(raw)}".`);
    }
    else if (url.protocol !== 'https:') {
        fail(`must be an https URL, not "${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(raw)}".`);
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


/***/ }),

/***/ 1545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ HttpFailure)
/* harmony export */ });
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


/***/ }),

/***/ 319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bypassesProxy: () => (/* binding */ bypassesProxy),
/* harmony export */   networkSettingsFrom: () => (/* binding */ networkSettingsFrom),
/* harmony export */   routeFor: () => (/* binding */ routeFor),
/* harmony export */   sendThrough: () => (/* binding */ sendThrough)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1545);
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8074);
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
            return node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(file);
        }
        catch (error) {
            throw new _failure_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpFailure */ .H('other', `could not read the agent's ${what} ${file} (${error.code ?? 'error'})`);
        }
    };
    const options = {};
    if (network.caFile) {
        const { rootCertificates } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1692, 23));
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
    const { HttpsProxyAgent } = await __webpack_require__.e(/* import() */ 643).then(__webpack_require__.bind(__webpack_require__, 5643));
    const url = new URL(proxy.url.href);
    url.username = proxy.username ? encodeURIComponent(proxy.username) : '';
    url.password = proxy.password ? encodeURIComponent(proxy.password) : '';
    return new HttpsProxyAgent(url, { keepAlive: false, ...(url.protocol === 'https:' ? tls : {}) });
}
/** The route for a request: direct, through the runner's proxy, or through the environment's. */
async function routeFor(url, route, network, https) {
    const tls = route === 'environment' && https ? await tlsOptions(network) : {};
    const direct = { agent: https ? new https.Agent({ keepAlive: false, ...tls }) : new (node_http__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: false }), tls };
    // A call to this machine never goes through a proxy, whatever its settings say.
    if (route === 'direct' || (0,_url_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopback */ .U9)(url.hostname))
        return direct;
    if (network) {
        const proxy = network.proxyFor(url);
        return proxy ? { agent: await tunnelAgent(proxy, tls), tls, proxy: `the proxy ${proxy.url.host}` } : direct;
    }
    // The proxy the environment names (HTTPS_PROXY, NO_PROXY), read as the runner library reads it.
    const { getProxyUrl } = await __webpack_require__.e(/* import() */ 783).then(__webpack_require__.bind(__webpack_require__, 9783));
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
function sendThrough(send, network) {
    return (request) => send(request.route === 'environment' && network ? { ...request, network } : request);
}


/***/ }),

/***/ 8074:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ routeOf),
/* harmony export */   TR: () => (/* binding */ endpointFromEnvironment),
/* harmony export */   U9: () => (/* binding */ isLoopback)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${variable} is not a URL; it is set by the platform, so check what overrides it in this job.`);
    }
    if (url.username || url.password)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${variable} must not carry credentials.`);
    if (url.hash)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${variable} must not have a fragment.`);
    if (url.protocol === 'http:') {
        if (!isLoopback(url.hostname)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${variable} (${url.origin}) uses plain http off this machine; only https, or http on a loopback address, is accepted. ` +
                `Check what sets ${variable} in this job.`);
        }
    }
    else if (url.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${variable} must be an https URL (or http on a loopback address), not ${url.protocol}.`);
    }
    return url;
}
/** Endpoints on this machine are reached directly; anything else follows the proxy settings. */
function routeOf(url) {
    return isLoopback(url.hostname) ? 'direct' : 'environment';
}


/***/ }),

/***/ 8099:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  processRuntime: () => (/* binding */ processRuntime)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
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

// EXTERNAL MODULE: ./src/core/fs/atomic.ts
var atomic = __webpack_require__(3826);
// EXTERNAL MODULE: ./src/core/shell.ts
var shell = __webpack_require__(6673);
// EXTERNAL MODULE: ./src/core/credential-helper/cache.ts
var cache = __webpack_require__(3878);
// EXTERNAL MODULE: ./src/core/credential-helper/config.ts
var config = __webpack_require__(1872);
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
    for (const byte of Buffer.from(`${path.resolve(configDir)}\u0000${host}`, 'utf8'))
        hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    return `chainguard-${hash.toString(36).padStart(6, '0').slice(-6)}`;
}
/** `value` as one word of a .cmd wrapper; a path holding a double quote cannot be one. */
function cmdQuote(value) {
    const word = cmdWord(value);
    if (word === undefined)
        throw new HelperError(`cannot write a Windows wrapper for a path containing a double quote: ${value}`);
    return word;
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
        `exec ${singleQuoted(options.nodePath)} ${singleQuoted(options.helperScript)} --dir ${singleQuoted(options.dir)} "$@"`,
        ''
    ].join('\n');
    const cmd = () => [
        '@echo off',
        'rem Docker credential helper of chainguard-azure-login for this job; removed when the job ends.',
        `${cmdQuote(options.nodePath)} ${cmdQuote(options.helperScript)} --dir ${cmdQuote(options.dir)} %*`,
        ''
    ].join('\r\n');
    writeFileAtomic(base, sh);
    fs.chmodSync(base, 0o700);
    if (!(options.windows ?? process.platform === 'win32'))
        return [base];
    writeFileAtomic(`${base}.cmd`, cmd());
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

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: ./src/core/net/failure.ts
var failure = __webpack_require__(1545);
// EXTERNAL MODULE: ./src/core/net/proxy.ts
var proxy = __webpack_require__(319);
;// CONCATENATED MODULE: ./src/core/net/http.ts
/**
 * The one HTTP transport: bounded connect and response times, a cap on the body size, no
 * redirects, and an explicit choice between a direct connection and the network the job is given
 * (see proxy.ts). Messages name the host, never a header, a body or a proxy credential.
 */



/** node:https, loaded on first use: IMDS never needs TLS, and loading it costs startup time. */
let httpsModule;
function loadHttps() {
    return (httpsModule ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)));
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
        return new failure/* HttpFailure */.H('proxy', `${proxy} could not be reached (${error.syscall} ${error.code ?? 'error'})`);
    }
    const kind = classify(error);
    return new failure/* HttpFailure */.H(kind, kind === 'refused' ? `${host} refused the connection` : `the connection to ${host} failed (${error.code ?? error.message})`);
}
/** The proxy's refusal to open a tunnel (its answer to CONNECT was not 200). */
function tunnelRefused(proxy, host, status) {
    const why = status === 407 ? ': Proxy Authentication Required, check the proxy user name and password' : '';
    return new failure/* HttpFailure */.H('proxy', `${proxy} refused to open a tunnel to ${host} (HTTP ${status}${why})`);
}
/** Sends one request and reads the whole (capped) response. Never follows redirects. */
async function send(req) {
    const host = req.url.host;
    if (req.signal?.aborted)
        throw new failure/* HttpFailure */.H('aborted', `request to ${host} was cancelled`);
    const https = req.url.protocol === 'https:' ? await loadHttps() : undefined;
    const route = await (0,proxy.routeFor)(req.url, req.route, req.network, https);
    const transport = https ?? (external_node_http_default());
    const headers = { ...req.headers };
    if (req.body !== undefined)
        headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const request = transport.request(req.url, { method: req.method, headers, agent: route.agent, ...route.tls });
    return exchange(request, req, route.proxy);
}
/** Runs `request` to its end under `req`'s time limits and size cap. */
function exchange(request, req, proxy) {
    const host = req.url.host;
    return new Promise((resolve, reject) => {
        let settled = false;
        const timers = [];
        const onAbort = () => fail(new failure/* HttpFailure */.H('aborted', `request to ${host} was cancelled`));
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
        timers.push(setTimeout(() => fail(new failure/* HttpFailure */.H('timeout', `${host} did not answer within ${req.timeoutMs} ms`)), req.timeoutMs));
        req.signal?.addEventListener('abort', onAbort, { once: true });
        request.on('socket', (socket) => {
            if (!socket.connecting)
                return;
            const timer = setTimeout(() => fail(new failure/* HttpFailure */.H('connect-timeout', `could not connect to ${host} within ${req.connectTimeoutMs} ms`)), req.connectTimeoutMs);
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
            fail(new failure/* HttpFailure */.H('too-large', `${host} sent a response larger than ${req.maxBodyBytes} bytes`));
            return;
        }
        chunks.push(chunk);
    });
    const cutOff = () => fail(new failure/* HttpFailure */.H('reset', `the response from ${host} was cut off`));
    response.on('error', cutOff);
    response.on('close', () => {
        if (!response.complete)
            cutOff();
    });
    response.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
}

// EXTERNAL MODULE: ./src/core/test-settings.ts
var test_settings = __webpack_require__(605);
;// CONCATENATED MODULE: ./src/core/runtime.ts
/** What the core takes from the process, injectable for tests: the environment, time, the transport, where it runs. */








/** The real process's runtime. */
function processRuntime() {
    const test = (0,test_settings/* readTestSettings */.mA)(process.env);
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
    return besideScript() ?? sourceTreeHelperBundle((0,external_node_url_.fileURLToPath)(import.meta.url));
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


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JP: () => (/* binding */ shellArg),
/* harmony export */   W_: () => (/* binding */ isGuid),
/* harmony export */   nu: () => (/* binding */ isIssuerUrl),
/* harmony export */   r7: () => (/* binding */ shellWord)
/* harmony export */ });
/* unused harmony exports singleQuoted, cmdWord, SHELLS, UnprintableValue, pwshString, cmdValueProblem, msysPath, setLine, unsetLine, pathLines */
/* harmony import */ var _inputs_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9524);
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
    return _inputs_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .GUID */ .Sm.test(value);
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
const SHELLS = (/* unused pure expression or super */ null && (['sh', 'pwsh', 'cmd']));
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


/***/ }),

/***/ 605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zo: () => (/* binding */ LOOPBACK_FOR_TESTS_ONLY),
/* harmony export */   iH: () => (/* binding */ testEnvironment),
/* harmony export */   mA: () => (/* binding */ readTestSettings)
/* harmony export */ });
/* unused harmony exports TEST_VARIABLES, NO_TEST_SETTINGS, testSettingWarnings */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
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
function readTestSettings(env) {
    const scale = Number(env[TEST_VARIABLES.timeScale]);
    const arcTokenDir = env[TEST_VARIABLES.arcTokenDir]?.trim();
    return {
        timeScale: scale > 0 && scale <= 1 ? scale : 1,
        ...(arcTokenDir ? { arcTokenDir: node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(arcTokenDir) } : {}),
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


/***/ })

};
