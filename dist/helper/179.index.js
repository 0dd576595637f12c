export const id = 179;
export const ids = [179];
export const modules = {

/***/ 9179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SECRET_ENVIRONMENT: () => (/* reexport */ credential_helper/* SECRET_ENVIRONMENT */.tB),
  SOURCE_ENVIRONMENT: () => (/* binding */ SOURCE_ENVIRONMENT),
  bypassesProxy: () => (/* binding */ bypassesProxy),
  defaultRefresh: () => (/* binding */ defaultRefresh),
  describeSource: () => (/* binding */ describeSource),
  helperConfigFor: () => (/* binding */ helperConfigFor),
  labelsOf: () => (/* binding */ labelsOf),
  networkSettingsFrom: () => (/* binding */ networkSettingsFrom),
  sendThrough: () => (/* binding */ sendThrough),
  sourceFromDescription: () => (/* binding */ sourceFromDescription)
});

// EXTERNAL MODULE: ./src/core/credential-helper.ts + 1 modules
var credential_helper = __webpack_require__(7751);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/core/jwt.ts
/**
 * Reads the claims of a JWT for messages and expiry. Never verifies a signature (the services
 * do that) and never logs the token itself.
 */
/** The token's claims, or undefined when it is not a three-part JWT with a JSON payload. */
function jwt_decodeClaims(token) {
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
function jwt_claimText(claims, name) {
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

// EXTERNAL MODULE: ./src/core/loopback.ts
var loopback = __webpack_require__(3782);
;// CONCATENATED MODULE: ./src/core/shell.ts
/**
 * The one quoter for every value interpolated into a command printed for a user to paste (az,
 * chainctl, kubectl, …). Such values come from tokens (claims an attacker may choose: a branch
 * name lands in a CI token's subject) and must reach the program as exactly one argument, with
 * nothing in them run by the shell, even after `neutralise` has made the message inert for the
 * runner. A value that is not the shape the command needs becomes a placeholder instead.
 */
/** Characters that never need quoting in a POSIX shell word. */
const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Characters `neutralise` would turn into spaces (so the value could not be pasted as it is). */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A value as one POSIX shell word with the same value: bare when safe, else single-quoted. The
 * word holds no `::` or `##`, into which `neutralise` would insert a word joiner and so change
 * the argument: between two such characters the quotes are closed and reopened (`'a:'':b'`).
 */
function shellWord(value) {
    if (BARE.test(value) && !value.includes('::'))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`.replace(/:(?=:)/g, ":''").replace(/#(?=#)/g, "#''");
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

;// CONCATENATED MODULE: ./src/core/retry.ts
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

;// CONCATENATED MODULE: ./src/core/sources/source.ts
/** The `identity-source` values: `auto`, or one source. */
const source_SOURCE_CHOICES = (/* unused pure expression or super */ null && (['auto', 'imds', 'app-service', 'arc', 'workload-identity', 'token-file', 'github', 'azure-devops']));
/** The sources that ask Azure for a token for `azure-audience`. */
const AZURE_SOURCES = ['workload-identity', 'app-service', 'arc', 'imds'];
/** Anything that starts like a JWT (`eyJ`: base64url of `{"`), up to three base64url parts. */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){0,2}/g;
const REDACTED = '[redacted]';
/**
 * Removes secrets from text a service sent, before it goes into any message: each of `secrets`
 * (what the request carried: a header, a key, the token presented; as sent or encoded) and
 * anything shaped like a JWT, whole or cut short.
 */
function redact(text, secrets = []) {
    let result = text;
    for (const secret of secrets) {
        if (!secret || secret.length < 8)
            continue;
        // As sent, and as a service may quote it back: form- or URL-encoded, or escaped in JSON.
        const forms = new Set([
            secret,
            encodeURIComponent(secret),
            new URLSearchParams({ s: secret }).toString().slice(2),
            JSON.stringify(secret).slice(1, -1)
        ]);
        for (const form of [...forms].sort((a, b) => b.length - a.length))
            result = result.split(form).join(REDACTED);
    }
    return result.replace(JWT_LIKE, REDACTED);
}
/**
 * Text from a service, made fit for a message: secrets removed (see redact), then one line,
 * printable, at most `max` characters. Every piece of service text that reaches a message goes
 * through here.
 */
function source_clip(text, max = 300, secrets = []) {
    // eslint-disable-next-line no-control-regex
    const oneLine = redact(text, secrets)
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim();
    return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

;// CONCATENATED MODULE: ./src/core/exchange/acr.ts
/**
 * Azure Container Registry: turns an Entra token for `https://containerregistry.azure.net`
 * into an ACR refresh token (`POST https://<login server>/oauth2/exchange`), which docker
 * presents as the password of the null-GUID user. The refresh token lives about three hours.
 */







/** The resource (audience) to ask of the Azure source for an ACR exchange. */
const ACR_RESOURCE = 'https://containerregistry.azure.net';
/** Docker's user name for an ACR refresh token. */
const ACR_USERNAME = '00000000-0000-0000-0000-000000000000';
/** Login-server suffixes: Azure's public cloud, Azure China, Azure US Government. */
const ACR_SUFFIXES = ['azurecr.io', 'azurecr.cn', 'azurecr.us'];
/** How long a refresh token lives when the answer does not say (Microsoft: renew every 3 hours). */
const DEFAULT_LIFETIME_MS = 3 * 60 * 60 * 1000;
const CONNECT_TIMEOUT_MS = 10_000;
const ATTEMPT_TIMEOUT_MS = 30_000;
const MAX_BODY_BYTES = 64 * 1024;
/** 429 and 5xx are retried this many times. */
const MAX_RETRIES = 4;
const MAX_RETRY_AFTER_MS = 30_000;
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
    throw new InputError(INPUT, `Input ${inputLabel} names "${shown(raw.trim())}", which is not an Azure Container Registry login server: give <registry name>.azurecr.io ` +
        '(.azurecr.cn in Azure China, .azurecr.us in Azure US Government), as az acr show --name <registry> --query loginServer prints it.');
}
/** Splits a list of login servers (commas, spaces or new lines), checks each, drops repeats. */
function acr_parseAcrLoginServers(raw, inputLabel, testLoopback = false) {
    const servers = raw
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((item) => parseAcrLoginServer(item, inputLabel, testLoopback));
    return [...new Set(servers)];
}
/** The base URL of a login server: https, or http for a loopback `host:port` (accepted only under the test-only setting). */
function acrBaseUrl(loginServer) {
    const url = new URL(`https://${loginServer}`);
    if (url.port && (0,loopback/* isLoopback */.U9)(url.hostname))
        return new URL(`http://${loginServer}`);
    return url;
}
class AcrStatus extends Error {
    response;
    summary;
    constructor(response, summary) {
        super(summary);
        this.response = response;
        this.summary = summary;
    }
}
/** Exchanges an Azure token for an ACR refresh token for `loginServer`. */
async function exchangeAtAcr(request, context) {
    const url = new URL('/oauth2/exchange', acrBaseUrl(request.loginServer));
    const call = `Could not log in to the Azure Container Registry ${request.loginServer} (POST ${url.origin}${url.pathname})`;
    const azureToken = await request.azureToken();
    const claims = jwt_decodeClaims(azureToken);
    const form = new URLSearchParams({ grant_type: 'access_token', service: request.loginServer });
    const tenant = typeof claims?.tid === 'string' ? claims.tid : undefined;
    if (tenant)
        form.set('tenant', tenant);
    form.set('access_token', azureToken);
    const body = form.toString();
    context.debug(`Exchanging the Azure token at ${url.origin}${url.pathname}${tenant ? ` for tenant ${tenant}` : ''}`);
    let response;
    try {
        response = await retrying({
            clock: context.clock,
            signal: context.signal,
            run: () => attempt(url, body, azureToken, context),
            retryAfter: (error, n) => retryDelay(error, n, context),
            onRetry: (error, n, delay) => context.debug(`ACR exchange attempt ${n} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`)
        });
    }
    catch (error) {
        if (context.signal?.aborted)
            throw error;
        throw explain(error, call, request, claims);
    }
    const parsed = (0,http/* jsonObject */.o$)(response.body);
    const refreshToken = parsed?.refresh_token;
    if (typeof refreshToken !== 'string' || refreshToken.length === 0) {
        if (parsed)
            for (const value of Object.values(parsed))
                if (typeof value === 'string' && value.length > 20)
                    context.mask(value);
        const what = parsed ? 'JSON without a refresh_token' : 'not JSON';
        throw new errors/* LoginError */.Qd(`${call}: it answered 200 with a body that is ${what}. Check ${request.inputLabel}: it must name an Azure Container Registry login server.`);
    }
    context.mask(refreshToken);
    const now = context.clock.now();
    let expiresAt;
    try {
        expiresAt = issuedExpiry(jwt_decodeClaims(refreshToken), now, 'the refresh token it returned');
    }
    catch (error) {
        if (!(error instanceof ExpiryRefused))
            throw error;
        const clock = error.clock ? ", and this machine's clock" : '';
        throw new errors/* LoginError */.Qd(`${call}: ${error.message}. Check ${request.inputLabel}: it must name an Azure Container Registry login server${clock}.`);
    }
    return { username: ACR_USERNAME, password: refreshToken, expiresAt: expiresAt ?? new Date(now + DEFAULT_LIFETIME_MS) };
}
async function attempt(url, body, azureToken, context) {
    const response = await context.send({
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body,
        secrets: [azureToken],
        route: 'environment',
        connectTimeoutMs: CONNECT_TIMEOUT_MS,
        timeoutMs: ATTEMPT_TIMEOUT_MS,
        maxBodyBytes: MAX_BODY_BYTES,
        signal: context.signal
    });
    if (response.status === 200)
        return response;
    throw new AcrStatus(response, `HTTP ${response.status}${detailOf(response.body, response.secrets ?? [])}`);
}
/** ` CODE: message` from ACR's {"errors":[{code,message}]} (or an OAuth error), or '', redacted of `secrets`. */
function detailOf(body, secrets) {
    const parsed = (0,http/* jsonObject */.o$)(body);
    const first = Array.isArray(parsed?.errors) ? parsed.errors[0] : parsed;
    if (!first || typeof first !== 'object')
        return '';
    const code = typeof first.code === 'string' ? first.code : typeof first.error === 'string' ? first.error : '';
    const message = typeof first.message === 'string' ? first.message : typeof first.error_description === 'string' ? first.error_description : '';
    const text = [code, message].filter(Boolean).join(': ');
    return text ? ` ${source_clip(text, 300, secrets)}` : '';
}
function retryDelay(error, attempt, context) {
    if (attempt > MAX_RETRIES)
        return undefined;
    if (error instanceof http/* HttpFailure */.HR) {
        return error.kind === 'reset' || error.kind === 'timeout' ? backoffMs(attempt, 1_000, 8_000, context.clock.random) : undefined;
    }
    if (!(error instanceof AcrStatus))
        return undefined;
    const status = error.response.status;
    if (status !== 429 && status < 500)
        return undefined;
    const delay = backoffMs(attempt, 1_000, 8_000, context.clock.random);
    const asked = (0,http/* retryAfterMs */.Vs)(error.response.headers, context.clock.now());
    return asked === undefined ? delay : Math.max(delay, Math.min(asked, MAX_RETRY_AFTER_MS));
}
function explain(error, call, request, claims) {
    if (error instanceof http/* HttpFailure */.HR) {
        const settings = error.settings ?? 'the network (HTTPS_PROXY and NO_PROXY, behind a proxy)';
        const hint = error.kind === 'unreachable'
            ? `no registry answers at that name: check ${request.inputLabel}`
            : `check ${request.inputLabel} and ${settings}`;
        return new errors/* LoginError */.Qd(`${call}: ${error.message}; ${hint}.`);
    }
    if (!(error instanceof AcrStatus))
        return error instanceof Error ? error : new Error(String(error));
    const status = error.response.status;
    if (status === 401 || status === 403) {
        const oid = typeof claims?.oid === 'string' ? claims.oid : undefined;
        const principal = oid && isGuid(oid) ? oid : undefined;
        const assignee = shellArg(principal, '<principal-id of the managed identity>');
        const name = shellWord(request.loginServer.split('.')[0]);
        return new errors/* LoginError */.Qd(`${call}: ${error.summary}. The registry refused the Azure identity${principal ? ` (principal ${principal})` : ''}: it needs the AcrPull role on ` +
            'this registry (or, on a registry with repository permissions (ABAC), Container Registry Repository Reader). Grant it with:\n' +
            `  az role assignment create --assignee-object-id ${assignee} --assignee-principal-type ServicePrincipal --role AcrPull ` +
            `--scope "$(az acr show --name ${name} --query id --output tsv)"\n` +
            'Role assignments can take a few minutes to apply.');
    }
    if (status === 404) {
        return new errors/* LoginError */.Qd(`${call}: ${error.summary}. Nothing at that address exchanges Azure tokens: check that ${request.inputLabel} names an Azure Container Registry login server.`);
    }
    if (status === 429 || status >= 500) {
        return new errors/* LoginError */.Qd(`${call}: the registry kept failing (last answer ${error.summary}) after ${MAX_RETRIES + 1} attempts. Try again shortly.`);
    }
    return new errors/* LoginError */.Qd(`${call}: ${error.summary}.`);
}
/** A value as shown in a message: clipped, and never something that looks like a token. */
function shown(value) {
    if (/^eyJ/.test(value))
        return '(a value that looks like a token, not shown)';
    return clip(value, 80);
}

;// CONCATENATED MODULE: ./src/core/doctor.ts
/**
 * The setup doctor: from the token a runner presents (its claims, decoded, never the token),
 * the exact `chainctl` command and Terraform block that make Chainguard trust it, with advice for
 * the source it came from. Used when the STS refuses a token and by `diagnose`.
 */


/** A suggested identity name per source. */
const NAMES = {
    imds: 'azure-vm-runners',
    'app-service': 'azure-container-apps-runners',
    arc: 'azure-arc-runners',
    'workload-identity': 'aks-workload-identity',
    'token-file': 'kubernetes-ci',
    github: 'github-actions',
    'azure-devops': 'azure-pipelines'
};
const AZURE_KINDS = ['imds', 'app-service', 'arc', 'workload-identity'];
/** What a printed command shows for an issuer that is not a URL. */
const ISSUER_PLACEHOLDER = '<issuer URL>';
/** The claims that matter, for messages. */
function claimSummary(claims) {
    const aud = claims?.aud;
    // An identity matches one audience: take the first of a list.
    const first = Array.isArray(aud) ? aud.find((a) => typeof a === 'string') : aud;
    return {
        iss: jwt_claimText(claims, 'iss'),
        sub: jwt_claimText(claims, 'sub'),
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
/** The lines that tell a user how to make Chainguard trust the presented token. */
function trustLines(presented) {
    const { iss, sub, aud, exp } = claimSummary(jwt_decodeClaims(presented.token));
    if (iss === '(absent)' || sub === '(absent)') {
        return [
            `The ${presented.tokenName} has no ${iss === '(absent)' ? 'issuer (iss)' : 'subject (sub)'} claim, so no assumable identity can match it.`
        ];
    }
    const name = NAMES[presented.kind];
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
        ...advice(presented, { iss, sub, aud, name })
    ];
    if (exp && exp.getTime() <= presented.now) {
        lines.push(`Note: this token expired at ${exp.toISOString()}; a fresh one is needed whatever the identity.`);
    }
    return lines;
}
/** Advice that depends on where the token came from. */
function advice(presented, claims) {
    const { iss, sub, aud, name } = claims;
    const label = presented.label;
    if (AZURE_KINDS.includes(presented.kind)) {
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
    if (presented.kind === 'token-file') {
        const lines = [];
        const parent = parentOf(presented.identity);
        if (sub.startsWith('system:serviceaccount:')) {
            const keys = `${iss.replace(/\/$/, '')}/.well-known/openid-configuration`;
            const lead = looksPrivate(iss)
                ? `The issuer ${iss} does not look reachable from the internet, and Chainguard fetches its signing keys from ${keys}: ` +
                    "create a static identity with the cluster's keys instead"
                : `If the cluster's issuer is not reachable from the internet (Chainguard fetches its signing keys from ${keys}), ` +
                    "create a static identity with the cluster's keys instead";
            lines.push(`${lead} (register them again before they expire, at most 30 days):`, `  chainctl iam identities create ${name}${parent ? ` --parent=${shellWord(parent)}` : ''} --identity-issuer=${shellArg(iss, ISSUER_PLACEHOLDER, isIssuerUrl)} ` +
                `--issuer-keys="$(kubectl get --raw /openid/v1/jwks)" --subject=${shellArg(sub, '<subject>')} --role=registry.pull`, '  (Terraform: a static { issuer, issuer_keys, subject, expiration } block instead of claim_match.)');
            if (aud !== 'issuer.enforce.dev') {
                lines.push(`The token's audience is "${aud}"; Chainguard's Kubernetes guide projects it with audience issuer.enforce.dev (serviceAccountToken.audience).`);
            }
        }
        return lines;
    }
    if (presented.kind === 'github') {
        return [
            'The subject depends on what triggered the workflow (repo:<owner>/<repo>:ref:refs/heads/<branch>, …:pull_request, ' +
                `…:environment:<name>); to trust several, use --subject-pattern instead of --subject. The audience is ${label('oidc-audience')}.`
        ];
    }
    return [
        `Without ${label('azure-devops-service-connection')} the subject names this pipeline (p://<org>/<project>/<pipeline>); with it, ` +
            'the service connection (sc://<org>/<project>/<connection>). The audience is always api://AzureADTokenExchange.'
    ];
}
/** The advice appended to an STS 401/403: the claims presented, then how to trust them. */
function refusalAdvice(presented) {
    const claims = jwt_decodeClaims(presented.token);
    if (!claims)
        return `The ${presented.tokenName} could not be decoded, so its claims cannot be shown.`;
    const { iss, sub } = claimSummary(claims);
    const who = presented.identity ? `The identity ${presented.identity}` : 'The identity';
    const first = `${who} must match the ${presented.tokenName}'s claims: issuer "${iss}", subject "${sub}", audience "${jwt_claimText(claims, 'aud')}".`;
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

;// CONCATENATED MODULE: ./src/core/exchange/chainguard-sts.ts
/**
 * Chainguard's security token service: exchanges an OIDC token (here Azure's) for a token of
 * an assumable identity. Parameters travel form-encoded; a JSON body would be ignored.
 */






const chainguard_sts_CONNECT_TIMEOUT_MS = 10_000;
const chainguard_sts_ATTEMPT_TIMEOUT_MS = 30_000;
const chainguard_sts_MAX_BODY_BYTES = 256 * 1024;
const ATTEMPTS = 3;
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
    const tokenName = request.presented?.tokenName ?? 'Azure token';
    const call = `Could not exchange the ${tokenName} at Chainguard's STS (${url.origin}${url.pathname})`;
    context.debug(`Exchanging the ${tokenName} at ${url.origin}${url.pathname} for identity ${request.identity}, audience ${request.audience}`);
    let response;
    try {
        response = await retrying({
            clock: context.clock,
            signal: context.signal,
            run: () => chainguard_sts_attempt(url, body, request.subjectToken, context),
            retryAfter: (error, n) => {
                const transient = (error instanceof StsStatus && [502, 503, 504].includes(error.response.status)) ||
                    (error instanceof http/* HttpFailure */.HR && (error.kind === 'reset' || error.kind === 'refused'));
                return transient && n < ATTEMPTS ? backoffMs(n, 150, 1_000, context.clock.random) : undefined;
            },
            onRetry: (error, n, delay) => context.debug(`STS attempt ${n} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`)
        });
    }
    catch (error) {
        if (context.signal?.aborted)
            throw error;
        throw chainguard_sts_explain(error, call, request);
    }
    const parsed = (0,http/* jsonObject */.o$)(response.body);
    const token = parsed?.token;
    if (typeof token !== 'string' || token.length === 0) {
        const what = parsed ? 'JSON without a token' : 'not JSON';
        throw new errors/* LoginError */.Qd(`${call}: it answered 200 with a body that is ${what}. Check the issuer input: it must name Chainguard's STS.`);
    }
    context.mask(token);
    let expiresAt;
    try {
        expiresAt = issuedExpiry(jwt_decodeClaims(token), context.clock.now(), 'the token it returned');
    }
    catch (error) {
        if (!(error instanceof ExpiryRefused))
            throw error;
        const check = error.clock
            ? "the issuer input (it must name Chainguard's STS) and this machine's clock"
            : "the issuer input: it must name Chainguard's STS";
        throw new errors/* LoginError */.Qd(`${call}: ${error.message}. Check ${check}.`);
    }
    if (!expiresAt) {
        throw new errors/* LoginError */.Qd(`${call}: the token it returned is not a JWT with an expiry. Check the issuer input: it must name Chainguard's STS.`);
    }
    return { token, expiresAt };
}
async function chainguard_sts_attempt(url, body, subjectToken, context) {
    const response = await context.send({
        url,
        method: 'POST',
        headers: {
            Authorization: `Bearer ${subjectToken}`,
            'Content-Type': 'application/x-www-form-urlencoded',
            Accept: 'application/json'
        },
        body,
        secrets: [subjectToken],
        route: 'environment',
        connectTimeoutMs: chainguard_sts_CONNECT_TIMEOUT_MS,
        timeoutMs: chainguard_sts_ATTEMPT_TIMEOUT_MS,
        maxBodyBytes: chainguard_sts_MAX_BODY_BYTES,
        signal: context.signal
    });
    if (response.status === 200)
        return response;
    const parsed = (0,http/* jsonObject */.o$)(response.body);
    const grpc = typeof parsed?.code === 'number' ? (GRPC_CODES[parsed.code] ?? `code ${parsed.code}`) : '';
    const message = typeof parsed?.message === 'string' ? source_clip(parsed.message, 300, [subjectToken, ...(response.secrets ?? [])]) : '';
    throw new StsStatus(response, grpc, message);
}
function chainguard_sts_explain(error, call, request) {
    if (error instanceof http/* HttpFailure */.HR) {
        const check = error.settings
            ? `the issuer input and ${error.settings}`
            : 'the issuer input and, behind a proxy, HTTPS_PROXY and NO_PROXY';
        return new errors/* LoginError */.Qd(`${call}: ${error.message}. Check ${check}.`);
    }
    if (!(error instanceof StsStatus))
        return error instanceof Error ? error : new Error(String(error));
    const status = error.response.status;
    if (status === 401 || status === 403)
        return new errors/* LoginError */.Qd(`${call}: ${error.message}. ${claimsAdvice(request)}`);
    if (status === 400) {
        return new errors/* LoginError */.Qd(`${call}: ${error.message}. The STS refused the request's parameters: check ${request.identityInput} ` +
            `(an assumable identity's UIDP) and ${request.audienceInput}.`);
    }
    if (status === 404) {
        return new errors/* LoginError */.Qd(`${call}: ${error.message}. Check ${request.identityInput}: no assumable identity with that UIDP was found, ` +
            "or the issuer input does not name Chainguard's STS.");
    }
    if ([502, 503, 504].includes(status)) {
        return new errors/* LoginError */.Qd(`${call}: the STS stayed unavailable (${error.message}) after ${ATTEMPTS} attempts. Try again shortly.`);
    }
    return new errors/* LoginError */.Qd(`${call}: ${error.message}.`);
}
/**
 * Explains a refused token by its claims (decoded, never the token) and says how to make
 * Chainguard trust it: the setup doctor's `chainctl` command and Terraform block.
 */
function claimsAdvice(request) {
    return refusalAdvice({
        kind: request.presented?.kind ?? 'imds',
        tokenName: request.presented?.tokenName ?? 'Azure token',
        label: request.presented?.label ?? ((name) => name),
        token: request.subjectToken,
        identity: request.identity,
        now: Date.now()
    });
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/inputs.ts
/**
 * Reads and validates every input before any request is sent. Each refusal names the input as
 * the user writes it on their platform.
 */





/** The canonical input names (GitHub's spelling; Azure uses camelCase, the CLI `--name`). */
const INPUT_NAMES = [
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
    'timeout',
    'identity-source',
    'identity-token-file',
    'oidc-audience',
    'azure-devops-service-connection',
    'diagnose',
    'credential-helper',
    'acr-registries',
    'api-token'
];
const SELECTOR_INPUTS = [
    'managed-identity-client-id',
    'managed-identity-object-id',
    'managed-identity-resource-id'
];
const DEFAULT_REGISTRY = 'cgr.dev';
const DEFAULT_ISSUER = 'https://issuer.enforce.dev';
const DEFAULT_TIMEOUT_SECONDS = 120;
const DEFAULT_OIDC_AUDIENCE = 'issuer.enforce.dev';
/** The audience of a Chainguard API token. */
const API_AUDIENCE = 'https://console-api.enforce.dev';
const UIDP = /^[0-9a-f]{40}(\/[0-9a-f]{16})+$/;
const inputs_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_ID = /^\/subscriptions\/[0-9a-f-]{36}\/resourcegroups\/[-\w.()]{1,90}\/providers\/microsoft\.managedidentity\/userassignedidentities\/[-\w]{3,128}$/i;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const MAX_LENGTH = 2048;
/** Runner and agent commands begin with these; no input value ever needs one. */
const RUNNER_COMMAND = /##(vso)?\[/i;
/** Inputs that hold a URI or an audience: `#`, `[` and `]` never belong in them. */
const URI_INPUTS = new Set(['azure-audience', 'audience', 'issuer', 'oidc-audience']);
/**
 * Whether a URI or audience holds `#`, `[` or `]`, which none ever needs (a fragment, or a
 * bracket that could open a runner command). A bracketed IPv6 host right after the scheme is
 * the one exception, for an issuer on loopback such as http://[::1]:8080.
 */
function hasUriForbiddenCharacter(value) {
    return /[#[\]]/.test(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)\[[0-9a-f:.]+\]/i, '$1'));
}

/**
 * Reads every input; throws InputError naming the first one that is wrong. `env` is read only for
 * the test-only setting that admits loopback ACR login servers.
 */
function readInputs(reader, cwd = process.cwd(), env = {}) {
    const value = (name) => {
        const raw = reader.get(name) ?? '';
        const trimmed = raw.trim();
        if (CONTROL.test(trimmed)) {
            throw new InputError(name, `Input ${reader.label(name)} contains a control character or line break; give a single plain value.`);
        }
        if (RUNNER_COMMAND.test(trimmed)) {
            throw new InputError(name, `Input ${reader.label(name)} contains a runner or agent command marker ("##" and "["), which no value needs; give the plain value.`);
        }
        if (URI_INPUTS.has(name) && hasUriForbiddenCharacter(trimmed)) {
            throw new InputError(name, `Input ${reader.label(name)} contains "#", "[" or "]", which an audience or URL never needs here; remove them.`);
        }
        if (trimmed.length > MAX_LENGTH) {
            throw new InputError(name, `Input ${reader.label(name)} is ${trimmed.length} characters long; at most ${MAX_LENGTH} are accepted.`);
        }
        return trimmed;
    };
    const fail = (name, message) => {
        throw new InputError(name, `Input ${reader.label(name)} ${message}`);
    };
    const diagnose = readBoolean('diagnose', value('diagnose'), false, reader);
    const identity = value('identity');
    if (!identity && !diagnose)
        fail('identity', 'is required: the UIDP of the Chainguard assumable identity to assume (chainctl iam identities list).');
    if (identity && !UIDP.test(identity)) {
        fail('identity', `is not an assumable identity's UIDP ("${inputs_shown(identity)}"): expected 40 hex digits, then one or more "/" and 16 hex digits, in lower case.`);
    }
    // Required only by the Azure sources, which the source selection checks.
    const azureResource = value('azure-audience').replace(/\/\.default$/, '') || undefined;
    if (azureResource && !inputs_GUID.test(azureResource) && !isAbsoluteUri(azureResource)) {
        fail('azure-audience', `must be an Application ID URI such as api://<app-client-id> or a client ID (a GUID), not "${inputs_shown(azureResource)}".`);
    }
    const selectors = SELECTOR_INPUTS.map((name) => ({ name, value: value(name) })).filter((s) => s.value);
    if (selectors.length > 1) {
        const names = selectors.map((s) => reader.label(s.name)).join(' and ');
        throw new InputError(selectors[1].name, `Inputs ${names} are both set: choose the user-assigned identity with exactly one of them.`);
    }
    let selector;
    if (selectors.length === 1) {
        const { name, value: v } = selectors[0];
        const label = reader.label(name);
        if (name === 'managed-identity-resource-id') {
            if (!RESOURCE_ID.test(v)) {
                fail(name, `must be the ARM resource ID of a user-assigned identity, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>, not "${inputs_shown(v)}".`);
            }
            selector = { kind: 'resource-id', value: v, inputLabel: label };
        }
        else {
            if (!inputs_GUID.test(v))
                fail(name, `must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${inputs_shown(v)}".`);
            selector = { kind: name === 'managed-identity-client-id' ? 'client-id' : 'object-id', value: v.toLowerCase(), inputLabel: label };
        }
    }
    const registry = value('registry') || DEFAULT_REGISTRY;
    const registryProblem = checkRegistry(registry);
    if (registryProblem)
        fail('registry', `${registryProblem} ("${inputs_shown(registry)}"); give a host name such as cgr.dev, optionally with :port.`);
    const audience = value('audience') || registry;
    if (/\s/.test(audience))
        fail('audience', `must not contain spaces ("${inputs_shown(audience)}").`);
    const issuer = checkIssuer(value('issuer') || DEFAULT_ISSUER, (message) => fail('issuer', message));
    const dockerLogin = readBoolean('docker-login', value('docker-login'), true, reader);
    const logout = readBoolean('logout', value('logout'), true, reader);
    const dockerConfigRaw = value('docker-config');
    const dockerConfig = dockerConfigRaw ? path.resolve(cwd, expandHome(dockerConfigRaw)) : undefined;
    const timeoutRaw = value('timeout');
    let timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    if (timeoutRaw) {
        timeoutSeconds = Number(timeoutRaw);
        if (!/^\d+(\.\d+)?$/.test(timeoutRaw) || !(timeoutSeconds > 0) || timeoutSeconds > 3600) {
            fail('timeout', `must be a number of seconds between 1 and 3600, not "${inputs_shown(timeoutRaw)}".`);
        }
    }
    const sourceRaw = value('identity-source').toLowerCase() || 'auto';
    if (!SOURCE_CHOICES.includes(sourceRaw)) {
        fail('identity-source', `must be one of ${SOURCE_CHOICES.join(', ')}, not "${inputs_shown(sourceRaw)}".`);
    }
    const identitySource = sourceRaw;
    const tokenFileRaw = value('identity-token-file');
    const identityTokenFile = tokenFileRaw ? path.resolve(cwd, expandHome(tokenFileRaw)) : undefined;
    const oidcAudience = value('oidc-audience') || undefined;
    if (oidcAudience && /\s/.test(oidcAudience))
        fail('oidc-audience', `must not contain spaces ("${inputs_shown(oidcAudience)}").`);
    const azureDevOpsServiceConnection = value('azure-devops-service-connection').toLowerCase() || undefined;
    if (azureDevOpsServiceConnection && !inputs_GUID.test(azureDevOpsServiceConnection)) {
        fail('azure-devops-service-connection', `must be the service connection's ID (a GUID, shown in its URL as resourceId), not "${inputs_shown(azureDevOpsServiceConnection)}".`);
    }
    const credentialHelper = readBoolean('credential-helper', value('credential-helper'), true, reader);
    const apiToken = readBoolean('api-token', value('api-token'), false, reader);
    // A list: one server a line is allowed, as YAML block scalars give it.
    const acrRaw = reader.get('acr-registries') ?? '';
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/.test(acrRaw) ||
        RUNNER_COMMAND.test(acrRaw) ||
        acrRaw.length > MAX_LENGTH * 8) {
        fail('acr-registries', 'must be login servers separated by commas, spaces or new lines, such as myregistry.azurecr.io.');
    }
    const acrRegistries = parseAcrLoginServers(acrRaw, reader.label('acr-registries'), testLoopbackEndpoints(env));
    return {
        identity,
        azureResource,
        selector,
        registry,
        audience,
        issuer,
        dockerLogin,
        dockerConfig,
        logout,
        timeoutSeconds,
        identitySource,
        identityTokenFile,
        oidcAudience,
        azureDevOpsServiceConnection,
        diagnose,
        credentialHelper,
        acrRegistries,
        apiToken
    };
}
function readBoolean(name, raw, fallback, reader) {
    if (!raw)
        return fallback;
    if (/^true$/i.test(raw))
        return true;
    if (/^false$/i.test(raw))
        return false;
    throw new InputError(name, `Input ${reader.label(name)} must be true or false, not "${inputs_shown(raw)}".`);
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
        return fail(`must be an https URL such as ${DEFAULT_ISSUER}, not "${inputs_shown(raw)}".`);
    }
    if (url.username || url.password)
        fail('must not carry credentials.');
    if (url.search || url.hash)
        fail('must not have a query or fragment.');
    if (url.protocol === 'http:') {
        if (!isLoopback(url.hostname))
            fail(`must use https; plain http is accepted only for loopback addresses, not "${inputs_shown(raw)}".`);
    }
    else if (url.protocol !== 'https:') {
        fail(`must be an https URL, not "${inputs_shown(raw)}".`);
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
function expandHome(p) {
    if (p === '~' || p.startsWith('~/'))
        return path.join(process.env.HOME ?? '', p.slice(1));
    return p;
}
/** A value as shown in a message: clipped, so a pasted token or a huge value stays out of logs. */
function inputs_shown(value) {
    if (/^eyJ/.test(value))
        return '(a value that looks like a token, not shown)';
    return value.length > 80 ? `${value.slice(0, 40)}…` : value;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/files.ts
var files = __webpack_require__(9928);
;// CONCATENATED MODULE: ./src/core/sources/http-source.ts
/**
 * What the sources that ask an HTTP endpoint share, following the conventions IMDS set: endpoints
 * taken from the environment are checked (https, or plain http only on loopback), answers that
 * are not a token become a `ServiceStatus`, retries follow the provider's documented policy with
 * `Retry-After` honoured, and every failure is explained in one message that names the call.
 */





/** A complete HTTP answer that is not a token. */
class ServiceStatus extends Error {
    response;
    summary;
    code;
    description;
    constructor(response, 
    /** "HTTP 400 (invalid_request: …)", for messages. */
    summary, 
    /** The service's error code (`error`, or `code`), when it gave one. */
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
/**
 * Reads an error answer: OAuth's `{error, error_description}`, or `{message}` / `{Message}`. Every
 * piece quoted is clipped and redacted of what the request carried (`response.secrets`).
 */
function serviceStatus(response) {
    const body = (0,http/* jsonObject */.o$)(response.body);
    const secrets = response.secrets ?? [];
    const text = (value) => (typeof value === 'string' ? value : '');
    const code = source_clip(text(body?.error) || text(body?.code), 100, secrets);
    const description = source_clip(text(body?.error_description) || text(body?.message) || text(body?.Message), 300, secrets);
    const detail = [code, description].filter(Boolean).join(': ');
    return new ServiceStatus(response, `HTTP ${response.status}${detail ? ` (${detail})` : ''}`, code, description);
}
/**
 * Microsoft's SDKs for the managed-identity endpoints other than IMDS (App Service, Arc):
 * 404, 408, 429 and 5xx, three retries, `Retry-After` honoured.
 */
const MANAGED_IDENTITY_RETRIES = {
    statuses: [404, 408, 429, 500, 502, 503, 504],
    retries: 3,
    baseMs: 1_000,
    capMs: 8_000
};
/** Token services on the internet (Entra ID, Azure DevOps): throttling and server errors only. */
const TOKEN_SERVICE_RETRIES = { statuses: [408, 429, 500, 502, 503, 504], retries: 3, baseMs: 1_000, capMs: 8_000 };
const http_source_MAX_RETRY_AFTER_MS = 60_000;
/** The delay before another attempt under `policy`, or undefined to give up. */
function http_source_retryDelay(policy, error, attempt, context) {
    const { clock } = context;
    if (error instanceof http/* HttpFailure */.HR) {
        // A connection that opened and then stalled or broke is worth another try; one that never
        // opened means there is no endpoint there, and waiting will not change that.
        const transient = error.kind === 'timeout' || error.kind === 'reset';
        return transient && attempt <= 2 ? backoffMs(attempt, 1_000, 4_000, clock.random) : undefined;
    }
    if (!(error instanceof ServiceStatus))
        return undefined;
    const status = error.response.status;
    if (!policy.statuses.includes(status) || attempt > policy.retries)
        return undefined;
    let delay = backoffMs(attempt, policy.baseMs, policy.capMs, clock.random);
    const asked = (0,http/* retryAfterMs */.Vs)(error.response.headers, clock.now());
    if (asked !== undefined)
        delay = Math.max(delay, Math.min(asked, http_source_MAX_RETRY_AFTER_MS));
    if (status >= 500)
        delay = Math.max(delay, 1_000);
    return delay;
}
/** Runs `attempt` under `policy`, with a debug line before each retry. */
function withRetries(policy, label, context, attempt) {
    return retrying({
        clock: context.clock,
        signal: context.signal,
        run: attempt,
        retryAfter: (error, n) => http_source_retryDelay(policy, error, n, context),
        onRetry: (error, n, delay) => context.debug(`${label} attempt ${n} failed (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`)
    });
}
/** Throws a ServiceStatus unless the answer's status is one of `ok`. */
function expectStatus(response, ok = [200]) {
    if (ok.includes(response.status))
        return response;
    throw serviceStatus(response);
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
            return new errors/* LoginError */.Qd(`${call}: ${error.message}. ${absent}`);
        case 'too-large':
            return new errors/* LoginError */.Qd(`${call}: ${error.message}; a token response is a few kilobytes, so something else answered.`);
        default:
            return new errors/* LoginError */.Qd(`${call}: ${error.message}.`);
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
    const body = (0,http/* jsonObject */.o$)(response.body);
    const token = body?.access_token;
    if (typeof token !== 'string' || token.length === 0) {
        maskLongValues(body, context);
        const what = body ? 'JSON without an access_token' : 'not JSON';
        throw new errors/* LoginError */.Qd(`${call}: it answered ${response.status} with a body that is ${what}. ${elsewhere}`);
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
        throw new errors/* LoginError */.Qd(`${variable} is not a URL; it is set by the platform, so check what overrides it in this job.`);
    }
    if (url.username || url.password)
        throw new errors/* LoginError */.Qd(`${variable} must not carry credentials.`);
    if (url.hash)
        throw new errors/* LoginError */.Qd(`${variable} must not have a fragment.`);
    if (url.protocol === 'http:') {
        if (!(0,loopback/* isLoopback */.U9)(url.hostname)) {
            throw new errors/* LoginError */.Qd(`${variable} (${url.origin}) uses plain http off this machine; only https, or http on a loopback address, is accepted. ` +
                `Check what sets ${variable} in this job.`);
        }
    }
    else if (url.protocol !== 'https:') {
        throw new errors/* LoginError */.Qd(`${variable} must be an https URL (or http on a loopback address), not ${url.protocol}.`);
    }
    return url;
}
/** Endpoints on this machine are reached directly; anything else follows the proxy settings. */
function routeFor(url) {
    return (0,loopback/* isLoopback */.U9)(url.hostname) ? 'direct' : 'environment';
}

;// CONCATENATED MODULE: ./src/core/sources/arc.ts
/**
 * Azure Arc-enabled servers (on premises or in other clouds): the Arc agent's identity endpoint
 * on this machine. It answers a first request with 401 and `WWW-Authenticate: Basic realm=<file>`;
 * the file, readable only by members of the `himds` group, holds a one-time key that the second
 * request presents. The file is read only when it is a regular file directly in the agent's token
 * directory, named `*.key`, at most 4096 bytes; any other realm is refused and nothing is read or
 * sent. Arc offers the machine's system-assigned identity only.
 */







const API_VERSION = '2019-11-01';
const ARC_DEFAULT_ENDPOINT = 'http://localhost:40342/metadata/identity/oauth2/token';
const arc_CONNECT_TIMEOUT_MS = 2_000;
const arc_ATTEMPT_TIMEOUT_MS = 20_000;
const arc_MAX_BODY_BYTES = 64 * 1024;
const MAX_KEY_BYTES = 4096;
/**
 * For the project's tests only: the token directory the realm must lie in, since tests cannot
 * create the agent's own directory. The step warns whenever it is set.
 */
const TEST_TOKEN_DIR_VARIABLE = 'CHAINGUARD_LOGIN_TEST_ARC_TOKEN_DIR';
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
class ArcSource {
    name = "the Azure Arc agent's identity endpoint";
    endpoint;
    url;
    tokenDir;
    pathApi;
    testOverride;
    sameName;
    constructor(environment, env, platform = process.platform) {
        this.url = endpointFromEnvironment(environment.endpoint, 'IDENTITY_ENDPOINT');
        this.endpoint = `${this.url.origin}${this.url.pathname}`;
        this.pathApi = platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
        const override = env[TEST_TOKEN_DIR_VARIABLE]?.trim();
        this.tokenDir = this.pathApi.resolve(override || arcPaths(env, platform).tokenDir);
        this.testOverride = Boolean(override);
        this.sameName = platform === 'win32' ? (a, b) => a.toLowerCase() === b.toLowerCase() : (a, b) => a === b;
    }
    /**
     * `IDENTITY_ENDPOINT` with `IMDS_ENDPOINT` (what the agent sets for services), or the agent
     * installed on this machine (then its default endpoint).
     */
    static detect(env, exists = external_node_fs_.existsSync) {
        const endpoint = env.IDENTITY_ENDPOINT?.trim();
        if (endpoint && env.IMDS_ENDPOINT?.trim())
            return { endpoint, how: 'IDENTITY_ENDPOINT and IMDS_ENDPOINT are set' };
        const { agent } = arcPaths(env);
        if (!endpoint && exists(agent))
            return { endpoint: ARC_DEFAULT_ENDPOINT, how: `the Arc agent is installed (${agent})` };
        return undefined;
    }
    async getToken(resource, context) {
        if (this.testOverride) {
            context.warn?.(`${TEST_TOKEN_DIR_VARIABLE} is set: Arc key files are accepted from ${this.tokenDir}. This setting exists for tests only; remove it.`);
        }
        const url = new URL(this.url);
        url.searchParams.set('api-version', API_VERSION);
        url.searchParams.set('resource', resource);
        context.debug(`Requesting an Azure token from the Arc agent (${this.endpoint}) for ${resource}`);
        let response;
        try {
            response = await withRetries(MANAGED_IDENTITY_RETRIES, 'Arc identity endpoint', context, () => this.attempt(url, context));
        }
        catch (error) {
            throw abortedAs(error, context) ?? this.explain(error);
        }
        return accessTokenFrom(response, context, this.call(), 'Something other than the Arc agent answered: check IDENTITY_ENDPOINT.');
    }
    /** The challenge, the key file, and the answer. */
    async attempt(url, context) {
        const request = (headers, secrets = []) => context.send({
            url,
            method: 'GET',
            headers: { Metadata: 'true', Accept: 'application/json', ...headers },
            secrets,
            route: routeFor(url),
            connectTimeoutMs: arc_CONNECT_TIMEOUT_MS,
            timeoutMs: arc_ATTEMPT_TIMEOUT_MS,
            maxBodyBytes: arc_MAX_BODY_BYTES,
            signal: context.signal
        });
        const challenge = await request({});
        if (challenge.status !== 401)
            return expectStatus(challenge);
        const realm = realmOf(challenge.headers['www-authenticate']);
        if (realm === undefined) {
            throw new errors/* LoginError */.Qd(`${this.call()}: it answered 401 without a Basic realm naming a key file, which the Arc agent always sends; ` +
                'something other than the Arc agent answered. Check IDENTITY_ENDPOINT.');
        }
        const key = this.readKey(realm);
        context.mask(key);
        return expectStatus(await request({ Authorization: `Basic ${key}` }, [key]));
    }
    /** Reads the key file the agent named, after checking that it is one of the agent's. */
    readKey(realm) {
        const p = this.pathApi;
        const refuse = (why) => {
            throw new errors/* LoginError */.Qd(`${this.call()}: it asked for the key file "${source_clip(realm, 200)}", which ${why}; the Arc agent only names ` +
                `*.key files of at most ${MAX_KEY_BYTES} bytes directly in ${this.tokenDir}. Nothing was read or sent. ` +
                'Check that IDENTITY_ENDPOINT names the Arc agent on this machine.');
        };
        if (!p.isAbsolute(realm))
            refuse('is not an absolute path');
        const resolved = p.resolve(realm);
        if (!this.sameName(resolved, realm) || !this.sameName(p.dirname(resolved), this.tokenDir))
            refuse(`is not directly in ${this.tokenDir}`);
        if (!p.basename(resolved).endsWith('.key'))
            refuse('is not named *.key');
        let read;
        try {
            // Never blocks (a FIFO is refused at once), and a symbolic link planted in the directory is refused rather than followed.
            read = (0,files/* readRegularFile */.XF)(resolved, { maxBytes: MAX_KEY_BYTES, noFollow: true });
        }
        catch (error) {
            if (error instanceof files/* NotRegularFile */.k1)
                return refuse('is not a regular file');
            if (error instanceof files/* FileTooLarge */.Sv)
                return refuse(`is ${error.size} bytes long`);
            const code = error.code;
            if (code === 'ELOOP')
                return refuse('is a symbolic link');
            if (code === 'EACCES' || code === 'EPERM') {
                throw new errors/* LoginError */.Qd(`${this.call()}: the key file in ${this.tokenDir} cannot be read by the user running the step. On Linux, add that ` +
                    'user to the himds group (sudo usermod -a -G himds <user>, then restart the runner or agent); on Windows, run ' +
                    'it as an administrator or a member of "Hybrid agent extension applications".');
            }
            throw new errors/* LoginError */.Qd(`${this.call()}: could not open the key file it named (${code ?? 'error'}).`);
        }
        if (read === undefined)
            throw new errors/* LoginError */.Qd(`${this.call()}: could not open the key file it named (ENOENT).`);
        const key = read.trim();
        if (!key || /[\r\n\0]/.test(key))
            refuse('does not hold a key');
        return key;
    }
    call() {
        return `Could not get an Azure token from ${this.name} (${this.endpoint})`;
    }
    explain(error) {
        const call = this.call();
        if (error instanceof http/* HttpFailure */.HR) {
            return explainNetworkFailure(call, error, 'The Arc agent (himds) is not running on this machine: check "azcmagent show", or choose another identity-source.');
        }
        if (!(error instanceof ServiceStatus))
            return error instanceof Error ? error : new Error(String(error));
        const status = error.response.status;
        if (status === 401 || status === 403) {
            return new errors/* LoginError */.Qd(`${call}: it refused the key it had just issued, ${error.summary}. Run the job again; if it persists, restart the Arc agent (himds).`);
        }
        if (status === 400) {
            return new errors/* LoginError */.Qd(`${call}: it refused the request, ${error.summary}. Check azure-audience: it must be the Application ID URI of an ` +
                'Entra app or another resource Entra ID knows; and check that the server is connected (azcmagent show).');
        }
        if (MANAGED_IDENTITY_RETRIES.statuses.includes(status)) {
            return new errors/* LoginError */.Qd(`${call}: it kept failing (last answer ${error.summary}) after ${MANAGED_IDENTITY_RETRIES.retries + 1} attempts. Try again shortly.`);
        }
        return new errors/* LoginError */.Qd(`${call}: it answered ${error.summary}.`);
    }
}
/** The realm of a `Basic realm=<path>` challenge (quoted or not), or undefined. */
function realmOf(header) {
    const value = Array.isArray(header) ? header[0] : header;
    const match = /^\s*Basic\s+realm=(?:"([^"]*)"|(\S.*?))\s*$/i.exec(value ?? '');
    const realm = match?.[1] ?? match?.[2];
    return realm ? realm : undefined;
}

;// CONCATENATED MODULE: ./src/core/sources/azure-devops-oidc.ts
/**
 * Azure Pipelines' own OIDC token: `POST $(System.OidcRequestUri)?api-version=7.1` with the job's
 * access token (`System.AccessToken`) answers `{"oidcToken": …}`. Without a service connection the
 * token is the pipeline's (`sub p://<org>/<project>/<pipeline>`); with `serviceConnectionId` it is
 * that connection's (`sub sc://<org>/<project>/<connection>`). Issuer
 * `https://vstoken.dev.azure.com/<org-id>`, audience always `api://AzureADTokenExchange`. Works on
 * Microsoft-hosted agents too.
 */





const azure_devops_oidc_API_VERSION = '7.1';
const AZURE_DEVOPS_AUDIENCE = 'api://AzureADTokenExchange';
const azure_devops_oidc_CONNECT_TIMEOUT_MS = 10_000;
const azure_devops_oidc_ATTEMPT_TIMEOUT_MS = 30_000;
const azure_devops_oidc_MAX_BODY_BYTES = 256 * 1024;
const VARIABLE = 'System.OidcRequestUri';
/** Azure DevOps Services: the only hosts the job's access token is sent to. */
const AZURE_DEVOPS_HOST = /^(dev\.azure\.com|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.visualstudio\.com)$/i;
/** `System.OidcRequestUri`, from the task library or the environment, or undefined. */
function oidcRequestUri(env, platform) {
    const value = platform?.variable?.('System.OidcRequestUri') ?? env.SYSTEM_OIDCREQUESTURI;
    return value?.trim() || undefined;
}
class AzureDevOpsOidcSource {
    serviceConnection;
    kind = 'azure-devops';
    name = "Azure DevOps' OIDC endpoint";
    tokenName = 'Azure DevOps OIDC token';
    endpoint;
    url;
    /**
     * Takes the request URI only on an Azure DevOps Services host (https), since the job's access
     * token goes with the request; on loopback (the project's emulators) only when `testLoopback`
     * (the test-only setting) allows it.
     */
    constructor(requestUri, serviceConnection, testLoopback = false) {
        this.serviceConnection = serviceConnection;
        this.url = endpointFromEnvironment(requestUri, VARIABLE);
        if ((0,loopback/* isLoopback */.U9)(this.url.hostname)) {
            if (!testLoopback)
                throw new errors/* LoginError */.Qd(`${VARIABLE} (${this.url.origin}) is a loopback address, ${loopback/* LOOPBACK_FOR_TESTS_ONLY */.Zo}. Check what sets it in this job.`);
        }
        else if (this.url.protocol !== 'https:' || !AZURE_DEVOPS_HOST.test(this.url.hostname)) {
            throw new errors/* LoginError */.Qd(`${VARIABLE} (${this.url.origin}) is not an Azure DevOps Services address (dev.azure.com or *.visualstudio.com), and the ` +
                `job's access token would be sent there. Check what sets ${VARIABLE} (SYSTEM_OIDCREQUESTURI) in this job.`);
        }
        this.endpoint = `${this.url.origin}${this.url.pathname}`;
    }
    async getToken(context) {
        const accessToken = this.accessToken(context);
        const url = new URL(this.url);
        url.searchParams.set('api-version', azure_devops_oidc_API_VERSION);
        if (this.serviceConnection)
            url.searchParams.set('serviceConnectionId', this.serviceConnection.id);
        const whose = this.serviceConnection ? `service connection ${this.serviceConnection.id}` : 'this pipeline';
        context.debug(`Asking ${this.endpoint} for the OIDC token of ${whose}`);
        let response;
        try {
            response = await withRetries(TOKEN_SERVICE_RETRIES, 'Azure DevOps OIDC endpoint', context, async () => {
                const answer = await context.send({
                    url,
                    method: 'POST',
                    headers: {
                        Authorization: `Bearer ${accessToken}`,
                        'Content-Type': 'application/json',
                        Accept: 'application/json',
                        // Without it a refused token gets a sign-in page instead of a 401.
                        'X-TFS-FedAuthRedirect': 'Suppress'
                    },
                    body: '',
                    secrets: [accessToken],
                    route: routeFor(url),
                    connectTimeoutMs: azure_devops_oidc_CONNECT_TIMEOUT_MS,
                    timeoutMs: azure_devops_oidc_ATTEMPT_TIMEOUT_MS,
                    maxBodyBytes: azure_devops_oidc_MAX_BODY_BYTES,
                    signal: context.signal
                });
                return expectStatus(answer);
            });
        }
        catch (error) {
            throw abortedAs(error, context) ?? this.explain(error);
        }
        const body = (0,http/* jsonObject */.o$)(response.body);
        const token = body?.oidcToken;
        if (typeof token !== 'string' || !token) {
            maskLongValues(body, context);
            const what = body ? 'JSON without an oidcToken' : 'not JSON (a sign-in page, when the access token is not accepted)';
            throw new errors/* LoginError */.Qd(`${this.call()}: it answered 200 with a body that is ${what}. ${ACCESS_TOKEN_ADVICE}`);
        }
        context.mask(token);
        return { token, expiresAt: expiryOf(jwt_decodeClaims(token)) };
    }
    /** The job's access token: from the task library, else (the command-line tool) SYSTEM_ACCESSTOKEN. */
    accessToken(context) {
        const offered = context.platform?.azureDevOpsAccessToken;
        const token = (offered ? offered() : context.env.SYSTEM_ACCESSTOKEN)?.trim();
        if (!token) {
            throw new errors/* LoginError */.Qd(`${this.call()}: the job has no access token (System.AccessToken). The task reads it through the SystemVssConnection ` +
                'endpoint; a script step running the command-line tool must map it: env: SYSTEM_ACCESSTOKEN: $(System.AccessToken).');
        }
        context.mask(token);
        return token;
    }
    call() {
        return `Could not get the Azure DevOps OIDC token from ${this.endpoint}`;
    }
    explain(error) {
        const call = this.call();
        if (error instanceof http/* HttpFailure */.HR) {
            return explainNetworkFailure(call, error, "Check the agent's network and proxy settings.");
        }
        if (!(error instanceof ServiceStatus))
            return error instanceof Error ? error : new Error(String(error));
        const status = error.response.status;
        if (status === 401 || status === 203 || (status >= 300 && status < 400)) {
            return new errors/* LoginError */.Qd(`${call}: ${error.summary}. ${ACCESS_TOKEN_ADVICE}`);
        }
        if ((status === 400 || status === 403 || status === 404) && this.serviceConnection) {
            const { id, inputLabel } = this.serviceConnection;
            return new errors/* LoginError */.Qd(`${call}: ${error.summary}. The service connection ${id} (${inputLabel}) does not exist in this project, this ` +
                'pipeline is not authorized to use it, or it does not use workload identity federation: check the connection and ' +
                "its pipeline permissions, or leave the input empty to use the pipeline's own token.");
        }
        if (status === 403) {
            return new errors/* LoginError */.Qd(`${call}: ${error.summary}. The job's access token may not ask for OIDC tokens; check the project's pipeline settings (job authorization scope).`);
        }
        if (TOKEN_SERVICE_RETRIES.statuses.includes(status)) {
            return new errors/* LoginError */.Qd(`${call}: Azure DevOps kept failing (last answer ${error.summary}) after ${TOKEN_SERVICE_RETRIES.retries + 1} attempts. Try again shortly.`);
        }
        return new errors/* LoginError */.Qd(`${call}: ${error.summary}.`);
    }
}
const ACCESS_TOKEN_ADVICE = "Azure DevOps did not accept the job's access token (System.AccessToken): it is valid only while the job runs, and a " +
    'copied or overridden SYSTEM_ACCESSTOKEN does not work; run the step as a task of the job.';

;// CONCATENATED MODULE: ./src/core/sources/app-service.ts
/**
 * The managed-identity endpoint of App Service, Functions and Container Apps (where runners in
 * Container Apps jobs live): `IDENTITY_ENDPOINT` on this machine, authenticated by the secret
 * `IDENTITY_HEADER`. The answer carries `expires_on` and no `expires_in`.
 */



const app_service_API_VERSION = '2019-08-01';
const app_service_CONNECT_TIMEOUT_MS = 2_000;
const app_service_ATTEMPT_TIMEOUT_MS = 20_000;
const app_service_MAX_BODY_BYTES = 64 * 1024;
const SELECTOR_PARAMETER = {
    'client-id': 'client_id',
    'object-id': 'principal_id',
    'resource-id': 'mi_res_id'
};
class AppServiceSource {
    environment;
    selector;
    name = 'the App Service / Container Apps identity endpoint';
    endpoint;
    url;
    constructor(environment, selector) {
        this.environment = environment;
        this.selector = selector;
        this.url = endpointFromEnvironment(environment.endpoint, 'IDENTITY_ENDPOINT');
        this.endpoint = `${this.url.origin}${this.url.pathname}`;
    }
    /** `IDENTITY_ENDPOINT` and `IDENTITY_HEADER`, when both are set. */
    static detect(env) {
        const endpoint = env.IDENTITY_ENDPOINT?.trim();
        const header = env.IDENTITY_HEADER?.trim();
        return endpoint && header ? { endpoint, header } : undefined;
    }
    async getToken(resource, context) {
        context.mask(this.environment.header);
        const url = new URL(this.url);
        url.searchParams.set('api-version', app_service_API_VERSION);
        url.searchParams.set('resource', resource);
        if (this.selector)
            url.searchParams.set(SELECTOR_PARAMETER[this.selector.kind], this.selector.value);
        const who = this.selector ? `user-assigned identity ${this.selector.value}` : 'system-assigned identity';
        context.debug(`Requesting an Azure token from ${this.endpoint} for ${resource} with the ${who}`);
        let response;
        try {
            response = await withRetries(MANAGED_IDENTITY_RETRIES, 'Identity endpoint', context, () => this.attempt(url, context));
        }
        catch (error) {
            throw abortedAs(error, context) ?? this.explain(error, resource);
        }
        return accessTokenFrom(response, context, this.call(), "Something other than the platform's identity endpoint answered: check what sets IDENTITY_ENDPOINT in this job.");
    }
    async attempt(url, context) {
        const response = await context.send({
            url,
            method: 'GET',
            headers: { 'X-IDENTITY-HEADER': this.environment.header, Accept: 'application/json' },
            secrets: [this.environment.header],
            route: routeFor(url),
            connectTimeoutMs: app_service_CONNECT_TIMEOUT_MS,
            timeoutMs: app_service_ATTEMPT_TIMEOUT_MS,
            maxBodyBytes: app_service_MAX_BODY_BYTES,
            signal: context.signal
        });
        return expectStatus(response);
    }
    call() {
        return `Could not get an Azure token from ${this.name} (${this.endpoint})`;
    }
    explain(error, resource) {
        const call = this.call();
        if (error instanceof http/* HttpFailure */.HR) {
            return explainNetworkFailure(call, error, 'IDENTITY_ENDPOINT names an endpoint that is not running: enable a managed identity on the app or Container Apps job ' +
                '(the platform then sets IDENTITY_ENDPOINT and IDENTITY_HEADER), or choose another identity-source.');
        }
        if (!(error instanceof ServiceStatus))
            return error instanceof Error ? error : new Error(String(error));
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
        if (MANAGED_IDENTITY_RETRIES.statuses.includes(status)) {
            return new errors/* LoginError */.Qd(`${call}: it kept failing (last answer ${error.summary}) after ${MANAGED_IDENTITY_RETRIES.retries + 1} attempts. Try again shortly.`);
        }
        if (status >= 300 && status < 400) {
            return new errors/* LoginError */.Qd(`${call}: it answered with a redirect (${error.summary}), which the identity endpoint never sends; something else answered.`);
        }
        return new errors/* LoginError */.Qd(`${call}: it answered ${error.summary}.`);
    }
}

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
            throw new errors/* LoginError */.Qd(`${call}: only the GitHub Action can ask for it. Use the action (uses: …/chainguard-azure-login) in the workflow, ` +
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
            throw new errors/* LoginError */.Qd(`${call}: ${source_clip((0,errors/* messageOf */.bD)(error), 300, [this.requestToken])}. Check that the job has "permissions: id-token: write".`);
        }
        if (typeof token !== 'string' || !token)
            throw new errors/* LoginError */.Qd(`${call}: the runner returned no token.`);
        context.mask(token);
        const claims = jwt_decodeClaims(token);
        if (!claims)
            throw new errors/* LoginError */.Qd(`${call}: what the runner returned is not a JWT.`);
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

;// CONCATENATED MODULE: ./src/core/sources/imds.ts
/**
 * Azure Instance Metadata Service: the managed-identity endpoint of VMs and scale sets.
 * Never goes through a proxy, never follows a redirect, and retries the way Microsoft advises.
 */





const IMDS_DEFAULT_BASE = 'http://169.254.169.254';
const TOKEN_PATH = '/metadata/identity/oauth2/token';
const imds_API_VERSION = '2018-02-01';
const imds_CONNECT_TIMEOUT_MS = 2_000;
/** IMDS answers within milliseconds even when busy (it says 410 or 429 at once). */
const imds_ATTEMPT_TIMEOUT_MS = 5_000;
/** Accepting connections and never answering is given up on after this long in all. */
const SILENT_BUDGET_MS = 20_000;
const imds_MAX_BODY_BYTES = 64 * 1024;
/** Microsoft's advice for IMDS: 404, 429 and 5xx, about five retries with exponential backoff. */
const IMDS_RETRIES = {
    statuses: [404, 429, ...Array.from({ length: 100 }, (_, i) => 500 + i)],
    retries: 5,
    baseMs: 1_000,
    capMs: 16_000
};
/** 410 means IMDS is updating, which takes up to 70 s: keep trying at least that long. */
const UPDATING_BUDGET_MS = 75_000;
const imds_SELECTOR_PARAMETER = {
    'client-id': 'client_id',
    'object-id': 'object_id',
    'resource-id': 'msi_res_id'
};
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
    constructor(selector, allSelectorInputs, base = IMDS_DEFAULT_BASE) {
        this.selector = selector;
        this.allSelectorInputs = allSelectorInputs;
        this.endpoint = new URL(TOKEN_PATH, base).href;
    }
    /** The IMDS base URL for this environment. */
    static baseFrom(env) {
        const override = env.AZURE_POD_IDENTITY_AUTHORITY_HOST?.trim();
        return override ? override : IMDS_DEFAULT_BASE;
    }
    async getToken(resource, context) {
        const url = new URL(this.endpoint);
        url.searchParams.set('api-version', imds_API_VERSION);
        url.searchParams.set('resource', resource);
        if (this.selector)
            url.searchParams.set(imds_SELECTOR_PARAMETER[this.selector.kind], this.selector.value);
        const who = this.selector ? `user-assigned identity ${this.selector.value}` : 'system-assigned identity';
        context.debug(`Requesting an Azure token from IMDS (${url.origin}${url.pathname}) for ${resource} with the ${who}`);
        // Consecutive attempts that got no answer, and when the first of them started.
        const begin = context.clock.now();
        const silence = { attemptStart: 0, since: undefined, attempts: 0 };
        const response = await retrying({
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
            connectTimeoutMs: imds_CONNECT_TIMEOUT_MS,
            timeoutMs: scaledLimit(imds_ATTEMPT_TIMEOUT_MS, context.clock.scale),
            maxBodyBytes: imds_MAX_BODY_BYTES,
            signal: context.signal
        });
        return expectStatus(response);
    }
    retryDelay(error, attempt, elapsed, context, silence) {
        const { clock } = context;
        if (error instanceof http/* HttpFailure */.HR && error.kind === 'timeout') {
            // Accepted, then nothing: retry only while the whole silence, with the next attempt,
            // stays within its budget.
            silence.since ??= silence.attemptStart;
            silence.attempts++;
            const delay = backoffMs(attempt, 1_000, 4_000, clock.random);
            return elapsed - silence.since + delay + imds_ATTEMPT_TIMEOUT_MS <= SILENT_BUDGET_MS ? delay : undefined;
        }
        silence.since = undefined;
        silence.attempts = 0;
        if (error instanceof ServiceStatus && error.response.status === 410) {
            if (elapsed >= UPDATING_BUDGET_MS)
                return undefined;
            return Math.min(backoffMs(attempt, 1_000, 10_000, clock.random), UPDATING_BUDGET_MS - elapsed + 1);
        }
        return http_source_retryDelay(IMDS_RETRIES, error, attempt, context);
    }
    parse(response, context) {
        return accessTokenFrom(response, context, `Could not get an Azure token from IMDS (${this.endpoint})`, 'Something other than the Azure metadata service answered: check AZURE_POD_IDENTITY_AUTHORITY_HOST and any ' +
            'network appliance in front of the metadata address.');
    }
    /** Turns the last failure into one message that names the call and the fix. */
    explain(error, context, silentAttempts) {
        if (context.signal?.aborted)
            return error instanceof Error ? error : new Error(String(error));
        const call = `Could not get an Azure token from IMDS (${this.endpoint})`;
        if (error instanceof http/* HttpFailure */.HR && error.kind === 'timeout') {
            return new errors/* LoginError */.Qd(`${call}: it accepted the connection but sent no answer within ${SILENT_BUDGET_MS / 1000} s ` +
                `(${silentAttempts} ${silentAttempts === 1 ? 'attempt' : 'attempts'}). The Azure metadata service answers within ` +
                'milliseconds even when busy, so something else is holding the connection: check firewalls, proxies or ' +
                'security software on this machine, and AZURE_POD_IDENTITY_AUTHORITY_HOST.');
        }
        if (error instanceof http/* HttpFailure */.HR) {
            return explainNetworkFailure(call, error, 'This machine has no Azure managed identity endpoint: it is not an Azure VM or scale set instance, or a firewall ' +
                'or route blocks the metadata address. Run the step on an Azure machine with a managed identity (or point ' +
                'AZURE_POD_IDENTITY_AUTHORITY_HOST at your endpoint).');
        }
        if (error instanceof ServiceStatus) {
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
                return new errors/* LoginError */.Qd(`${call}: IMDS kept failing (last answer ${error.summary}) after ${IMDS_RETRIES.retries + 1} attempts. Try again shortly.`);
            }
            if (status >= 300 && status < 400) {
                return new errors/* LoginError */.Qd(`${call}: it answered with a redirect (${error.summary}), which the metadata service never sends; something else answered.`);
            }
            return new errors/* LoginError */.Qd(`${call}: IMDS answered ${error.summary}.`);
        }
        return error instanceof Error ? error : new Error(String(error));
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
        read = (0,files/* readRegularFile */.XF)(file, { maxBytes: MAX_TOKEN_BYTES });
    }
    catch (error) {
        if (error instanceof files/* NotRegularFile */.k1)
            return fail('is not a regular file');
        if (error instanceof files/* FileTooLarge */.Sv)
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
    if (!jwt_decodeClaims(text)) {
        throw new errors/* LoginError */.Qd(`The token file ${file} (${label}) does not hold a JWT (three base64url parts with a JSON payload); its contents are not shown.`);
    }
    return text;
}
/** Refuses a token whose `exp` has passed, saying when, and what rotates it. */
function checkNotExpired(token, file, label, now) {
    const claims = jwt_decodeClaims(token);
    const expiry = expiryOf(claims);
    if (expiry && expiry.getTime() <= now) {
        throw new errors/* LoginError */.Qd(`The token in ${file} (${label}) expired at ${expiry.toISOString()} (issuer "${jwt_claimText(claims, 'iss')}"). ` +
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
        return { token, expiresAt: expiryOf(jwt_decodeClaims(token)) };
    }
}

;// CONCATENATED MODULE: ./src/core/sources/workload-identity.ts
/**
 * AKS workload identity (and any Kubernetes cluster federated with Entra ID): the pod's projected
 * service-account token, in `AZURE_FEDERATED_TOKEN_FILE`, is presented to Entra ID as a client
 * assertion for the identity `AZURE_CLIENT_ID` in `AZURE_TENANT_ID`; the Azure token comes back.
 * The file is read again at every attempt, since the kubelet rotates it.
 */






const DEFAULT_AUTHORITY = 'https://login.microsoftonline.com/';
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const workload_identity_CONNECT_TIMEOUT_MS = 10_000;
const workload_identity_ATTEMPT_TIMEOUT_MS = 30_000;
const workload_identity_MAX_BODY_BYTES = 64 * 1024;
const workload_identity_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^[a-z0-9](?:[a-z0-9.-]{0,126}[a-z0-9])?$/i;
class WorkloadIdentitySource {
    environment;
    name = 'Entra ID (workload identity)';
    endpoint;
    url;
    clientId;
    clientIdFrom;
    /** @param selector  a client ID chosen by managed-identity-client-id, overriding AZURE_CLIENT_ID */
    constructor(environment, selector) {
        this.environment = environment;
        this.clientId = selector?.value ?? environment.clientId;
        this.clientIdFrom = selector?.inputLabel ?? 'AZURE_CLIENT_ID';
        if (!workload_identity_GUID.test(this.clientId))
            throw new errors/* LoginError */.Qd(`${this.clientIdFrom} must be the client ID (a GUID) of the managed identity or app registration.`);
        if (!TENANT.test(environment.tenantId))
            throw new errors/* LoginError */.Qd('AZURE_TENANT_ID must be a tenant ID (a GUID) or a tenant domain name.');
        const authority = endpointFromEnvironment(environment.authority, 'AZURE_AUTHORITY_HOST');
        if (!authority.pathname.endsWith('/'))
            authority.pathname += '/';
        authority.search = '';
        this.url = new URL(`${environment.tenantId}/oauth2/v2.0/token`, authority);
        this.endpoint = this.url.href;
    }
    /** All three of `AZURE_FEDERATED_TOKEN_FILE`, `AZURE_CLIENT_ID`, `AZURE_TENANT_ID`. */
    static detect(env) {
        const tokenFile = env.AZURE_FEDERATED_TOKEN_FILE?.trim();
        const clientId = env.AZURE_CLIENT_ID?.trim();
        const tenantId = env.AZURE_TENANT_ID?.trim();
        if (!tokenFile || !clientId || !tenantId)
            return undefined;
        return { tokenFile, clientId, tenantId, authority: env.AZURE_AUTHORITY_HOST?.trim() || DEFAULT_AUTHORITY };
    }
    async getToken(resource, context) {
        context.debug(`Requesting an Azure token from ${this.endpoint} for ${resource} as ${this.clientId}, with the token in ${this.environment.tokenFile}`);
        let assertion = '';
        let response;
        try {
            response = await withRetries(TOKEN_SERVICE_RETRIES, 'Entra ID', context, async () => {
                assertion = readTokenFile(this.environment.tokenFile, 'AZURE_FEDERATED_TOKEN_FILE', context);
                checkNotExpired(assertion, this.environment.tokenFile, 'AZURE_FEDERATED_TOKEN_FILE', context.clock.now());
                return this.attempt(assertion, resource, context);
            });
        }
        catch (error) {
            throw abortedAs(error, context) ?? this.explain(error, assertion, resource);
        }
        return accessTokenFrom(response, context, this.call(), 'Something other than Entra ID answered: check AZURE_AUTHORITY_HOST.');
    }
    async attempt(assertion, resource, context) {
        const body = new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: this.clientId,
            client_assertion_type: ASSERTION_TYPE,
            client_assertion: assertion,
            scope: `${resource}/.default`
        }).toString();
        const response = await context.send({
            url: this.url,
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
            body,
            secrets: [assertion],
            route: routeFor(this.url),
            connectTimeoutMs: workload_identity_CONNECT_TIMEOUT_MS,
            timeoutMs: workload_identity_ATTEMPT_TIMEOUT_MS,
            maxBodyBytes: workload_identity_MAX_BODY_BYTES,
            signal: context.signal
        });
        return expectStatus(response);
    }
    call() {
        return `Could not get an Azure token from ${this.name} (${this.url.origin}${this.url.pathname})`;
    }
    explain(error, assertion, resource) {
        const call = this.call();
        if (error instanceof http/* HttpFailure */.HR) {
            return explainNetworkFailure(call, error, 'Check AZURE_AUTHORITY_HOST and, behind a proxy, HTTPS_PROXY and NO_PROXY.');
        }
        if (!(error instanceof ServiceStatus))
            return error instanceof Error ? error : new Error(String(error));
        const code = aadstsCode(error);
        const said = `Entra ID answered ${error.response.status} ${code ? `AADSTS${code}` : error.code || ''}`.trimEnd();
        const claims = jwt_decodeClaims(assertion);
        const presented = `issuer "${jwt_claimText(claims, 'iss')}", subject "${jwt_claimText(claims, 'sub')}", audience "${jwt_claimText(claims, 'aud')}"`;
        if (code && /^70021\d*$/.test(code)) {
            const claim = (name) => (typeof claims?.[name] === 'string' ? claims[name] : undefined);
            const iss = shellArg(claim('iss'), '<issuer URL of the cluster>', isIssuerUrl);
            const sub = shellArg(claim('sub'), '<subject of the service account token>');
            return new errors/* LoginError */.Qd(`${call}: ${said}: no federated credential on the identity ${this.clientId} (${this.clientIdFrom}) matches the ` +
                `service account token in AZURE_FEDERATED_TOKEN_FILE (${presented}). Add one that matches exactly ` +
                '(the comparison is case-sensitive):\n' +
                `  az identity federated-credential create --name chainguard-login --identity-name <managed identity name> --resource-group <group> --issuer ${iss} --subject ${sub} --audience api://AzureADTokenExchange\n` +
                `For an app registration, give the same issuer, subject and audience to az ad app federated-credential create --id ${shellWord(this.clientId)}. ` +
                `The pod's service account must carry the annotation azure.workload.identity/client-id: ${this.clientId}.`);
        }
        if (code === '700024') {
            return new errors/* LoginError */.Qd(`${call}: ${said}: the service account token is outside its validity period (${presented}); the kubelet refreshes it while the pod runs, so check the projected volume and this machine's clock.`);
        }
        if (code === '700016') {
            return new errors/* LoginError */.Qd(`${call}: ${said}: no application or managed identity with client ID ${this.clientId} exists in tenant ${this.environment.tenantId}. Check ${this.clientIdFrom} and AZURE_TENANT_ID.`);
        }
        if (code === '90002') {
            return new errors/* LoginError */.Qd(`${call}: ${said}: tenant ${this.environment.tenantId} was not found. Check AZURE_TENANT_ID.`);
        }
        if (code === '500011' || code === '70011') {
            return new errors/* LoginError */.Qd(`${call}: ${said}: Entra ID knows no resource "${resource}" in this tenant. Check azure-audience: it must be the Application ID URI (api://<app-client-id>) of an Entra app.`);
        }
        if (code === '50027' || code === '50013' || code === '5002738') {
            return new errors/* LoginError */.Qd(`${call}: ${said}: Entra ID could not verify the service account token (${presented}). The federated credential's ` +
                'issuer must publish its signing keys (AKS: az aks update --enable-oidc-issuer --enable-workload-identity).');
        }
        if (TOKEN_SERVICE_RETRIES.statuses.includes(error.response.status)) {
            return new errors/* LoginError */.Qd(`${call}: Entra ID kept failing (last answer ${error.summary}) after ${TOKEN_SERVICE_RETRIES.retries + 1} attempts. Try again shortly.`);
        }
        return new errors/* LoginError */.Qd(`${call}: ${error.summary}.`);
    }
}
/** The AADSTS error number of an Entra answer, from `error_codes` or the description. */
function aadstsCode(error) {
    const body = (0,http/* jsonObject */.o$)(error.response.body);
    const codes = body?.error_codes;
    if (Array.isArray(codes) && (typeof codes[0] === 'number' || typeof codes[0] === 'string'))
        return String(codes[0]);
    return /AADSTS(\d+)/.exec(error.description)?.[1];
}

;// CONCATENATED MODULE: ./src/core/sources/index.ts
/**
 * Chooses the identity-token source for this job: the one `identity-source` names, or under
 * `auto`, in this order — a token file if given; else, when `azure-audience` is set, workload
 * identity, App Service / Container Apps, Azure Arc, then IMDS; else the platform's own OIDC
 * token when the job has one. Everything is decided from the inputs and the environment, before
 * any request; an input the chosen source would ignore is refused, so that a job never logs in
 * as something other than what it configured.
 */











const AZURE_SOURCE_NAMES = 'workload identity, App Service / Container Apps, Azure Arc, IMDS';
/** Picks the source, or throws an InputError / LoginError naming what to set. */
function selectSource(request) {
    const chosen = request.inputs.identitySource === 'auto' ? autoSelect(request) : explicitSelect(request);
    refuseInapplicable(chosen.source.kind, request, chosen.reason);
    return chosen;
}
function explicitSelect(request) {
    const { inputs, env, label } = request;
    const kind = inputs.identitySource;
    const reason = `${label('identity-source')}: ${kind}`;
    const unavailable = (why) => {
        throw new errors/* LoginError */.Qd(`${label('identity-source')} is ${kind}, but ${why}`);
    };
    if (AZURE_SOURCES.includes(kind) && !inputs.azureResource) {
        throw new errors/* InputError */.dz('azure-audience', `Input ${label('azure-audience')} is required with ${label('identity-source')} ${kind}: the Application ID URI of the Entra app ` +
            'the Chainguard identity trusts, e.g. api://<app-client-id>.');
    }
    switch (kind) {
        case 'imds':
            return { source: azure('imds', imds(request), inputs), reason };
        case 'app-service': {
            const found = AppServiceSource.detect(env);
            if (!found) {
                return unavailable('IDENTITY_ENDPOINT and IDENTITY_HEADER are not both set: this job does not run in App Service, Functions or ' +
                    'Container Apps with a managed identity. Enable a managed identity on the app or Container Apps job, or choose another source.');
            }
            return { source: azure('app-service', new AppServiceSource(found, inputs.selector), inputs), reason };
        }
        case 'arc': {
            const found = ArcSource.detect(env, request.exists) ?? { endpoint: env.IDENTITY_ENDPOINT?.trim() || ARC_DEFAULT_ENDPOINT, how: '' };
            return { source: azure('arc', new ArcSource(found, env), inputs), reason };
        }
        case 'workload-identity': {
            const found = WorkloadIdentitySource.detect(env);
            if (!found) {
                const missing = ['AZURE_FEDERATED_TOKEN_FILE', 'AZURE_CLIENT_ID', 'AZURE_TENANT_ID'].filter((name) => !env[name]?.trim());
                return unavailable(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set: the pod is not set up for workload identity. Label it ` +
                    'azure.workload.identity/use: "true" and run it under a service account annotated with azure.workload.identity/client-id.');
            }
            return { source: azure('workload-identity', new WorkloadIdentitySource(found, clientIdSelector(inputs)), inputs), reason };
        }
        case 'token-file':
            if (!inputs.identityTokenFile) {
                throw new errors/* InputError */.dz('identity-token-file', `Input ${label('identity-token-file')} is required with ${label('identity-source')} token-file: the path of the OIDC token file.`);
            }
            return { source: new TokenFileSource(inputs.identityTokenFile, label('identity-token-file')), reason };
        case 'github':
            if (!githubOidcAvailable(env))
                return unavailable(`${MISSING_PERMISSION}.`);
            return { source: github(request), reason };
        case 'azure-devops': {
            const uri = oidcRequestUri(env, request.platform);
            if (!uri) {
                return unavailable('System.OidcRequestUri is not set: this is not an Azure Pipelines job, or its agent is too old to offer OIDC tokens (update the agent).');
            }
            return { source: azureDevOps(uri, request), reason };
        }
    }
}
function autoSelect(request) {
    const { inputs, env, label } = request;
    const auto = (why) => `auto: ${why}`;
    if (inputs.identityTokenFile) {
        return {
            source: new TokenFileSource(inputs.identityTokenFile, label('identity-token-file')),
            reason: auto(`${label('identity-token-file')} is set`)
        };
    }
    if (inputs.azureResource) {
        const workload = WorkloadIdentitySource.detect(env);
        if (workload) {
            return {
                source: azure('workload-identity', new WorkloadIdentitySource(workload, clientIdSelector(inputs)), inputs),
                reason: auto('AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and AZURE_TENANT_ID are set')
            };
        }
        const appService = AppServiceSource.detect(env);
        if (appService) {
            return {
                source: azure('app-service', new AppServiceSource(appService, inputs.selector), inputs),
                reason: auto('IDENTITY_ENDPOINT and IDENTITY_HEADER are set')
            };
        }
        const arc = ArcSource.detect(env, request.exists);
        if (arc)
            return { source: azure('arc', new ArcSource(arc, env), inputs), reason: auto(arc.how) };
        return {
            source: azure('imds', imds(request), inputs),
            reason: auto(`${label('azure-audience')} is set and no other Azure identity endpoint is in the environment`)
        };
    }
    if (githubOidcAvailable(env)) {
        return { source: github(request), reason: auto(`ACTIONS_ID_TOKEN_REQUEST_URL is set and ${label('azure-audience')} is not`) };
    }
    const uri = oidcRequestUri(env, request.platform);
    if (uri)
        return { source: azureDevOps(uri, request), reason: auto(`System.OidcRequestUri is set and ${label('azure-audience')} is not`) };
    const githubJob = env.GITHUB_ACTIONS === 'true';
    const lines = [
        `Input ${label('azure-audience')} is not set, and no other identity source is available to this job. Looked for:`,
        `- ${label('identity-token-file')}: not set;`,
        `- ${label('azure-audience')}: not set, so the Azure managed identity sources (${AZURE_SOURCE_NAMES}) were not tried;`,
        githubJob
            ? `- GitHub Actions' OIDC token: this is a GitHub Actions job, but ${MISSING_PERMISSION};`
            : "- GitHub Actions' OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set (not a GitHub Actions job);",
        "- Azure DevOps' OIDC token: System.OidcRequestUri is not set (not an Azure Pipelines job).",
        `Set ${label('azure-audience')} (e.g. api://<app-client-id>) to use the Azure managed identity of this machine, pod or app; ` +
            `${label('identity-token-file')} to present an OIDC token file (e.g. a Kubernetes projected service-account token); ` +
            `or ${label('identity-source')} to choose a source.`
    ];
    throw new errors/* InputError */.dz('azure-audience', lines.join('\n'));
}
/** Refuses inputs that the chosen source would ignore. */
function refuseInapplicable(kind, request, reason) {
    const { inputs, label } = request;
    const chosen = `the identity source is ${kind} (${reason})`;
    const refuse = (name, why) => {
        throw new errors/* InputError */.dz(name, `Input ${label(name)} cannot be used here: ${chosen}, and ${why} Remove it, or choose another ${label('identity-source')}.`);
    };
    const selector = inputs.selector;
    if (selector) {
        const name = SELECTOR_INPUTS.find((n) => label(n) === selector.inputLabel) ?? 'managed-identity-client-id';
        if (kind === 'arc')
            refuse(name, "Azure Arc offers the machine's system-assigned identity only.");
        if (kind === 'workload-identity' && selector.kind !== 'client-id') {
            refuse(name, `workload identity chooses the identity by client ID only (AZURE_CLIENT_ID, or ${label('managed-identity-client-id')}).`);
        }
        if (!AZURE_SOURCES.includes(kind))
            refuse(name, 'it selects an Azure managed identity, which this source does not use.');
    }
    if (inputs.azureResource && !AZURE_SOURCES.includes(kind)) {
        refuse('azure-audience', `${kind === 'token-file' ? 'the token file is' : 'its token is'} presented to Chainguard as it is; no Azure token is asked for.`);
    }
    if (inputs.identityTokenFile && kind !== 'token-file')
        refuse('identity-token-file', 'it is read only by the token-file source.');
    if (inputs.azureDevOpsServiceConnection && kind !== 'azure-devops') {
        refuse('azure-devops-service-connection', 'it applies only to the Azure DevOps OIDC token.');
    }
    if (inputs.oidcAudience && kind !== 'github') {
        const why = kind === 'azure-devops'
            ? `Azure DevOps OIDC tokens always carry the audience ${AZURE_DEVOPS_AUDIENCE}.`
            : "it is the audience asked of GitHub's OIDC provider only.";
        refuse('oidc-audience', why);
    }
}
function imds(request) {
    return new ImdsSource(request.inputs.selector, SELECTOR_INPUTS.map((name) => request.label(name)), ImdsSource.baseFrom(request.env));
}
function github(request) {
    return new GithubOidcSource(request.inputs.oidcAudience ?? DEFAULT_OIDC_AUDIENCE, request.env);
}
function azureDevOps(uri, request) {
    const id = request.inputs.azureDevOpsServiceConnection;
    return new AzureDevOpsOidcSource(uri, id ? { id, inputLabel: request.label('azure-devops-service-connection') } : undefined, (0,loopback/* testLoopbackEndpoints */.Cp)(request.env));
}
function clientIdSelector(inputs) {
    return inputs.selector?.kind === 'client-id' ? inputs.selector : undefined;
}
/** An Azure source, with `azure-audience` bound in. */
function azure(kind, source, inputs) {
    const resource = inputs.azureResource;
    return {
        kind,
        name: source.name,
        endpoint: source.endpoint,
        tokenName: 'Azure token',
        resource,
        getToken: (context) => source.getToken(resource, context)
    };
}

;// CONCATENATED MODULE: ./src/core/helper-refresh.ts









/**
 * `send` as the step and the helper use it: calls that may leave the machine (the `environment`
 * route) go through the runner's network settings when it handed any over; metadata calls
 * (IMDS, the Arc agent) stay direct.
 */
function sendThrough(send, network) {
    return (request) => send(request.route === 'environment' && network ? { ...request, network } : request);
}
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
/**
 * The variables the sources read that carry no secret: endpoints, file paths, client and tenant
 * IDs. The helper's configuration keeps them as the step saw them, so that a refresh asks the
 * same place whatever environment docker runs the helper in.
 */
const SOURCE_ENVIRONMENT = [
    'AZURE_POD_IDENTITY_AUTHORITY_HOST',
    'IDENTITY_ENDPOINT',
    'IMDS_ENDPOINT',
    'AZURE_FEDERATED_TOKEN_FILE',
    'AZURE_CLIENT_ID',
    'AZURE_TENANT_ID',
    'AZURE_AUTHORITY_HOST',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'SYSTEM_OIDCREQUESTURI',
    'GITHUB_ACTIONS',
    'ProgramFiles',
    'ProgramData',
    TEST_TOKEN_DIR_VARIABLE,
    loopback/* TEST_LOOPBACK_VARIABLE */.CE
];
/** The secrets the sources read: never written down; the helper reads them from its own environment. */

/** The description of the source the step chose, for the helper's configuration. */
function describeSource(kind, inputs, env, platform) {
    const kept = {};
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
/**
 * The source a configuration describes, chosen again as the step chose it: `resource` replaces
 * azure-audience (an ACR exchange asks for ACR_RESOURCE). The stored environment wins; only the
 * secrets come from the helper's own.
 */
function sourceFromDescription(config, runtime, resource) {
    const stored = config.source;
    const env = {};
    for (const name of credential_helper/* SECRET_ENVIRONMENT */.tB)
        if (runtime.env[name] !== undefined)
            env[name] = runtime.env[name];
    for (const [name, value] of Object.entries(stored.env))
        if (typeof value === 'string')
            env[name] = value;
    const inputs = {
        identity: '',
        registry: DEFAULT_REGISTRY,
        audience: DEFAULT_REGISTRY,
        issuer: DEFAULT_ISSUER,
        dockerLogin: false,
        logout: false,
        timeoutSeconds: config.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
        diagnose: false,
        credentialHelper: false,
        acrRegistries: [],
        apiToken: false,
        ...stored.inputs,
        identitySource: stored.kind,
        ...(resource ? { azureResource: resource } : {})
    };
    const label = (name) => config.labels?.[name] ?? name;
    try {
        return selectSource({ inputs, env, platform: runtime.platform, label }).source;
    }
    catch (error) {
        // What this process's environment lacks (IDENTITY_HEADER, ACTIONS_ID_TOKEN_REQUEST_TOKEN) another get may have.
        throw new credential_helper/* HelperError */.pQ(`the identity source ${stored.kind} the login step used is not available here: ${(0,errors/* messageOf */.bD)(error)}`, {
            cause: error,
            local: true
        });
    }
}
/** A refresh for every host of `config`, through the source and exchanges the step used. */
function defaultRefresh(config, runtime) {
    const label = (name) => config.labels?.[name] ?? name;
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
        if (!Object.prototype.hasOwnProperty.call(config.hosts, host))
            throw new credential_helper/* HelperError */.pQ(`its configuration names no host ${host}`);
        const entry = config.hosts[host];
        try {
            if (entry.kind === 'chainguard') {
                const source = sourceFromDescription(config, runtime);
                const presented = await source.getToken(context);
                const token = await exchangeAtChainguard({
                    issuer: entry.issuer,
                    identity: entry.identity,
                    audience: entry.audience,
                    subjectToken: presented.token,
                    identityInput: label('identity'),
                    audienceInput: label('audience')
                }, context);
                return { username: credential_helper/* CHAINGUARD_USERNAME */.UV, secret: token.token, expiresAt: token.expiresAt };
            }
            const source = sourceFromDescription(config, runtime, ACR_RESOURCE);
            const credential = await exchangeAtAcr({ loginServer: host, azureToken: async () => (await source.getToken(context)).token, inputLabel: label('acr-registries') }, context);
            return { username: credential.username, secret: credential.password, expiresAt: credential.expiresAt };
        }
        catch (error) {
            if (runtime.signal?.aborted)
                throw new credential_helper/* HelperError */.pQ(`the refresh for ${host} took longer than ${config.timeoutSeconds ?? 120} s`);
            if (error instanceof credential_helper/* HelperError */.pQ)
                throw error;
            throw new credential_helper/* HelperError */.pQ(`could not refresh the credential for ${host}: ${(0,errors/* messageOf */.bD)(error)}`, { cause: error });
        }
    };
}


/***/ }),

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


/***/ })

};
