export const id = 99;
export const ids = [99];
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

/***/ 3622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q1: () => (/* binding */ claimText),
/* harmony export */   Yq: () => (/* binding */ decodeClaims),
/* harmony export */   gQ: () => (/* binding */ ExpiryRefused),
/* harmony export */   p1: () => (/* binding */ expiryOf),
/* harmony export */   pD: () => (/* binding */ issuedExpiry)
/* harmony export */ });
/* unused harmony export isoSeconds */
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

/***/ 7161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ delayFor),
/* harmony export */   Qx: () => (/* binding */ SERVER_ERRORS),
/* harmony export */   R$: () => (/* binding */ retrying),
/* harmony export */   jo: () => (/* binding */ backoffMs)
/* harmony export */ });
/* unused harmony export retryAfterMs */
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1545);

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
    if (error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpFailure */ .H) {
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


/***/ }),

/***/ 8786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ek: () => (/* binding */ ServiceStatus),
/* harmony export */   Rs: () => (/* binding */ maskLongValues),
/* harmony export */   Wi: () => (/* binding */ abortedAs),
/* harmony export */   cv: () => (/* binding */ callEndpoint),
/* harmony export */   eA: () => (/* binding */ explainNetworkFailure),
/* harmony export */   ii: () => (/* binding */ accessTokenFrom),
/* harmony export */   oi: () => (/* binding */ expectStatus)
/* harmony export */ });
/* unused harmony exports serviceStatus, expiryFrom */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6153);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2020);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7161);




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
const text = (value) => (typeof value === 'string' ? value : '');
/** Reads an error answer in `dialect`. Every piece quoted is clipped and redacted of what the request carried (`response.secrets`). */
function serviceStatus(response, dialect = 'oauth') {
    const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonObject */ .o$)(response.body);
    const secrets = response.secrets ?? [];
    const status = `HTTP ${response.status}`;
    if (dialect === 'grpc') {
        const code = typeof body?.code === 'number' ? (GRPC_CODES[body.code] ?? `code ${body.code}`) : '';
        const message = (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(text(body?.message), 300, secrets);
        return new ServiceStatus(response, `${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}`, code, message);
    }
    if (dialect === 'registry') {
        const first = Array.isArray(body?.errors) ? ((0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isRecord */ .u4)(body.errors[0]) ? body.errors[0] : undefined) : body;
        const code = text(first?.code) || text(first?.error);
        const message = text(first?.message) || text(first?.error_description);
        const detail = (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)([code, message].filter(Boolean).join(': '), 300, secrets);
        return new ServiceStatus(response, `${status}${detail ? ` ${detail}` : ''}`, code, message);
    }
    const code = (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(text(body?.error) || text(body?.code), 100, secrets);
    const description = (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .clip */ .$Q)(text(body?.error_description) || text(body?.message) || text(body?.Message), 300, secrets);
    const detail = [code, description].filter(Boolean).join(': ');
    return new ServiceStatus(response, `${status}${detail ? ` (${detail})` : ''}`, code, description);
}
/** Calls the endpoint until it answers with success or its rules say to stop; throws the last failure (HttpFailure or ServiceStatus). */
function callEndpoint(call, context) {
    const ok = call.ok ?? [200];
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retrying */ .R$)({
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
            return own === 'rules' ? (0,_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .delayFor */ .D0)(call.rules, error, n, context.clock) : own;
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
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${call}: ${error.message}. ${absent}`);
        case 'too-large':
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${call}: ${error.message}; a token response is a few kilobytes, so something else answered.`);
        default:
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${call}: ${error.message}.`);
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
    const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .jsonObject */ .o$)(response.body);
    const token = body?.access_token;
    if (typeof token !== 'string' || token.length === 0) {
        maskLongValues(body, context);
        const what = body ? 'JSON without an access_token' : 'not JSON';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${call}: it answered ${response.status} with a body that is ${what}. ${elsewhere}`);
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

/***/ 9573:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XV: () => (/* binding */ azureDevOpsOidcSource),
/* harmony export */   vr: () => (/* binding */ oidcRequestUri)
/* harmony export */ });
/* unused harmony exports AZURE_DEVOPS_AUDIENCE, AzureDevOpsOidcSource */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6153);
/* harmony import */ var _jwt_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3622);
/* harmony import */ var _net_token_endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8786);
/* harmony import */ var _net_url_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8074);
/* harmony import */ var _test_settings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(605);
/* harmony import */ var _azure_endpoint_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4987);
/**
 * Azure Pipelines' own OIDC token: `POST $(System.OidcRequestUri)?api-version=7.1` with the job's
 * access token (`System.AccessToken`) answers `{"oidcToken": \u2026}`. Without a service connection the
 * token is the pipeline's (`sub p://<org>/<project>/<pipeline>`); with `serviceConnectionId` it is
 * that connection's (`sub sc://<org>/<project>/<connection>`). Issuer
 * `https://vstoken.dev.azure.com/<org-id>`, audience always `api://AzureADTokenExchange`. Works on
 * Microsoft-hosted agents too.
 */







const API_VERSION = '7.1';
const AZURE_DEVOPS_AUDIENCE = 'api://AzureADTokenExchange';
const LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 256 * 1024 };
const VARIABLE = 'System.OidcRequestUri';
/** Azure DevOps Services: the only hosts the job's access token is sent to. */
const AZURE_DEVOPS_HOST = /^(dev\.azure\.com|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.visualstudio\.com)$/i;
/** `System.OidcRequestUri`, from the task library or the environment, or undefined. */
function oidcRequestUri(env, platform) {
    const value = platform?.variable?.('System.OidcRequestUri') ?? env.SYSTEM_OIDCREQUESTURI;
    return value?.trim() || undefined;
}
class AzureDevOpsOidcSource extends _azure_endpoint_js__WEBPACK_IMPORTED_MODULE_5__/* .TokenEndpointSource */ ._d {
    serviceConnection;
    kind = 'azure-devops';
    name = "Azure DevOps' OIDC endpoint";
    tokenName = 'Azure DevOps OIDC token';
    endpoint;
    label = 'Azure DevOps OIDC endpoint';
    rules = _azure_endpoint_js__WEBPACK_IMPORTED_MODULE_5__/* .TOKEN_SERVICE_RETRIES */ .B$;
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
        this.url = (0,_net_url_js__WEBPACK_IMPORTED_MODULE_3__/* .endpointFromEnvironment */ .TR)(requestUri, VARIABLE);
        if ((0,_net_url_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopback */ .U9)(this.url.hostname)) {
            if (!testLoopback)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${VARIABLE} (${this.url.origin}) is a loopback address, ${_test_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .LOOPBACK_FOR_TESTS_ONLY */ .Zo}. Check what sets it in this job.`);
        }
        else if (this.url.protocol !== 'https:' || !AZURE_DEVOPS_HOST.test(this.url.hostname)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${VARIABLE} (${this.url.origin}) is not an Azure DevOps Services address (dev.azure.com or *.visualstudio.com), and the ` +
                `job's access token would be sent there. Check what sets ${VARIABLE} (SYSTEM_OIDCREQUESTURI) in this job.`);
        }
        this.endpoint = `${this.url.origin}${this.url.pathname}`;
    }
    async getToken(context) {
        this.accessToken = this.readAccessToken(context);
        const response = await this.request('', context);
        const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_6__/* .jsonObject */ .o$)(response.body);
        const token = body?.oidcToken;
        if (typeof token !== 'string' || !token) {
            (0,_net_token_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .maskLongValues */ .Rs)(body, context);
            const what = body ? 'JSON without an oidcToken' : 'not JSON (a sign-in page, when the access token is not accepted)';
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${this.call()}: it answered 200 with a body that is ${what}. ${ACCESS_TOKEN_ADVICE}`);
        }
        context.mask(token);
        return { token, expiresAt: (0,_jwt_js__WEBPACK_IMPORTED_MODULE_1__/* .expiryOf */ .p1)((0,_jwt_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeClaims */ .Yq)(token)) };
    }
    describe() {
        const whose = this.serviceConnection ? `service connection ${this.serviceConnection.id}` : 'this pipeline';
        return `Asking ${this.endpoint} for the OIDC token of ${whose}`;
    }
    attempt(_resource, context) {
        const url = new URL(this.url);
        url.searchParams.set('api-version', API_VERSION);
        if (this.serviceConnection)
            url.searchParams.set('serviceConnectionId', this.serviceConnection.id);
        const headers = {
            Authorization: `Bearer ${this.accessToken}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            // Without it a refused token gets a sign-in page instead of a 401.
            'X-TFS-FedAuthRedirect': 'Suppress'
        };
        return (0,_azure_endpoint_js__WEBPACK_IMPORTED_MODULE_5__/* .tokenRequest */ .jE)(context, { url, method: 'POST', headers, body: '', secrets: [this.accessToken], route: (0,_net_url_js__WEBPACK_IMPORTED_MODULE_3__/* .routeOf */ .Lu)(url) }, LIMITS);
    }
    /** The job's access token: from the task library, else (the command-line tool) SYSTEM_ACCESSTOKEN. */
    readAccessToken(context) {
        const offered = context.platform?.azureDevOpsAccessToken;
        const token = (offered ? offered() : context.env.SYSTEM_ACCESSTOKEN)?.trim();
        if (!token) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${this.call()}: the job has no access token (System.AccessToken). The task reads it through the SystemVssConnection ` +
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
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${call}: ${error.summary}. ${ACCESS_TOKEN_ADVICE}`);
        }
        if ((status === 400 || status === 403 || status === 404) && this.serviceConnection) {
            const { id, inputLabel } = this.serviceConnection;
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${call}: ${error.summary}. The service connection ${id} (${inputLabel}) does not exist in this project, this ` +
                'pipeline is not authorized to use it, or it does not use workload identity federation: check the connection and ' +
                "its pipeline permissions, or leave the input empty to use the pipeline's own token.");
        }
        if (status === 403) {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${call}: ${error.summary}. The job's access token may not ask for OIDC tokens; check the project's pipeline settings (job authorization scope).`);
        }
        return this.keptFailing(error, 'Azure DevOps') ?? new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${call}: ${error.summary}.`);
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


/***/ }),

/***/ 4987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ TOKEN_SERVICE_RETRIES),
/* harmony export */   Cw: () => (/* binding */ MANAGED_IDENTITY_RETRIES),
/* harmony export */   OE: () => (/* binding */ azureAdvice),
/* harmony export */   QF: () => (/* binding */ AzureEndpointSource),
/* harmony export */   ZJ: () => (/* binding */ IMDS_RETRIES),
/* harmony export */   _d: () => (/* binding */ TokenEndpointSource),
/* harmony export */   jE: () => (/* binding */ tokenRequest),
/* harmony export */   tQ: () => (/* binding */ azureSource)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _net_failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1545);
/* harmony import */ var _net_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7161);
/* harmony import */ var _net_token_endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8786);
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
    statuses: [404, 429, ..._net_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .SERVER_ERRORS */ .Qx],
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
            return await (0,_net_token_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .callEndpoint */ .cv)({ label: this.label, rules: this.rules, dialect: this.dialect, attempt: (n) => this.attempt(resource, context, n) }, context);
        }
        catch (error) {
            throw (0,_net_token_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .abortedAs */ .Wi)(error, context) ?? this.explain(error, resource);
        }
    }
    explain(error, resource) {
        if (error instanceof _net_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpFailure */ .H)
            return (0,_net_token_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .explainNetworkFailure */ .eA)(this.call(), error, this.absent());
        if (error instanceof _net_token_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .ServiceStatus */ .Ek)
            return this.refusal(error, resource);
        return error instanceof Error ? error : new Error(String(error));
    }
    /** The refusal of a status the rules retried until they gave up. */
    keptFailing(error, who = 'it') {
        if (!this.rules.statuses.includes(error.response.status))
            return undefined;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LoginError */ .Qd(`${this.call()}: ${who} kept failing (last answer ${error.summary}) after ${this.rules.retries + 1} attempts. Try again shortly.`);
    }
}
/** A managed-identity endpoint that answers an OAuth token (`access_token`) for a resource. */
class AzureEndpointSource extends TokenEndpointSource {
    async getToken(resource, context) {
        const response = await this.request(resource, context);
        return (0,_net_token_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .accessTokenFrom */ .ii)(response, context, this.call(), this.elsewhere());
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


/***/ }),

/***/ 480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SECRET_ENVIRONMENT: () => (/* binding */ SECRET_ENVIRONMENT),
  SOURCES: () => (/* binding */ SOURCES),
  SOURCE_ENVIRONMENT: () => (/* binding */ SOURCE_ENVIRONMENT),
  isAzureSource: () => (/* binding */ isAzureSource),
  selectSource: () => (/* binding */ selectSource),
  sourceDefinition: () => (/* binding */ sourceDefinition)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/net/url.ts
var net_url = __webpack_require__(8074);
// EXTERNAL MODULE: ./src/core/sources/azure-endpoint.ts
var azure_endpoint = __webpack_require__(4987);
;// CONCATENATED MODULE: ./src/core/sources/app-service.ts
/**
 * The managed-identity endpoint of App Service, Functions and Container Apps (where runners in
 * Container Apps jobs live): `IDENTITY_ENDPOINT` on this machine, authenticated by the secret
 * `IDENTITY_HEADER`. The answer carries `expires_on` and no `expires_in`.
 */



const API_VERSION = '2019-08-01';
const LIMITS = { connectTimeoutMs: 2_000, timeoutMs: 20_000, maxBodyBytes: 64 * 1024 };
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
class AppServiceSource extends azure_endpoint/* AzureEndpointSource */.QF {
    environment;
    selector;
    name = 'the App Service / Container Apps identity endpoint';
    endpoint;
    label = 'Identity endpoint';
    rules = azure_endpoint/* MANAGED_IDENTITY_RETRIES */.Cw;
    url;
    constructor(environment, selector) {
        super();
        this.environment = environment;
        this.selector = selector;
        this.url = (0,net_url/* endpointFromEnvironment */.TR)(environment.endpoint, 'IDENTITY_ENDPOINT');
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
        return (0,azure_endpoint/* tokenRequest */.jE)(context, { url, method: 'GET', headers, secrets: [this.environment.header], route: (0,net_url/* routeOf */.Lu)(url) }, LIMITS);
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
            return new errors/* LoginError */.Qd(`${call}: it refused the request, ${error.summary}. The endpoint did not accept IDENTITY_HEADER: the platform ` +
                'sets it with IDENTITY_ENDPOINT and changes it when the app restarts, so do not copy, cache or override either ' +
                'variable in the job; let the step read them from the environment the platform gives it.');
        }
        if (status === 400 || (status === 404 && this.selector)) {
            const which = this.selector
                ? `The managed identity selected by ${this.selector.inputLabel} (${this.selector.value}) may not be assigned to this app or job: assign it, or correct ${this.selector.inputLabel}.`
                : 'The app or job may have no system-assigned identity: enable it, or select a user-assigned identity with managed-identity-client-id, managed-identity-object-id or managed-identity-resource-id.';
            return new errors/* LoginError */.Qd(`${call}: it refused the request, ${error.summary}. ${which} If the identity is right, check azure-audience ` +
                `(${resource}): it must be the Application ID URI of an Entra app or another resource Entra ID knows.`);
        }
        const kept = this.keptFailing(error);
        if (kept)
            return kept;
        if (status >= 300 && status < 400) {
            return new errors/* LoginError */.Qd(`${call}: it answered with a redirect (${error.summary}), which the identity endpoint never sends; something else answered.`);
        }
        return new errors/* LoginError */.Qd(`${call}: it answered ${error.summary}.`);
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
            build: () => (0,azure_endpoint/* azureSource */.tQ)('app-service', new AppServiceSource(found, request.inputs.selector), resource)
        };
    },
    selectors: 'any',
    doctorName: 'azure-container-apps-runners',
    advice: azure_endpoint/* azureAdvice */.OE,
    environment: ['IDENTITY_ENDPOINT'],
    secretEnvironment: ['IDENTITY_HEADER']
};

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/fs/atomic.ts
var atomic = __webpack_require__(3826);
// EXTERNAL MODULE: ./src/core/net/token-endpoint.ts
var token_endpoint = __webpack_require__(8786);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
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
function detectArc(env, exists = external_node_fs_.existsSync) {
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
class ArcSource extends azure_endpoint/* AzureEndpointSource */.QF {
    name = "the Azure Arc agent's identity endpoint";
    endpoint;
    label = 'Arc identity endpoint';
    rules = azure_endpoint/* MANAGED_IDENTITY_RETRIES */.Cw;
    url;
    tokenDir;
    pathApi;
    sameName;
    /** @param tokenDir  where key files are accepted from: the agent's own directory, unless the project's tests name another */
    constructor(environment, env, tokenDir, platform = process.platform) {
        super();
        this.url = (0,net_url/* endpointFromEnvironment */.TR)(environment.endpoint, 'IDENTITY_ENDPOINT');
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
        const request = (headers, secrets = []) => (0,azure_endpoint/* tokenRequest */.jE)(context, { url, method: 'GET', headers: { Metadata: 'true', Accept: 'application/json', ...headers }, secrets, route: (0,net_url/* routeOf */.Lu)(url) }, arc_LIMITS);
        const challenge = await request({});
        if (challenge.status !== 401)
            return (0,token_endpoint/* expectStatus */.oi)(challenge);
        const realm = realmOf(challenge.headers['www-authenticate']);
        if (realm === undefined) {
            throw new errors/* LoginError */.Qd(`${this.call()}: it answered 401 without a Basic realm naming a key file, which the Arc agent always sends; ` +
                'something other than the Arc agent answered. Check IDENTITY_ENDPOINT.');
        }
        const key = this.readKey(realm);
        context.mask(key);
        return request({ Authorization: `Basic ${key}` }, [key]);
    }
    /** Refuses the realm the agent named, saying why; nothing was read or sent. */
    refuseRealm(realm, why) {
        throw new errors/* LoginError */.Qd(`${this.call()}: it asked for the key file "${(0,core_text/* clip */.$Q)(realm, 200)}", which ${why}; the Arc agent only names ` +
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
            read = (0,atomic/* readRegularFile */.XF)(file, { maxBytes: MAX_KEY_BYTES, noFollow: true });
        }
        catch (error) {
            if (error instanceof atomic/* NotRegularFile */.k1)
                return this.refuseRealm(realm, 'is not a regular file');
            if (error instanceof atomic/* FileTooLarge */.Sv)
                return this.refuseRealm(realm, `is ${error.size} bytes long`);
            const code = error.code;
            if (code === 'ELOOP')
                return this.refuseRealm(realm, 'is a symbolic link');
            if (code === 'EACCES' || code === 'EPERM') {
                throw new errors/* LoginError */.Qd(`${this.call()}: the key file in ${this.tokenDir} cannot be read by the user running the step. On Linux, add that ` +
                    'user to the himds group (sudo usermod -a -G himds <user>, then restart the runner or agent); on Windows, run ' +
                    'it as an administrator or a member of "Hybrid agent extension applications".');
            }
            throw new errors/* LoginError */.Qd(`${this.call()}: could not open the key file it named (${code ?? 'error'}).`);
        }
        if (read === undefined)
            throw new errors/* LoginError */.Qd(`${this.call()}: could not open the key file it named (ENOENT).`);
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
            return new errors/* LoginError */.Qd(`${call}: it refused the key it had just issued, ${error.summary}. Run the job again; if it persists, restart the Arc agent (himds).`);
        }
        if (status === 400) {
            return new errors/* LoginError */.Qd(`${call}: it refused the request, ${error.summary}. Check azure-audience: it must be the Application ID URI of an ` +
                'Entra app or another resource Entra ID knows; and check that the server is connected (azcmagent show).');
        }
        return this.keptFailing(error) ?? new errors/* LoginError */.Qd(`${call}: it answered ${error.summary}.`);
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
        return { found: true, how: found.how, build: () => (0,azure_endpoint/* azureSource */.tQ)('arc', new ArcSource(found, env, request.test.arcTokenDir), resource) };
    },
    selectors: { refused: "Azure Arc offers the machine's system-assigned identity only." },
    doctorName: 'azure-arc-runners',
    advice: azure_endpoint/* azureAdvice */.OE,
    environment: ['IDENTITY_ENDPOINT', 'IMDS_ENDPOINT', 'ProgramFiles', 'ProgramData']
};

// EXTERNAL MODULE: ./src/core/sources/azure-devops-oidc.ts
var azure_devops_oidc = __webpack_require__(9573);
// EXTERNAL MODULE: ./src/core/jwt.ts
var jwt = __webpack_require__(3622);
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
        const url = (0,net_url/* endpointFromEnvironment */.TR)(env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '', 'ACTIONS_ID_TOKEN_REQUEST_URL');
        this.endpoint = `${url.origin}${url.pathname}`;
        this.requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN?.trim() || undefined;
    }
    async getToken(context) {
        const call = `Could not get GitHub's OIDC token (audience ${this.audience})`;
        const ask = context.platform?.githubIdToken;
        if (!ask) {
            throw new errors/* LoginError */.Qd(`${call}: only the GitHub Action can ask for it. Use the action (uses: \u2026/chainguard-azure-login) in the workflow, ` +
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
            throw new errors/* LoginError */.Qd(`${call}: ${(0,core_text/* clip */.$Q)((0,errors/* messageOf */.bD)(error), 300, [this.requestToken])}. Check that the job has "permissions: id-token: write".`);
        }
        if (typeof token !== 'string' || !token)
            throw new errors/* LoginError */.Qd(`${call}: the runner returned no token.`);
        context.mask(token);
        const claims = (0,jwt/* decodeClaims */.Yq)(token);
        if (!claims)
            throw new errors/* LoginError */.Qd(`${call}: what the runner returned is not a JWT.`);
        return { token, expiresAt: (0,jwt/* expiryOf */.p1)(claims) };
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

// EXTERNAL MODULE: ./src/core/net/failure.ts
var failure = __webpack_require__(1545);
// EXTERNAL MODULE: ./src/core/net/retry.ts
var retry = __webpack_require__(7161);
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
    if (error instanceof failure/* HttpFailure */.H && error.kind === 'timeout') {
        silence.since ??= silence.attemptStart;
        silence.attempts++;
        const delay = (0,retry/* backoffMs */.jo)(attempt, 1_000, 4_000, clock.random);
        return elapsed - silence.since + delay + ATTEMPT_TIMEOUT_MS <= SILENT_BUDGET_MS ? delay : undefined;
    }
    silence.since = undefined;
    silence.attempts = 0;
    if (error instanceof token_endpoint/* ServiceStatus */.Ek && error.response.status === 410) {
        if (elapsed >= UPDATING_BUDGET_MS)
            return undefined;
        return Math.min((0,retry/* backoffMs */.jo)(attempt, 1_000, 10_000, clock.random), UPDATING_BUDGET_MS - elapsed + 1);
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
            response = await (0,token_endpoint/* callEndpoint */.cv)({
                label: 'IMDS',
                rules: azure_endpoint/* IMDS_RETRIES */.ZJ,
                attempt: () => {
                    silence.attemptStart = context.clock.now() - begin;
                    return this.attempt(url, context);
                },
                retry: (error, attempt, elapsed) => imdsRetry(error, attempt, elapsed, context.clock, silence)
            }, context);
        }
        catch (error) {
            throw (0,token_endpoint/* abortedAs */.Wi)(error, context) ?? this.explain(error, silence.attempts);
        }
        return (0,token_endpoint/* accessTokenFrom */.ii)(response, context, this.call(), 'Something other than the Azure metadata service answered: check AZURE_POD_IDENTITY_AUTHORITY_HOST and any ' +
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
        if (error instanceof failure/* HttpFailure */.H && error.kind === 'timeout') {
            return new errors/* LoginError */.Qd(`${call}: it accepted the connection but sent no answer within ${SILENT_BUDGET_MS / 1000} s ` +
                `(${silentAttempts} ${silentAttempts === 1 ? 'attempt' : 'attempts'}). The Azure metadata service answers within ` +
                'milliseconds even when busy, so something else is holding the connection: check firewalls, proxies or ' +
                'security software on this machine, and AZURE_POD_IDENTITY_AUTHORITY_HOST.');
        }
        if (error instanceof failure/* HttpFailure */.H) {
            return (0,token_endpoint/* explainNetworkFailure */.eA)(call, error, 'This machine has no Azure managed identity endpoint: it is not an Azure VM or scale set instance, or a firewall ' +
                'or route blocks the metadata address. Run the step on an Azure machine with a managed identity (or point ' +
                'AZURE_POD_IDENTITY_AUTHORITY_HOST at your endpoint).');
        }
        if (error instanceof token_endpoint/* ServiceStatus */.Ek)
            return this.refusal(error);
        return error instanceof Error ? error : new Error(String(error));
    }
    refusal(error) {
        const call = this.call();
        const status = error.response.status;
        const audienceHint = 'If the identity is right, check azure-audience: it must be the Application ID URI of an Entra app ' +
            '(api://<app-client-id>) or another resource Entra ID knows.';
        if (status === 400 && this.selector) {
            return new errors/* LoginError */.Qd(`${call}: IMDS refused the request, ${error.summary}. The managed identity selected by ` +
                `${this.selector.inputLabel} (${this.selector.value}) is not assigned to this machine: assign it to the VM ` +
                `or scale set, or correct ${this.selector.inputLabel}. ${audienceHint}`);
        }
        if (status === 400) {
            return new errors/* LoginError */.Qd(`${call}: IMDS refused the request, ${error.summary}. Either this machine has no system-assigned managed ` +
                'identity, or it has several user-assigned identities and IMDS cannot choose one: set exactly one of ' +
                `${this.allSelectorInputs.join(', ')}, or enable the system-assigned identity. ${audienceHint}`);
        }
        if (status === 410)
            return new errors/* LoginError */.Qd(`${call}: IMDS was still updating (${error.summary}) after more than 70 s. Try again shortly.`);
        if (status === 404 || status === 429 || status >= 500) {
            return new errors/* LoginError */.Qd(`${call}: IMDS kept failing (last answer ${error.summary}) after ${azure_endpoint/* IMDS_RETRIES */.ZJ.retries + 1} attempts. Try again shortly.`);
        }
        if (status >= 300 && status < 400) {
            return new errors/* LoginError */.Qd(`${call}: it answered with a redirect (${error.summary}), which the metadata service never sends; something else answered.`);
        }
        return new errors/* LoginError */.Qd(`${call}: IMDS answered ${error.summary}.`);
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
            build: () => (0,azure_endpoint/* azureSource */.tQ)('imds', new ImdsSource(inputs.selector, selectorLabels, imdsBase(request.env)), inputs.azureResource)
        };
    },
    selectors: 'any',
    doctorName: 'azure-vm-runners',
    advice: azure_endpoint/* azureAdvice */.OE,
    environment: ['AZURE_POD_IDENTITY_AUTHORITY_HOST']
};

// EXTERNAL MODULE: ./src/core/shell.ts
var shell = __webpack_require__(6673);
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
        throw new errors/* LoginError */.Qd(`The token file ${file} (${label}) ${why}.`);
    };
    let read;
    try {
        read = (0,atomic/* readRegularFile */.XF)(file, { maxBytes: MAX_TOKEN_BYTES });
    }
    catch (error) {
        if (error instanceof atomic/* NotRegularFile */.k1)
            return fail('is not a regular file');
        if (error instanceof atomic/* FileTooLarge */.Sv)
            return fail(`is ${error.size} bytes long; an OIDC token is a few kilobytes`);
        const code = error.code;
        return fail(code === 'EACCES' || code === 'EPERM' ? 'cannot be read by the user running the step' : `cannot be opened (${code ?? 'error'})`);
    }
    if (read === undefined)
        return fail("does not exist. In Kubernetes, check the pod's projected service-account token volume and its mount path");
    const text = read.trim();
    if (!text)
        throw new errors/* LoginError */.Qd(`The token file ${file} (${label}) is empty; the kubelet or your CI writes the token there.`);
    context.mask(text);
    if (!(0,jwt/* decodeClaims */.Yq)(text)) {
        throw new errors/* LoginError */.Qd(`The token file ${file} (${label}) does not hold a JWT (three base64url parts with a JSON payload); its contents are not shown.`);
    }
    return text;
}
/** Refuses a token whose `exp` has passed, saying when, and what rotates it. */
function checkNotExpired(token, file, label, now) {
    const claims = (0,jwt/* decodeClaims */.Yq)(token);
    const expiry = (0,jwt/* expiryOf */.p1)(claims);
    if (expiry && expiry.getTime() <= now) {
        throw new errors/* LoginError */.Qd(`The token in ${file} (${label}) expired at ${expiry.toISOString()} (issuer "${(0,jwt/* claimText */.Q1)(claims, 'iss')}"). ` +
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
        return { token, expiresAt: (0,jwt/* expiryOf */.p1)((0,jwt/* decodeClaims */.Yq)(token)) };
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
        `  chainctl iam identities create ${DOCTOR_NAME}${parent ? ` --parent=${(0,shell/* shellWord */.r7)(parent)}` : ''} --identity-issuer=${(0,shell/* shellArg */.JP)(iss, '<issuer URL>', shell/* isIssuerUrl */.nu)} ` +
            `--issuer-keys="$(kubectl get --raw /openid/v1/jwks)" --subject=${(0,shell/* shellArg */.JP)(sub, '<subject>')} --role=registry.pull`,
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

// EXTERNAL MODULE: ./src/core/inputs/checks.ts
var checks = __webpack_require__(9524);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
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
    const body = (0,json/* jsonObject */.o$)(error.response.body);
    const codes = body?.error_codes;
    if (Array.isArray(codes) && (typeof codes[0] === 'number' || typeof codes[0] === 'string'))
        return String(codes[0]);
    return /AADSTS(\d+)/.exec(error.description)?.[1];
}
class WorkloadIdentitySource extends azure_endpoint/* AzureEndpointSource */.QF {
    environment;
    name = 'Entra ID (workload identity)';
    endpoint;
    label = 'Entra ID';
    rules = azure_endpoint/* TOKEN_SERVICE_RETRIES */.B$;
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
        if (!checks/* GUID */.Sm.test(this.clientId))
            throw new errors/* LoginError */.Qd(`${this.clientIdFrom} must be the client ID (a GUID) of the managed identity or app registration.`);
        if (!TENANT.test(environment.tenantId))
            throw new errors/* LoginError */.Qd('AZURE_TENANT_ID must be a tenant ID (a GUID) or a tenant domain name.');
        const authority = (0,net_url/* endpointFromEnvironment */.TR)(environment.authority, 'AZURE_AUTHORITY_HOST');
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
        return (0,azure_endpoint/* tokenRequest */.jE)(context, { url: this.url, method: 'POST', headers, body, secrets: [this.assertion], route: (0,net_url/* routeOf */.Lu)(this.url) }, workload_identity_LIMITS);
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
        const claims = (0,jwt/* decodeClaims */.Yq)(this.assertion);
        const presented = `issuer "${(0,jwt/* claimText */.Q1)(claims, 'iss')}", subject "${(0,jwt/* claimText */.Q1)(claims, 'sub')}", audience "${(0,jwt/* claimText */.Q1)(claims, 'aud')}"`;
        if (code && /^70021\d*$/.test(code))
            return this.noFederatedCredential(call, said, presented);
        const explained = this.knownCode(code, call, said, presented, resource);
        if (explained)
            return explained;
        return this.keptFailing(error, 'Entra ID') ?? new errors/* LoginError */.Qd(`${call}: ${error.summary}.`);
    }
    /** AADSTS700213 and its kin: the fix is a federated credential matching the token, as a command to paste. */
    noFederatedCredential(call, said, presented) {
        const claims = (0,jwt/* decodeClaims */.Yq)(this.assertion);
        const claim = (name) => (typeof claims?.[name] === 'string' ? claims[name] : undefined);
        const iss = (0,shell/* shellArg */.JP)(claim('iss'), '<issuer URL of the cluster>', shell/* isIssuerUrl */.nu);
        const sub = (0,shell/* shellArg */.JP)(claim('sub'), '<subject of the service account token>');
        return new errors/* LoginError */.Qd(`${call}: ${said}: no federated credential on the identity ${this.clientId} (${this.clientIdFrom}) matches the ` +
            `service account token in AZURE_FEDERATED_TOKEN_FILE (${presented}). Add one that matches exactly ` +
            '(the comparison is case-sensitive):\n' +
            `  az identity federated-credential create --name chainguard-login --identity-name <managed identity name> --resource-group <group> --issuer ${iss} --subject ${sub} --audience api://AzureADTokenExchange\n` +
            `For an app registration, give the same issuer, subject and audience to az ad app federated-credential create --id ${(0,shell/* shellWord */.r7)(this.clientId)}. ` +
            `The pod's service account must carry the annotation azure.workload.identity/client-id: ${this.clientId}.`);
    }
    /** The AADSTS codes with a known cause. */
    knownCode(code, call, said, presented, resource) {
        switch (code) {
            case '700024':
                return new errors/* LoginError */.Qd(`${call}: ${said}: the service account token is outside its validity period (${presented}); the kubelet refreshes it while the pod runs, so check the projected volume and this machine's clock.`);
            case '700016':
                return new errors/* LoginError */.Qd(`${call}: ${said}: no application or managed identity with client ID ${this.clientId} exists in tenant ${this.environment.tenantId}. Check ${this.clientIdFrom} and AZURE_TENANT_ID.`);
            case '90002':
                return new errors/* LoginError */.Qd(`${call}: ${said}: tenant ${this.environment.tenantId} was not found. Check AZURE_TENANT_ID.`);
            case '500011':
            case '70011':
                return new errors/* LoginError */.Qd(`${call}: ${said}: Entra ID knows no resource "${resource}" in this tenant. Check azure-audience: it must be the Application ID URI (api://<app-client-id>) of an Entra app.`);
            case '50027':
            case '50013':
            case '5002738':
                return new errors/* LoginError */.Qd(`${call}: ${said}: Entra ID could not verify the service account token (${presented}). The federated credential's ` +
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
            build: () => (0,azure_endpoint/* azureSource */.tQ)('workload-identity', new WorkloadIdentitySource(found, selector), request.inputs.azureResource)
        };
    },
    selectors: 'client-id',
    doctorName: 'aks-workload-identity',
    advice: azure_endpoint/* azureAdvice */.OE,
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
    azure_devops_oidc/* azureDevOpsOidcSource */.XV
];
/** The source table's entry for `kind`. */
function sourceDefinition(kind) {
    return SOURCES.find((source) => source.kind === kind);
}
/** Whether `kind` asks Azure for a token (and so can log in to ACR, and needs azure-audience). */
function isAzureSource(kind) {
    return sourceDefinition(kind).azure;
}
/** Picks the source, or throws an InputError / LoginError naming what to set. */
function selectSource(request) {
    const { definition, selection } = request.inputs.identitySource === 'auto' ? autoSelect(request) : explicitSelect(request);
    refuseInapplicable(definition, request, selection.reason);
    return selection;
}
function explicitSelect(request) {
    const { inputs, label } = request;
    const definition = sourceDefinition(inputs.identitySource);
    const kind = definition.kind;
    if (definition.azure && !inputs.azureResource) {
        throw new errors/* InputError */.dz('azure-audience', `Input ${label('azure-audience')} is required with ${label('identity-source')} ${kind}: the Application ID URI of the Entra app ` +
            'the Chainguard identity trusts, e.g. api://<app-client-id>.');
    }
    const detection = definition.detect(request, true);
    if (!detection.found) {
        if (detection.required)
            throw new errors/* InputError */.dz(detection.required.input, detection.required.message);
        throw new errors/* LoginError */.Qd(`${label('identity-source')} is ${kind}, but ${detection.why}`);
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
    throw new errors/* InputError */.dz('azure-audience', lookedFor(request));
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
        throw new errors/* InputError */.dz(name, `Input ${label(name)} cannot be used here: ${chosen}, and ${definition.refusals?.[name] ?? why} Remove it, or choose another ${label('identity-source')}.`);
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
const SECRET_ENVIRONMENT = [...new Set(SOURCES.flatMap((source) => source.secretEnvironment ?? []))];


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
