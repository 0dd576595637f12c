export const id = 601;
export const ids = [601];
export const modules = {

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HR: () => (/* binding */ HttpFailure),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   o$: () => (/* binding */ jsonObject),
/* harmony export */   tN: () => (/* binding */ send)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _loopback_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3782);
/**
 * The one HTTP helper: bounded connect and response times, a cap on the body size, no
 * redirects, and an explicit choice between a direct connection and the network the job is
 * given: the runner's own proxy and certificate settings when it hands any over (the Azure
 * agent does, as variables), else the proxy the environment names. Messages name the host,
 * never a header, a body or a proxy credential.
 */



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
const proxyVariables = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/** node:https, loaded on first use: IMDS never needs TLS, and loading it costs startup time. */
let httpsModule;
function loadHttps() {
    return (httpsModule ??= Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)));
}
async function tlsOptions(network) {
    if (!network)
        return {};
    const read = (file, what) => {
        try {
            return node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(file);
        }
        catch (error) {
            throw new HttpFailure('other', `could not read the agent's ${what} ${file} (${error.code ?? 'error'})`);
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
/** An agent that tunnels through the runner's proxy, with its credentials and TLS settings. */
async function tunnelAgent(target, proxy, tls) {
    const tunnel = await __webpack_require__.e(/* import() */ 770).then(__webpack_require__.t.bind(__webpack_require__, 770, 19));
    const credentials = proxy.username || proxy.password ? { proxyAuth: `${proxy.username ?? ''}:${proxy.password ?? ''}` } : {};
    const proxyOptions = {
        host: proxy.url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(proxy.url.port) || (proxy.url.protocol === 'https:' ? 443 : 80),
        ...credentials
    };
    const overHttps = proxy.url.protocol === 'https:';
    const options = { proxy: overHttps ? { ...proxyOptions, ...tls } : proxyOptions, ...tls, keepAlive: false };
    if (target.protocol === 'https:')
        return (overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp)(options);
    return (overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp)(options);
}
/** The route for a request: direct, through the runner's proxy, or through the environment's. */
async function routeFor(req, https) {
    const tls = req.route === 'environment' && https ? await tlsOptions(req.network) : {};
    const direct = { agent: https ? new https.Agent({ keepAlive: false, ...tls }) : new (node_http__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ keepAlive: false }) };
    // A call to this machine never goes through a proxy, whatever its settings say.
    if (req.route === 'direct' || (0,_loopback_js__WEBPACK_IMPORTED_MODULE_2__/* .isLoopback */ .U9)(req.url.hostname))
        return direct;
    if (req.network) {
        const proxy = req.network.proxyFor(req.url);
        return proxy ? { agent: await tunnelAgent(req.url, proxy, tls), proxy: `the proxy ${proxy.url.host}` } : direct;
    }
    if (!proxyVariables.some((name) => process.env[name]))
        return direct;
    // The proxy machinery is only loaded when a proxy is configured.
    const { HttpClient } = await __webpack_require__.e(/* import() */ 942).then(__webpack_require__.bind(__webpack_require__, 4942));
    const client = new HttpClient('chainguard-azure-login', [], { allowRedirects: false, keepAlive: false });
    const agent = client.getAgent(req.url.href);
    return { agent, proxy: agent.proxyOptions ? 'the proxy named by HTTPS_PROXY' : undefined };
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
/** A failure on the way to `host`, told as what the proxy did when the request went through one. */
function failureOf(error, host, proxy) {
    const kind = classify(error);
    // The tunnelling agent reports the proxy's answer to CONNECT as "statusCode=<n>", and a
    // proxy it could not reach as "cause=<the connection error>".
    if (proxy && error.message.includes('tunneling socket')) {
        const status = /statusCode=(\d{3})/.exec(error.message)?.[1];
        if (status) {
            const why = status === '407' ? ': Proxy Authentication Required, check the proxy user name and password' : '';
            return new HttpFailure('proxy', `${proxy} refused to open a tunnel to ${host} (HTTP ${status}${why})`);
        }
        const cause = /cause=(\S+ \S+)/.exec(error.message)?.[1] ?? error.code ?? 'error';
        return new HttpFailure('proxy', `${proxy} could not be reached (${cause})`);
    }
    return new HttpFailure(kind, kind === 'refused' ? `${host} refused the connection` : `the connection to ${host} failed (${error.code ?? error.message})`);
}
/** Sends one request and reads the whole (capped) response. Never follows redirects. */
async function send(req) {
    const host = req.url.host;
    if (req.signal?.aborted)
        throw new HttpFailure('aborted', `request to ${host} was cancelled`);
    const https = req.url.protocol === 'https:' ? await loadHttps() : undefined;
    const { agent, proxy } = await routeFor(req, https);
    const transport = https ?? (node_http__WEBPACK_IMPORTED_MODULE_1___default());
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
            const failure = failureOf(error, host, proxy);
            if (req.route === 'environment' && req.network)
                failure.settings = req.network.source;
            fail(failure);
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
                resolve({
                    status: response.statusCode ?? 0,
                    headers: response.headers,
                    body: Buffer.concat(chunks).toString('utf8'),
                    secrets: req.secrets ?? []
                });
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

/***/ 3782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ TEST_LOOPBACK_VARIABLE),
/* harmony export */   Cp: () => (/* binding */ testLoopbackEndpoints),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   Zo: () => (/* binding */ LOOPBACK_FOR_TESTS_ONLY)
/* harmony export */ });
/* unused harmony export TEST_LOOPBACK_WARNING */
/**
 * Loopback addresses, and the one test-only setting that lets secrets go to a loopback endpoint
 * where production never has one (an ACR login server, Azure DevOps' OIDC request URI): the
 * project's emulators listen there. The setting is read here and nowhere else.
 */
/** Whether a URL hostname is a loopback address or localhost. */
function isLoopback(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
/**
 * For the project's tests only: accept loopback `host:port` ACR login servers (over http) and a
 * loopback System.OidcRequestUri. The step warns whenever it is set.
 */
const TEST_LOOPBACK_VARIABLE = 'CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS';
/** Whether the test-only setting is set (to anything): the one place that reads it. */
function testLoopbackEndpoints(env) {
    return Boolean(env[TEST_LOOPBACK_VARIABLE]?.trim());
}
/** The warning printed whenever the setting is set. */
const TEST_LOOPBACK_WARNING = `${TEST_LOOPBACK_VARIABLE} is set: loopback ACR login servers and a loopback System.OidcRequestUri are accepted, and receive ` +
    'Azure and Azure DevOps tokens from this job. This setting exists for tests only; remove it.';
/** Why a loopback endpoint is refused without the setting, for a refusal's message. */
const LOOPBACK_FOR_TESTS_ONLY = `accepted only for tests with ${TEST_LOOPBACK_VARIABLE}=1, since it would hand this job's tokens to whatever listens on this machine`;


/***/ }),

/***/ 9601:
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
;// CONCATENATED MODULE: ./src/core/clock.ts
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

// EXTERNAL MODULE: ./src/core/credential-helper.ts + 1 modules
var credential_helper = __webpack_require__(7751);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/core/runtime.ts
/** The real process's runtime for the core. */






/**
 * `CHAINGUARD_LOGIN_TIME_SCALE` (a number in (0, 1]) makes retry waits and budgets pass faster;
 * the project's tests of the built bundles use it to ride out a 70 s IMDS update in a second.
 */
function processRuntime() {
    return {
        env: process.env,
        clock: systemClock(timeScale(process.env)),
        send: http/* send */.tN,
        home: external_node_os_default().homedir(),
        cwd: process.cwd(),
        helperBundle: bundledHelper
    };
}
/** The credential helper bundle beside the bundle this process runs (dist/helper/index.js). */
function bundledHelper() {
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
    return (0,credential_helper/* findHelperBundle */._P)(external_node_path_default().dirname(resolved));
}


/***/ })

};
