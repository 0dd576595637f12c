export const id = 508;
export const ids = [508];
export const modules = {

/***/ 3508:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultRefresh: () => (/* binding */ defaultRefresh),
  describeSource: () => (/* binding */ describeSource),
  helperConfigFor: () => (/* binding */ helperConfigFor),
  labelsOf: () => (/* binding */ labelsOf),
  sourceFromDescription: () => (/* binding */ sourceFromDescription)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
// EXTERNAL MODULE: ./src/core/jwt.ts
var jwt = __webpack_require__(3622);
// EXTERNAL MODULE: ./src/core/net/failure.ts
var failure = __webpack_require__(1545);
// EXTERNAL MODULE: ./src/core/net/token-endpoint.ts
var token_endpoint = __webpack_require__(8786);
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
class TokenRefused extends errors/* LoginError */.Qd {
    request;
    constructor(message, request) {
        super(message);
        this.request = request;
        this.name = 'TokenRefused';
    }
}
/** Exchanges `subjectToken` for a Chainguard token. */
async function exchangeAtChainguard(request, context) {
    const url = new URL(`${request.issuer}/sts/exchange`);
    const tokenName = request.tokenName ?? 'Azure token';
    const call = `Could not exchange the ${tokenName} at Chainguard's STS (${url.origin}${url.pathname})`;
    context.debug(`Exchanging the ${tokenName} at ${url.origin}${url.pathname} for identity ${request.identity}, audience ${request.audience}`);
    let response;
    try {
        response = await (0,token_endpoint/* callEndpoint */.cv)({ label: 'STS', rules: STS_RETRIES, dialect: 'grpc', attempt: () => attempt(url, request, context) }, context);
    }
    catch (error) {
        if (context.signal?.aborted)
            throw error;
        throw explain(error, call, request);
    }
    const token = (0,json/* jsonObject */.o$)(response.body)?.token;
    if (typeof token !== 'string' || token.length === 0) {
        const what = (0,json/* jsonObject */.o$)(response.body) ? 'JSON without a token' : 'not JSON';
        throw new errors/* LoginError */.Qd(`${call}: it answered 200 with a body that is ${what}. Check the issuer input: it must name Chainguard's STS.`);
    }
    context.mask(token);
    return { token, expiresAt: expiryOf(token, call, context.clock.now()) };
}
/** The issued token's expiry, refused when it has none or an implausible one. */
function expiryOf(token, call, now) {
    let expiresAt;
    try {
        expiresAt = (0,jwt/* issuedExpiry */.pD)((0,jwt/* decodeClaims */.Yq)(token), now, 'the token it returned');
    }
    catch (error) {
        if (!(error instanceof jwt/* ExpiryRefused */.gQ))
            throw error;
        const check = error.clock
            ? "the issuer input (it must name Chainguard's STS) and this machine's clock"
            : "the issuer input: it must name Chainguard's STS";
        throw new errors/* LoginError */.Qd(`${call}: ${error.message}. Check ${check}.`);
    }
    if (!expiresAt) {
        throw new errors/* LoginError */.Qd(`${call}: the token it returned is not a JWT with an expiry. Check the issuer input: it must name Chainguard's STS.`);
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
    if (error instanceof failure/* HttpFailure */.H) {
        const check = error.settings
            ? `the issuer input and ${error.settings}`
            : 'the issuer input and, behind a proxy, HTTPS_PROXY and NO_PROXY';
        return new errors/* LoginError */.Qd(`${call}: ${error.message}. Check ${check}.`);
    }
    if (!(error instanceof token_endpoint/* ServiceStatus */.Ek))
        return error instanceof Error ? error : new Error(String(error));
    const status = error.response.status;
    if (status === 401 || status === 403)
        return new TokenRefused(`${call}: ${error.summary}.`, request);
    if (status === 400) {
        return new errors/* LoginError */.Qd(`${call}: ${error.summary}. The STS refused the request's parameters: check ${request.identityInput} ` +
            `(an assumable identity's UIDP) and ${request.audienceInput}.`);
    }
    if (status === 404) {
        return new errors/* LoginError */.Qd(`${call}: ${error.summary}. Check ${request.identityInput}: no assumable identity with that UIDP was found, ` +
            "or the issuer input does not name Chainguard's STS.");
    }
    if (STS_RETRIES.statuses.includes(status)) {
        return new errors/* LoginError */.Qd(`${call}: the STS stayed unavailable (${error.summary}) after ${STS_RETRIES.retries + 1} attempts. Try again shortly.`);
    }
    return new errors/* LoginError */.Qd(`${call}: ${error.summary}.`);
}

// EXTERNAL MODULE: ./src/core/shell.ts
var shell = __webpack_require__(6673);
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
        iss: (0,jwt/* claimText */.Q1)(claims, 'iss'),
        sub: (0,jwt/* claimText */.Q1)(claims, 'sub'),
        aud: typeof first === 'string' ? first : '(absent)',
        exp: (0,jwt/* expiryOf */.p1)(claims)
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
    const { iss, sub, aud, exp } = claimSummary((0,jwt/* decodeClaims */.Yq)(presented.token));
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
        ...(parent ? [`--parent=${(0,shell/* shellWord */.r7)(parent)}`] : []),
        `--identity-issuer=${(0,shell/* shellArg */.JP)(iss, ISSUER_PLACEHOLDER, shell/* isIssuerUrl */.nu)}`,
        `--subject=${(0,shell/* shellArg */.JP)(sub, '<subject>')}`,
        ...(hasAudience ? [`--audience=${(0,shell/* shellArg */.JP)(aud, '<audience>')}`] : []),
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
    const claims = (0,jwt/* decodeClaims */.Yq)(presented.token);
    if (!claims)
        return `The ${presented.tokenName} could not be decoded, so its claims cannot be shown.`;
    const { iss, sub } = claimSummary(claims);
    const who = presented.identity ? `The identity ${presented.identity}` : 'The identity';
    const first = `${who} must match the ${presented.tokenName}'s claims: issuer "${iss}", subject "${sub}", audience "${(0,jwt/* claimText */.Q1)(claims, 'aud')}".`;
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
function withTrustAdvice(error, presented) {
    if (!(error instanceof TokenRefused))
        return error;
    const advice = refusalAdvice({ ...presented, token: error.request.subjectToken, identity: error.request.identity, now: Date.now() });
    return new errors/* LoginError */.Qd(`${error.message} ${advice}`);
}

// EXTERNAL MODULE: ./src/core/docker/users.ts
var users = __webpack_require__(9908);
// EXTERNAL MODULE: ./src/core/net/retry.ts
var retry = __webpack_require__(7161);
// EXTERNAL MODULE: ./src/core/net/url.ts
var net_url = __webpack_require__(8074);
;// CONCATENATED MODULE: ./src/core/exchange/acr.ts
/**
 * Azure Container Registry: turns an Entra token for `https://containerregistry.azure.net`
 * into an ACR refresh token (`POST https://<login server>/oauth2/exchange`), which docker
 * presents as the password of the null-GUID user. The refresh token lives about three hours.
 */









/** The resource (audience) to ask of the Azure source for an ACR exchange. */
const ACR_RESOURCE = 'https://containerregistry.azure.net';
/** How long a refresh token lives when the answer does not say (Microsoft: renew every 3 hours). */
const DEFAULT_LIFETIME_MS = 3 * 60 * 60 * 1000;
const acr_LIMITS = { connectTimeoutMs: 10_000, timeoutMs: 30_000, maxBodyBytes: 64 * 1024 };
/** As Azure Pipelines' Docker task: 429 and 5xx, and a connection that stalled or broke, four retries. */
const ACR_RETRIES = {
    statuses: [429, ...retry/* SERVER_ERRORS */.Qx],
    retries: 4,
    backoff: { baseMs: 1_000, capMs: 8_000 },
    network: { kinds: ['reset', 'timeout'], retries: 4, backoff: { baseMs: 1_000, capMs: 8_000 } },
    retryAfterCapMs: 30_000
};
/** The base URL of a login server: https, or http for a loopback `host:port` (accepted only under the test-only setting). */
function acrBaseUrl(loginServer) {
    const url = new URL(`https://${loginServer}`);
    if (url.port && (0,net_url/* isLoopback */.U9)(url.hostname))
        return new URL(`http://${loginServer}`);
    return url;
}
/** Exchanges an Azure token for an ACR refresh token for `loginServer`. */
async function exchangeAtAcr(request, context) {
    const url = new URL('/oauth2/exchange', acrBaseUrl(request.loginServer));
    const call = `Could not log in to the Azure Container Registry ${request.loginServer} (POST ${url.origin}${url.pathname})`;
    const azureToken = await request.azureToken();
    const claims = (0,jwt/* decodeClaims */.Yq)(azureToken);
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
        response = await (0,token_endpoint/* callEndpoint */.cv)({ label: 'ACR exchange', rules: ACR_RETRIES, dialect: 'registry', attempt }, context);
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
    const parsed = (0,json/* jsonObject */.o$)(response.body);
    const refreshToken = parsed?.refresh_token;
    if (typeof refreshToken !== 'string' || refreshToken.length === 0) {
        (0,token_endpoint/* maskLongValues */.Rs)(parsed, context);
        const what = parsed ? 'JSON without a refresh_token' : 'not JSON';
        throw new errors/* LoginError */.Qd(`${call}: it answered 200 with a body that is ${what}. Check ${request.inputLabel}: it must name an Azure Container Registry login server.`);
    }
    context.mask(refreshToken);
    const now = context.clock.now();
    let expiresAt;
    try {
        expiresAt = (0,jwt/* issuedExpiry */.pD)((0,jwt/* decodeClaims */.Yq)(refreshToken), now, 'the refresh token it returned');
    }
    catch (error) {
        if (!(error instanceof jwt/* ExpiryRefused */.gQ))
            throw error;
        const clock = error.clock ? ", and this machine's clock" : '';
        throw new errors/* LoginError */.Qd(`${call}: ${error.message}. Check ${request.inputLabel}: it must name an Azure Container Registry login server${clock}.`);
    }
    return { username: users/* ACR_USERNAME */.s, password: refreshToken, expiresAt: expiresAt ?? new Date(now + DEFAULT_LIFETIME_MS) };
}
function acr_explain(error, call, request, claims) {
    if (error instanceof failure/* HttpFailure */.H) {
        const settings = error.settings ?? 'the network (HTTPS_PROXY and NO_PROXY, behind a proxy)';
        const hint = error.kind === 'unreachable'
            ? `no registry answers at that name: check ${request.inputLabel}`
            : `check ${request.inputLabel} and ${settings}`;
        return new errors/* LoginError */.Qd(`${call}: ${error.message}; ${hint}.`);
    }
    if (!(error instanceof token_endpoint/* ServiceStatus */.Ek))
        return error instanceof Error ? error : new Error(String(error));
    const status = error.response.status;
    if (status === 401 || status === 403)
        return roleMissing(error, call, request, claims);
    if (status === 404) {
        return new errors/* LoginError */.Qd(`${call}: ${error.summary}. Nothing at that address exchanges Azure tokens: check that ${request.inputLabel} names an Azure Container Registry login server.`);
    }
    if (ACR_RETRIES.statuses.includes(status)) {
        return new errors/* LoginError */.Qd(`${call}: the registry kept failing (last answer ${error.summary}) after ${ACR_RETRIES.retries + 1} attempts. Try again shortly.`);
    }
    return new errors/* LoginError */.Qd(`${call}: ${error.summary}.`);
}
/** A 401 or 403: the identity lacks the AcrPull role; the command that grants it, every value quoted. */
function roleMissing(error, call, request, claims) {
    const oid = typeof claims?.oid === 'string' ? claims.oid : undefined;
    const principal = oid && (0,shell/* isGuid */.W_)(oid) ? oid : undefined;
    const assignee = (0,shell/* shellArg */.JP)(principal, '<principal-id of the managed identity>');
    const name = (0,shell/* shellWord */.r7)(request.loginServer.split('.')[0]);
    return new errors/* LoginError */.Qd(`${call}: ${error.summary}. The registry refused the Azure identity${principal ? ` (principal ${principal})` : ''}: it needs the AcrPull role on ` +
        'this registry (or, on a registry with repository permissions (ABAC), Container Registry Repository Reader). Grant it with:\n' +
        `  az role assignment create --assignee-object-id ${assignee} --assignee-principal-type ServicePrincipal --role AcrPull ` +
        `--scope "$(az acr show --name ${name} --query id --output tsv)"\n` +
        'Role assignments can take a few minutes to apply.');
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/core/sources/inputs.ts
/** The inputs the identity sources read, as the input table and the source table both speak of them. */
/** The `identity-source` values: `auto`, or one source. */
const SOURCE_CHOICES = ['auto', 'imds', 'app-service', 'arc', 'workload-identity', 'token-file', 'github', 'azure-devops'];

// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: ./src/core/test-settings.ts
var test_settings = __webpack_require__(605);
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
            throw new errors/* InputError */.dz(INPUT, `Input ${inputLabel} names ${value}, a loopback address: ${test_settings/* LOOPBACK_FOR_TESTS_ONLY */.Zo}. Give <registry name>.azurecr.io.`);
        }
    }
    if (LOGIN_SERVER.test(value))
        return value;
    throw new errors/* InputError */.dz(INPUT, `Input ${inputLabel} names "${(0,core_text/* shown */.SP)(raw.trim(), 80)}", which is not an Azure Container Registry login server: give <registry name>.azurecr.io ` +
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

// EXTERNAL MODULE: ./src/core/inputs/checks.ts
var checks = __webpack_require__(9524);
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
        return fail(`must be true or false, not "${(0,core_text/* shown */.SP)(value)}".`);
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
        if (!checks/* GUID */.Sm.test(value))
            fail(`must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${(0,core_text/* shown */.SP)(value)}".`);
        return { kind, value: value.toLowerCase(), inputLabel: label };
    };
}
const noSpaces = (value, { fail }) => {
    if (value && /\s/.test(value))
        fail(`must not contain spaces ("${(0,core_text/* shown */.SP)(value)}").`);
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
            if (value && !checks/* UIDP */.js.test(value)) {
                fail(`is not an assumable identity's UIDP ("${(0,core_text/* shown */.SP)(value)}"): expected 40 hex digits, then one or more "/" and 16 hex digits, in lower case.`);
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
                fail(`must be one of ${SOURCE_CHOICES.join(', ')}, not "${(0,core_text/* shown */.SP)(choice)}".`);
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
            if (resource && !checks/* GUID */.Sm.test(resource) && !(0,checks/* isAbsoluteUri */.CP)(resource)) {
                fail(`must be an Application ID URI such as api://<app-client-id> or a client ID (a GUID), not "${(0,core_text/* shown */.SP)(resource)}".`);
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
            if (value && !checks/* GUID */.Sm.test(value))
                fail(`must be the service connection's ID (a GUID, shown in its URL as resourceId), not "${(0,core_text/* shown */.SP)(value)}".`);
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
            if (!checks/* RESOURCE_ID */.f2.test(value)) {
                fail(`must be the ARM resource ID of a user-assigned identity, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>, not "${(0,core_text/* shown */.SP)(value)}".`);
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
            const problem = (0,checks/* checkRegistry */.qW)(registry);
            if (problem)
                fail(`${problem} ("${(0,core_text/* shown */.SP)(registry)}"); give a host name such as cgr.dev, optionally with :port.`);
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
        parse: (value, { fail }) => (0,checks/* checkIssuer */.oP)(value || DEFAULT_ISSUER, fail)
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
                fail(`must be a number of seconds between 1 and 3600, not "${(0,core_text/* shown */.SP)(value)}".`);
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

// EXTERNAL MODULE: ./src/core/net/proxy.ts
var proxy = __webpack_require__(319);
// EXTERNAL MODULE: ./src/core/sources/azure-devops-oidc.ts
var azure_devops_oidc = __webpack_require__(9573);
// EXTERNAL MODULE: ./src/core/sources/table.ts + 6 modules
var table = __webpack_require__(480);
// EXTERNAL MODULE: ./src/core/credential-helper/config.ts
var credential_helper_config = __webpack_require__(1872);
;// CONCATENATED MODULE: ./src/core/credential-helper/refresh.ts
/**
 * The credential helper's refresh: the identity source the step used, chosen again from the
 * inputs and environment the step saw (as its configuration describes them), then the exchange
 * for the host (Chainguard's STS, or the Azure Container Registry).
 */












/** The description of the source the step chose, for the helper's configuration: never a secret. */
function describeSource(kind, inputs, env, platform) {
    const kept = (0,test_settings/* testEnvironment */.iH)(env);
    for (const name of table.SOURCE_ENVIRONMENT) {
        const value = env[name];
        if (value !== undefined && value !== '')
            kept[name] = value;
    }
    if (kind === 'azure-devops') {
        // The task library hands the request URI over as a pipeline variable.
        const uri = (0,azure_devops_oidc/* oidcRequestUri */.vr)(env, platform);
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
    for (const name of table.SECRET_ENVIRONMENT)
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
        return (0,table.selectSource)({ inputs, env, platform: runtime.platform, label, test: (0,test_settings/* readTestSettings */.mA)(env) }).source;
    }
    catch (error) {
        // What this process's environment lacks (IDENTITY_HEADER, ACTIONS_ID_TOKEN_REQUEST_TOKEN) another get may have.
        throw new credential_helper_config/* HelperError */.pQ(`the identity source ${stored.kind} the login step used is not available here: ${(0,errors/* messageOf */.bD)(error)}`, {
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
        throw new credential_helper_config/* HelperError */.pQ('SYSTEM_ACCESSTOKEN is not in the environment of this step, and a fresh Azure DevOps OIDC token needs it: map it in the step that runs docker, env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)', { local: true });
    }
    return source.getToken(context);
}
/** A fresh Chainguard token for `host`: the source's token, exchanged at the STS, with the setup doctor's advice if refused. */
async function chainguardCredential(config, host, runtime, context) {
    const entry = config.hosts[host];
    if (entry.kind !== 'chainguard')
        throw new credential_helper_config/* HelperError */.pQ(`its configuration names ${host} as another kind of host`);
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
        return { username: users/* CHAINGUARD_USERNAME */.U, secret: token.token, expiresAt: token.expiresAt };
    }
    catch (error) {
        throw withTrustAdvice(error, { source: (0,table.sourceDefinition)(source.kind), tokenName: source.tokenName, label });
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
        send: (0,proxy.sendThrough)(runtime.send, runtime.network),
        clock: runtime.clock,
        signal: runtime.signal,
        // The helper prints nothing a runner reads as a log line of the job; what it prints has every secret it was told of replaced.
        mask: (secret) => runtime.mask?.(secret),
        debug: () => undefined,
        env: runtime.env,
        platform: runtime.platform
    };
    return async (host) => {
        if (!(0,json/* hasOwn */.$3)(config.hosts, host))
            throw new credential_helper_config/* HelperError */.pQ(`its configuration names no host ${host}`);
        try {
            const refresh = config.hosts[host].kind === 'chainguard' ? chainguardCredential : acrCredential;
            return await refresh(config, host, runtime, context);
        }
        catch (error) {
            if (runtime.signal?.aborted) {
                throw new credential_helper_config/* HelperError */.pQ(`the refresh for ${host} took longer than ${config.timeoutSeconds ?? credential_helper_config/* DEFAULT_REFRESH_TIMEOUT_SECONDS */.Ab} s`);
            }
            if (error instanceof credential_helper_config/* HelperError */.pQ)
                throw error;
            throw new credential_helper_config/* HelperError */.pQ(`could not refresh the credential for ${host}: ${(0,errors/* messageOf */.bD)(error)}`, { cause: error });
        }
    };
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


/***/ })

};
