export const id = 319;
export const ids = [319];
export const modules = {

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


/***/ })

};
