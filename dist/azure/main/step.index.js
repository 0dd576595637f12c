import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 37:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


// Copyright (c) Microsoft. All rights reserved.
// Licensed under the MIT license. See LICENSE file in the project root for full license information.
var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.errorExternalOutput = exports.warningExternalOutput = exports.debugExternalOutput = exports.writeExternalOutput = exports.createFilteredWriter = exports.filterExternalOutput = exports.createExternalOutputStream = exports.ExternalOutputStream = exports.MarkerFilter = exports.defaultAllowedVsoCommands = void 0;
var stream = __nccwpck_require__(203);
var im = __nccwpck_require__(202);
//
// External output filtering.
//
// Azure Pipelines treats a task's stdout both as log text and as a command channel:
// a line containing the marker "##vso[area.event ...]data" is parsed and executed by the
// agent. When a task echoes output that originates from an untrusted source (a remote
// server, a child process, a repository filename, compiler/test output, ...), that source
// can smuggle a "##vso[" marker and make the agent run a command on its behalf.
//
// This module neutralizes markers in such external output before it reaches the agent's
// command parser. By default every marker is blocked (rewritten "##vso[" -> "##_vso[").
// A task may opt a compatibility-sensitive path into a small, explicit allowlist of
// command names; unknown, malformed, or future commands stay blocked.
//
// The filter works on raw bytes (Buffer) so it never corrupts invalid UTF-8, binary
// output, or multibyte characters split across chunk boundaries. It matches the marker
// byte-for-byte, mirroring the agent's Ordinal comparison, so the two agree exactly on
// what a marker is.
//
/** The exact marker bytes the agent recognizes as the start of a command: "##vso[". */
var MARKER = Buffer.from('##vso[', 'ascii');
/** Neutralized form written in place of a blocked marker: "##_vso[". */
var NEUTRALIZED = Buffer.from('##_vso[', 'ascii');
var EMPTY = Buffer.alloc(0);
var SPACE = 0x20;
var RBRACKET = 0x5D; // ]
var CR = 0x0D;
var LF = 0x0A;
// Maximum command-name bytes retained while waiting for a terminator.
var MAX_HEADER = 256;
/** Commands allowed by default once VSO commands are enabled for a path. */
exports.defaultAllowedVsoCommands = Object.freeze(['task.debug', 'task.setprogress']);
function resolveAllowed(options) {
    if (!options.enableVsoCommands) {
        return new Set();
    }
    var list = options.allowedVsoCommands !== undefined
        ? options.allowedVsoCommands
        : exports.defaultAllowedVsoCommands;
    // Command-name comparison is case-insensitive to match the agent's command lookup.
    return new Set(list.map(function (c) { return c.toLowerCase(); }));
}
/**
 * Normalizes a raw command-name token to the agent's canonical "area.event" form, or null
 * when it is not a valid command name. Mirrors the agent's Split('.', RemoveEmptyEntries)
 * with a required length of exactly two non-empty segments.
 */
function canonicalCommandName(raw) {
    var parts = raw.split('.').filter(function (p) { return p.length > 0; });
    if (parts.length !== 2) {
        return null;
    }
    return (parts[0] + '.' + parts[1]).toLowerCase();
}
/** Returns the longest suffix of buf that is a proper marker prefix. */
function partialMarkerSuffixLength(buf) {
    var max = Math.min(MARKER.length - 1, buf.length);
    for (var k = max; k >= 1; k--) {
        if (buf.compare(MARKER, 0, k, buf.length - k, buf.length) === 0) {
            return k;
        }
    }
    return 0;
}
/**
 * Locates the end of a command-name header that starts at `start` (the byte after a marker).
 * The name ends at the first space or ']'. A CR or LF is also reported as a terminator with
 * newline=true so the caller can fail closed. Scans at most MAX_HEADER bytes; term is -1 when
 * no terminator is found within that bound (or before the buffer ends).
 */
function scanHeader(buf, start) {
    var limit = Math.min(buf.length, start + MAX_HEADER);
    for (var k = start; k < limit; k++) {
        var b = buf[k];
        if (b === SPACE || b === RBRACKET) {
            return { term: k, newline: false };
        }
        if (b === CR || b === LF) {
            return { term: k, newline: true };
        }
    }
    return { term: -1, newline: false };
}
/**
 * Stateful, byte-level marker filter. Feed bytes with push() and finish with flush().
 * Retains only the minimal bytes needed to resolve a marker that straddles a chunk
 * boundary, so memory stays bounded regardless of input size.
 */
var MarkerFilter = /** @class */ (function () {
    function MarkerFilter(enabled, allowed) {
        this.enabled = enabled;
        this.allowed = allowed;
        this.pending = EMPTY;
    }
    MarkerFilter.prototype.push = function (chunk) {
        var buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
        this.pending = EMPTY;
        var out = [];
        var pos = 0;
        while (pos < buf.length) {
            var idx = buf.indexOf(MARKER, pos);
            if (idx === -1) {
                // No complete marker remains. Retain a possible partial marker at the tail so
                // it can be completed by the next chunk; emit everything before it.
                var keep = Math.min(partialMarkerSuffixLength(buf), buf.length - pos);
                var emitEnd = buf.length - keep;
                if (emitEnd > pos) {
                    out.push(pos === 0 && emitEnd === buf.length ? buf : buf.subarray(pos, emitEnd));
                }
                this.pending = keep ? buf.subarray(buf.length - keep) : EMPTY;
                break;
            }
            if (idx > pos) {
                out.push(buf.subarray(pos, idx));
            }
            var afterMarker = idx + MARKER.length;
            if (!this.enabled) {
                out.push(NEUTRALIZED);
                pos = afterMarker;
                continue;
            }
            // Enabled: read the command name (up to the first space or ']') and allow the marker
            // only when that name is allowlisted.
            var _a = scanHeader(buf, afterMarker), term = _a.term, newline = _a.newline;
            if (term === -1) {
                if (buf.length - afterMarker >= MAX_HEADER) {
                    // No terminator within the bound: fail closed.
                    out.push(NEUTRALIZED);
                    pos = afterMarker;
                    continue;
                }
                // Header may complete in a later chunk; retain from the marker start.
                this.pending = buf.subarray(idx);
                break;
            }
            // A CR/LF before the terminator means the agent (which parses per line) would never
            // treat this as a command, so we fail closed and neutralize.
            if (newline) {
                out.push(NEUTRALIZED);
                pos = afterMarker;
                continue;
            }
            var name_1 = canonicalCommandName(buf.toString('utf8', afterMarker, term));
            // Allowlisted markers pass unchanged; the header/data after them flow through as
            // ordinary bytes and any later markers are evaluated independently.
            out.push(name_1 && this.allowed.has(name_1) ? MARKER : NEUTRALIZED);
            pos = afterMarker;
        }
        if (out.length === 0) {
            return EMPTY;
        }
        if (out.length === 1) {
            var only = out[0];
            // Never expose module-level buffers that callers could mutate globally.
            return only === NEUTRALIZED || only === MARKER ? Buffer.from(only) : only;
        }
        return Buffer.concat(out);
    };
    MarkerFilter.prototype.flush = function () {
        var p = this.pending;
        this.pending = EMPTY;
        if (p.length === 0) {
            return EMPTY;
        }
        // An incomplete command candidate that begins with the full marker is neutralized.
        if (this.enabled && p.length >= MARKER.length && p.subarray(0, MARKER.length).equals(MARKER)) {
            return Buffer.concat([NEUTRALIZED, p.subarray(MARKER.length)]);
        }
        // A partial marker (fewer than the full bytes) cannot be executed by the agent, so it
        // is safe to emit unchanged.
        return p;
    };
    return MarkerFilter;
}());
exports.MarkerFilter = MarkerFilter;
/**
 * A Transform stream that neutralizes VSO command markers in external output. Pipe untrusted
 * output into it; it writes filtered bytes to its readable side (and, via
 * createExternalOutputStream, on to the destination).
 */
var ExternalOutputStream = /** @class */ (function (_super) {
    __extends(ExternalOutputStream, _super);
    function ExternalOutputStream(options) {
        var _this = _super.call(this) || this;
        _this.markerFilter = new MarkerFilter(!!options.enableVsoCommands, resolveAllowed(options));
        return _this;
    }
    ExternalOutputStream.prototype._transform = function (chunk, _encoding, callback) {
        try {
            var buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
            var out = this.markerFilter.push(buf);
            if (out.length) {
                this.push(out);
            }
            callback();
        }
        catch (err) {
            // Fail closed: never recover by emitting the original marker.
            callback(err);
        }
    };
    ExternalOutputStream.prototype._flush = function (callback) {
        try {
            var out = this.markerFilter.flush();
            if (out.length) {
                this.push(out);
            }
            callback();
        }
        catch (err) {
            callback(err);
        }
    };
    return ExternalOutputStream;
}(stream.Transform));
exports.ExternalOutputStream = ExternalOutputStream;
/**
 * Creates a filtering stream for external output and pipes it to the destination
 * (default process.stdout). Pipe untrusted output into the returned stream, e.g.
 * `jenkinsResponse.pipe(tl.createExternalOutputStream({ source: 'remote' }))`.
 */
function createExternalOutputStream(options) {
    var filterStream = new ExternalOutputStream(options);
    var destination = options.destination || process.stdout;
    // Do not end the shared destination (e.g. process.stdout) when the source ends.
    filterStream.pipe(destination, { end: false });
    return filterStream;
}
exports.createExternalOutputStream = createExternalOutputStream;
/** Filters one complete value for internal task-lib consumers. */
function filterExternalOutput(data, options) {
    var filter = new MarkerFilter(!!options.enableVsoCommands, resolveAllowed(options));
    var buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'utf8');
    var filtered = filter.push(buf);
    var pending = filter.flush();
    return pending.length ? Buffer.concat([filtered, pending]) : filtered;
}
exports.filterExternalOutput = filterExternalOutput;
/** Creates a stateful writer for internal consumers that receive output in chunks. */
function createFilteredWriter(options, destination) {
    var filter = new MarkerFilter(!!options.enableVsoCommands, resolveAllowed(options));
    var ended = false;
    return {
        write: function (data) {
            if (ended) {
                throw new Error('Cannot write after end');
            }
            var buf = Buffer.isBuffer(data) ? data : Buffer.from(String(data), 'utf8');
            var filtered = filter.push(buf);
            if (filtered.length) {
                destination.write(filtered);
            }
        },
        end: function () {
            if (ended) {
                return;
            }
            ended = true;
            var pending = filter.flush();
            if (pending.length) {
                destination.write(pending);
            }
        }
    };
}
exports.createFilteredWriter = createFilteredWriter;
/** Filters external output before writing it or submitting it through a task-lib logger. */
function logExternalOutput(message, options) {
    var filtered = filterExternalOutput(message, options);
    switch (options.type) {
        case 'raw':
            var destination = options.destination || process.stdout;
            destination.write(filtered);
            break;
        case 'debug':
            im._debug(filtered.toString('utf8'));
            break;
        case 'warning':
            im._warning(filtered.toString('utf8'), options.issueSource, options.auditAction);
            break;
        case 'error':
            im._error(filtered.toString('utf8'), options.issueSource, options.auditAction);
            break;
    }
}
/** Filters external output and writes it directly to the configured destination. */
function writeExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'raw' }));
}
exports.writeExternalOutput = writeExternalOutput;
/** Filters external output and submits it through the task-lib debug logger. */
function debugExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'debug' }));
}
exports.debugExternalOutput = debugExternalOutput;
/** Filters external output and submits it through the task-lib warning logger. */
function warningExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'warning' }));
}
exports.warningExternalOutput = warningExternalOutput;
/** Filters external output and submits it through the task-lib error logger. */
function errorExternalOutput(message, options) {
    logExternalOutput(message, __assign(__assign({}, options), { type: 'error' }));
}
exports.errorExternalOutput = errorExternalOutput;


/***/ }),

/***/ 202:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


var _a, _b;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.isSigPipeError = exports._exposeCertSettings = exports._exposeProxySettings = exports._normalizeSeparators = exports._isRooted = exports._getDirectoryName = exports._ensureRooted = exports._isUncPath = exports._loadData = exports._ensurePatternRooted = exports._getFindInfoFromPattern = exports._cloneMatchOptions = exports._legacyFindFiles_convertPatternToRegExp = exports._which = exports._checkPath = exports._exist = exports._debug = exports._error = exports._warning = exports._command = exports._getVariableKey = exports._getVariable = exports._loc = exports._setResourcePath = exports._setErrStream = exports._setStdStream = exports._writeLine = exports._truncateBeforeSensitiveKeyword = exports._endsWith = exports._startsWith = exports.IssueAuditAction = exports.IssueSource = exports._vault = exports._knownVariableMap = void 0;
var fs = __nccwpck_require__(896);
var path = __nccwpck_require__(928);
var os = __nccwpck_require__(857);
var minimatch = __nccwpck_require__(772);
var util = __nccwpck_require__(23);
var tcm = __nccwpck_require__(373);
var vm = __nccwpck_require__(59);
var semver = __nccwpck_require__(318);
var crypto = __nccwpck_require__(982);
var libResource = __nccwpck_require__(137);
/**
 * Hash table of known variable info. The formatted env var name is the lookup key.
 *
 * The purpose of this hash table is to keep track of known variables. The hash table
 * needs to be maintained for multiple reasons:
 *  1) to distinguish between env vars and job vars
 *  2) to distinguish between secret vars and public
 *  3) to know the real variable name and not just the formatted env var name.
 */
exports._knownVariableMap = {};
var _commandCorrelationId;
//-----------------------------------------------------
// Enums
//-----------------------------------------------------
var IssueSource;
(function (IssueSource) {
    IssueSource["CustomerScript"] = "CustomerScript";
    IssueSource["TaskInternal"] = "TaskInternal";
})(IssueSource = exports.IssueSource || (exports.IssueSource = {}));
var IssueAuditAction;
(function (IssueAuditAction) {
    IssueAuditAction[IssueAuditAction["Unknown"] = 0] = "Unknown";
    IssueAuditAction[IssueAuditAction["ShellTasksValidation"] = 1] = "ShellTasksValidation";
})(IssueAuditAction = exports.IssueAuditAction || (exports.IssueAuditAction = {}));
//-----------------------------------------------------
// Validation Checks
//-----------------------------------------------------
// async await needs generators in node 4.x+
if (semver.lt(process.versions.node, '4.2.0')) {
    _warning('Tasks require a new agent.  Upgrade your agent or node to 4.2.0 or later', IssueSource.TaskInternal);
}
//-----------------------------------------------------
// String convenience
//-----------------------------------------------------
function _startsWith(str, start) {
    return str.slice(0, start.length) == start;
}
exports._startsWith = _startsWith;
function _endsWith(str, end) {
    return str.slice(-end.length) == end;
}
exports._endsWith = _endsWith;
function _truncateBeforeSensitiveKeyword(str, sensitiveKeywordsPattern) {
    if (!str) {
        return str;
    }
    var index = str.search(sensitiveKeywordsPattern);
    if (index <= 0) {
        return str;
    }
    return "".concat(str.substring(0, index), "...");
}
exports._truncateBeforeSensitiveKeyword = _truncateBeforeSensitiveKeyword;
//-----------------------------------------------------
// General Helpers
//-----------------------------------------------------
var _outStream = process.stdout;
var _errStream = process.stderr;
function _writeLine(str) {
    _outStream.write(str + os.EOL);
}
exports._writeLine = _writeLine;
function _setStdStream(stdStream) {
    _outStream = stdStream;
}
exports._setStdStream = _setStdStream;
function _setErrStream(errStream) {
    _errStream = errStream;
}
exports._setErrStream = _setErrStream;
//-----------------------------------------------------
// Loc Helpers
//-----------------------------------------------------
var _locStringCache = {};
var _resourceFiles = {};
var _libResourceFileLoaded = false;
var _resourceCulture = 'en-US';
function _getLocStrings(resourceJson, locResourceJson) {
    var locStrings = {};
    if (resourceJson && resourceJson.hasOwnProperty('messages')) {
        for (var key in resourceJson.messages) {
            if (locResourceJson && locResourceJson.hasOwnProperty('loc.messages.' + key)) {
                locStrings[key] = locResourceJson['loc.messages.' + key];
            }
            else {
                locStrings[key] = resourceJson.messages[key];
            }
        }
    }
    return locStrings;
}
function _loadResJson(resjsonFile) {
    var resJson;
    if (_exist(resjsonFile)) {
        var resjsonContent = fs.readFileSync(resjsonFile, 'utf8').toString();
        // remove BOM
        if (resjsonContent.indexOf('\uFEFF') == 0) {
            resjsonContent = resjsonContent.slice(1);
        }
        try {
            resJson = JSON.parse(resjsonContent);
        }
        catch (err) {
            _debug('unable to parse resjson with err: ' + err.message);
        }
    }
    else {
        _debug('.resjson file not found: ' + resjsonFile);
    }
    return resJson;
}
function _loadLocStrings(resourceFile, culture) {
    var locStrings = {};
    if (_exist(resourceFile)) {
        var resourceJson = __WEBPACK_EXTERNAL_createRequire(import.meta.url)(resourceFile);
        if (resourceJson && resourceJson.hasOwnProperty('messages')) {
            var locResourceJson;
            // load up resource resjson for different culture
            var localizedResourceFile = path.join(path.dirname(resourceFile), 'Strings', 'resources.resjson');
            var upperCulture = culture.toUpperCase();
            var cultures = [];
            try {
                cultures = fs.readdirSync(localizedResourceFile);
            }
            catch (ex) { }
            for (var i = 0; i < cultures.length; i++) {
                if (cultures[i].toUpperCase() == upperCulture) {
                    localizedResourceFile = path.join(localizedResourceFile, cultures[i], 'resources.resjson');
                    if (_exist(localizedResourceFile)) {
                        locResourceJson = _loadResJson(localizedResourceFile);
                    }
                    break;
                }
            }
            locStrings = _getLocStrings(resourceJson, locResourceJson);
        }
    }
    else {
        _warning('LIB_ResourceFile does not exist', IssueSource.TaskInternal);
    }
    return locStrings;
}
function _loadEmbeddedLocStrings(resourceData, culture) {
    var localizedResource;
    var upperCulture = culture.toUpperCase();
    var localizedResources = resourceData.localizedMessages || {};
    for (var localizedCulture in localizedResources) {
        if (localizedCulture.toUpperCase() == upperCulture) {
            localizedResource = localizedResources[localizedCulture];
            break;
        }
    }
    return _getLocStrings(resourceData, localizedResource);
}
/**
 * Sets the location of the resources json.  This is typically the task.json file.
 * Call once at the beginning of the script before any calls to loc.
 * @param     path      Full path to the json.
 * @param     ignoreWarnings  Won't throw warnings if path already set.
 * @returns   void
 */
function _setResourcePath(path, ignoreWarnings) {
    if (ignoreWarnings === void 0) { ignoreWarnings = false; }
    if (process.env['TASKLIB_INPROC_UNITS']) {
        _resourceFiles = {};
        _libResourceFileLoaded = false;
        _locStringCache = {};
        _resourceCulture = 'en-US';
    }
    if (!_resourceFiles[path]) {
        _checkPath(path, 'resource file path');
        _resourceFiles[path] = path;
        _debug('adding resource file: ' + path);
        _resourceCulture = _getVariable('system.culture') || _resourceCulture;
        var locStrs = _loadLocStrings(path, _resourceCulture);
        for (var key in locStrs) {
            //cache loc string
            _locStringCache[key] = locStrs[key];
        }
    }
    else {
        if (ignoreWarnings) {
        }
        else {
            _warning(_loc('LIB_ResourceFileAlreadySet', path), IssueSource.TaskInternal);
        }
    }
}
exports._setResourcePath = _setResourcePath;
/**
 * Gets the localized string from the json resource file.  Optionally formats with additional params.
 *
 * @param     key      key of the resources string in the resource file
 * @param     param    additional params for formatting the string
 * @returns   string
 */
function _loc(key) {
    var param = [];
    for (var _i = 1; _i < arguments.length; _i++) {
        param[_i - 1] = arguments[_i];
    }
    if (!_libResourceFileLoaded) {
        // merge loc strings from azure-pipelines-task-lib.
        var libLocStrs = _loadEmbeddedLocStrings(libResource, _resourceCulture);
        for (var libKey in libLocStrs) {
            //cache azure-pipelines-task-lib loc string
            _locStringCache[libKey] = libLocStrs[libKey];
        }
        _libResourceFileLoaded = true;
    }
    var locString;
    ;
    if (_locStringCache.hasOwnProperty(key)) {
        locString = _locStringCache[key];
    }
    else {
        if (Object.keys(_resourceFiles).length <= 0) {
            _warning("Resource file haven't been set, can't find loc string for key: ".concat(key), IssueSource.TaskInternal);
        }
        else {
            _warning("Can't find loc string for key: ".concat(key));
        }
        locString = key;
    }
    if (param.length > 0) {
        return util.format.apply(this, [locString].concat(param));
    }
    else {
        return locString;
    }
}
exports._loc = _loc;
//-----------------------------------------------------
// Input Helpers
//-----------------------------------------------------
/**
 * Gets a variable value that is defined on the build/release definition or set at runtime.
 *
 * @param     name     name of the variable to get
 * @returns   string
 */
function _getVariable(name) {
    var varval;
    // get the metadata
    var info;
    var key = _getVariableKey(name);
    if (exports._knownVariableMap.hasOwnProperty(key)) {
        info = exports._knownVariableMap[key];
    }
    if (info && info.secret) {
        // get the secret value
        varval = exports._vault.retrieveSecret('SECRET_' + key);
    }
    else {
        // get the public value
        varval = process.env[key];
        // fallback for pre 2.104.1 agent
        if (!varval && name.toUpperCase() == 'AGENT.JOBSTATUS') {
            varval = process.env['agent.jobstatus'];
        }
    }
    _debug(name + '=' + varval);
    return varval;
}
exports._getVariable = _getVariable;
function _getVariableKey(name) {
    if (!name) {
        throw new Error(_loc('LIB_ParameterIsRequired', 'name'));
    }
    return name.replace(/\./g, '_').replace(/ /g, '_').toUpperCase();
}
exports._getVariableKey = _getVariableKey;
//-----------------------------------------------------
// Cmd Helpers
//-----------------------------------------------------
function _command(command, properties, message) {
    var taskCmd = new tcm.TaskCommand(command, properties, message);
    _writeLine(taskCmd.toString());
}
exports._command = _command;
function _warning(message, source, auditAction) {
    if (source === void 0) { source = IssueSource.TaskInternal; }
    _command('task.issue', {
        'type': 'warning',
        'source': source,
        'correlationId': _commandCorrelationId,
        'auditAction': auditAction
    }, message);
}
exports._warning = _warning;
function _error(message, source, auditAction) {
    if (source === void 0) { source = IssueSource.TaskInternal; }
    _command('task.issue', {
        'type': 'error',
        'source': source,
        'correlationId': _commandCorrelationId,
        'auditAction': auditAction
    }, message);
}
exports._error = _error;
var debugMode = ((_a = _getVariable('system.debug')) === null || _a === void 0 ? void 0 : _a.toLowerCase()) === 'true';
var shouldCheckDebugMode = ((_b = _getVariable('DistributedTask.Tasks.Node.SkipDebugLogsWhenDebugModeOff')) === null || _b === void 0 ? void 0 : _b.toLowerCase()) === 'true';
function _debug(message) {
    if (!shouldCheckDebugMode
        || (shouldCheckDebugMode && debugMode)) {
        _command('task.debug', null, message);
    }
}
exports._debug = _debug;
// //-----------------------------------------------------
// // Disk Functions
// //-----------------------------------------------------
/**
 * Returns whether a path exists.
 *
 * @param     path      path to check
 * @returns   boolean
 */
function _exist(path) {
    var exist = false;
    try {
        exist = !!(path && fs.statSync(path) != null);
    }
    catch (err) {
        if (err && err.code === 'ENOENT') {
            exist = false;
        }
        else {
            throw err;
        }
    }
    return exist;
}
exports._exist = _exist;
/**
 * Checks whether a path exists.
 * If the path does not exist, it will throw.
 *
 * @param     p         path to check
 * @param     name      name only used in error message to identify the path
 * @returns   void
 */
function _checkPath(p, name) {
    _debug('check path : ' + p);
    if (!_exist(p)) {
        throw new Error(_loc('LIB_PathNotFound', name, p));
    }
}
exports._checkPath = _checkPath;
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool       name of the tool
 * @param     check      whether to check if tool exists
 * @returns   string
 */
function _which(tool, check) {
    if (!tool) {
        throw new Error('parameter \'tool\' is required');
    }
    // recursive when check=true
    if (check) {
        var result = _which(tool, false);
        if (result) {
            return result;
        }
        else {
            if (process.platform == 'win32') {
                throw new Error(_loc('LIB_WhichNotFound_Win', tool));
            }
            else {
                throw new Error(_loc('LIB_WhichNotFound_Linux', tool));
            }
        }
    }
    _debug("which '".concat(tool, "'"));
    try {
        // build the list of extensions to try
        var extensions = [];
        if (process.platform == 'win32' && process.env['PATHEXT']) {
            for (var _i = 0, _a = process.env['PATHEXT'].split(path.delimiter); _i < _a.length; _i++) {
                var extension = _a[_i];
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (_isRooted(tool)) {
            var filePath = _tryGetExecutablePath(tool, extensions);
            if (filePath) {
                _debug("found: '".concat(filePath, "'"));
                return filePath;
            }
            _debug('not found');
            return '';
        }
        // if any path separators, return empty
        if (tool.indexOf('/') >= 0 || (process.platform == 'win32' && tool.indexOf('\\') >= 0)) {
            _debug('not found');
            return '';
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a task lib perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the task lib should strive for consistency
        // across platforms.
        var directories = [];
        if (process.env['PATH']) {
            for (var _b = 0, _c = process.env['PATH'].split(path.delimiter); _b < _c.length; _b++) {
                var p = _c[_b];
                if (p) {
                    directories.push(p);
                }
            }
        }
        // return the first match
        for (var _d = 0, directories_1 = directories; _d < directories_1.length; _d++) {
            var directory = directories_1[_d];
            var filePath = _tryGetExecutablePath(directory + path.sep + tool, extensions);
            if (filePath) {
                _debug("found: '".concat(filePath, "'"));
                return filePath;
            }
        }
        _debug('not found');
        return '';
    }
    catch (err) {
        throw new Error(_loc('LIB_OperationFailed', 'which', err.message));
    }
}
exports._which = _which;
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function _tryGetExecutablePath(filePath, extensions) {
    try {
        // test file exists
        var stats = fs.statSync(filePath);
        if (stats.isFile()) {
            if (process.platform == 'win32') {
                // on Windows, test for valid extension
                var isExecutable = false;
                var fileName = path.basename(filePath);
                var dotIndex = fileName.lastIndexOf('.');
                if (dotIndex >= 0) {
                    var upperExt_1 = fileName.substr(dotIndex).toUpperCase();
                    if (extensions.some(function (validExt) { return validExt.toUpperCase() == upperExt_1; })) {
                        return filePath;
                    }
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
    }
    catch (err) {
        if (err.code != 'ENOENT') {
            _debug("Unexpected error attempting to determine if executable file exists '".concat(filePath, "': ").concat(err));
        }
    }
    // try each extension
    var originalFilePath = filePath;
    for (var _i = 0, extensions_1 = extensions; _i < extensions_1.length; _i++) {
        var extension = extensions_1[_i];
        var found = false;
        var filePath_1 = originalFilePath + extension;
        try {
            var stats = fs.statSync(filePath_1);
            if (stats.isFile()) {
                if (process.platform == 'win32') {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        var directory = path.dirname(filePath_1);
                        var upperName = path.basename(filePath_1).toUpperCase();
                        for (var _a = 0, _b = fs.readdirSync(directory); _a < _b.length; _a++) {
                            var actualName = _b[_a];
                            if (upperName == actualName.toUpperCase()) {
                                filePath_1 = path.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        _debug("Unexpected error attempting to determine the actual case of the file '".concat(filePath_1, "': ").concat(err));
                    }
                    return filePath_1;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath_1;
                    }
                }
            }
        }
        catch (err) {
            if (err.code != 'ENOENT') {
                _debug("Unexpected error attempting to determine if executable file exists '".concat(filePath_1, "': ").concat(err));
            }
        }
    }
    return '';
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return (stats.mode & 1) > 0 || ((stats.mode & 8) > 0 && stats.gid === process.getgid()) || ((stats.mode & 64) > 0 && stats.uid === process.getuid());
}
function _legacyFindFiles_convertPatternToRegExp(pattern) {
    pattern = (process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern) // normalize separator on Windows
        .replace(/[-\/\\^$*+?.()|[\]{}]/g, '\\$&') // regex escape - from http://stackoverflow.com/questions/3561493/is-there-a-regexp-escape-function-in-javascript
        .replace(/\\\/\\\*\\\*\\\//g, '((\/.+/)|(\/))') // replace directory globstar, e.g. /hello/**/world
        .replace(/\\\*\\\*/g, '.*') // replace remaining globstars with a wildcard that can span directory separators, e.g. /hello/**dll
        .replace(/\\\*/g, '[^\/]*') // replace asterisks with a wildcard that cannot span directory separators, e.g. /hello/*.dll
        .replace(/\\\?/g, '[^\/]'); // replace single character wildcards, e.g. /hello/log?.dll
    pattern = "^".concat(pattern, "$");
    var flags = process.platform == 'win32' ? 'i' : '';
    return new RegExp(pattern, flags);
}
exports._legacyFindFiles_convertPatternToRegExp = _legacyFindFiles_convertPatternToRegExp;
function _cloneMatchOptions(matchOptions) {
    return {
        debug: matchOptions.debug,
        nobrace: matchOptions.nobrace,
        noglobstar: matchOptions.noglobstar,
        dot: matchOptions.dot,
        noext: matchOptions.noext,
        nocase: matchOptions.nocase,
        nonull: matchOptions.nonull,
        matchBase: matchOptions.matchBase,
        nocomment: matchOptions.nocomment,
        nonegate: matchOptions.nonegate,
        flipNegate: matchOptions.flipNegate
    };
}
exports._cloneMatchOptions = _cloneMatchOptions;
function _getFindInfoFromPattern(defaultRoot, pattern, matchOptions) {
    // parameter validation
    if (!defaultRoot) {
        throw new Error('getFindRootFromPattern() parameter defaultRoot cannot be empty');
    }
    if (!pattern) {
        throw new Error('getFindRootFromPattern() parameter pattern cannot be empty');
    }
    if (!matchOptions.nobrace) {
        throw new Error('getFindRootFromPattern() expected matchOptions.nobrace to be true');
    }
    // for the sake of determining the findPath, pretend nocase=false
    matchOptions = _cloneMatchOptions(matchOptions);
    matchOptions.nocase = false;
    // check if basename only and matchBase=true
    if (matchOptions.matchBase &&
        !_isRooted(pattern) &&
        (process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern).indexOf('/') < 0) {
        return {
            adjustedPattern: pattern,
            findPath: defaultRoot,
            statOnly: false,
        };
    }
    // the technique applied by this function is to use the information on the Minimatch object determine
    // the findPath. Minimatch breaks the pattern into path segments, and exposes information about which
    // segments are literal vs patterns.
    //
    // note, the technique currently imposes a limitation for drive-relative paths with a glob in the
    // first segment, e.g. C:hello*/world. it's feasible to overcome this limitation, but is left unsolved
    // for now.
    var minimatchObj = new minimatch.Minimatch(pattern, matchOptions);
    // the "set" property is an array of arrays of parsed path segment info. the outer array should only
    // contain one item, otherwise something went wrong. brace expansion can result in multiple arrays,
    // but that should be turned off by the time this function is reached.
    if (minimatchObj.set.length != 1) {
        throw new Error('getFindRootFromPattern() expected Minimatch(...).set.length to be 1. Actual: ' + minimatchObj.set.length);
    }
    var literalSegments = [];
    for (var _i = 0, _a = minimatchObj.set[0]; _i < _a.length; _i++) {
        var parsedSegment = _a[_i];
        if (typeof parsedSegment == 'string') {
            // the item is a string when the original input for the path segment does not contain any
            // unescaped glob characters.
            //
            // note, the string here is already unescaped (i.e. glob escaping removed), so it is ready
            // to pass to find() as-is. for example, an input string 'hello\\*world' => 'hello*world'.
            literalSegments.push(parsedSegment);
            continue;
        }
        break;
    }
    // join the literal segments back together. Minimatch converts '\' to '/' on Windows, then squashes
    // consequetive slashes, and finally splits on slash. this means that UNC format is lost, but can
    // be detected from the original pattern.
    var joinedSegments = literalSegments.join('/');
    if (joinedSegments && process.platform == 'win32' && _startsWith(pattern.replace(/\\/g, '/'), '//')) {
        joinedSegments = '/' + joinedSegments; // restore UNC format
    }
    // determine the find path
    var findPath;
    if (_isRooted(pattern)) { // the pattern was rooted
        findPath = joinedSegments;
    }
    else if (joinedSegments) { // the pattern was not rooted, and literal segments were found
        findPath = _ensureRooted(defaultRoot, joinedSegments);
    }
    else { // the pattern was not rooted, and no literal segments were found
        findPath = defaultRoot;
    }
    // clean up the path
    if (findPath) {
        findPath = _getDirectoryName(_ensureRooted(findPath, '_')); // hack to remove unnecessary trailing slash
        findPath = _normalizeSeparators(findPath); // normalize slashes
    }
    return {
        adjustedPattern: _ensurePatternRooted(defaultRoot, pattern),
        findPath: findPath,
        statOnly: literalSegments.length == minimatchObj.set[0].length,
    };
}
exports._getFindInfoFromPattern = _getFindInfoFromPattern;
function _ensurePatternRooted(root, p) {
    if (!root) {
        throw new Error('ensurePatternRooted() parameter "root" cannot be empty');
    }
    if (!p) {
        throw new Error('ensurePatternRooted() parameter "p" cannot be empty');
    }
    if (_isRooted(p)) {
        return p;
    }
    // normalize root
    root = _normalizeSeparators(root);
    // escape special glob characters
    root = (process.platform == 'win32' ? root : root.replace(/\\/g, '\\\\')) // escape '\' on OSX/Linux
        .replace(/(\[)(?=[^\/]+\])/g, '[[]') // escape '[' when ']' follows within the path segment
        .replace(/\?/g, '[?]') // escape '?'
        .replace(/\*/g, '[*]') // escape '*'
        .replace(/\+\(/g, '[+](') // escape '+('
        .replace(/@\(/g, '[@](') // escape '@('
        .replace(/!\(/g, '[!]('); // escape '!('
    return _ensureRooted(root, p);
}
exports._ensurePatternRooted = _ensurePatternRooted;
//-------------------------------------------------------------------
// Populate the vault with sensitive data.  Inputs and Endpoints
//-------------------------------------------------------------------
function _loadData() {
    // in agent, prefer TempDirectory then workFolder.
    // In interactive dev mode, it won't be
    var keyPath = _getVariable("agent.TempDirectory") || _getVariable("agent.workFolder") || process.cwd();
    exports._vault = new vm.Vault(keyPath);
    exports._knownVariableMap = {};
    _debug('loading inputs and endpoints');
    var loaded = 0;
    for (var envvar in process.env) {
        if (_startsWith(envvar, 'INPUT_') ||
            _startsWith(envvar, 'ENDPOINT_AUTH_') ||
            _startsWith(envvar, 'SECUREFILE_TICKET_') ||
            _startsWith(envvar, 'SECRET_') ||
            _startsWith(envvar, 'VSTS_TASKVARIABLE_')) {
            // Record the secret variable metadata. This is required by getVariable to know whether
            // to retrieve the value from the vault. In a 2.104.1 agent or higher, this metadata will
            // be overwritten when the VSTS_SECRET_VARIABLES env var is processed below.
            if (_startsWith(envvar, 'SECRET_')) {
                var variableName = envvar.substring('SECRET_'.length);
                if (variableName) {
                    // This is technically not the variable name (has underscores instead of dots),
                    // but it's good enough to make getVariable work in a pre-2.104.1 agent where
                    // the VSTS_SECRET_VARIABLES env var is not defined.
                    exports._knownVariableMap[_getVariableKey(variableName)] = { name: variableName, secret: true };
                }
            }
            // store the secret
            var value = process.env[envvar];
            if (value) {
                ++loaded;
                _debug('loading ' + envvar);
                exports._vault.storeSecret(envvar, value);
                delete process.env[envvar];
            }
        }
    }
    _debug('loaded ' + loaded);
    var correlationId = process.env["COMMAND_CORRELATION_ID"];
    delete process.env["COMMAND_CORRELATION_ID"];
    _commandCorrelationId = correlationId ? String(correlationId) : "";
    // store public variable metadata
    var names;
    try {
        names = JSON.parse(process.env['VSTS_PUBLIC_VARIABLES'] || '[]');
    }
    catch (err) {
        throw new Error('Failed to parse VSTS_PUBLIC_VARIABLES as JSON. ' + err); // may occur during interactive testing
    }
    names.forEach(function (name) {
        exports._knownVariableMap[_getVariableKey(name)] = { name: name, secret: false };
    });
    delete process.env['VSTS_PUBLIC_VARIABLES'];
    // store secret variable metadata
    try {
        names = JSON.parse(process.env['VSTS_SECRET_VARIABLES'] || '[]');
    }
    catch (err) {
        throw new Error('Failed to parse VSTS_SECRET_VARIABLES as JSON. ' + err); // may occur during interactive testing
    }
    names.forEach(function (name) {
        exports._knownVariableMap[_getVariableKey(name)] = { name: name, secret: true };
    });
    delete process.env['VSTS_SECRET_VARIABLES'];
    // avoid loading twice (overwrites .taskkey)
    global['_vsts_task_lib_loaded'] = true;
}
exports._loadData = _loadData;
//--------------------------------------------------------------------------------
// Internal path helpers.
//--------------------------------------------------------------------------------
/**
 * Defines if path is unc-path.
 *
 * @param path  a path to a file.
 * @returns     true if path starts with double backslash, otherwise returns false.
 */
function _isUncPath(path) {
    return /^\\\\[^\\]/.test(path);
}
exports._isUncPath = _isUncPath;
function _ensureRooted(root, p) {
    if (!root) {
        throw new Error('ensureRooted() parameter "root" cannot be empty');
    }
    if (!p) {
        throw new Error('ensureRooted() parameter "p" cannot be empty');
    }
    if (_isRooted(p)) {
        return p;
    }
    if (process.platform == 'win32' && root.match(/^[A-Z]:$/i)) { // e.g. C:
        return root + p;
    }
    // ensure root ends with a separator
    if (_endsWith(root, '/') || (process.platform == 'win32' && _endsWith(root, '\\'))) {
        // root already ends with a separator
    }
    else {
        root += path.sep; // append separator
    }
    return root + p;
}
exports._ensureRooted = _ensureRooted;
/**
 * Determines the parent path and trims trailing slashes (when safe). Path separators are normalized
 * in the result. This function works similar to the .NET System.IO.Path.GetDirectoryName() method.
 * For example, C:\hello\world\ returns C:\hello\world (trailing slash removed). Returns empty when
 * no higher directory can be determined.
 */
function _getDirectoryName(p) {
    // short-circuit if empty
    if (!p) {
        return '';
    }
    // normalize separators
    p = _normalizeSeparators(p);
    // on Windows, the goal of this function is to match the behavior of
    // [System.IO.Path]::GetDirectoryName(), e.g.
    //      C:/             =>
    //      C:/hello        => C:\
    //      C:/hello/       => C:\hello
    //      C:/hello/world  => C:\hello
    //      C:/hello/world/ => C:\hello\world
    //      C:              =>
    //      C:hello         => C:
    //      C:hello/        => C:hello
    //      /               =>
    //      /hello          => \
    //      /hello/         => \hello
    //      //hello         =>
    //      //hello/        =>
    //      //hello/world   =>
    //      //hello/world/  => \\hello\world
    //
    // unfortunately, path.dirname() can't simply be used. for example, on Windows
    // it yields different results from Path.GetDirectoryName:
    //      C:/             => C:/
    //      C:/hello        => C:/
    //      C:/hello/       => C:/
    //      C:/hello/world  => C:/hello
    //      C:/hello/world/ => C:/hello
    //      C:              => C:
    //      C:hello         => C:
    //      C:hello/        => C:
    //      /               => /
    //      /hello          => /
    //      /hello/         => /
    //      //hello         => /
    //      //hello/        => /
    //      //hello/world   => //hello/world
    //      //hello/world/  => //hello/world/
    //      //hello/world/again => //hello/world/
    //      //hello/world/again/ => //hello/world/
    //      //hello/world/again/again => //hello/world/again
    //      //hello/world/again/again/ => //hello/world/again
    if (process.platform == 'win32') {
        if (/^[A-Z]:\\?[^\\]+$/i.test(p)) { // e.g. C:\hello or C:hello
            return p.charAt(2) == '\\' ? p.substring(0, 3) : p.substring(0, 2);
        }
        else if (/^[A-Z]:\\?$/i.test(p)) { // e.g. C:\ or C:
            return '';
        }
        var lastSlashIndex = p.lastIndexOf('\\');
        if (lastSlashIndex < 0) { // file name only
            return '';
        }
        else if (p == '\\') { // relative root
            return '';
        }
        else if (lastSlashIndex == 0) { // e.g. \\hello
            return '\\';
        }
        else if (/^\\\\[^\\]+(\\[^\\]*)?$/.test(p)) { // UNC root, e.g. \\hello or \\hello\ or \\hello\world
            return '';
        }
        return p.substring(0, lastSlashIndex); // e.g. hello\world => hello or hello\world\ => hello\world
        // note, this means trailing slashes for non-root directories
        // (i.e. not C:\, \, or \\unc\) will simply be removed.
    }
    // OSX/Linux
    if (p.indexOf('/') < 0) { // file name only
        return '';
    }
    else if (p == '/') {
        return '';
    }
    else if (_endsWith(p, '/')) {
        return p.substring(0, p.length - 1);
    }
    return path.dirname(p);
}
exports._getDirectoryName = _getDirectoryName;
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function _isRooted(p) {
    p = _normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (process.platform == 'win32') {
        return _startsWith(p, '\\') || // e.g. \ or \hello or \\hello
            /^[A-Z]:/i.test(p); // e.g. C: or C:\hello
    }
    return _startsWith(p, '/'); // e.g. /hello
}
exports._isRooted = _isRooted;
function _normalizeSeparators(p) {
    p = p || '';
    if (process.platform == 'win32') {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        var isUnc = /^\\\\+[^\\]/.test(p); // e.g. \\hello
        return (isUnc ? '\\' : '') + p.replace(/\\\\+/g, '\\'); // preserve leading // for UNC
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
exports._normalizeSeparators = _normalizeSeparators;
//-----------------------------------------------------
// Expose proxy information to vsts-node-api
//-----------------------------------------------------
function _exposeProxySettings() {
    var proxyUrl = _getVariable('Agent.ProxyUrl');
    if (proxyUrl && proxyUrl.length > 0) {
        var proxyUsername = _getVariable('Agent.ProxyUsername');
        var proxyPassword = _getVariable('Agent.ProxyPassword');
        var proxyBypassHostsJson = _getVariable('Agent.ProxyBypassList');
        global['_vsts_task_lib_proxy_url'] = proxyUrl;
        global['_vsts_task_lib_proxy_username'] = proxyUsername;
        global['_vsts_task_lib_proxy_bypass'] = proxyBypassHostsJson;
        global['_vsts_task_lib_proxy_password'] = _exposeTaskLibSecret('proxy', proxyPassword || '');
        _debug('expose agent proxy configuration.');
        global['_vsts_task_lib_proxy'] = true;
    }
}
exports._exposeProxySettings = _exposeProxySettings;
//-----------------------------------------------------
// Expose certificate information to vsts-node-api
//-----------------------------------------------------
function _exposeCertSettings() {
    var ca = _getVariable('Agent.CAInfo');
    if (ca) {
        global['_vsts_task_lib_cert_ca'] = ca;
    }
    var clientCert = _getVariable('Agent.ClientCert');
    if (clientCert) {
        var clientCertKey = _getVariable('Agent.ClientCertKey');
        var clientCertArchive = _getVariable('Agent.ClientCertArchive');
        var clientCertPassword = _getVariable('Agent.ClientCertPassword');
        global['_vsts_task_lib_cert_clientcert'] = clientCert;
        global['_vsts_task_lib_cert_key'] = clientCertKey;
        global['_vsts_task_lib_cert_archive'] = clientCertArchive;
        global['_vsts_task_lib_cert_passphrase'] = _exposeTaskLibSecret('cert', clientCertPassword || '');
    }
    if (ca || clientCert) {
        _debug('expose agent certificate configuration.');
        global['_vsts_task_lib_cert'] = true;
    }
    var skipCertValidation = _getVariable('Agent.SkipCertValidation') || 'false';
    if (skipCertValidation) {
        global['_vsts_task_lib_skip_cert_validation'] = skipCertValidation.toUpperCase() === 'TRUE';
    }
}
exports._exposeCertSettings = _exposeCertSettings;
// We store the encryption key on disk and hold the encrypted content and key file in memory
// return base64encoded<keyFilePath>:base64encoded<encryptedContent>
// downstream vsts-node-api will retrieve the secret later
function _exposeTaskLibSecret(keyFile, secret) {
    if (secret) {
        var encryptKey = crypto.randomBytes(32);
        var iv = crypto.randomBytes(16);
        var cipher = crypto.createCipheriv("aes-256-ctr", encryptKey, iv);
        var encryptedContent = cipher.update(secret, "utf8", "hex"); // CodeQL [SM01511] agent need to retrieve password later to connect to proxy server
        encryptedContent += cipher.final("hex");
        var storageFile = path.join(_getVariable('Agent.TempDirectory') || _getVariable("agent.workFolder") || process.cwd(), keyFile);
        var keyAndIv = encryptKey.toString('base64') + ':' + iv.toString('base64');
        fs.writeFileSync(storageFile, keyAndIv, { encoding: 'utf8' });
        return Buffer.from(storageFile).toString('base64') + ':' + Buffer.from(encryptedContent).toString('base64');
    }
}
function isSigPipeError(e) {
    var _a;
    if (!e || typeof e !== 'object') {
        return false;
    }
    return e.code === 'EPIPE' && ((_a = e.syscall) === null || _a === void 0 ? void 0 : _a.toUpperCase()) === 'WRITE';
}
exports.isSigPipeError = isSigPipeError;


/***/ }),

/***/ 137:
/***/ ((module) => {

// Copyright (c) Microsoft. All rights reserved.
// Licensed under the MIT license. See LICENSE file in the project root for full license information.

// Generated by make.js from lib.json and Strings/resources.resjson.
module.exports = {
  "messages": {
    "LIB_CopyDirectoryWithoutRecursiveOption": "cp: cannot copy a directory '%s' without the recursive option",
    "LIB_CopyFileFailed": "Error while copying the file. Attempts left: %s",
    "LIB_DirectoryStackEmpty": "Directory stack is empty",
    "LIB_EndpointAuthNotExist": "Endpoint auth data not present: %s",
    "LIB_EndpointDataNotExist": "Endpoint data parameter %s not present: %s",
    "LIB_EndpointNotExist": "Endpoint not present: %s",
    "LIB_FailOnCode": "Failure return code: %d",
    "LIB_InputRequired": "Input required: %s",
    "LIB_InvalidEndpointAuth": "Invalid endpoint auth: %s",
    "LIB_InvalidPattern": "Invalid pattern: '%s'",
    "LIB_InvalidSecureFilesInput": "Invalid secure file input: %s",
    "LIB_LocStringNotFound": "Can\\'t find loc string for key: %s",
    "LIB_MergeTestResultNotSupported": "Merging test results from multiple files to one test run is not supported on this version of build agent for OSX/Linux, each test result file will be published as a separate test run in VSO/TFS.",
    "LIB_MkdirFailed": "Unable to create directory '%s'. %s",
    "LIB_MkdirFailedFileExists": "Unable to create directory '%s'. Conflicting file exists: '%s'",
    "LIB_MkdirFailedInvalidDriveRoot": "Unable to create directory '%s'. Root directory does not exist: '%s'",
    "LIB_MkdirFailedInvalidShare": "Unable to create directory '%s'. Unable to verify the directory exists: '%s'. If directory is a file share, please verify the share name is correct, the share is online, and the current process has permission to access the share.",
    "LIB_MultilineSecret": "Secrets cannot contain multiple lines",
    "LIB_NotFoundPreviousDirectory": "Could not find previous directory",
    "LIB_OperationFailed": "Failed %s: %s",
    "LIB_ParameterIsRequired": "%s not supplied",
    "LIB_PathHasNullByte": "Path cannot contain null bytes",
    "LIB_PathIsNotADirectory": "Path is not a directory: %s",
    "LIB_PathNotFound": "Not found %s: %s",
    "LIB_PlatformNotSupported": "Platform not supported: %s",
    "LIB_ProcessError": "There was an error when attempting to execute the process '%s'. This may indicate the process failed to start. Error: %s",
    "LIB_ProcessExitCode": "The process '%s' failed with exit code %s",
    "LIB_ProcessStderr": "The process '%s' failed because one or more lines were written to the STDERR stream",
    "LIB_ResourceFileAlreadySet": "Resource file has already set to: %s",
    "LIB_ResourceFileNotExist": "Resource file doesn\\'t exist: %s",
    "LIB_ResourceFileNotSet": "Resource file haven\\'t set, can\\'t find loc string for key: %s",
    "LIB_ReturnCode": "Return code: %d",
    "LIB_StdioNotClosed": "The STDIO streams did not close within %s seconds of the exit event from process '%s'. This may indicate a child process inherited the STDIO streams and has not yet exited.",
    "LIB_UndefinedNodeVersion": "Node version is undefined.",
    "LIB_UnhandledEx": "Unhandled: %s",
    "LIB_UseFirstGlobMatch": "Multiple workspace matches. using first.",
    "LIB_WhichNotFound_Linux": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.",
    "LIB_WhichNotFound_Win": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file."
  },
  "localizedMessages": {
    "de-DE": {
      "loc.messages.LIB_CopyFileFailed": "Fehler beim Kopieren der Datei. Verbleibende Versuche: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "Der Verzeichnisstapel ist leer.",
      "loc.messages.LIB_EndpointAuthNotExist": "Die Endpunkt-Authentifizierungsdatensind nicht vorhanden: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Der Endpunkt-Datenparameter %s ist nicht vorhanden: %s",
      "loc.messages.LIB_EndpointNotExist": "Der Endpunkt ist nicht vorhanden: %s",
      "loc.messages.LIB_FailOnCode": "Fehler beim R\u00fcckgabecode: %d",
      "loc.messages.LIB_InputRequired": "Eingabe erforderlich: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Ung\u00fcltige Endpunktauthentifizierung: %s",
      "loc.messages.LIB_InvalidPattern": "Ung\u00fcltiges Muster: \"%s\"",
      "loc.messages.LIB_InvalidSecureFilesInput": "Ung\u00fcltige sichere Dateiausgabe: %s",
      "loc.messages.LIB_LocStringNotFound": "Die Lokalisierungszeichenfolge f\u00fcr den folgenden Schl\u00fcssel wurde nicht gefunden: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "Das Mergen von Testergebnissen aus mehreren Dateien in einen Testlauf wird von dieser Version des Build-Agents f\u00fcr OSX/Linux nicht unterst\u00fctzt. Jede Testergebnisdatei wird als separater Testlauf in VSO/TFS ver\u00f6ffentlicht.",
      "loc.messages.LIB_MkdirFailed": "Das Verzeichnis \"%s\" kann nicht erstellt werden. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Das Verzeichnis \"%s\" kann nicht erstellt werden. Eine in Konflikt stehende Datei ist vorhanden: \"%s\"",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Das Verzeichnis \"%s\" kann nicht erstellt werden. Das Stammverzeichnis ist nicht vorhanden: %s",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Das Verzeichnis \"%s\" kann nicht erstellt werden. Es kann nicht \u00fcberpr\u00fcft werden, ob das Verzeichnis vorhanden ist: {%s}. Wenn das Verzeichnis eine Dateifreigabe ist, stellen Sie sicher, dass der Freigabename richtig, die Freigabe online und der aktuelle Prozess berechtigt ist, auf die Freigabe zuzugreifen.",
      "loc.messages.LIB_MultilineSecret": "Geheimnisse d\u00fcrfen nicht mehrere Zeilen enthalten",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Vorheriges Verzeichnis wurde nicht gefunden.",
      "loc.messages.LIB_OperationFailed": "Fehler %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "\"%s\" wurde nicht angegeben.",
      "loc.messages.LIB_PathHasNullByte": "Der Pfad darf keine NULL-Bytes enthalten.",
      "loc.messages.LIB_PathIsNotADirectory": "Der Pfad ist kein Verzeichnis: %s",
      "loc.messages.LIB_PathNotFound": "Nicht gefunden %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "Plattform wird nicht unterst\u00fctzt: %s",
      "loc.messages.LIB_ProcessError": "Fehler beim Ausf\u00fchren des Prozesses \"%s\". M\u00f6glicherweise konnte der Prozess nicht gestartet werden. Fehler: %s",
      "loc.messages.LIB_ProcessExitCode": "Fehler beim Prozess \"%s\" mit Exitcode %s.",
      "loc.messages.LIB_ProcessStderr": "Fehler beim Prozess \"%s\": Mindestens eine Zeile wurde in den STDERR-Datenstrom geschrieben.",
      "loc.messages.LIB_ResourceFileAlreadySet": "Die Ressourcendatei wurde bereits festgelegt auf: %s",
      "loc.messages.LIB_ResourceFileNotExist": "Die Ressourcendatei ist nicht vorhanden: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Die Ressourcendatei wurde nicht festgelegt. Die Lokalisierungszeichenfolge f\u00fcr den folgenden Schl\u00fcssel wurde nicht gefunden: %s",
      "loc.messages.LIB_ReturnCode": "R\u00fcckgabecode: %d",
      "loc.messages.LIB_StdioNotClosed": "Die STDIO-Datenstr\u00f6me wurden nicht innerhalb von %s\u00a0Sekunden nach dem Beendigungsereignis aus dem Prozess \"%s\" geschlossen. M\u00f6glicherweise hat ein untergeordneter Prozess die STDIO-Datenstr\u00f6me geerbt und wurde noch nicht beendet.",
      "loc.messages.LIB_UndefinedNodeVersion": "Die Knotenversion ist nicht definiert.",
      "loc.messages.LIB_UnhandledEx": "Ausnahmefehler: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Mehrere Arbeitsbereich\u00fcbereinstimmungen. Die erste \u00dcbereinstimmung wird verwendet.",
      "loc.messages.LIB_WhichNotFound_Linux": "Ausf\u00fchrbare Datei nicht gefunden: '%s'. Pr\u00fcfen Sie, ob der Dateipfad vorhanden ist oder sich die Datei in einem von der PATH-Umgebungsvariablen angegebenen Verzeichnis befindet. Pr\u00fcfen Sie zudem den Dateimodus, um sicherzustellen, dass die Datei ausf\u00fchrbar ist.",
      "loc.messages.LIB_WhichNotFound_Win": "Ausf\u00fchrbare Datei nicht gefunden: \"%s\". Pr\u00fcfen Sie, ob der Dateipfad vorhanden ist oder sich die Datei in einem von der PATH-Umgebungsvariablen angegebenen Verzeichnis befindet. Pr\u00fcfen Sie zudem, ob die Datei eine g\u00fcltige Erweiterung f\u00fcr eine ausf\u00fchrbare Datei aufweist."
    },
    "en-US": {
      "loc.messages.LIB_CopyDirectoryWithoutRecursiveOption": "cp: cannot copy a directory '%s' without the recursive option",
      "loc.messages.LIB_CopyFileFailed": "Error while copying the file. Attempts left: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "Directory stack is empty",
      "loc.messages.LIB_EndpointAuthNotExist": "Endpoint auth data not present: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Endpoint data parameter %s not present: %s",
      "loc.messages.LIB_EndpointNotExist": "Endpoint not present: %s",
      "loc.messages.LIB_FailOnCode": "Failure return code: %d",
      "loc.messages.LIB_InputRequired": "Input required: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Invalid endpoint auth: %s",
      "loc.messages.LIB_InvalidPattern": "Invalid pattern: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "Invalid secure file input: %s",
      "loc.messages.LIB_LocStringNotFound": "Can\\'t find loc string for key: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "Merging test results from multiple files to one test run is not supported on this version of build agent for OSX/Linux, each test result file will be published as a separate test run in VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Unable to create directory '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Unable to create directory '%s'. Conflicting file exists: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Unable to create directory '%s'. Root directory does not exist: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Unable to create directory '%s'. Unable to verify the directory exists: '%s'. If directory is a file share, please verify the share name is correct, the share is online, and the current process has permission to access the share.",
      "loc.messages.LIB_MultilineSecret": "Secrets cannot contain multiple lines",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Could not find previous directory",
      "loc.messages.LIB_OperationFailed": "Failed %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s not supplied",
      "loc.messages.LIB_PathHasNullByte": "Path cannot contain null bytes",
      "loc.messages.LIB_PathIsNotADirectory": "Path is not a directory: %s",
      "loc.messages.LIB_PathNotFound": "Not found %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "Platform not supported: %s",
      "loc.messages.LIB_ProcessError": "There was an error when attempting to execute the process '%s'. This may indicate the process failed to start. Error: %s",
      "loc.messages.LIB_ProcessExitCode": "The process '%s' failed with exit code %s",
      "loc.messages.LIB_ProcessStderr": "The process '%s' failed because one or more lines were written to the STDERR stream",
      "loc.messages.LIB_ResourceFileAlreadySet": "Resource file has already set to: %s",
      "loc.messages.LIB_ResourceFileNotExist": "Resource file doesn\\'t exist: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Resource file haven\\'t set, can\\'t find loc string for key: %s",
      "loc.messages.LIB_ReturnCode": "Return code: %d",
      "loc.messages.LIB_StdioNotClosed": "The STDIO streams did not close within %s seconds of the exit event from process '%s'. This may indicate a child process inherited the STDIO streams and has not yet exited.",
      "loc.messages.LIB_UndefinedNodeVersion": "Node version is undefined.",
      "loc.messages.LIB_UnhandledEx": "Unhandled: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Multiple workspace matches. using first.",
      "loc.messages.LIB_WhichNotFound_Linux": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.",
      "loc.messages.LIB_WhichNotFound_Win": "Unable to locate executable file: '%s'. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file."
    },
    "es-ES": {
      "loc.messages.LIB_CopyFileFailed": "Error al copiar el archivo. Intentos restantes: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "La pila de directorios est\u00e1 vac\u00eda",
      "loc.messages.LIB_EndpointAuthNotExist": "Los datos de autenticaci\u00f3n del punto de conexi\u00f3n no existen: %s.",
      "loc.messages.LIB_EndpointDataNotExist": "El par\u00e1metro %s de datos del punto de conexi\u00f3n no existe: %s.",
      "loc.messages.LIB_EndpointNotExist": "No hay punto de conexi\u00f3n: %s",
      "loc.messages.LIB_FailOnCode": "C\u00f3digo de retorno de error: %d",
      "loc.messages.LIB_InputRequired": "Entrada requerida: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Autenticaci\u00f3n de punto de conexi\u00f3n no v\u00e1lida: %s",
      "loc.messages.LIB_InvalidPattern": "Patr\u00f3n no v\u00e1lido: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "Entrada de archivo seguro no v\u00e1lida: %s",
      "loc.messages.LIB_LocStringNotFound": "No se encuentra la cadena localizada para la clave: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "Esta versi\u00f3n del agente de compilaci\u00f3n para OSX/Linux no admite la fusi\u00f3n mediante combinaci\u00f3n de resultados de pruebas de varios archivos en una serie de pruebas. Cada archivo de resultados de pruebas se publicar\u00e1 como una serie de pruebas diferente en VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "No se puede crear el directorio '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "No se puede crear el directorio '%s'. Hay un conflicto entre archivos: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "No se puede crear el directorio '%s'. El directorio ra\u00edz no existe: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "No se puede crear el directorio '%s'. No se puede comprobar si el directorio existe: '%s'. Si el directorio es un recurso compartido de archivos, compruebe que el nombre es correcto, que est\u00e1 en l\u00ednea y que el proceso actual tiene permiso de acceso a este.",
      "loc.messages.LIB_MultilineSecret": "Los secretos no pueden contener varias l\u00edneas.",
      "loc.messages.LIB_NotFoundPreviousDirectory": "No se ha encontrado el directorio anterior",
      "loc.messages.LIB_OperationFailed": "Error de %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "No se ha proporcionado %s",
      "loc.messages.LIB_PathHasNullByte": "La ruta de acceso no puede tener bytes nulos",
      "loc.messages.LIB_PathIsNotADirectory": "La ruta de acceso no es un directorio: %s",
      "loc.messages.LIB_PathNotFound": "No se encuentra %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "No se admite la plataforma: %s",
      "loc.messages.LIB_ProcessError": "Error al intentar ejecutar el proceso \"%s\". Esto puede indicar que no se pudo iniciar el proceso. Error: %s",
      "loc.messages.LIB_ProcessExitCode": "Error del proceso \"%s\" con el c\u00f3digo de salida %s",
      "loc.messages.LIB_ProcessStderr": "Error del proceso \"%s\" porque se escribieron una o varias l\u00edneas en la secuencia STDERR",
      "loc.messages.LIB_ResourceFileAlreadySet": "El archivo de recursos se ha establecido ya en: %s",
      "loc.messages.LIB_ResourceFileNotExist": "El archivo de recursos no existe: %s",
      "loc.messages.LIB_ResourceFileNotSet": "No se ha establecido el archivo de recursos. No se encuentra la cadena localizada para la clave: %s",
      "loc.messages.LIB_ReturnCode": "C\u00f3digo de retorno: %d",
      "loc.messages.LIB_StdioNotClosed": "Las secuencias STDIO no se cerraron en un plazo de %s\u00a0segundos desde el evento de salida del proceso \"%s\". Esto puede indicar que un proceso secundario ha heredado las secuencias STDIO y a\u00fan no se ha cerrado.",
      "loc.messages.LIB_UndefinedNodeVersion": "La versi\u00f3n del nodo no est\u00e1 definida.",
      "loc.messages.LIB_UnhandledEx": "No controlada: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Hay varias coincidencias en el \u00e1rea de trabajo. Se usar\u00e1 la primera.",
      "loc.messages.LIB_WhichNotFound_Linux": "No se puede encontrar el archivo ejecutable: \"%s\". Compruebe que la ruta de acceso del archivo existe o que el archivo se puede encontrar en un directorio especificado en la variable de entorno PATH. Revise tambi\u00e9n el modo de archivo para comprobar que el archivo es ejecutable.",
      "loc.messages.LIB_WhichNotFound_Win": "No se puede encontrar el archivo ejecutable: \"%s\". Compruebe que la ruta de acceso del archivo existe o que el archivo se puede encontrar en un directorio especificado en la variable de entorno PATH. Revise tambi\u00e9n que el archivo tenga una extensi\u00f3n v\u00e1lida para un archivo ejecutable."
    },
    "fr-FR": {
      "loc.messages.LIB_CopyFileFailed": "Erreur durant la copie du fichier. Tentatives restantes\u00a0: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "La pile de r\u00e9pertoires est vide",
      "loc.messages.LIB_EndpointAuthNotExist": "Donn\u00e9es d'authentification du point de terminaison absentes\u00a0: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Param\u00e8tre de donn\u00e9es du point de terminaison %s absent\u00a0: %s",
      "loc.messages.LIB_EndpointNotExist": "Point de terminaison absent\u00a0: %s",
      "loc.messages.LIB_FailOnCode": "Code de retour de l'\u00e9chec\u00a0: %d",
      "loc.messages.LIB_InputRequired": "Entr\u00e9e n\u00e9cessaire\u00a0: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Authentification du point de terminaison non valide\u00a0: %s",
      "loc.messages.LIB_InvalidPattern": "Mod\u00e8le non valide\u00a0: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "Entr\u00e9e de fichier s\u00e9curis\u00e9 non valide\u00a0: %s",
      "loc.messages.LIB_LocStringNotFound": "Cha\u00eene localis\u00e9e introuvable pour la cl\u00e9\u00a0: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "La fusion des r\u00e9sultats des tests de plusieurs fichiers en une seule s\u00e9rie de tests n'est pas prise en charge dans cette version de l'agent de build pour OSX/Linux. Chaque fichier de r\u00e9sultats des tests est publi\u00e9 en tant que s\u00e9rie de tests distincte dans VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Impossible de cr\u00e9er le r\u00e9pertoire '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Impossible de cr\u00e9er le r\u00e9pertoire '%s'. Pr\u00e9sence d'un fichier en conflit\u00a0: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Impossible de cr\u00e9er le r\u00e9pertoire '%s'. Le r\u00e9pertoire racine n'existe pas\u00a0: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Impossible de cr\u00e9er le r\u00e9pertoire '%s'. Impossible de v\u00e9rifier l'existence du r\u00e9pertoire\u00a0: '%s'. Si le r\u00e9pertoire est un partage de fichiers, v\u00e9rifiez que le nom du partage est correct, que le partage est en ligne, et que le processus actuel est autoris\u00e9 \u00e0 acc\u00e9der au partage.",
      "loc.messages.LIB_MultilineSecret": "Les secrets ne peuvent pas contenir plusieurs lignes",
      "loc.messages.LIB_NotFoundPreviousDirectory": "D\u00e9sol\u00e9, nous n\u2019avons pas pu trouver le r\u00e9pertoire pr\u00e9c\u00e9dent",
      "loc.messages.LIB_OperationFailed": "\u00c9chec de %s\u00a0: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s non fourni",
      "loc.messages.LIB_PathHasNullByte": "Le chemin ne peut pas contenir d'octets de valeur Null",
      "loc.messages.LIB_PathIsNotADirectory": "Le chemin d\u2019acc\u00e8s n\u2019est pas un r\u00e9pertoire : %s",
      "loc.messages.LIB_PathNotFound": "%s\u00a0: %s introuvable",
      "loc.messages.LIB_PlatformNotSupported": "Plateforme non prise en charge\u00a0: %s",
      "loc.messages.LIB_ProcessError": "Erreur durant la tentative d'ex\u00e9cution du processus '%s'. Cela peut indiquer que le processus n'a pas r\u00e9ussi \u00e0 d\u00e9marrer. Erreur\u00a0: %s",
      "loc.messages.LIB_ProcessExitCode": "\u00c9chec du processus '%s'. Code de sortie\u00a0: %s",
      "loc.messages.LIB_ProcessStderr": "\u00c9chec du processus '%s', car une ou plusieurs lignes ont \u00e9t\u00e9 \u00e9crites dans le flux STDERR",
      "loc.messages.LIB_ResourceFileAlreadySet": "Le fichier de ressources est d\u00e9j\u00e0 d\u00e9fini\u00a0: %s",
      "loc.messages.LIB_ResourceFileNotExist": "Le fichier de ressources n'existe pas\u00a0: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Le fichier de ressources n'est pas d\u00e9fini. La cha\u00eene localis\u00e9e de la cl\u00e9 est introuvable\u00a0: %s",
      "loc.messages.LIB_ReturnCode": "Code de retour\u00a0: %d",
      "loc.messages.LIB_StdioNotClosed": "Les flux STDIO ne se sont pas ferm\u00e9s dans les %s secondes qui ont suivi l'\u00e9v\u00e9nement exit du processus '%s'. Cela peut indiquer qu'un processus enfant a h\u00e9rit\u00e9 des flux STDIO et qu'il n'est pas encore sorti.",
      "loc.messages.LIB_UndefinedNodeVersion": "La version du n\u0153ud n\u2019est pas d\u00e9finie.",
      "loc.messages.LIB_UnhandledEx": "Non g\u00e9r\u00e9\u00a0: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Plusieurs espaces de travail correspondants. Utilisation du premier d'entre eux.",
      "loc.messages.LIB_WhichNotFound_Linux": "Impossible de localiser le fichier ex\u00e9cutable\u00a0: '%s'. V\u00e9rifiez si le chemin du fichier existe ou si le fichier peut se trouver dans un r\u00e9pertoire sp\u00e9cifi\u00e9 par la variable d'environnement PATH. V\u00e9rifiez \u00e9galement le Mode de Fichier pour d\u00e9terminer si le fichier est ex\u00e9cutable.",
      "loc.messages.LIB_WhichNotFound_Win": "Impossible de localiser le fichier ex\u00e9cutable\u00a0: '%s'. V\u00e9rifiez si le chemin du fichier existe ou si le fichier peut se trouver dans un r\u00e9pertoire sp\u00e9cifi\u00e9 par la variable d'environnement PATH. V\u00e9rifiez \u00e9galement si le fichier a une extension de fichier ex\u00e9cutable valide."
    },
    "it-IT": {
      "loc.messages.LIB_CopyFileFailed": "Si \u00e8 verificato un errore durante la copia del file. Tentativi rimasti: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "Lo stack della directory \u00e8 vuoto",
      "loc.messages.LIB_EndpointAuthNotExist": "I dati di autenticazione endpoint non sono presenti: %s",
      "loc.messages.LIB_EndpointDataNotExist": "Il parametro %s dei dati dell'endpoint non \u00e8 presente: %s",
      "loc.messages.LIB_EndpointNotExist": "Endpoint non presente: %s",
      "loc.messages.LIB_FailOnCode": "Codice restituito dell'errore: %d",
      "loc.messages.LIB_InputRequired": "Input richiesto: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "Autenticazione endpoint non valida: %s",
      "loc.messages.LIB_InvalidPattern": "Criterio non valido: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "L'input del file protetto non \u00e8 valido: %s",
      "loc.messages.LIB_LocStringNotFound": "La stringa localizzata per la chiave %s non \u00e8 stata trovata",
      "loc.messages.LIB_MergeTestResultNotSupported": "L'unione di pi\u00f9 file risultanti da un'unica esecuzione dei test non \u00e8 supportata in questa versione dell'agente di compilazione per OS X/Linux. Ogni file dei risultati del test verr\u00e0 pubblicato come esecuzione dei test separata in VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "Non \u00e8 possibile creare la directory '%s'. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "Non \u00e8 possibile creare la directory '%s'. Esiste un file in conflitto: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "Non \u00e8 possibile creare la directory '%s'. La directory radice non esiste: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "Non \u00e8 possibile creare la directory '%s' perch\u00e9 non \u00e8 possibile verificarne l'esistenza: '%s'. Se la directory \u00e8 una condivisione file, verificare che il nome della condivisione sia corretto, che la condivisione sia online e che il processo corrente sia autorizzato ad accedervi.",
      "loc.messages.LIB_MultilineSecret": "I segreti non possono contenere pi\u00f9 righe",
      "loc.messages.LIB_NotFoundPreviousDirectory": "Non \u00e8 stato possibile trovare la directory precedente",
      "loc.messages.LIB_OperationFailed": "Operazione %s non riuscita: %s",
      "loc.messages.LIB_ParameterIsRequired": "Parametro %s non fornito",
      "loc.messages.LIB_PathHasNullByte": "Il percorso non pu\u00f2 contenere byte Null",
      "loc.messages.LIB_PathIsNotADirectory": "Il percorso non \u00e8 una directory: %s",
      "loc.messages.LIB_PathNotFound": "Percorso %s non trovato: %s",
      "loc.messages.LIB_PlatformNotSupported": "Piattaforma non supportata: %s",
      "loc.messages.LIB_ProcessError": "Si \u00e8 verificato un errore durante il tentativo di eseguire il processo '%s'. Questo errore pu\u00f2 indicare che non \u00e8 stato possibile avviare il processo. Errore: %s",
      "loc.messages.LIB_ProcessExitCode": "Il processo '%s' non \u00e8 riuscito. Codice di uscita: %s",
      "loc.messages.LIB_ProcessStderr": "Il processo '%s' non \u00e8 riuscito perch\u00e9 una o pi\u00f9 righe sono state scritte nel flusso STDERR",
      "loc.messages.LIB_ResourceFileAlreadySet": "Il file di risorse \u00e8 gi\u00e0 stato impostato su %s",
      "loc.messages.LIB_ResourceFileNotExist": "Il file di risorse non esiste: %s",
      "loc.messages.LIB_ResourceFileNotSet": "Il file di risorse non \u00e8 stato impostato. La stringa localizzata per la chiave %s non \u00e8 stata trovata",
      "loc.messages.LIB_ReturnCode": "Codice restituito: %d",
      "loc.messages.LIB_StdioNotClosed": "I flussi STDIO non si sono chiusi entro %s secondi dall'evento di uscita dal processo '%s'. Questa condizione pu\u00f2 indicare che un processo figlio ha ereditato i flussi STDIO e non \u00e8 ancora stato terminato.",
      "loc.messages.LIB_UndefinedNodeVersion": "La versione del nodo non \u00e8 definita.",
      "loc.messages.LIB_UnhandledEx": "Eccezione non gestita: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "Sono presenti pi\u00f9 corrispondenze dell'area di lavoro. Verr\u00e0 usata la prima.",
      "loc.messages.LIB_WhichNotFound_Linux": "Il file eseguibile '%s' non \u00e8 stato trovato. Verificare se il percorso di file esiste o il file \u00e8 presente in una directory specificata dalla variabile di ambiente PATH. Controllare anche la modalit\u00e0 file per verificare che il file sia eseguibile.",
      "loc.messages.LIB_WhichNotFound_Win": "Il file eseguibile '%s' non \u00e8 stato trovato. Verificare se il percorso di file esiste o il file \u00e8 presente in una directory specificata dalla variabile di ambiente PATH. Controllare anche che l'estensione sia valida per un file eseguibile."
    },
    "ja-JP": {
      "loc.messages.LIB_CopyFileFailed": "\u30d5\u30a1\u30a4\u30eb\u306e\u30b3\u30d4\u30fc\u4e2d\u306b\u30a8\u30e9\u30fc\u304c\u767a\u751f\u3057\u307e\u3057\u305f\u3002\u6b8b\u308a\u306e\u8a66\u884c\u56de\u6570: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "\u30c7\u30a3\u30ec\u30af\u30c8\u30ea \u30b9\u30bf\u30c3\u30af\u304c\u7a7a\u3067\u3059",
      "loc.messages.LIB_EndpointAuthNotExist": "\u30a8\u30f3\u30c9\u30dd\u30a4\u30f3\u30c8\u306e\u8a8d\u8a3c\u30c7\u30fc\u30bf\u304c\u3042\u308a\u307e\u305b\u3093: %s",
      "loc.messages.LIB_EndpointDataNotExist": "\u30a8\u30f3\u30c9\u30dd\u30a4\u30f3\u30c8\u306e\u30c7\u30fc\u30bf \u30d1\u30e9\u30e1\u30fc\u30bf\u30fc %s \u304c\u3042\u308a\u307e\u305b\u3093: %s",
      "loc.messages.LIB_EndpointNotExist": "\u30a8\u30f3\u30c9\u30dd\u30a4\u30f3\u30c8\u304c\u5b58\u5728\u3057\u307e\u305b\u3093: %s",
      "loc.messages.LIB_FailOnCode": "\u5931\u6557\u306e\u30ea\u30bf\u30fc\u30f3 \u30b3\u30fc\u30c9: %d",
      "loc.messages.LIB_InputRequired": "\u5165\u529b\u304c\u5fc5\u8981\u3067\u3059: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "\u30a8\u30f3\u30c9\u30dd\u30a4\u30f3\u30c8\u306e\u8a8d\u8a3c\u304c\u7121\u52b9\u3067\u3059: %s",
      "loc.messages.LIB_InvalidPattern": "\u7121\u52b9\u306a\u30d1\u30bf\u30fc\u30f3: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "\u7121\u52b9\u306a\u30bb\u30ad\u30e5\u30a2 \u30d5\u30a1\u30a4\u30eb\u5165\u529b: %s",
      "loc.messages.LIB_LocStringNotFound": "\u30ad\u30fc\u306e loc \u6587\u5b57\u5217\u304c\u898b\u3064\u304b\u308a\u307e\u305b\u3093: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "\u8907\u6570\u306e\u30d5\u30a1\u30a4\u30eb\u304b\u3089\u306e\u30c6\u30b9\u30c8\u7d50\u679c\u3092 1 \u3064\u306e\u30c6\u30b9\u30c8\u5b9f\u884c\u306b\u30de\u30fc\u30b8\u3059\u308b\u51e6\u7406\u306f\u3001OSX/Linux \u7528\u306e\u30d3\u30eb\u30c9 \u30a8\u30fc\u30b8\u30a7\u30f3\u30c8\u306e\u3053\u306e\u30d0\u30fc\u30b8\u30e7\u30f3\u3067\u306f\u30b5\u30dd\u30fc\u30c8\u3055\u308c\u3066\u3044\u307e\u305b\u3093\u3002\u5404\u30c6\u30b9\u30c8\u7d50\u679c\u30d5\u30a1\u30a4\u30eb\u304c VSO/TFS \u3067\u5225\u500b\u306e\u30c6\u30b9\u30c8\u5b9f\u884c\u3068\u3057\u3066\u767a\u884c\u3055\u308c\u307e\u3059\u3002",
      "loc.messages.LIB_MkdirFailed": "\u30c7\u30a3\u30ec\u30af\u30c8\u30ea '%s' \u3092\u4f5c\u6210\u3067\u304d\u307e\u305b\u3093\u3002%s",
      "loc.messages.LIB_MkdirFailedFileExists": "\u30c7\u30a3\u30ec\u30af\u30c8\u30ea '%s' \u3092\u4f5c\u6210\u3067\u304d\u307e\u305b\u3093\u3002\u7af6\u5408\u3059\u308b\u30d5\u30a1\u30a4\u30eb\u304c\u5b58\u5728\u3057\u307e\u3059: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "\u30c7\u30a3\u30ec\u30af\u30c8\u30ea '%s' \u3092\u4f5c\u6210\u3067\u304d\u307e\u305b\u3093\u3002\u30eb\u30fc\u30c8 \u30c7\u30a3\u30ec\u30af\u30c8\u30ea\u304c\u5b58\u5728\u3057\u307e\u305b\u3093: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "\u30c7\u30a3\u30ec\u30af\u30c8\u30ea '%s' \u3092\u4f5c\u6210\u3067\u304d\u307e\u305b\u3093\u3002\u30c7\u30a3\u30ec\u30af\u30c8\u30ea\u304c\u5b58\u5728\u3059\u308b\u3053\u3068\u3092\u78ba\u8a8d\u3067\u304d\u307e\u305b\u3093: '%s'\u3002\u30c7\u30a3\u30ec\u30af\u30c8\u30ea\u304c\u30d5\u30a1\u30a4\u30eb\u5171\u6709\u3067\u3042\u308b\u5834\u5408\u3001\u305d\u306e\u5171\u6709\u540d\u304c\u6b63\u3057\u3044\u3053\u3068\u3001\u305d\u306e\u5171\u6709\u304c\u30aa\u30f3\u30e9\u30a4\u30f3\u3067\u3042\u308b\u3053\u3068\u3001\u305d\u3057\u3066\u73fe\u5728\u306e\u30d7\u30ed\u30bb\u30b9\u306b\u305d\u306e\u5171\u6709\u3078\u306e\u30a2\u30af\u30bb\u30b9\u8a31\u53ef\u304c\u3042\u308b\u3053\u3068\u3092\u3054\u78ba\u8a8d\u304f\u3060\u3055\u3044\u3002",
      "loc.messages.LIB_MultilineSecret": "\u30b7\u30fc\u30af\u30ec\u30c3\u30c8\u306b\u8907\u6570\u306e\u884c\u3092\u542b\u3081\u308b\u3053\u3068\u306f\u3067\u304d\u307e\u305b\u3093",
      "loc.messages.LIB_NotFoundPreviousDirectory": "\u524d\u306e\u30c7\u30a3\u30ec\u30af\u30c8\u30ea\u304c\u898b\u3064\u304b\u308a\u307e\u305b\u3093\u3067\u3057\u305f",
      "loc.messages.LIB_OperationFailed": "\u5931\u6557\u3057\u307e\u3057\u305f %s: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s \u304c\u63d0\u4f9b\u3055\u308c\u3066\u3044\u307e\u305b\u3093",
      "loc.messages.LIB_PathHasNullByte": "\u30d1\u30b9\u306b null \u30d0\u30a4\u30c8\u3092\u542b\u3081\u308b\u3053\u3068\u306f\u3067\u304d\u307e\u305b\u3093",
      "loc.messages.LIB_PathIsNotADirectory": "\u30d1\u30b9\u304c\u30c7\u30a3\u30ec\u30af\u30c8\u30ea\u3067\u306f\u3042\u308a\u307e\u305b\u3093: %s",
      "loc.messages.LIB_PathNotFound": "\u898b\u3064\u304b\u308a\u307e\u305b\u3093\u3067\u3057\u305f %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "\u30d7\u30e9\u30c3\u30c8\u30d5\u30a9\u30fc\u30e0\u304c\u30b5\u30dd\u30fc\u30c8\u3055\u308c\u3066\u3044\u307e\u305b\u3093: %s",
      "loc.messages.LIB_ProcessError": "\u30d7\u30ed\u30bb\u30b9 '%s' \u3092\u5b9f\u884c\u3057\u3088\u3046\u3068\u3057\u3066\u3044\u308b\u3068\u304d\u306b\u30a8\u30e9\u30fc\u304c\u767a\u751f\u3057\u307e\u3057\u305f\u3002\u30d7\u30ed\u30bb\u30b9\u306e\u958b\u59cb\u306b\u5931\u6557\u3057\u305f\u304a\u305d\u308c\u304c\u3042\u308a\u307e\u3059\u3002\u30a8\u30e9\u30fc: %s",
      "loc.messages.LIB_ProcessExitCode": "\u30d7\u30ed\u30bb\u30b9 '%s' \u304c\u7d42\u4e86\u30b3\u30fc\u30c9 %s \u3067\u5931\u6557\u3057\u307e\u3057\u305f",
      "loc.messages.LIB_ProcessStderr": "1 \u3064\u4ee5\u4e0a\u306e\u884c\u304c STDERR \u30b9\u30c8\u30ea\u30fc\u30e0\u306b\u66f8\u304d\u8fbc\u307e\u308c\u305f\u305f\u3081\u3001\u30d7\u30ed\u30bb\u30b9 '%s' \u304c\u5931\u6557\u3057\u307e\u3057\u305f",
      "loc.messages.LIB_ResourceFileAlreadySet": "\u30ea\u30bd\u30fc\u30b9 \u30d5\u30a1\u30a4\u30eb\u306f\u65e2\u306b %s \u306b\u8a2d\u5b9a\u3055\u308c\u3066\u3044\u307e\u3059",
      "loc.messages.LIB_ResourceFileNotExist": "\u30ea\u30bd\u30fc\u30b9 \u30d5\u30a1\u30a4\u30eb\u304c\u5b58\u5728\u3057\u307e\u305b\u3093: %s",
      "loc.messages.LIB_ResourceFileNotSet": "\u30ea\u30bd\u30fc\u30b9 \u30d5\u30a1\u30a4\u30eb\u304c\u8a2d\u5b9a\u3055\u308c\u3066\u304a\u3089\u305a\u3001\u30ad\u30fc\u306e loc \u6587\u5b57\u5217\u304c\u898b\u3064\u304b\u308a\u307e\u305b\u3093: %s",
      "loc.messages.LIB_ReturnCode": "\u30ea\u30bf\u30fc\u30f3 \u30b3\u30fc\u30c9: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO \u30b9\u30c8\u30ea\u30fc\u30e0\u304c\u3001\u30d7\u30ed\u30bb\u30b9 '%s' \u306e\u7d42\u4e86\u30a4\u30d9\u30f3\u30c8\u304b\u3089 %s \u79d2\u4ee5\u5185\u306b\u7d42\u4e86\u3057\u307e\u305b\u3093\u3067\u3057\u305f\u3002\u3053\u308c\u306f\u3001\u5b50\u30d7\u30ed\u30bb\u30b9\u304c STDIO \u30b9\u30c8\u30ea\u30fc\u30e0\u3092\u7d99\u627f\u3057\u3001\u307e\u3060\u7d42\u4e86\u3057\u3066\u3044\u306a\u3044\u3053\u3068\u3092\u793a\u3057\u3066\u3044\u308b\u53ef\u80fd\u6027\u304c\u3042\u308a\u307e\u3059\u3002",
      "loc.messages.LIB_UndefinedNodeVersion": "\u30ce\u30fc\u30c9\u306e\u30d0\u30fc\u30b8\u30e7\u30f3\u304c\u5b9a\u7fa9\u3055\u308c\u3066\u3044\u307e\u305b\u3093\u3002",
      "loc.messages.LIB_UnhandledEx": "\u672a\u51e6\u7406: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "\u8907\u6570\u306e\u30ef\u30fc\u30af\u30b9\u30da\u30fc\u30b9\u304c\u4e00\u81f4\u3057\u307e\u3059\u3002\u6700\u521d\u306e\u30ef\u30fc\u30af\u30b9\u30da\u30fc\u30b9\u304c\u4f7f\u7528\u3055\u308c\u307e\u3059\u3002",
      "loc.messages.LIB_WhichNotFound_Linux": "\u5b9f\u884c\u53ef\u80fd\u30d5\u30a1\u30a4\u30eb\u304c\u898b\u3064\u304b\u308a\u307e\u305b\u3093: '%s'\u3002\u30d5\u30a1\u30a4\u30eb \u30d1\u30b9\u304c\u5b58\u5728\u3059\u308b\u3053\u3068\u3001\u307e\u305f\u306f\u305d\u306e\u30d5\u30a1\u30a4\u30eb\u304c PATH \u74b0\u5883\u5909\u6570\u3067\u6307\u5b9a\u3055\u308c\u305f\u30c7\u30a3\u30ec\u30af\u30c8\u30ea\u5185\u306b\u3042\u308b\u3053\u3068\u3092\u3054\u78ba\u8a8d\u304f\u3060\u3055\u3044\u3002\u30d5\u30a1\u30a4\u30eb\u304c\u5b9f\u884c\u53ef\u80fd\u304b\u3069\u3046\u304b\u306b\u3064\u3044\u3066\u30d5\u30a1\u30a4\u30eb \u30e2\u30fc\u30c9\u3082\u3054\u78ba\u8a8d\u304f\u3060\u3055\u3044\u3002",
      "loc.messages.LIB_WhichNotFound_Win": "\u5b9f\u884c\u53ef\u80fd\u30d5\u30a1\u30a4\u30eb\u304c\u898b\u3064\u304b\u308a\u307e\u305b\u3093: '%s'\u3002\u30d5\u30a1\u30a4\u30eb \u30d1\u30b9\u304c\u5b58\u5728\u3059\u308b\u3053\u3068\u3001\u307e\u305f\u306f\u305d\u306e\u30d5\u30a1\u30a4\u30eb\u304c PATH \u74b0\u5883\u5909\u6570\u3067\u6307\u5b9a\u3055\u308c\u305f\u30c7\u30a3\u30ec\u30af\u30c8\u30ea\u5185\u306b\u3042\u308b\u3053\u3068\u3092\u3054\u78ba\u8a8d\u304f\u3060\u3055\u3044\u3002\u305d\u306e\u30d5\u30a1\u30a4\u30eb\u306b\u5b9f\u884c\u53ef\u80fd\u30d5\u30a1\u30a4\u30eb\u306e\u6709\u52b9\u306a\u62e1\u5f35\u5b50\u304c\u3064\u3044\u3066\u3044\u308b\u3053\u3068\u3082\u3054\u78ba\u8a8d\u304f\u3060\u3055\u3044\u3002"
    },
    "ko-KR": {
      "loc.messages.LIB_CopyFileFailed": "\ud30c\uc77c\uc744 \ubcf5\uc0ac\ud558\ub294 \ub3d9\uc548 \uc624\ub958\uac00 \ubc1c\uc0dd\ud588\uc2b5\ub2c8\ub2e4. \ub0a8\uc740 \uc2dc\ub3c4 \ud69f\uc218: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "\ub514\ub809\ud130\ub9ac \uc2a4\ud0dd\uc774 \ube44\uc5b4 \uc788\uc2b5\ub2c8\ub2e4.",
      "loc.messages.LIB_EndpointAuthNotExist": "\uc5d4\ub4dc\ud3ec\uc778\ud2b8 \uc778\uc99d \ub370\uc774\ud130\uac00 \uc5c6\uc74c: %s",
      "loc.messages.LIB_EndpointDataNotExist": "\uc5d4\ub4dc\ud3ec\uc778\ud2b8 \ub370\uc774\ud130 \ub9e4\uac1c \ubcc0\uc218 %s\uc774(\uac00) \uc5c6\uc74c: %s",
      "loc.messages.LIB_EndpointNotExist": "\uc5d4\ub4dc\ud3ec\uc778\ud2b8\uac00 \uc5c6\uc74c: %s",
      "loc.messages.LIB_FailOnCode": "\uc2e4\ud328 \ubc18\ud658 \ucf54\ub4dc: %d",
      "loc.messages.LIB_InputRequired": "\uc785\ub825 \ud544\uc694: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "\uc798\ubabb\ub41c \uc5d4\ub4dc\ud3ec\uc778\ud2b8 \uc778\uc99d: %s",
      "loc.messages.LIB_InvalidPattern": "\uc798\ubabb\ub41c \ud328\ud134: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "\ubcf4\uc548 \ud30c\uc77c \uc785\ub825\uc774 \uc798\ubabb\ub428: %s",
      "loc.messages.LIB_LocStringNotFound": "\ud0a4\uc5d0 \ub300\ud55c loc \ubb38\uc790\uc5f4\uc744 \ucc3e\uc744 \uc218 \uc5c6\uc74c: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "\uc774 OSX/Linux\uc6a9 \ube4c\ub4dc \uc5d0\uc774\uc804\ud2b8 \ubc84\uc804\uc5d0\uc11c \uc5ec\ub7ec \ud30c\uc77c\uc758 \ud14c\uc2a4\ud2b8 \uacb0\uacfc\ub97c \ud558\ub098\uc758 \ud14c\uc2a4\ud2b8 \uc2e4\ud589\uc73c\ub85c \ubcd1\ud569\ud558\ub294 \uac83\uc744 \uc9c0\uc6d0\ud558\uc9c0 \uc54a\uc2b5\ub2c8\ub2e4. \uac01 \ud14c\uc2a4\ud2b8 \uacb0\uacfc \ud30c\uc77c\uc740 VSO/TFS\uc5d0\uc11c \ubcc4\ub3c4\uc758 \ud14c\uc2a4\ud2b8 \uc2e4\ud589\uc73c\ub85c \uac8c\uc2dc\ub429\ub2c8\ub2e4.",
      "loc.messages.LIB_MkdirFailed": "'%s' \ub514\ub809\ud130\ub9ac\ub97c \ub9cc\ub4e4 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4. %s",
      "loc.messages.LIB_MkdirFailedFileExists": "'%s' \ub514\ub809\ud130\ub9ac\ub97c \ub9cc\ub4e4 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4. \ucda9\ub3cc\ud558\ub294 \ud30c\uc77c '%s'\uc774(\uac00) \uc788\uc2b5\ub2c8\ub2e4.",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "'%s' \ub514\ub809\ud130\ub9ac\ub97c \ub9cc\ub4e4 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4. \ub8e8\ud2b8 \ub514\ub809\ud130\ub9ac '%s'\uc774(\uac00) \uc5c6\uc2b5\ub2c8\ub2e4.",
      "loc.messages.LIB_MkdirFailedInvalidShare": "'%s' \ub514\ub809\ud130\ub9ac\ub97c \ub9cc\ub4e4 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4. '%s' \ub514\ub809\ud130\ub9ac\uac00 \uc788\ub294\uc9c0 \ud655\uc778\ud560 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4. \ub514\ub809\ud130\ub9ac\uac00 \ud30c\uc77c \uacf5\uc720\uc778 \uacbd\uc6b0 \uacf5\uc720 \uc774\ub984\uc774 \uc62c\ubc14\ub974\uace0, \uacf5\uc720\uac00 \uc628\ub77c\uc778 \uc0c1\ud0dc\uc774\uba70, \ud604\uc7ac \ud504\ub85c\uc138\uc2a4\uc5d0 \uacf5\uc720\uc5d0 \uc561\uc138\uc2a4\ud560 \uc218 \uc788\ub294 \uad8c\ud55c\uc774 \uc788\ub294\uc9c0 \ud655\uc778\ud558\uc138\uc694.",
      "loc.messages.LIB_MultilineSecret": "\ube44\ubc00\uc5d0 \uc5ec\ub7ec \uc904\uc744 \uc0ac\uc6a9\ud560 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4.",
      "loc.messages.LIB_NotFoundPreviousDirectory": "\uc774\uc804 \ub514\ub809\ud130\ub9ac\ub97c \ucc3e\uc744 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4.",
      "loc.messages.LIB_OperationFailed": "%s \uc2e4\ud328: %s",
      "loc.messages.LIB_ParameterIsRequired": "%s\uc774(\uac00) \uc81c\uacf5\ub418\uc9c0 \uc54a\uc74c",
      "loc.messages.LIB_PathHasNullByte": "\uacbd\ub85c\uc5d0 null \ubc14\uc774\ud2b8\ub97c \ud3ec\ud568\ud560 \uc218 \uc5c6\uc74c",
      "loc.messages.LIB_PathIsNotADirectory": "\uacbd\ub85c\uac00 \ub514\ub809\ud130\ub9ac\uac00 \uc544\ub2d9\ub2c8\ub2e4. %s",
      "loc.messages.LIB_PathNotFound": "%s\uc744(\ub97c) \ucc3e\uc744 \uc218 \uc5c6\uc74c: %s",
      "loc.messages.LIB_PlatformNotSupported": "\uc9c0\uc6d0\ub418\uc9c0 \uc54a\ub294 \ud50c\ub7ab\ud3fc: %s",
      "loc.messages.LIB_ProcessError": "'%s' \ud504\ub85c\uc138\uc2a4\ub97c \uc2e4\ud589\ud560 \ub54c \uc624\ub958\uac00 \ubc1c\uc0dd\ud588\uc2b5\ub2c8\ub2e4. \uc774\ub294 \ud504\ub85c\uc138\uc2a4\ub97c \uc2dc\uc791\ud558\uc9c0 \ubabb\ud588\uc74c\uc744 \ub098\ud0c0\ub0bc \uc218 \uc788\uc2b5\ub2c8\ub2e4. \uc624\ub958: %s",
      "loc.messages.LIB_ProcessExitCode": "'%s' \ud504\ub85c\uc138\uc2a4\uac00 \uc2e4\ud328\ud568(\uc885\ub8cc \ucf54\ub4dc %s)",
      "loc.messages.LIB_ProcessStderr": "\ud558\ub098 \uc774\uc0c1\uc758 \uc904\uc774 STDERR \uc2a4\ud2b8\ub9bc\uc5d0 \uc4f0\uc600\uc73c\ubbc0\ub85c '%s' \ud504\ub85c\uc138\uc2a4\uac00 \uc2e4\ud328\ud568",
      "loc.messages.LIB_ResourceFileAlreadySet": "\ub9ac\uc18c\uc2a4 \ud30c\uc77c\uc774 \uc774\ubbf8 \ub2e4\uc74c\uc73c\ub85c \uc124\uc815\ub428: %s",
      "loc.messages.LIB_ResourceFileNotExist": "\ub9ac\uc18c\uc2a4 \ud30c\uc77c\uc774 \uc5c6\uc74c: %s",
      "loc.messages.LIB_ResourceFileNotSet": "\ub9ac\uc18c\uc2a4 \ud30c\uc77c\uc774 \uc124\uc815\ub418\uc9c0 \uc54a\uc558\uace0 \ud0a4\uc5d0 \ub300\ud55c loc \ubb38\uc790\uc5f4\uc744 \ucc3e\uc744 \uc218 \uc5c6\uc74c: %s",
      "loc.messages.LIB_ReturnCode": "\ubc18\ud658 \ucf54\ub4dc: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO \uc2a4\ud2b8\ub9bc\uc774 %s\ucd08 \uc774\ub0b4('%s' \ud504\ub85c\uc138\uc2a4\uc758 \uc885\ub8cc \uc774\ubca4\ud2b8 \ud6c4)\uc5d0 \ub2eb\ud788\uc9c0 \uc54a\uc558\uc2b5\ub2c8\ub2e4. \uc774\ub294 \uc790\uc2dd \ud504\ub85c\uc138\uc2a4\uac00 STDIO \uc2a4\ud2b8\ub9bc\uc744 \uc0c1\uc18d\ud588\uc73c\uba70 \uc544\uc9c1 \uc885\ub8cc\ub418\uc9c0 \uc54a\uc558\uc74c\uc744 \ub098\ud0c0\ub0bc \uc218 \uc788\uc2b5\ub2c8\ub2e4.",
      "loc.messages.LIB_UndefinedNodeVersion": "\ub178\ub4dc \ubc84\uc804\uc774 \uc815\uc758\ub418\uc9c0 \uc54a\uc558\uc2b5\ub2c8\ub2e4.",
      "loc.messages.LIB_UnhandledEx": "\ucc98\ub9ac\ub418\uc9c0 \uc54a\uc74c: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "\uc5ec\ub7ec \uc791\uc5c5 \uc601\uc5ed\uc774 \uc77c\uce58\ud569\ub2c8\ub2e4. \uccab \ubc88\uc9f8 \uc791\uc5c5 \uc601\uc5ed\uc744 \uc0ac\uc6a9\ud558\uc138\uc694.",
      "loc.messages.LIB_WhichNotFound_Linux": "\uc2e4\ud589 \ud30c\uc77c '%s'\uc744(\ub97c) \ucc3e\uc744 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4. \ud30c\uc77c \uacbd\ub85c\uac00 \uc788\ub294\uc9c0 \ub610\ub294 PATH \ud658\uacbd \ubcc0\uc218\uc5d0\uc11c \uc9c0\uc815\ud55c \ub514\ub809\ud130\ub9ac \ub0b4\uc5d0\uc11c \ud30c\uc77c\uc744 \ucc3e\uc744 \uc218 \uc788\ub294\uc9c0 \ud655\uc778\ud558\uc138\uc694. \ub610\ud55c \ud30c\uc77c \ubaa8\ub4dc\ub97c \ud655\uc778\ud558\uc5ec \ud30c\uc77c\uc744 \uc2e4\ud589\ud560 \uc218 \uc788\ub294\uc9c0 \ud655\uc778\ud558\uc138\uc694.",
      "loc.messages.LIB_WhichNotFound_Win": "\uc2e4\ud589 \ud30c\uc77c '%s'\uc744(\ub97c) \ucc3e\uc744 \uc218 \uc5c6\uc2b5\ub2c8\ub2e4. \ud30c\uc77c \uacbd\ub85c\uac00 \uc788\ub294\uc9c0 \ub610\ub294 PATH \ud658\uacbd \ubcc0\uc218\uc5d0\uc11c \uc9c0\uc815\ud55c \ub514\ub809\ud130\ub9ac \ub0b4\uc5d0\uc11c \ud30c\uc77c\uc744 \ucc3e\uc744 \uc218 \uc788\ub294\uc9c0 \ud655\uc778\ud558\uc138\uc694. \ub610\ud55c \ud30c\uc77c\uc774 \uc2e4\ud589 \ud30c\uc77c\uc5d0 \ub300\ud574 \uc62c\ubc14\ub978 \ud655\uc7a5\uba85\uc744 \uac00\uc9c0\uace0 \uc788\ub294\uc9c0 \ud655\uc778\ud558\uc138\uc694."
    },
    "ru-RU": {
      "loc.messages.LIB_CopyFileFailed": "\u041e\u0448\u0438\u0431\u043a\u0430 \u043f\u0440\u0438 \u043a\u043e\u043f\u0438\u0440\u043e\u0432\u0430\u043d\u0438\u0438 \u0444\u0430\u0439\u043b\u0430. \u041e\u0441\u0442\u0430\u0432\u0448\u0435\u0435\u0441\u044f \u0447\u0438\u0441\u043b\u043e \u043f\u043e\u043f\u044b\u0442\u043e\u043a: %s.",
      "loc.messages.LIB_DirectoryStackEmpty": "\u0421\u0442\u0435\u043a \u043a\u0430\u0442\u0430\u043b\u043e\u0433\u0430 \u043f\u0443\u0441\u0442",
      "loc.messages.LIB_EndpointAuthNotExist": "\u041e\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u044e\u0442 \u0434\u0430\u043d\u043d\u044b\u0435 \u0434\u043b\u044f \u043f\u0440\u043e\u0432\u0435\u0440\u043a\u0438 \u043f\u043e\u0434\u043b\u0438\u043d\u043d\u043e\u0441\u0442\u0438 \u043a\u043e\u043d\u0435\u0447\u043d\u043e\u0439 \u0442\u043e\u0447\u043a\u0438: %s",
      "loc.messages.LIB_EndpointDataNotExist": "\u041e\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442 \u043f\u0430\u0440\u0430\u043c\u0435\u0442\u0440 %s \u0434\u0430\u043d\u043d\u044b\u0445 \u043a\u043e\u043d\u0435\u0447\u043d\u043e\u0439 \u0442\u043e\u0447\u043a\u0438: %s",
      "loc.messages.LIB_EndpointNotExist": "\u041a\u043e\u043d\u0435\u0447\u043d\u0430\u044f \u0442\u043e\u0447\u043a\u0430 \u043e\u0442\u0441\u0443\u0442\u0441\u0442\u0432\u0443\u0435\u0442: %s.",
      "loc.messages.LIB_FailOnCode": "\u041a\u043e\u0434 \u0432\u043e\u0437\u0432\u0440\u0430\u0442\u0430 \u043f\u0440\u0438 \u0441\u0431\u043e\u0435: %d.",
      "loc.messages.LIB_InputRequired": "\u0422\u0440\u0435\u0431\u0443\u0435\u0442\u0441\u044f \u0432\u0432\u0435\u0441\u0442\u0438 \u0434\u0430\u043d\u043d\u044b\u0435: %s.",
      "loc.messages.LIB_InvalidEndpointAuth": "\u041d\u0435\u0434\u043e\u043f\u0443\u0441\u0442\u0438\u043c\u0430\u044f \u043f\u0440\u043e\u0432\u0435\u0440\u043a\u0430 \u043f\u043e\u0434\u043b\u0438\u043d\u043d\u043e\u0441\u0442\u0438 \u043a\u043e\u043d\u0435\u0447\u043d\u043e\u0439 \u0442\u043e\u0447\u043a\u0438: %s.",
      "loc.messages.LIB_InvalidPattern": "\u041d\u0435\u0434\u043e\u043f\u0443\u0441\u0442\u0438\u043c\u044b\u0439 \u0448\u0430\u0431\u043b\u043e\u043d: \"%s\"",
      "loc.messages.LIB_InvalidSecureFilesInput": "\u041d\u0435\u0434\u043e\u043f\u0443\u0441\u0442\u0438\u043c\u044b\u0435 \u0432\u0445\u043e\u0434\u043d\u044b\u0435 \u0434\u0430\u043d\u043d\u044b\u0435 \u0437\u0430\u0449\u0438\u0442\u043d\u043e\u0433\u043e \u0444\u0430\u0439\u043b\u0430: %s",
      "loc.messages.LIB_LocStringNotFound": "\u041d\u0435 \u0443\u0434\u0430\u0435\u0442\u0441\u044f \u043d\u0430\u0439\u0442\u0438 \u043b\u043e\u043a\u0430\u043b\u0438\u0437\u043e\u0432\u0430\u043d\u043d\u0443\u044e \u0441\u0442\u0440\u043e\u043a\u0443 \u0434\u043b\u044f \u043a\u043b\u044e\u0447\u0430: %s.",
      "loc.messages.LIB_MergeTestResultNotSupported": "\u041e\u0431\u044a\u0435\u0434\u0438\u043d\u0435\u043d\u0438\u0435 \u0440\u0435\u0437\u0443\u043b\u044c\u0442\u0430\u0442\u043e\u0432 \u0442\u0435\u0441\u0442\u043e\u0432 \u0438\u0437 \u043d\u0435\u0441\u043a\u043e\u043b\u044c\u043a\u0438\u0445 \u0444\u0430\u0439\u043b\u043e\u0432 \u0432 \u043e\u0434\u0438\u043d \u0442\u0435\u0441\u0442\u043e\u0432\u044b\u0439 \u0437\u0430\u043f\u0443\u0441\u043a \u043d\u0435 \u043f\u043e\u0434\u0434\u0435\u0440\u0436\u0438\u0432\u0430\u0435\u0442\u0441\u044f \u0432 \u044d\u0442\u043e\u0439 \u0432\u0435\u0440\u0441\u0438\u0438 \u0430\u0433\u0435\u043d\u0442\u0430 \u0441\u0431\u043e\u0440\u043a\u0438 \u0434\u043b\u044f OSX/Linux. \u041a\u0430\u0436\u0434\u044b\u0439 \u0444\u0430\u0439\u043b \u0440\u0435\u0437\u0443\u043b\u044c\u0442\u0430\u0442\u043e\u0432 \u0442\u0435\u0441\u0442\u0430 \u0431\u0443\u0434\u0435\u0442 \u043e\u043f\u0443\u0431\u043b\u0438\u043a\u043e\u0432\u0430\u043d \u0432 \u043a\u0430\u0447\u0435\u0441\u0442\u0432\u0435 \u043e\u0442\u0434\u0435\u043b\u044c\u043d\u043e\u0433\u043e \u0442\u0435\u0441\u0442\u043e\u0432\u043e\u0433\u043e \u0437\u0430\u043f\u0443\u0441\u043a\u0430 \u0432 VSO/TFS.",
      "loc.messages.LIB_MkdirFailed": "\u041d\u0435 \u0443\u0434\u0430\u0435\u0442\u0441\u044f \u0441\u043e\u0437\u0434\u0430\u0442\u044c \u043a\u0430\u0442\u0430\u043b\u043e\u0433 \"%s\". %s",
      "loc.messages.LIB_MkdirFailedFileExists": "\u041d\u0435 \u0443\u0434\u0430\u0435\u0442\u0441\u044f \u0441\u043e\u0437\u0434\u0430\u0442\u044c \u043a\u0430\u0442\u0430\u043b\u043e\u0433 \"%s\". \u0421\u0443\u0449\u0435\u0441\u0442\u0432\u0443\u0435\u0442 \u043a\u043e\u043d\u0444\u043b\u0438\u043a\u0442\u0443\u044e\u0449\u0438\u0439 \u0444\u0430\u0439\u043b: \"%s\"",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "\u041d\u0435 \u0443\u0434\u0430\u043b\u043e\u0441\u044c \u0441\u043e\u0437\u0434\u0430\u0442\u044c \u043a\u0430\u0442\u0430\u043b\u043e\u0433 \"%s\". \u041a\u043e\u0440\u043d\u0435\u0432\u043e\u0439 \u043a\u0430\u0442\u0430\u043b\u043e\u0433 \u043d\u0435 \u0441\u0443\u0449\u0435\u0441\u0442\u0432\u0443\u0435\u0442: \"%s\"",
      "loc.messages.LIB_MkdirFailedInvalidShare": "\u041d\u0435 \u0443\u0434\u0430\u043b\u043e\u0441\u044c \u0441\u043e\u0437\u0434\u0430\u0442\u044c \u043a\u0430\u0442\u0430\u043b\u043e\u0433 \"%s\". \u041d\u0435 \u0443\u0434\u0430\u043b\u043e\u0441\u044c \u043f\u0440\u043e\u0432\u0435\u0440\u0438\u0442\u044c, \u0441\u0443\u0449\u0435\u0441\u0442\u0432\u0443\u0435\u0442 \u043b\u0438 \u043a\u0430\u0442\u0430\u043b\u043e\u0433 \"%s\". \u0415\u0441\u043b\u0438 \u043a\u0430\u0442\u0430\u043b\u043e\u0433 \u044f\u0432\u043b\u044f\u0435\u0442\u0441\u044f \u0444\u0430\u0439\u043b\u043e\u0432\u044b\u043c \u0440\u0435\u0441\u0443\u0440\u0441\u043e\u043c, \u0443\u0431\u0435\u0434\u0438\u0442\u0435\u0441\u044c, \u0447\u0442\u043e \u0438\u043c\u044f \u0440\u0435\u0441\u0443\u0440\u0441\u0430 \u0443\u043a\u0430\u0437\u0430\u043d\u043e \u043f\u0440\u0430\u0432\u0438\u043b\u044c\u043d\u043e, \u043e\u043d \u0440\u0430\u0431\u043e\u0442\u0430\u0435\u0442 \u0438 \u0442\u0435\u043a\u0443\u0449\u0438\u0439 \u043f\u0440\u043e\u0446\u0435\u0441\u0441 \u0438\u043c\u0435\u0435\u0442 \u0440\u0430\u0437\u0440\u0435\u0448\u0435\u043d\u0438\u0435 \u043d\u0430 \u0434\u043e\u0441\u0442\u0443\u043f \u043a \u043d\u0435\u043c\u0443.",
      "loc.messages.LIB_MultilineSecret": "\u0421\u0435\u043a\u0440\u0435\u0442 \u043d\u0435 \u043c\u043e\u0436\u0435\u0442 \u0431\u044b\u0442\u044c \u043c\u043d\u043e\u0433\u043e\u0441\u0442\u0440\u043e\u0447\u043d\u044b\u043c",
      "loc.messages.LIB_NotFoundPreviousDirectory": "\u041d\u0435 \u0443\u0434\u0430\u043b\u043e\u0441\u044c \u043d\u0430\u0439\u0442\u0438 \u043f\u0440\u0435\u0434\u044b\u0434\u0443\u0449\u0438\u0439 \u043a\u0430\u0442\u0430\u043b\u043e\u0433",
      "loc.messages.LIB_OperationFailed": "\u0421\u0431\u043e\u0439 %s: %s.",
      "loc.messages.LIB_ParameterIsRequired": "\u041d\u0435 \u0443\u043a\u0430\u0437\u0430\u043d %s.",
      "loc.messages.LIB_PathHasNullByte": "\u041f\u0443\u0442\u044c \u043d\u0435 \u043c\u043e\u0436\u0435\u0442 \u0441\u043e\u0434\u0435\u0440\u0436\u0430\u0442\u044c \u043f\u0443\u0441\u0442\u044b\u0435 \u0431\u0430\u0439\u0442\u044b.",
      "loc.messages.LIB_PathIsNotADirectory": "\u041f\u0443\u0442\u044c \u043d\u0435 \u044f\u0432\u043b\u044f\u0435\u0442\u0441\u044f \u043a\u0430\u0442\u0430\u043b\u043e\u0433\u043e\u043c: %s",
      "loc.messages.LIB_PathNotFound": "\u041d\u0435 \u043d\u0430\u0439\u0434\u0435\u043d %s: %s.",
      "loc.messages.LIB_PlatformNotSupported": "\u041f\u043b\u0430\u0442\u0444\u043e\u0440\u043c\u0430 \u043d\u0435 \u043f\u043e\u0434\u0434\u0435\u0440\u0436\u0438\u0432\u0430\u0435\u0442\u0441\u044f: %s",
      "loc.messages.LIB_ProcessError": "\u041f\u0440\u043e\u0438\u0437\u043e\u0448\u043b\u0430 \u043e\u0448\u0438\u0431\u043a\u0430 \u043f\u0440\u0438 \u043f\u043e\u043f\u044b\u0442\u043a\u0435 \u0432\u044b\u043f\u043e\u043b\u043d\u0438\u0442\u044c \u043f\u0440\u043e\u0446\u0435\u0441\u0441 \"%s\". \u042d\u0442\u043e \u043c\u043e\u0436\u0435\u0442 \u043e\u0437\u043d\u0430\u0447\u0430\u0442\u044c, \u0447\u0442\u043e \u043f\u0440\u043e\u0446\u0435\u0441\u0441 \u043d\u0435 \u0443\u0434\u0430\u043b\u043e\u0441\u044c \u0437\u0430\u043f\u0443\u0441\u0442\u0438\u0442\u044c. \u041e\u0448\u0438\u0431\u043a\u0430: %s",
      "loc.messages.LIB_ProcessExitCode": "\u041f\u0440\u043e\u0438\u0437\u043e\u0448\u0435\u043b \u0441\u0431\u043e\u0439 \u043f\u0440\u043e\u0446\u0435\u0441\u0441\u0430 \"%s\" \u0441 \u043a\u043e\u0434\u043e\u043c \u0432\u044b\u0445\u043e\u0434\u0430 %s.",
      "loc.messages.LIB_ProcessStderr": "\u041f\u0440\u043e\u0438\u0437\u043e\u0448\u0435\u043b \u0441\u0431\u043e\u0439 \u043f\u0440\u043e\u0446\u0435\u0441\u0441\u0430 \"%s\", \u0442\u0430\u043a \u043a\u0430\u043a \u043e\u0434\u043d\u0430 \u0438\u043b\u0438 \u043d\u0435\u0441\u043a\u043e\u043b\u044c\u043a\u043e \u0441\u0442\u0440\u043e\u043a \u0431\u044b\u043b\u0438 \u0437\u0430\u043f\u0438\u0441\u0430\u043d\u044b \u0432 \u043f\u043e\u0442\u043e\u043a STDERR.",
      "loc.messages.LIB_ResourceFileAlreadySet": "\u0424\u0430\u0439\u043b \u0440\u0435\u0441\u0443\u0440\u0441\u043e\u0432 \u0443\u0436\u0435 \u0437\u0430\u0434\u0430\u043d: %s.",
      "loc.messages.LIB_ResourceFileNotExist": "\u0424\u0430\u0439\u043b \u0440\u0435\u0441\u0443\u0440\u0441\u043e\u0432 \u043d\u0435 \u0441\u0443\u0449\u0435\u0441\u0442\u0432\u0443\u0435\u0442: %s.",
      "loc.messages.LIB_ResourceFileNotSet": "\u0424\u0430\u0439\u043b \u0440\u0435\u0441\u0443\u0440\u0441\u043e\u0432 \u043d\u0435 \u0437\u0430\u0434\u0430\u043d, \u043d\u0435 \u0443\u0434\u0430\u0435\u0442\u0441\u044f \u043d\u0430\u0439\u0442\u0438 \u043b\u043e\u043a\u0430\u043b\u0438\u0437\u043e\u0432\u0430\u043d\u043d\u0443\u044e \u0441\u0442\u0440\u043e\u043a\u0443 \u0434\u043b\u044f \u043a\u043b\u044e\u0447\u0430: %s.",
      "loc.messages.LIB_ReturnCode": "\u041a\u043e\u0434 \u0432\u043e\u0437\u0432\u0440\u0430\u0442\u0430: %d",
      "loc.messages.LIB_StdioNotClosed": "\u041f\u043e\u0442\u043e\u043a\u0438 STDIO \u043d\u0435 \u0431\u044b\u043b\u0438 \u0437\u0430\u043a\u0440\u044b\u0442\u044b \u0432 \u0442\u0435\u0447\u0435\u043d\u0438\u0435 %s\u00a0\u0441 \u043f\u043e\u0441\u043b\u0435 \u043f\u043e\u043b\u0443\u0447\u0435\u043d\u0438\u044f \u0441\u043e\u0431\u044b\u0442\u0438\u044f \u0432\u044b\u0445\u043e\u0434\u0430 \u043e\u0442 \u043f\u0440\u043e\u0446\u0435\u0441\u0441\u0430 \"%s\". \u042d\u0442\u043e \u043c\u043e\u0436\u0435\u0442 \u0441\u0432\u0438\u0434\u0435\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e\u0432\u0430\u0442\u044c \u043e \u0442\u043e\u043c, \u0447\u0442\u043e \u0434\u043e\u0447\u0435\u0440\u043d\u0438\u0439 \u043f\u0440\u043e\u0446\u0435\u0441\u0441 \u0443\u043d\u0430\u0441\u043b\u0435\u0434\u043e\u0432\u0430\u043b \u043f\u043e\u0442\u043e\u043a\u0438 STDIO \u0438 \u0435\u0449\u0435 \u043d\u0435 \u0437\u0430\u0432\u0435\u0440\u0448\u0438\u043b \u0440\u0430\u0431\u043e\u0442\u0443.",
      "loc.messages.LIB_UndefinedNodeVersion": "\u0412\u0435\u0440\u0441\u0438\u044f \u0443\u0437\u043b\u0430 \u043d\u0435 \u043e\u043f\u0440\u0435\u0434\u0435\u043b\u0435\u043d\u0430.",
      "loc.messages.LIB_UnhandledEx": "\u041d\u0435 \u043e\u0431\u0440\u0430\u0431\u043e\u0442\u0430\u043d\u043e: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "\u041d\u0435\u0441\u043a\u043e\u043b\u044c\u043a\u043e \u0440\u0430\u0431\u043e\u0447\u0438\u0445 \u043e\u0431\u043b\u0430\u0441\u0442\u0435\u0439 \u0441\u043e\u0432\u043f\u0430\u0434\u0430\u0435\u0442, \u0438\u0441\u043f\u043e\u043b\u044c\u0437\u043e\u0432\u0430\u043d\u0430 \u043f\u0435\u0440\u0432\u0430\u044f \u0440\u0430\u0431\u043e\u0447\u0430\u044f \u043e\u0431\u043b\u0430\u0441\u0442\u044c.",
      "loc.messages.LIB_WhichNotFound_Linux": "\u041d\u0435 \u0443\u0434\u0430\u043b\u043e\u0441\u044c \u043d\u0430\u0439\u0442\u0438 \u0438\u0441\u043f\u043e\u043b\u043d\u044f\u0435\u043c\u044b\u0439 \u0444\u0430\u0439\u043b: \"%s\". \u0423\u0431\u0435\u0434\u0438\u0442\u0435\u0441\u044c, \u0447\u0442\u043e \u043f\u0443\u0442\u044c \u043a \u0444\u0430\u0439\u043b\u0443 \u0441\u0443\u0449\u0435\u0441\u0442\u0432\u0443\u0435\u0442 \u0438 \u0444\u0430\u0439\u043b \u043c\u043e\u0436\u043d\u043e \u043d\u0430\u0439\u0442\u0438 \u0432 \u043a\u0430\u0442\u0430\u043b\u043e\u0433\u0435, \u0443\u043a\u0430\u0437\u0430\u043d\u043d\u043e\u043c \u043f\u0435\u0440\u0435\u043c\u0435\u043d\u043d\u043e\u0439 \u043e\u043a\u0440\u0443\u0436\u0435\u043d\u0438\u044f PATH. \u0422\u0430\u043a\u0436\u0435 \u043f\u0440\u043e\u0432\u0435\u0440\u044c\u0442\u0435 \u0440\u0435\u0436\u0438\u043c \u0444\u0430\u0439\u043b\u0430, \u0447\u0442\u043e\u0431\u044b \u0443\u0431\u0435\u0434\u0438\u0442\u044c\u0441\u044f, \u0447\u0442\u043e \u0444\u0430\u0439\u043b \u044f\u0432\u043b\u044f\u0435\u0442\u0441\u044f \u0438\u0441\u043f\u043e\u043b\u043d\u044f\u0435\u043c\u044b\u043c.",
      "loc.messages.LIB_WhichNotFound_Win": "\u041d\u0435 \u0443\u0434\u0430\u043b\u043e\u0441\u044c \u043d\u0430\u0439\u0442\u0438 \u0438\u0441\u043f\u043e\u043b\u043d\u044f\u0435\u043c\u044b\u0439 \u0444\u0430\u0439\u043b: \"%s\". \u0423\u0431\u0435\u0434\u0438\u0442\u0435\u0441\u044c, \u0447\u0442\u043e \u043f\u0443\u0442\u044c \u043a \u0444\u0430\u0439\u043b\u0443 \u0441\u0443\u0449\u0435\u0441\u0442\u0432\u0443\u0435\u0442 \u0438 \u0447\u0442\u043e \u0444\u0430\u0439\u043b \u043c\u043e\u0436\u043d\u043e \u043d\u0430\u0439\u0442\u0438 \u0432 \u043a\u0430\u0442\u0430\u043b\u043e\u0433\u0435, \u0443\u043a\u0430\u0437\u0430\u043d\u043d\u043e\u043c \u043f\u0435\u0440\u0435\u043c\u0435\u043d\u043d\u043e\u0439 \u043e\u043a\u0440\u0443\u0436\u0435\u043d\u0438\u044f PATH. \u0422\u0430\u043a\u0436\u0435 \u0443\u0431\u0435\u0434\u0438\u0442\u0435\u0441\u044c, \u0447\u0442\u043e \u0443 \u0444\u0430\u0439\u043b\u0430 \u0435\u0441\u0442\u044c \u0434\u043e\u043f\u0443\u0441\u0442\u0438\u043c\u043e\u0435 \u0440\u0430\u0441\u0448\u0438\u0440\u0435\u043d\u0438\u0435 \u0434\u043b\u044f \u0438\u0441\u043f\u043e\u043b\u043d\u044f\u0435\u043c\u043e\u0433\u043e \u0444\u0430\u0439\u043b\u0430."
    },
    "zh-CN": {
      "loc.messages.LIB_CopyFileFailed": "\u590d\u5236\u6587\u4ef6\u65f6\u51fa\u9519\u3002\u5269\u4f59\u5c1d\u8bd5\u6b21\u6570: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "\u76ee\u5f55\u5806\u6808\u4e3a\u7a7a",
      "loc.messages.LIB_EndpointAuthNotExist": "\u7ec8\u7ed3\u70b9\u6388\u6743\u6570\u636e\u4e0d\u5b58\u5728: %s",
      "loc.messages.LIB_EndpointDataNotExist": "\u7ec8\u7ed3\u70b9\u6570\u636e\u53c2\u6570 %s \u4e0d\u5b58\u5728: %s",
      "loc.messages.LIB_EndpointNotExist": "\u7ec8\u7ed3\u70b9\u4e0d\u5b58\u5728: %s",
      "loc.messages.LIB_FailOnCode": "\u6545\u969c\u8fd4\u56de\u4ee3\u7801: %d",
      "loc.messages.LIB_InputRequired": "\u8f93\u5165\u5fc5\u9700\u9879: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "\u7ec8\u7ed3\u70b9\u9a8c\u8bc1\u65e0\u6548: %s",
      "loc.messages.LIB_InvalidPattern": "\u65e0\u6548\u7684\u6a21\u5f0f: \"%s\"",
      "loc.messages.LIB_InvalidSecureFilesInput": "\u65e0\u6548\u7684\u5b89\u5168\u6587\u4ef6\u8f93\u5165: %s",
      "loc.messages.LIB_LocStringNotFound": "\u65e0\u6cd5\u627e\u5230\u5173\u952e\u5b57\u7684\u672c\u5730\u5b57\u7b26\u4e32: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "\u6b64\u7248\u672c\u7684 OSX/Linux \u751f\u6210\u4ee3\u7406\u4e0d\u652f\u6301\u6765\u81ea\u67d0\u4e2a\u6d4b\u8bd5\u8fd0\u884c\u7684\u591a\u6587\u4ef6\u5408\u5e76\u6d4b\u8bd5\u7ed3\u679c\uff0c\u5728 VSO/TFS \u4e2d\uff0c\u6bcf\u4e2a\u6d4b\u8bd5\u7ed3\u679c\u6587\u4ef6\u90fd\u5c06\u4f5c\u4e3a\u5355\u72ec\u7684\u6d4b\u8bd5\u8fd0\u884c\u8fdb\u884c\u53d1\u5e03\u3002",
      "loc.messages.LIB_MkdirFailed": "\u65e0\u6cd5\u521b\u5efa\u76ee\u5f55\u201c%s\u201d\u3002%s",
      "loc.messages.LIB_MkdirFailedFileExists": "\u65e0\u6cd5\u521b\u5efa\u76ee\u5f55\u201c%s\u201d\u3002\u5b58\u5728\u51b2\u7a81\u6587\u4ef6:\u201c%s\u201d",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "\u65e0\u6cd5\u521b\u5efa\u76ee\u5f55\u201c%s\u201d\u3002\u6839\u76ee\u5f55\u4e0d\u5b58\u5728:\u201c%s\u201d",
      "loc.messages.LIB_MkdirFailedInvalidShare": "\u65e0\u6cd5\u521b\u5efa\u76ee\u5f55\u201c%s\u201d\u3002\u65e0\u6cd5\u9a8c\u8bc1\u201c%s\u201d\u76ee\u5f55\u662f\u5426\u5b58\u5728\u3002\u5982\u679c\u76ee\u5f55\u662f\u6587\u4ef6\u5171\u4eab\uff0c\u8bf7\u9a8c\u8bc1\u5171\u4eab\u540d\u79f0\u662f\u5426\u6b63\u786e\u3001\u5171\u4eab\u662f\u5426\u5df2\u8054\u673a\u4ee5\u53ca\u5f53\u524d\u8fdb\u7a0b\u662f\u5426\u6709\u6743\u8bbf\u95ee\u8be5\u5171\u4eab\u3002",
      "loc.messages.LIB_MultilineSecret": "\u5bc6\u7801\u4e0d\u80fd\u5305\u542b\u591a\u4e2a\u884c",
      "loc.messages.LIB_NotFoundPreviousDirectory": "\u627e\u4e0d\u5230\u4ee5\u524d\u7684\u76ee\u5f55",
      "loc.messages.LIB_OperationFailed": "%s \u5931\u8d25: %s",
      "loc.messages.LIB_ParameterIsRequired": "\u672a\u63d0\u4f9b %s",
      "loc.messages.LIB_PathHasNullByte": "\u8def\u5f84\u4e0d\u80fd\u5305\u542b null \u5b57\u8282",
      "loc.messages.LIB_PathIsNotADirectory": "\u8def\u5f84\u4e0d\u662f\u76ee\u5f55\uff1a %s",
      "loc.messages.LIB_PathNotFound": "\u627e\u4e0d\u5230 %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "\u5e73\u53f0\u4e0d\u53d7\u652f\u6301: %s",
      "loc.messages.LIB_ProcessError": "\u5c1d\u8bd5\u6267\u884c\u8fdb\u7a0b\u201c%s\u201d\u65f6\u51fa\u9519\u3002\u8fd9\u53ef\u80fd\u8868\u793a\u8fdb\u7a0b\u542f\u52a8\u5931\u8d25\u3002\u9519\u8bef: %s",
      "loc.messages.LIB_ProcessExitCode": "\u8fdb\u7a0b\u201c%s\u201d\u5931\u8d25\uff0c\u9000\u51fa\u4ee3\u7801\u4e3a %s",
      "loc.messages.LIB_ProcessStderr": "\u8fdb\u7a0b\u201c%s\u201d\u5931\u8d25\uff0c\u56e0\u4e3a\u5df2\u5c06\u4e00\u884c\u6216\u591a\u884c\u5199\u5165 STDERR \u6d41",
      "loc.messages.LIB_ResourceFileAlreadySet": "\u8d44\u6e90\u6587\u4ef6\u5df2\u88ab\u8bbe\u7f6e\u4e3a %s",
      "loc.messages.LIB_ResourceFileNotExist": "\u8d44\u6e90\u6587\u4ef6\u4e0d\u5b58\u5728: %s",
      "loc.messages.LIB_ResourceFileNotSet": "\u8d44\u6e90\u6587\u4ef6\u5c1a\u672a\u8bbe\u7f6e\uff0c\u65e0\u6cd5\u627e\u5230\u5173\u952e\u5b57\u7684\u672c\u5730\u5b57\u7b26\u4e32: %s",
      "loc.messages.LIB_ReturnCode": "\u8fd4\u56de\u4ee3\u7801: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO \u6d41\u5728\u8fdb\u7a0b\u201c%s\u201d\u4e2d\u53d1\u751f\u9000\u51fa\u4e8b\u4ef6 %s \u79d2\u5185\u672a\u5173\u95ed \u3002\u8fd9\u53ef\u80fd\u8868\u793a\u5b50\u8fdb\u7a0b\u7ee7\u627f\u4e86 STDIO \u6d41\u4e14\u5c1a\u672a\u9000\u51fa\u3002",
      "loc.messages.LIB_UndefinedNodeVersion": "\u8282\u70b9\u7248\u672c\u672a\u5b9a\u4e49\u3002",
      "loc.messages.LIB_UnhandledEx": "\u672a\u5904\u7406: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "\u51fa\u73b0\u591a\u4e2a\u5de5\u4f5c\u533a\u5339\u914d\u65f6\uff0c\u4f7f\u7528\u7b2c\u4e00\u4e2a\u3002",
      "loc.messages.LIB_WhichNotFound_Linux": "\u65e0\u6cd5\u5b9a\u4f4d\u53ef\u6267\u884c\u6587\u4ef6: \"%s\"\u3002\u8bf7\u9a8c\u8bc1\u6587\u4ef6\u8def\u5f84\u662f\u5426\u5b58\u5728\u6216\u6587\u4ef6\u662f\u5426\u53ef\u5728 PATH \u73af\u5883\u53d8\u91cf\u6307\u5b9a\u7684\u76ee\u5f55\u5185\u627e\u5230\u3002\u53e6\u8bf7\u68c0\u67e5\u6587\u4ef6\u6a21\u5f0f\u4ee5\u9a8c\u8bc1\u6587\u4ef6\u662f\u5426\u53ef\u6267\u884c\u3002",
      "loc.messages.LIB_WhichNotFound_Win": "\u65e0\u6cd5\u5b9a\u4f4d\u53ef\u6267\u884c\u6587\u4ef6: \"%s\"\u3002\u8bf7\u9a8c\u8bc1\u6587\u4ef6\u8def\u5f84\u662f\u5426\u5b58\u5728\u6216\u6587\u4ef6\u662f\u5426\u53ef\u5728 PATH \u73af\u5883\u53d8\u91cf\u6307\u5b9a\u7684\u76ee\u5f55\u5185\u627e\u5230\u3002\u53e6\u8bf7\u9a8c\u8bc1\u8be5\u6587\u4ef6\u662f\u5426\u5177\u6709\u53ef\u6267\u884c\u6587\u4ef6\u7684\u6709\u6548\u6269\u5c55\u540d\u3002"
    },
    "zh-TW": {
      "loc.messages.LIB_CopyFileFailed": "\u8907\u88fd\u6a94\u6848\u6642\u767c\u751f\u932f\u8aa4\u3002\u5269\u9918\u5617\u8a66\u6b21\u6578: %s",
      "loc.messages.LIB_DirectoryStackEmpty": "\u76ee\u9304\u5806\u758a\u662f\u7a7a\u7684",
      "loc.messages.LIB_EndpointAuthNotExist": "\u7aef\u9ede\u9a57\u8b49\u8cc7\u6599\u4e0d\u5b58\u5728: %s",
      "loc.messages.LIB_EndpointDataNotExist": "\u7aef\u9ede\u8cc7\u6599\u53c3\u6578 %s \u4e0d\u5b58\u5728: %s",
      "loc.messages.LIB_EndpointNotExist": "\u7aef\u9ede\u4e0d\u5b58\u5728: %s",
      "loc.messages.LIB_FailOnCode": "\u50b3\u56de\u7a0b\u5f0f\u78bc\u5931\u6557: %d",
      "loc.messages.LIB_InputRequired": "\u9700\u8981\u8f38\u5165\u5167\u5bb9: %s",
      "loc.messages.LIB_InvalidEndpointAuth": "\u7aef\u9ede\u9a57\u8b49\u7121\u6548: %s",
      "loc.messages.LIB_InvalidPattern": "\u6a21\u5f0f\u7121\u6548: '%s'",
      "loc.messages.LIB_InvalidSecureFilesInput": "\u5b89\u5168\u6a94\u6848\u8f38\u5165\u7121\u6548: %s",
      "loc.messages.LIB_LocStringNotFound": "\u627e\u4e0d\u5230\u7d22\u5f15\u9375\u7684 loc \u5b57\u4e32: %s",
      "loc.messages.LIB_MergeTestResultNotSupported": "OSX/Linux \u7684\u6b64\u7248\u672c\u7d44\u5efa\u4ee3\u7406\u7a0b\u5f0f\u4e0d\u652f\u63f4\u5c07\u591a\u500b\u6a94\u6848\u7684\u6e2c\u8a66\u7d50\u679c\u5408\u4f75\u81f3\u55ae\u4e00\u6e2c\u8a66\u56de\u5408\uff0c\u6bcf\u500b\u6e2c\u8a66\u7d50\u679c\u6a94\u6848\u5c07\u4f5c\u70ba\u500b\u5225\u6e2c\u8a66\u56de\u5408\u5728 VSO/TFS \u4e2d\u767c\u884c\u3002",
      "loc.messages.LIB_MkdirFailed": "\u7121\u6cd5\u5efa\u7acb\u76ee\u9304 '%s'\u3002%s",
      "loc.messages.LIB_MkdirFailedFileExists": "\u7121\u6cd5\u5efa\u7acb\u76ee\u9304 '%s'\u3002\u5b58\u5728\u885d\u7a81\u7684\u6a94\u6848: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidDriveRoot": "\u7121\u6cd5\u5efa\u7acb\u76ee\u9304 '%s'\u3002\u6839\u76ee\u9304\u4e0d\u5b58\u5728: '%s'",
      "loc.messages.LIB_MkdirFailedInvalidShare": "\u7121\u6cd5\u5efa\u7acb\u76ee\u9304 '%s'\u3002\u7121\u6cd5\u9a57\u8b49\u76ee\u9304\u662f\u5426\u5b58\u5728: '%s'\u3002\u5982\u679c\u76ee\u9304\u662f\u6a94\u6848\u5171\u7528\uff0c\u8acb\u9a57\u8b49\u5171\u7528\u540d\u7a31\u6b63\u78ba\u3001\u5171\u7528\u5728\u7dda\u4e0a\uff0c\u800c\u4e14\u76ee\u524d\u7684\u6d41\u7a0b\u5177\u6709\u5b58\u53d6\u5171\u7528\u7684\u6b0a\u9650\u3002",
      "loc.messages.LIB_MultilineSecret": "\u7955\u5bc6\u4e0d\u5f97\u5305\u542b\u591a\u500b\u884c",
      "loc.messages.LIB_NotFoundPreviousDirectory": "\u627e\u4e0d\u5230\u4e4b\u524d\u7684\u76ee\u9304",
      "loc.messages.LIB_OperationFailed": "%s \u5931\u6557: %s",
      "loc.messages.LIB_ParameterIsRequired": "\u672a\u63d0\u4f9b %s",
      "loc.messages.LIB_PathHasNullByte": "\u8def\u5f91\u4e0d\u80fd\u5305\u542b null \u4f4d\u5143\u7d44",
      "loc.messages.LIB_PathIsNotADirectory": "\u8def\u5f91\u4e0d\u662f\u76ee\u9304\uff1a %s",
      "loc.messages.LIB_PathNotFound": "\u627e\u4e0d\u5230 %s: %s",
      "loc.messages.LIB_PlatformNotSupported": "\u4e0d\u652f\u63f4\u7684\u5e73\u53f0: %s",
      "loc.messages.LIB_ProcessError": "\u5617\u8a66\u57f7\u884c\u8655\u7406\u5e8f '%s' \u6642\u767c\u751f\u932f\u8aa4\u3002\u9019\u53ef\u80fd\u8868\u793a\u8655\u7406\u5e8f\u7121\u6cd5\u555f\u52d5\u3002\u932f\u8aa4: %s",
      "loc.messages.LIB_ProcessExitCode": "\u8655\u7406\u5e8f '%s' \u5931\u6557\uff0c\u7d50\u675f\u4ee3\u78bc\u70ba %s",
      "loc.messages.LIB_ProcessStderr": "\u56e0\u70ba STDERR \u8cc7\u6599\u6d41\u4e2d\u5beb\u5165\u4e86\u4e00\u6216\u591a\u884c\u7a0b\u5f0f\u78bc\uff0c\u6240\u4ee5\u8655\u7406\u5e8f '%s' \u5931\u6557",
      "loc.messages.LIB_ResourceFileAlreadySet": "\u8cc7\u6e90\u6a94\u6848\u5df2\u8a2d\u5b9a\u81f3: %s",
      "loc.messages.LIB_ResourceFileNotExist": "\u8cc7\u6e90\u6a94\u6848\u4e0d\u5b58\u5728: %s",
      "loc.messages.LIB_ResourceFileNotSet": "\u5c1a\u672a\u8a2d\u5b9a\u8cc7\u6e90\u6a94\u6848\uff0c\u627e\u4e0d\u5230\u7d22\u5f15\u9375\u7684 loc \u5b57\u4e32: %s",
      "loc.messages.LIB_ReturnCode": "\u50b3\u56de\u7a0b\u5f0f\u78bc: %d",
      "loc.messages.LIB_StdioNotClosed": "STDIO \u8cc7\u6599\u6d41\u672a\u5728 %s \u79d2\u5167\u95dc\u9589 (\u5f9e\u8655\u7406\u5e8f '%s' \u7d50\u675f\u4e8b\u4ef6\u767c\u751f\u5f8c\u7b97\u8d77)\u3002\u9019\u53ef\u80fd\u8868\u793a\u5b50\u8655\u7406\u5e8f\u7e7c\u627f\u4e86 STDIO \u8cc7\u6599\u6d41\u4e14\u5c1a\u672a\u7d50\u675f\u3002",
      "loc.messages.LIB_UndefinedNodeVersion": "\u672a\u5b9a\u7fa9\u7bc0\u9ede\u7248\u672c\u3002",
      "loc.messages.LIB_UnhandledEx": "\u672a\u7d93\u8655\u7406: %s",
      "loc.messages.LIB_UseFirstGlobMatch": "\u591a\u500b\u5de5\u4f5c\u5340\u76f8\u7b26\u3002\u8acb\u5148\u4f7f\u7528\u3002",
      "loc.messages.LIB_WhichNotFound_Linux": "\u627e\u4e0d\u5230\u53ef\u57f7\u884c\u6a94: '%s'\u3002\u8acb\u78ba\u8a8d\u6a94\u6848\u8def\u5f91\u5b58\u5728\uff0c\u6216\u6a94\u6848\u53ef\u4ee5\u5728 PATH \u74b0\u5883\u8b8a\u6578\u6307\u5b9a\u7684\u76ee\u9304\u4e2d\u627e\u5230\u3002\u53e6\u8acb\u6aa2\u67e5\u6a94\u6848\u6a21\u5f0f\uff0c\u78ba\u8a8d\u6a94\u6848\u53ef\u4ee5\u57f7\u884c\u3002",
      "loc.messages.LIB_WhichNotFound_Win": "\u627e\u4e0d\u5230\u53ef\u57f7\u884c\u6a94: '%s'\u3002\u8acb\u78ba\u8a8d\u6a94\u6848\u8def\u5f91\u5b58\u5728\uff0c\u6216\u6a94\u6848\u53ef\u4ee5\u5728 PATH \u74b0\u5883\u8b8a\u6578\u6307\u5b9a\u7684\u76ee\u9304\u4e2d\u627e\u5230\u3002\u53e6\u8acb\u78ba\u8a8d\u6a94\u6848\u5177\u5099\u6709\u6548\u7684\u53ef\u57f7\u884c\u6a94\u526f\u6a94\u540d\u3002"
    }
  }
};


/***/ }),

/***/ 358:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getPlatform = exports.osType = exports.writeFile = exports.exist = exports.stats = exports.debug = exports.error = exports.warning = exports.command = exports.setTaskVariable = exports.getTaskVariable = exports.getSecureFileTicket = exports.getSecureFileName = exports.getEndpointAuthorization = exports.getEndpointAuthorizationParameterRequired = exports.getEndpointAuthorizationParameter = exports.getEndpointAuthorizationSchemeRequired = exports.getEndpointAuthorizationScheme = exports.getEndpointDataParameterRequired = exports.getEndpointDataParameter = exports.getEndpointUrlRequired = exports.getEndpointUrl = exports.getPathInputRequired = exports.getPathInput = exports.filePathSupplied = exports.getDelimitedInput = exports.getPipelineFeature = exports.getBoolFeatureFlag = exports.getBoolInput = exports.getInputRequired = exports.getInput = exports.setSecret = exports.setVariable = exports.getVariables = exports.assertAgent = exports.getVariable = exports.loc = exports.setResourcePath = exports.setSanitizedResult = exports.setResult = exports.setErrStream = exports.setStdStream = exports.AgentHostedMode = exports.Platform = exports.IssueSource = exports.FieldType = exports.ArtifactType = exports.IssueType = exports.TaskState = exports.TaskResult = void 0;
exports.defaultAllowedVsoCommands = exports.errorExternalOutput = exports.warningExternalOutput = exports.debugExternalOutput = exports.writeExternalOutput = exports.createExternalOutputStream = exports.updateReleaseName = exports.addBuildTag = exports.updateBuildNumber = exports.uploadBuildLog = exports.associateArtifact = exports.uploadArtifact = exports.logIssue = exports.logDetail = exports.setProgress = exports.setEndpoint = exports.addAttachment = exports.uploadSummary = exports.prependPath = exports.uploadFile = exports.CodeCoverageEnabler = exports.CodeCoveragePublisher = exports.TestPublisher = exports.getHttpCertConfiguration = exports.getHttpProxyConfiguration = exports.findMatch = exports.filter = exports.match = exports.tool = exports.execSync = exports.exec = exports.execAsync = exports.rmRF = exports.legacyFindFiles = exports.find = exports.retry = exports.mv = exports.cp = exports.ls = exports.which = exports.resolve = exports.mkdirP = exports.popd = exports.pushd = exports.cd = exports.checkPath = exports.cwd = exports.getSprint = exports.getAgentMode = exports.getNodeMajorVersion = void 0;
var childProcess = __nccwpck_require__(317);
var fs = __nccwpck_require__(896);
var path = __nccwpck_require__(928);
var os = __nccwpck_require__(857);
var minimatch = __nccwpck_require__(772);
var im = __nccwpck_require__(202);
var tcm = __nccwpck_require__(373);
var trm = __nccwpck_require__(800);
var eom = __nccwpck_require__(37);
var semver = __nccwpck_require__(318);
var TaskResult;
(function (TaskResult) {
    TaskResult[TaskResult["Succeeded"] = 0] = "Succeeded";
    TaskResult[TaskResult["SucceededWithIssues"] = 1] = "SucceededWithIssues";
    TaskResult[TaskResult["Failed"] = 2] = "Failed";
    TaskResult[TaskResult["Cancelled"] = 3] = "Cancelled";
    TaskResult[TaskResult["Skipped"] = 4] = "Skipped";
})(TaskResult = exports.TaskResult || (exports.TaskResult = {}));
var TaskState;
(function (TaskState) {
    TaskState[TaskState["Unknown"] = 0] = "Unknown";
    TaskState[TaskState["Initialized"] = 1] = "Initialized";
    TaskState[TaskState["InProgress"] = 2] = "InProgress";
    TaskState[TaskState["Completed"] = 3] = "Completed";
})(TaskState = exports.TaskState || (exports.TaskState = {}));
var IssueType;
(function (IssueType) {
    IssueType[IssueType["Error"] = 0] = "Error";
    IssueType[IssueType["Warning"] = 1] = "Warning";
})(IssueType = exports.IssueType || (exports.IssueType = {}));
var ArtifactType;
(function (ArtifactType) {
    ArtifactType[ArtifactType["Container"] = 0] = "Container";
    ArtifactType[ArtifactType["FilePath"] = 1] = "FilePath";
    ArtifactType[ArtifactType["VersionControl"] = 2] = "VersionControl";
    ArtifactType[ArtifactType["GitRef"] = 3] = "GitRef";
    ArtifactType[ArtifactType["TfvcLabel"] = 4] = "TfvcLabel";
})(ArtifactType = exports.ArtifactType || (exports.ArtifactType = {}));
var FieldType;
(function (FieldType) {
    FieldType[FieldType["AuthParameter"] = 0] = "AuthParameter";
    FieldType[FieldType["DataParameter"] = 1] = "DataParameter";
    FieldType[FieldType["Url"] = 2] = "Url";
})(FieldType = exports.FieldType || (exports.FieldType = {}));
exports.IssueSource = im.IssueSource;
/** Platforms supported by our build agent */
var Platform;
(function (Platform) {
    Platform[Platform["Windows"] = 0] = "Windows";
    Platform[Platform["MacOS"] = 1] = "MacOS";
    Platform[Platform["Linux"] = 2] = "Linux";
})(Platform = exports.Platform || (exports.Platform = {}));
var AgentHostedMode;
(function (AgentHostedMode) {
    AgentHostedMode[AgentHostedMode["Unknown"] = 0] = "Unknown";
    AgentHostedMode[AgentHostedMode["SelfHosted"] = 1] = "SelfHosted";
    AgentHostedMode[AgentHostedMode["MsHosted"] = 2] = "MsHosted";
})(AgentHostedMode = exports.AgentHostedMode || (exports.AgentHostedMode = {}));
var SPRINT_ONE_START_UTC_MS = Date.UTC(2010, 7, 14, 0, 0, 0, 0);
var DAYS_PER_WEEK = 7;
var DAYS_PER_SPRINT = 21;
var MILLISECONDS_PER_DAY = 24 * 60 * 60 * 1000;
//-----------------------------------------------------
// General Helpers
//-----------------------------------------------------
exports.setStdStream = im._setStdStream;
exports.setErrStream = im._setErrStream;
function setResult(result, message, done) {
    (0, exports.debug)('task result: ' + TaskResult[result]);
    // add an error issue
    if (result == TaskResult.Failed && message) {
        (0, exports.error)(message, exports.IssueSource.TaskInternal);
    }
    else if (result == TaskResult.SucceededWithIssues && message) {
        (0, exports.warning)(message, exports.IssueSource.TaskInternal);
    }
    // task.complete
    var properties = { 'result': TaskResult[result] };
    if (done) {
        properties['done'] = 'true';
    }
    (0, exports.command)('task.complete', properties, message);
}
exports.setResult = setResult;
/**
 * Sets the result of the task with sanitized message.
 *
 * @param result    TaskResult enum of Succeeded, SucceededWithIssues, Failed, Cancelled or Skipped.
 * @param message   A message which will be logged as an error issue if the result is Failed. Message will be truncated
 *                  before first occurence of wellknown sensitive keyword.
 * @param done      Optional. Instructs the agent the task is done. This is helpful when child processes
 *                  may still be running and prevent node from fully exiting. This argument is supported
 *                  from agent version 2.142.0 or higher (otherwise will no-op).
 * @returns         void
 */
function setSanitizedResult(result, message, done) {
    var pattern = /password|key|secret|bearer|authorization|token|pat/i;
    var sanitizedMessage = im._truncateBeforeSensitiveKeyword(message, pattern);
    setResult(result, sanitizedMessage, done);
}
exports.setSanitizedResult = setSanitizedResult;
//
// Catching all exceptions
//
process.on('uncaughtException', function (err) {
    if (!im.isSigPipeError(err)) {
        setResult(TaskResult.Failed, (0, exports.loc)('LIB_UnhandledEx', err.message));
        (0, exports.error)(String(err.stack), im.IssueSource.TaskInternal);
    }
});
//
// Catching unhandled rejections from promises and rethrowing them as exceptions
// For example, a promise that is rejected but not handled by a .catch() handler in node 10
// doesn't cause an uncaughtException but causes in Node 16.
// For types definitions(Error | Any) see https://nodejs.org/docs/latest-v16.x/api/process.html#event-unhandledrejection
//
process.on('unhandledRejection', function (reason) {
    if (reason instanceof Error) {
        throw reason;
    }
    else {
        throw new Error(reason);
    }
});
//-----------------------------------------------------
// Loc Helpers
//-----------------------------------------------------
exports.setResourcePath = im._setResourcePath;
exports.loc = im._loc;
//-----------------------------------------------------
// Input Helpers
//-----------------------------------------------------
exports.getVariable = im._getVariable;
/**
 * Asserts the agent version is at least the specified minimum.
 *
 * @param    minimum    minimum version version - must be 2.104.1 or higher
 */
function assertAgent(minimum) {
    if (semver.lt(minimum, '2.104.1')) {
        throw new Error('assertAgent() requires the parameter to be 2.104.1 or higher');
    }
    var agent = (0, exports.getVariable)('Agent.Version');
    (0, exports.debug)('Detected Agent.Version=' + (agent ? agent : 'undefined'));
    if (agent && semver.lt(agent, minimum)) {
        throw new Error("Agent version ".concat(minimum, " or higher is required. Detected Agent version: ").concat(agent));
    }
}
exports.assertAgent = assertAgent;
/**
 * Gets a snapshot of the current state of all job variables available to the task.
 * Requires a 2.104.1 agent or higher for full functionality.
 *
 * Limitations on an agent prior to 2.104.1:
 *  1) The return value does not include all public variables. Only public variables
 *     that have been added using setVariable are returned.
 *  2) The name returned for each secret variable is the formatted environment variable
 *     name, not the actual variable name (unless it was set explicitly at runtime using
 *     setVariable).
 *
 * @returns VariableInfo[]
 */
function getVariables() {
    return Object.keys(im._knownVariableMap)
        .map(function (key) {
        var info = im._knownVariableMap[key];
        return { name: info.name, value: (0, exports.getVariable)(info.name), secret: info.secret };
    });
}
exports.getVariables = getVariables;
/**
 * Sets a variable which will be available to subsequent tasks as well.
 *
 * @param     name     name of the variable to set
 * @param     val      value to set
 * @param     secret   whether variable is secret.  Multi-line secrets are not allowed.  Optional, defaults to false
 * @param     isOutput whether variable is an output variable.  Optional, defaults to false
 * @returns   void
 */
function setVariable(name, val, secret, isOutput) {
    if (secret === void 0) { secret = false; }
    if (isOutput === void 0) { isOutput = false; }
    // once a secret always a secret
    var key = im._getVariableKey(name);
    if (im._knownVariableMap.hasOwnProperty(key)) {
        secret = secret || im._knownVariableMap[key].secret;
    }
    // store the value
    var varValue = val || '';
    (0, exports.debug)('set ' + name + '=' + (secret && varValue ? '********' : varValue));
    if (secret) {
        if (varValue && varValue.match(/\r|\n/) && "".concat(process.env['SYSTEM_UNSAFEALLOWMULTILINESECRET']).toUpperCase() != 'TRUE') {
            throw new Error((0, exports.loc)('LIB_MultilineSecret'));
        }
        im._vault.storeSecret('SECRET_' + key, varValue);
        delete process.env[key];
    }
    else {
        process.env[key] = varValue;
    }
    // store the metadata
    im._knownVariableMap[key] = { name: name, secret: secret };
    // write the setvariable command
    (0, exports.command)('task.setvariable', { 'variable': name || '', isOutput: (isOutput || false).toString(), 'issecret': (secret || false).toString() }, varValue);
}
exports.setVariable = setVariable;
/**
 * Registers a value with the logger, so the value will be masked from the logs.  Multi-line secrets are not allowed.
 *
 * @param val value to register
 */
function setSecret(val) {
    if (val) {
        if (val.match(/\r|\n/) && "".concat(process.env['SYSTEM_UNSAFEALLOWMULTILINESECRET']).toUpperCase() !== 'TRUE') {
            throw new Error((0, exports.loc)('LIB_MultilineSecret'));
        }
        (0, exports.command)('task.setsecret', {}, val);
    }
}
exports.setSecret = setSecret;
/**
 * Gets the value of an input.
 * If required is true and the value is not set, it will throw.
 *
 * @param     name     name of the input to get
 * @param     required whether input is required.  optional, defaults to false
 * @returns   string
 */
function getInput(name, required) {
    var inval = im._vault.retrieveSecret('INPUT_' + im._getVariableKey(name));
    if (required && !inval) {
        throw new Error((0, exports.loc)('LIB_InputRequired', name));
    }
    (0, exports.debug)(name + '=' + inval);
    return inval;
}
exports.getInput = getInput;
/**
 * Gets the value of an input.
 * If the value is not set, it will throw.
 *
 * @param     name     name of the input to get
 * @returns   string
 */
function getInputRequired(name) {
    return getInput(name, true);
}
exports.getInputRequired = getInputRequired;
/**
 * Gets the value of an input and converts to a bool.  Convenience.
 * If required is true and the value is not set, it will throw.
 * If required is false and the value is not set, returns false.
 *
 * @param     name     name of the bool input to get
 * @param     required whether input is required.  optional, defaults to false
 * @returns   boolean
 */
function getBoolInput(name, required) {
    return (getInput(name, required) || '').toUpperCase() == "TRUE";
}
exports.getBoolInput = getBoolInput;
/**
 * Gets the value of an feature flag and converts to a bool.
 * @IMPORTANT This method is only for internal Microsoft development. Do not use it for external tasks.
 * @param     name     name of the feature flag to get.
 * @param     defaultValue default value of the feature flag in case it's not found in env. (optional. Default value = false)
 * @returns   boolean
 * @deprecated Don't use this for new development. Use getPipelineFeature instead.
 */
function getBoolFeatureFlag(ffName, defaultValue) {
    if (defaultValue === void 0) { defaultValue = false; }
    var ffValue = process.env[ffName];
    if (!ffValue) {
        (0, exports.debug)("Feature flag ".concat(ffName, " not found. Returning ").concat(defaultValue, " as default."));
        return defaultValue;
    }
    (0, exports.debug)("Feature flag ".concat(ffName, " = ").concat(ffValue));
    return ffValue.toLowerCase() === "true";
}
exports.getBoolFeatureFlag = getBoolFeatureFlag;
/**
 * Gets the value of an task feature and converts to a bool.
 * @IMPORTANT This method is only for internal Microsoft development. Do not use it for external tasks.
 * @param     name     name of the feature to get.
 * @returns   boolean
 */
function getPipelineFeature(featureName) {
    var variableName = im._getVariableKey("DistributedTask.Tasks.".concat(featureName));
    var featureValue = process.env[variableName];
    if (!featureValue) {
        (0, exports.debug)("Feature '".concat(featureName, "' not found. Returning false as default."));
        return false;
    }
    var boolValue = featureValue.toLowerCase() === "true";
    (0, exports.debug)("Feature '".concat(featureName, "' = '").concat(featureValue, "'. Processed as '").concat(boolValue, "'."));
    return boolValue;
}
exports.getPipelineFeature = getPipelineFeature;
/**
 * Gets the value of an input and splits the value using a delimiter (space, comma, etc).
 * Empty values are removed.  This function is useful for splitting an input containing a simple
 * list of items - such as build targets.
 * IMPORTANT: Do not use this function for splitting additional args!  Instead use argString(), which
 * follows normal argument splitting rules and handles values encapsulated by quotes.
 * If required is true and the value is not set, it will throw.
 *
 * @param     name     name of the input to get
 * @param     delim    delimiter to split on
 * @param     required whether input is required.  optional, defaults to false
 * @returns   string[]
 */
function getDelimitedInput(name, delim, required) {
    var inputVal = getInput(name, required);
    if (!inputVal) {
        return [];
    }
    var result = [];
    inputVal.split(delim).forEach(function (x) {
        if (x) {
            result.push(x);
        }
    });
    return result;
}
exports.getDelimitedInput = getDelimitedInput;
/**
 * Checks whether a path inputs value was supplied by the user
 * File paths are relative with a picker, so an empty path is the root of the repo.
 * Useful if you need to condition work (like append an arg) if a value was supplied
 *
 * @param     name      name of the path input to check
 * @returns   boolean
 */
function filePathSupplied(name) {
    // normalize paths
    var pathValue = this.resolve(this.getPathInput(name) || '');
    var repoRoot = this.resolve((0, exports.getVariable)('build.sourcesDirectory') || (0, exports.getVariable)('system.defaultWorkingDirectory') || '');
    var supplied = pathValue !== repoRoot;
    (0, exports.debug)(name + 'path supplied :' + supplied);
    return supplied;
}
exports.filePathSupplied = filePathSupplied;
/**
 * Gets the value of a path input
 * It will be quoted for you if it isn't already and contains spaces
 * If required is true and the value is not set, it will throw.
 * If check is true and the path does not exist, it will throw.
 *
 * @param     name      name of the input to get
 * @param     required  whether input is required.  optional, defaults to false
 * @param     check     whether path is checked.  optional, defaults to false
 * @returns   string
 */
function getPathInput(name, required, check) {
    var inval = getInput(name, required);
    if (inval) {
        if (check) {
            (0, exports.checkPath)(inval, name);
        }
    }
    return inval;
}
exports.getPathInput = getPathInput;
/**
 * Gets the value of a path input
 * It will be quoted for you if it isn't already and contains spaces
 * If the value is not set, it will throw.
 * If check is true and the path does not exist, it will throw.
 *
 * @param     name      name of the input to get
 * @param     check     whether path is checked.  optional, defaults to false
 * @returns   string
 */
function getPathInputRequired(name, check) {
    return getPathInput(name, true, check);
}
exports.getPathInputRequired = getPathInputRequired;
//-----------------------------------------------------
// Endpoint Helpers
//-----------------------------------------------------
/**
 * Gets the url for a service endpoint
 * If the url was not set and is not optional, it will throw.
 *
 * @param     id        name of the service endpoint
 * @param     optional  whether the url is optional
 * @returns   string
 */
function getEndpointUrl(id, optional) {
    var urlval = process.env['ENDPOINT_URL_' + id];
    if (!optional && !urlval) {
        throw new Error((0, exports.loc)('LIB_EndpointNotExist', id));
    }
    (0, exports.debug)(id + '=' + urlval);
    return urlval;
}
exports.getEndpointUrl = getEndpointUrl;
/**
 * Gets the url for a service endpoint
 * If the url was not set, it will throw.
 *
 * @param     id        name of the service endpoint
 * @returns   string
 */
function getEndpointUrlRequired(id) {
    return getEndpointUrl(id, false);
}
exports.getEndpointUrlRequired = getEndpointUrlRequired;
/*
 * Gets the endpoint data parameter value with specified key for a service endpoint
 * If the endpoint data parameter was not set and is not optional, it will throw.
 *
 * @param id name of the service endpoint
 * @param key of the parameter
 * @param optional whether the endpoint data is optional
 * @returns {string} value of the endpoint data parameter
 */
function getEndpointDataParameter(id, key, optional) {
    var dataParamVal = process.env['ENDPOINT_DATA_' + id + '_' + key.toUpperCase()];
    if (!optional && !dataParamVal) {
        throw new Error((0, exports.loc)('LIB_EndpointDataNotExist', id, key));
    }
    (0, exports.debug)(id + ' data ' + key + ' = ' + dataParamVal);
    return dataParamVal;
}
exports.getEndpointDataParameter = getEndpointDataParameter;
/*
 * Gets the endpoint data parameter value with specified key for a service endpoint
 * If the endpoint data parameter was not set, it will throw.
 *
 * @param id name of the service endpoint
 * @param key of the parameter
 * @returns {string} value of the endpoint data parameter
 */
function getEndpointDataParameterRequired(id, key) {
    return getEndpointDataParameter(id, key, false);
}
exports.getEndpointDataParameterRequired = getEndpointDataParameterRequired;
/**
 * Gets the endpoint authorization scheme for a service endpoint
 * If the endpoint authorization scheme is not set and is not optional, it will throw.
 *
 * @param id name of the service endpoint
 * @param optional whether the endpoint authorization scheme is optional
 * @returns {string} value of the endpoint authorization scheme
 */
function getEndpointAuthorizationScheme(id, optional) {
    var authScheme = im._vault.retrieveSecret('ENDPOINT_AUTH_SCHEME_' + id);
    if (!optional && !authScheme) {
        throw new Error((0, exports.loc)('LIB_EndpointAuthNotExist', id));
    }
    (0, exports.debug)(id + ' auth scheme = ' + authScheme);
    return authScheme;
}
exports.getEndpointAuthorizationScheme = getEndpointAuthorizationScheme;
/**
 * Gets the endpoint authorization scheme for a service endpoint
 * If the endpoint authorization scheme is not set, it will throw.
 *
 * @param id name of the service endpoint
 * @returns {string} value of the endpoint authorization scheme
 */
function getEndpointAuthorizationSchemeRequired(id) {
    return getEndpointAuthorizationScheme(id, false);
}
exports.getEndpointAuthorizationSchemeRequired = getEndpointAuthorizationSchemeRequired;
/**
 * Gets the endpoint authorization parameter value for a service endpoint with specified key
 * If the endpoint authorization parameter is not set and is not optional, it will throw.
 *
 * @param id name of the service endpoint
 * @param key key to find the endpoint authorization parameter
 * @param optional optional whether the endpoint authorization scheme is optional
 * @returns {string} value of the endpoint authorization parameter value
 */
function getEndpointAuthorizationParameter(id, key, optional) {
    var authParam = im._vault.retrieveSecret('ENDPOINT_AUTH_PARAMETER_' + id + '_' + key.toUpperCase());
    if (!optional && !authParam) {
        throw new Error((0, exports.loc)('LIB_EndpointAuthNotExist', id));
    }
    (0, exports.debug)(id + ' auth param ' + key + ' = ' + authParam);
    return authParam;
}
exports.getEndpointAuthorizationParameter = getEndpointAuthorizationParameter;
/**
 * Gets the endpoint authorization parameter value for a service endpoint with specified key
 * If the endpoint authorization parameter is not set, it will throw.
 *
 * @param id name of the service endpoint
 * @param key key to find the endpoint authorization parameter
 * @returns {string} value of the endpoint authorization parameter value
 */
function getEndpointAuthorizationParameterRequired(id, key) {
    return getEndpointAuthorizationParameter(id, key, false);
}
exports.getEndpointAuthorizationParameterRequired = getEndpointAuthorizationParameterRequired;
/**
 * Gets the authorization details for a service endpoint
 * If the authorization was not set and is not optional, it will set the task result to Failed.
 *
 * @param     id        name of the service endpoint
 * @param     optional  whether the url is optional
 * @returns   string
 */
function getEndpointAuthorization(id, optional) {
    var aval = im._vault.retrieveSecret('ENDPOINT_AUTH_' + id);
    if (!optional && !aval) {
        setResult(TaskResult.Failed, (0, exports.loc)('LIB_EndpointAuthNotExist', id));
    }
    (0, exports.debug)(id + ' exists ' + (!!aval));
    var auth;
    try {
        if (aval) {
            auth = JSON.parse(aval);
        }
    }
    catch (err) {
        throw new Error((0, exports.loc)('LIB_InvalidEndpointAuth', aval));
    }
    return auth;
}
exports.getEndpointAuthorization = getEndpointAuthorization;
//-----------------------------------------------------
// SecureFile Helpers
//-----------------------------------------------------
/**
 * Gets the name for a secure file
 *
 * @param     id        secure file id
 * @returns   string
 */
function getSecureFileName(id) {
    var name = process.env['SECUREFILE_NAME_' + id];
    (0, exports.debug)('secure file name for id ' + id + ' = ' + name);
    return name;
}
exports.getSecureFileName = getSecureFileName;
/**
  * Gets the secure file ticket that can be used to download the secure file contents
  *
  * @param id name of the secure file
  * @returns {string} secure file ticket
  */
function getSecureFileTicket(id) {
    var ticket = im._vault.retrieveSecret('SECUREFILE_TICKET_' + id);
    (0, exports.debug)('secure file ticket for id ' + id + ' = ' + ticket);
    return ticket;
}
exports.getSecureFileTicket = getSecureFileTicket;
//-----------------------------------------------------
// Task Variable Helpers
//-----------------------------------------------------
/**
 * Gets a variable value that is set by previous step from the same wrapper task.
 * Requires a 2.115.0 agent or higher.
 *
 * @param     name     name of the variable to get
 * @returns   string
 */
function getTaskVariable(name) {
    assertAgent('2.115.0');
    var inval = im._vault.retrieveSecret('VSTS_TASKVARIABLE_' + im._getVariableKey(name));
    if (inval) {
        inval = inval.trim();
    }
    (0, exports.debug)('task variable: ' + name + '=' + inval);
    return inval;
}
exports.getTaskVariable = getTaskVariable;
/**
 * Sets a task variable which will only be available to subsequent steps belong to the same wrapper task.
 * Requires a 2.115.0 agent or higher.
 *
 * @param     name    name of the variable to set
 * @param     val     value to set
 * @param     secret  whether variable is secret.  optional, defaults to false
 * @returns   void
 */
function setTaskVariable(name, val, secret) {
    if (secret === void 0) { secret = false; }
    assertAgent('2.115.0');
    var key = im._getVariableKey(name);
    // store the value
    var varValue = val || '';
    (0, exports.debug)('set task variable: ' + name + '=' + (secret && varValue ? '********' : varValue));
    im._vault.storeSecret('VSTS_TASKVARIABLE_' + key, varValue);
    delete process.env[key];
    // write the command
    (0, exports.command)('task.settaskvariable', { 'variable': name || '', 'issecret': (secret || false).toString() }, varValue);
}
exports.setTaskVariable = setTaskVariable;
//-----------------------------------------------------
// Cmd Helpers
//-----------------------------------------------------
exports.command = im._command;
exports.warning = im._warning;
exports.error = im._error;
exports.debug = im._debug;
//-----------------------------------------------------
// Disk Functions
//-----------------------------------------------------
/**
 * Get's stat on a path.
 * Useful for checking whether a file or directory.  Also getting created, modified and accessed time.
 * see [fs.stat](https://nodejs.org/api/fs.html#fs_class_fs_stats)
 *
 * @param     path      path to check
 * @returns   fsStat
 */
function stats(path) {
    return fs.statSync(path);
}
exports.stats = stats;
exports.exist = im._exist;
function writeFile(file, data, options) {
    if (typeof (options) === 'string') {
        fs.writeFileSync(file, data, { encoding: options });
    }
    else {
        fs.writeFileSync(file, data, options);
    }
}
exports.writeFile = writeFile;
/**
 * @deprecated Use `getPlatform`
 * Useful for determining the host operating system.
 * see [os.type](https://nodejs.org/api/os.html#os_os_type)
 *
 * @return      the name of the operating system
 */
function osType() {
    return os.type();
}
exports.osType = osType;
/**
 * Determine the operating system the build agent is running on.
 * @returns {Platform}
 * @throws {Error} Platform is not supported by our agent
 */
function getPlatform() {
    switch (process.platform) {
        case 'win32': return Platform.Windows;
        case 'darwin': return Platform.MacOS;
        case 'linux': return Platform.Linux;
        default: throw Error((0, exports.loc)('LIB_PlatformNotSupported', process.platform));
    }
}
exports.getPlatform = getPlatform;
/**
 * Resolves major version of Node.js engine used by the agent.
 * @returns {Number} Node's major version.
 */
function getNodeMajorVersion() {
    var _a;
    var version = (_a = process === null || process === void 0 ? void 0 : process.versions) === null || _a === void 0 ? void 0 : _a.node;
    if (!version) {
        throw new Error((0, exports.loc)('LIB_UndefinedNodeVersion'));
    }
    var parts = version.split('.').map(Number);
    if (parts.length < 1) {
        return NaN;
    }
    return parts[0];
}
exports.getNodeMajorVersion = getNodeMajorVersion;
/**
 * Return hosted type of Agent
 * @returns {AgentHostedMode}
 */
function getAgentMode() {
    var agentCloudId = (0, exports.getVariable)('Agent.CloudId');
    if (agentCloudId === undefined)
        return AgentHostedMode.Unknown;
    if (agentCloudId)
        return AgentHostedMode.MsHosted;
    return AgentHostedMode.SelfHosted;
}
exports.getAgentMode = getAgentMode;
/**
 * Calculates sprint and week using the same cadence as whatsprintis.it.
 *
 * @param date Optional date to evaluate. Defaults to the current date/time.
 * @returns SprintInfo with `sprint` and `week` properties.
 */
function getSprint(date) {
    var targetDate = date || new Date();
    var elapsedDays = Math.floor((targetDate.getTime() - SPRINT_ONE_START_UTC_MS) / MILLISECONDS_PER_DAY);
    var sprintIndex = Math.floor(elapsedDays / DAYS_PER_SPRINT);
    var dayWithinSprint = ((elapsedDays % DAYS_PER_SPRINT) + DAYS_PER_SPRINT) % DAYS_PER_SPRINT;
    return {
        sprint: sprintIndex + 1,
        week: Math.floor(dayWithinSprint / DAYS_PER_WEEK) + 1
    };
}
exports.getSprint = getSprint;
/**
 * Returns the process's current working directory.
 * see [process.cwd](https://nodejs.org/api/process.html#process_process_cwd)
 *
 * @return      the path to the current working directory of the process
 */
function cwd() {
    return process.cwd();
}
exports.cwd = cwd;
exports.checkPath = im._checkPath;
/**
 * Change working directory.
 *
 * @param   {string} path - New working directory path
 * @returns {void}
 */
function cd(path) {
    if (path === '-') {
        if (!process.env.OLDPWD) {
            throw new Error((0, exports.loc)('LIB_NotFoundPreviousDirectory'));
        }
        else {
            path = process.env.OLDPWD;
        }
    }
    if (path === '~') {
        path = os.homedir();
    }
    if (!fs.existsSync(path)) {
        throw new Error((0, exports.loc)('LIB_PathNotFound', 'cd', path));
    }
    if (!fs.statSync(path).isDirectory()) {
        throw new Error((0, exports.loc)('LIB_PathIsNotADirectory', path));
    }
    try {
        var currentPath = process.cwd();
        process.chdir(path);
        process.env.OLDPWD = currentPath;
    }
    catch (error) {
        (0, exports.debug)((0, exports.loc)('LIB_OperationFailed', 'cd', error));
    }
}
exports.cd = cd;
var dirStack = [];
function getActualStack() {
    return [process.cwd()].concat(dirStack);
}
/**
 * Change working directory and push it on the stack
 *
 * @param   {string} dir - New working directory path
 * @returns {void}
 */
function pushd(dir) {
    if (dir === void 0) { dir = ''; }
    var dirs = getActualStack();
    var maybeIndex = parseInt(dir);
    if (dir === '+0') {
        return dirs;
    }
    else if (dir.length === 0) {
        if (dirs.length > 1) {
            dirs.splice.apply(dirs, __spreadArray([0, 0], dirs.splice(1, 1), false));
        }
        else {
            throw new Error((0, exports.loc)('LIB_DirectoryStackEmpty'));
        }
    }
    else if (!isNaN(maybeIndex)) {
        if (maybeIndex < dirStack.length + 1) {
            maybeIndex = dir.charAt(0) === '-' ? maybeIndex - 1 : maybeIndex;
        }
        dirs.splice.apply(dirs, __spreadArray([0, dirs.length], dirs.slice(maybeIndex).concat(dirs.slice(0, maybeIndex)), false));
    }
    else {
        dirs.unshift(dir);
    }
    var _path = path.resolve(dirs.shift());
    try {
        cd(_path);
    }
    catch (error) {
        if (!fs.existsSync(_path)) {
            throw new Error((0, exports.loc)('Not found', 'pushd', _path));
        }
        throw error;
    }
    dirStack.splice.apply(dirStack, __spreadArray([0, dirStack.length], dirs, false));
    return getActualStack();
}
exports.pushd = pushd;
/**
 * Change working directory back to previously pushed directory
 *
 * @param   {string} index - Index to remove from the stack
 * @returns {void}
 */
function popd(index) {
    if (index === void 0) { index = ''; }
    if (dirStack.length === 0) {
        throw new Error((0, exports.loc)('LIB_DirectoryStackEmpty'));
    }
    var maybeIndex = parseInt(index);
    if (isNaN(maybeIndex)) {
        maybeIndex = 0;
    }
    else if (maybeIndex < dirStack.length + 1) {
        maybeIndex = index.charAt(0) === '-' ? maybeIndex - 1 : maybeIndex;
    }
    if (maybeIndex > 0 || dirStack.length + maybeIndex === 0) {
        maybeIndex = maybeIndex > 0 ? maybeIndex - 1 : maybeIndex;
        dirStack.splice(maybeIndex, 1);
    }
    else {
        var _path = path.resolve(dirStack.shift());
        cd(_path);
    }
    return getActualStack();
}
exports.popd = popd;
/**
 * Make a directory. Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   {string} p - Path to create
 * @returns {void}
 */
function mkdirP(p) {
    if (!p) {
        throw new Error((0, exports.loc)('LIB_ParameterIsRequired', 'p'));
    }
    // build a stack of directories to create
    var stack = [];
    var testDir = p;
    while (true) {
        // validate the loop is not out of control
        if (stack.length >= Number(process.env['TASKLIB_TEST_MKDIRP_FAILSAFE'] || 1000)) {
            // let the framework throw
            (0, exports.debug)('loop is out of control');
            fs.mkdirSync(p);
            return;
        }
        (0, exports.debug)("testing directory '".concat(testDir, "'"));
        var stats_1 = void 0;
        try {
            stats_1 = fs.statSync(testDir);
        }
        catch (err) {
            if (err.code == 'ENOENT') {
                // validate the directory is not the drive root
                var parentDir = path.dirname(testDir);
                if (testDir == parentDir) {
                    throw new Error((0, exports.loc)('LIB_MkdirFailedInvalidDriveRoot', p, testDir)); // Unable to create directory '{p}'. Root directory does not exist: '{testDir}'
                }
                // push the dir and test the parent
                stack.push(testDir);
                testDir = parentDir;
                continue;
            }
            else if (err.code == 'UNKNOWN') {
                throw new Error((0, exports.loc)('LIB_MkdirFailedInvalidShare', p, testDir)); // Unable to create directory '{p}'. Unable to verify the directory exists: '{testDir}'. If directory is a file share, please verify the share name is correct, the share is online, and the current process has permission to access the share.
            }
            else {
                throw err;
            }
        }
        if (!stats_1.isDirectory()) {
            throw new Error((0, exports.loc)('LIB_MkdirFailedFileExists', p, testDir)); // Unable to create directory '{p}'. Conflicting file exists: '{testDir}'
        }
        // testDir exists
        break;
    }
    // create each directory
    while (stack.length) {
        var dir = stack.pop(); // non-null because `stack.length` was truthy
        (0, exports.debug)("mkdir '".concat(dir, "'"));
        try {
            fs.mkdirSync(dir);
        }
        catch (err) {
            throw new Error((0, exports.loc)('LIB_MkdirFailed', p, err.message)); // Unable to create directory '{p}'. {err.message}
        }
    }
}
exports.mkdirP = mkdirP;
/**
 * Resolves a sequence of paths or path segments into an absolute path.
 * Calls node.js path.resolve()
 * Allows L0 testing with consistent path formats on Mac/Linux and Windows in the mock implementation
 * @param pathSegments
 * @returns {string}
 */
function resolve() {
    var pathSegments = [];
    for (var _i = 0; _i < arguments.length; _i++) {
        pathSegments[_i] = arguments[_i];
    }
    var absolutePath = path.resolve.apply(this, pathSegments);
    (0, exports.debug)('Absolute path for pathSegments: ' + pathSegments + ' = ' + absolutePath);
    return absolutePath;
}
exports.resolve = resolve;
exports.which = im._which;
/**
 * Returns array of files in the given path, or in current directory if no path provided.
 * @param  {unknown}   optionsOrPaths  - Available options: -R (recursive), -A (all files, include files beginning with ., except for . and ..)
 * @param  {unknown[]} paths           - Paths to search.
 * @return {string[]}                  - An array of files in the given path(s).
 */
function ls(optionsOrPaths) {
    var paths = [];
    for (var _i = 1; _i < arguments.length; _i++) {
        paths[_i - 1] = arguments[_i];
    }
    var isRecursive = false;
    var includeHidden = false;
    if (typeof optionsOrPaths === 'string' && optionsOrPaths.startsWith('-')) {
        var options = String(optionsOrPaths).toLowerCase();
        isRecursive = options.includes('r');
        includeHidden = options.includes('a');
    }
    if (Array.isArray(paths)) {
        paths = flattenArray(paths);
    }
    // If the first argument is not options, then it is a path
    if (typeof optionsOrPaths !== 'string' || !optionsOrPaths.startsWith('-')) {
        var pathsFromOptions = [];
        if (Array.isArray(optionsOrPaths)) {
            pathsFromOptions = optionsOrPaths;
        }
        else if (optionsOrPaths && typeof optionsOrPaths === 'string') {
            pathsFromOptions = [optionsOrPaths];
        }
        if (paths === undefined || paths.length === 0) {
            paths = pathsFromOptions;
        }
        else {
            paths.push.apply(paths, pathsFromOptions);
        }
    }
    if (paths.length === 0) {
        paths.push(path.resolve('.'));
    }
    var pathsCopy = __spreadArray([], paths, true);
    var preparedPaths = [];
    var fileEntries = [];
    try {
        var remainingPaths = [];
        while (paths.length > 0) {
            var pathEntry = resolve(paths.shift());
            if (pathEntry === null || pathEntry === void 0 ? void 0 : pathEntry.includes('*')) {
                remainingPaths.push(pathEntry);
                continue;
            }
            var stats_2 = fs.lstatSync(pathEntry);
            if (stats_2.isFile()) {
                var fileName = path.basename(pathEntry);
                fileEntries.push(fileName);
            }
            else {
                remainingPaths.push(pathEntry);
            }
        }
        paths.push.apply(paths, remainingPaths);
        var _loop_1 = function () {
            var pathEntry = resolve(paths.shift());
            if (pathEntry === null || pathEntry === void 0 ? void 0 : pathEntry.includes('*')) {
                paths.push.apply(paths, findMatch(path.dirname(pathEntry), [path.basename(pathEntry)]));
                return "continue";
            }
            if (fs.lstatSync(pathEntry).isDirectory()) {
                preparedPaths.push.apply(preparedPaths, fs.readdirSync(pathEntry).map(function (file) { return path.join(pathEntry, file); }));
            }
            else {
                preparedPaths.push(pathEntry);
            }
        };
        while (paths.length > 0) {
            _loop_1();
        }
        var entries = [];
        var _loop_2 = function () {
            var entry = preparedPaths.shift();
            var entrybasename = path.basename(entry);
            if (entry === null || entry === void 0 ? void 0 : entry.includes('*')) {
                preparedPaths.push.apply(preparedPaths, findMatch(path.dirname(entry), [entrybasename]));
                return "continue";
            }
            if (!includeHidden && entrybasename.startsWith('.') && entrybasename !== '.' && entrybasename !== '..') {
                return "continue";
            }
            var baseDir = safeFind(pathsCopy, function (p) { return entry.startsWith(path.resolve(p)); }) || path.resolve('.');
            if (fs.lstatSync(entry).isDirectory() && isRecursive) {
                preparedPaths.push.apply(preparedPaths, fs.readdirSync(entry).map(function (x) { return path.join(entry, x); }));
                entries.push(path.relative(baseDir, entry));
            }
            else {
                entries.push(path.relative(baseDir, entry));
            }
        };
        while (preparedPaths.length > 0) {
            _loop_2();
        }
        var finalResults = __spreadArray(__spreadArray([], fileEntries, true), entries, true);
        return finalResults;
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new Error((0, exports.loc)('LIB_PathNotFound', 'ls', error.message));
        }
        else {
            throw new Error((0, exports.loc)('LIB_OperationFailed', 'ls', error));
        }
    }
}
exports.ls = ls;
function flattenArray(arr) {
    return arr.reduce(function (flat, toFlatten) {
        return flat.concat(Array.isArray(toFlatten) ? flattenArray(toFlatten) : toFlatten);
    }, []);
}
/**
 * Copies a file or folder.
 * @param   {string}  sourceOrOptions          - Either the source path or an option string '-r', '-f' , '-n' or '-rfn' for recursive, force and no-clobber.
 * @param   {string}  destinationOrSource      - Destination path or the source path.
 * @param   {string}  [optionsOrDestination]   - Options string or the destination path.
 * @param   {boolean} [continueOnError=false]  - Optional. Whether to continue on error.
 * @param   {number}  [retryCount=0]           - Optional. Retry count to copy the file. It might help to resolve intermittent issues e.g. with UNC target paths on a remote host.
 * @returns {void}
 */
function cp(sourceOrOptions, destinationOrSource, optionsOrDestination, continueOnError, retryCount) {
    if (continueOnError === void 0) { continueOnError = false; }
    if (retryCount === void 0) { retryCount = 0; }
    retry(function () {
        var recursive = false;
        var force = true;
        var source = String(sourceOrOptions);
        var destination = destinationOrSource;
        var options = '';
        if (typeof sourceOrOptions === 'string' && sourceOrOptions.startsWith('-')) {
            options = sourceOrOptions.toLowerCase();
            recursive = options.includes('r');
            force = !options.includes('n');
            source = destinationOrSource;
            destination = String(optionsOrDestination);
        }
        else if (typeof optionsOrDestination === 'string' && optionsOrDestination && optionsOrDestination.startsWith('-')) {
            options = optionsOrDestination.toLowerCase();
            recursive = options.includes('r');
            force = !options.includes('n');
            source = String(sourceOrOptions);
            destination = destinationOrSource;
        }
        if (!fs.existsSync(destination) && !force) {
            throw new Error((0, exports.loc)('LIB_PathNotFound', 'cp', destination));
        }
        var isPattern = /[*?{\[]/.test(source) || /[@+!]\(/.test(source);
        if (isPattern) {
            var defaultRoot = (0, exports.getVariable)('system.defaultWorkingDirectory') || process.cwd();
            var matches = findMatch(defaultRoot, [source], undefined, { nonegate: true, nocomment: true });
            var resolvedMatches = matches.filter(function (src) { return path.resolve(src) !== path.resolve(source); });
            for (var _i = 0, resolvedMatches_1 = resolvedMatches; _i < resolvedMatches_1.length; _i++) {
                var src = resolvedMatches_1[_i];
                cp(src, destination, options, continueOnError, retryCount);
            }
            if (matches.length > 0 && resolvedMatches.length === matches.length) {
                return;
            }
            if (matches.length === 0) {
                (0, exports.debug)("No matches found for the pattern: ".concat(source, ". Fallback to check for the literal path."));
            }
        }
        var lstatSource = fs.lstatSync(source);
        if (!recursive && lstatSource.isDirectory()) {
            throw new Error((0, exports.loc)('LIB_CopyDirectoryWithoutRecursiveOption', source));
        }
        if (!force && fs.existsSync(destination)) {
            return;
        }
        try {
            if (fs.existsSync(destination) && fs.lstatSync(destination).isDirectory()) {
                destination = path.join(destination, path.basename(source));
            }
            copyWithPreservedSymlinks(source, destination, force);
        }
        catch (error) {
            throw new Error((0, exports.loc)('LIB_OperationFailed', 'cp', error));
        }
    }, [], { retryCount: retryCount, continueOnError: continueOnError });
}
exports.cp = cp;
var copyWithPreservedSymlinks = function (source, destination, force) {
    var lstatSource = fs.lstatSync(source);
    if (lstatSource.isSymbolicLink()) {
        var symlinkTarget = fs.readlinkSync(source);
        if (force && fs.existsSync(destination)) {
            var destStats = fs.lstatSync(destination);
            if (destStats.isSymbolicLink()) {
                fs.unlinkSync(destination);
            }
            else {
                fs.rmSync(destination, { recursive: true, force: true });
            }
        }
        fs.symlinkSync(symlinkTarget, destination);
    }
    else if (lstatSource.isFile()) {
        if (force) {
            fs.copyFileSync(source, destination);
        }
        else {
            fs.copyFileSync(source, destination, fs.constants.COPYFILE_EXCL);
        }
    }
    else {
        var entries = fs.readdirSync(source, { withFileTypes: true });
        if (!fs.existsSync(destination)) {
            fs.mkdirSync(destination, { recursive: true });
        }
        for (var _i = 0, entries_1 = entries; _i < entries_1.length; _i++) {
            var entry = entries_1[_i];
            var srcPath = path.join(source, entry.name);
            var destPath = path.join(destination, entry.name);
            copyWithPreservedSymlinks(srcPath, destPath, force);
        }
    }
};
/**
 * Moves a path.
 *
 * @param  {string}              source            - Source path.
 * @param  {string}              dest              - Destination path.
 * @param  {MoveOptionsVariants} [options]         - Option string -f or -n for force and no clobber.
 * @param  {boolean}             [continueOnError] - Optional. Whether to continue on error.
 * @returns {void}
 */
function mv(source, dest, options, continueOnError) {
    var force = false;
    if (options && typeof options === 'string' && options.startsWith('-')) {
        var lowercasedOptions = String(options).toLowerCase();
        force = lowercasedOptions.includes('f') && !lowercasedOptions.includes('n');
    }
    var sourceExists = fs.existsSync(source);
    var destExists = fs.existsSync(dest);
    var sources = [];
    try {
        if (!sourceExists) {
            if (source.includes('*')) {
                sources.push.apply(sources, findMatch(path.resolve(path.dirname(source)), [path.basename(source)]));
            }
            else {
                throw new Error((0, exports.loc)('LIB_PathNotFound', 'mv', source));
            }
        }
        else {
            sources.push(source);
        }
        if (destExists && !force) {
            throw new Error("File already exists at ".concat(dest));
        }
        for (var _i = 0, sources_1 = sources; _i < sources_1.length; _i++) {
            var source_1 = sources_1[_i];
            fs.renameSync(source_1, dest);
        }
    }
    catch (error) {
        (0, exports.debug)('mv failed');
        var errMsg = (0, exports.loc)('LIB_OperationFailed', 'mv', error);
        (0, exports.debug)(errMsg);
        if (!continueOnError) {
            throw new Error(errMsg);
        }
    }
}
exports.mv = mv;
/**
 * Tries to execute a function a specified number of times.
 *
 * @param   func            a function to be executed.
 * @param   args            executed function arguments array.
 * @param   retryOptions    optional. Defaults to { continueOnError: false, retryCount: 0 }.
 * @returns the same as the usual function.
 */
function retry(func, args, retryOptions) {
    if (retryOptions === void 0) { retryOptions = { continueOnError: false, retryCount: 0 }; }
    while (retryOptions.retryCount >= 0) {
        try {
            return func.apply(void 0, args);
        }
        catch (e) {
            if (retryOptions.retryCount <= 0) {
                if (retryOptions.continueOnError) {
                    (0, exports.warning)(e, exports.IssueSource.TaskInternal);
                    break;
                }
                else {
                    throw e;
                }
            }
            else {
                (0, exports.debug)("Attempt to execute function \"".concat(func === null || func === void 0 ? void 0 : func.name, "\" failed, retries left: ").concat(retryOptions.retryCount));
                retryOptions.retryCount--;
            }
        }
    }
}
exports.retry = retry;
/**
 * Gets info about item stats.
 *
 * @param path                      a path to the item to be processed.
 * @param followSymbolicLink        indicates whether to traverse descendants of symbolic link directories.
 * @param allowBrokenSymbolicLinks  when true, broken symbolic link will not cause an error.
 * @returns fs.Stats
 */
function _getStats(path, followSymbolicLink, allowBrokenSymbolicLinks) {
    // stat returns info about the target of a symlink (or symlink chain),
    // lstat returns info about a symlink itself
    var stats;
    if (followSymbolicLink) {
        try {
            // use stat (following symlinks)
            stats = fs.statSync(path);
        }
        catch (err) {
            if (err.code == 'ENOENT' && allowBrokenSymbolicLinks) {
                // fallback to lstat (broken symlinks allowed)
                stats = fs.lstatSync(path);
                (0, exports.debug)("  ".concat(path, " (broken symlink)"));
            }
            else {
                throw err;
            }
        }
    }
    else {
        // use lstat (not following symlinks)
        stats = fs.lstatSync(path);
    }
    return stats;
}
/**
 * Recursively finds all paths a given path. Returns an array of paths.
 *
 * @param     findPath  path to search
 * @param     options   optional. defaults to { followSymbolicLinks: true }. following soft links is generally appropriate unless deleting files.
 * @returns   string[]
 */
function find(findPath, options) {
    if (!findPath) {
        (0, exports.debug)('no path specified');
        return [];
    }
    // normalize the path, otherwise the first result is inconsistently formatted from the rest of the results
    // because path.join() performs normalization.
    findPath = path.normalize(findPath);
    // debug trace the parameters
    (0, exports.debug)("findPath: '".concat(findPath, "'"));
    options = options || _getDefaultFindOptions();
    _debugFindOptions(options);
    // return empty if not exists
    try {
        fs.lstatSync(findPath);
    }
    catch (err) {
        if (err.code == 'ENOENT') {
            (0, exports.debug)('0 results');
            return [];
        }
        throw err;
    }
    try {
        var result = [];
        // push the first item
        var stack = [new _FindItem(findPath, 1)];
        var traversalChain = []; // used to detect cycles
        var _loop_3 = function () {
            // pop the next item and push to the result array
            var item = stack.pop(); // non-null because `stack.length` was truthy
            var stats_3 = void 0;
            try {
                // `item.path` equals `findPath` for the first item to be processed, when the `result` array is empty
                var isPathToSearch = !result.length;
                // following specified symlinks only if current path equals specified path
                var followSpecifiedSymbolicLink = options.followSpecifiedSymbolicLink && isPathToSearch;
                // following all symlinks or following symlink for the specified path
                var followSymbolicLink = options.followSymbolicLinks || followSpecifiedSymbolicLink;
                // stat the item. The stat info is used further below to determine whether to traverse deeper
                stats_3 = _getStats(item.path, followSymbolicLink, options.allowBrokenSymbolicLinks);
            }
            catch (err) {
                if (err.code == 'ENOENT' && options.skipMissingFiles) {
                    (0, exports.warning)("No such file or directory: \"".concat(item.path, "\" - skipping."), exports.IssueSource.TaskInternal);
                    return "continue";
                }
                throw err;
            }
            result.push(item.path);
            // note, isDirectory() returns false for the lstat of a symlink
            if (stats_3.isDirectory()) {
                (0, exports.debug)("  ".concat(item.path, " (directory)"));
                if (options.followSymbolicLinks) {
                    // get the realpath
                    var realPath_1;
                    if (im._isUncPath(item.path)) {
                        // Sometimes there are spontaneous issues when working with unc-paths, so retries have been added for them.
                        realPath_1 = retry(fs.realpathSync, [item.path], { continueOnError: false, retryCount: 5 });
                    }
                    else {
                        realPath_1 = fs.realpathSync(item.path);
                    }
                    // fixup the traversal chain to match the item level
                    while (traversalChain.length >= item.level) {
                        traversalChain.pop();
                    }
                    // test for a cycle
                    if (traversalChain.some(function (x) { return x == realPath_1; })) {
                        (0, exports.debug)('    cycle detected');
                        return "continue";
                    }
                    // update the traversal chain
                    traversalChain.push(realPath_1);
                }
                // push the child items in reverse onto the stack
                var childLevel_1 = item.level + 1;
                var childItems = fs.readdirSync(item.path)
                    .map(function (childName) { return new _FindItem(path.join(item.path, childName), childLevel_1); });
                for (var i = childItems.length - 1; i >= 0; i--) {
                    stack.push(childItems[i]);
                }
            }
            else {
                (0, exports.debug)("  ".concat(item.path, " (file)"));
            }
        };
        while (stack.length) {
            _loop_3();
        }
        (0, exports.debug)("".concat(result.length, " results"));
        return result;
    }
    catch (err) {
        throw new Error((0, exports.loc)('LIB_OperationFailed', 'find', err.message));
    }
}
exports.find = find;
var _FindItem = /** @class */ (function () {
    function _FindItem(path, level) {
        this.path = path;
        this.level = level;
    }
    return _FindItem;
}());
function _debugFindOptions(options) {
    (0, exports.debug)("findOptions.allowBrokenSymbolicLinks: '".concat(options.allowBrokenSymbolicLinks, "'"));
    (0, exports.debug)("findOptions.followSpecifiedSymbolicLink: '".concat(options.followSpecifiedSymbolicLink, "'"));
    (0, exports.debug)("findOptions.followSymbolicLinks: '".concat(options.followSymbolicLinks, "'"));
    (0, exports.debug)("findOptions.skipMissingFiles: '".concat(options.skipMissingFiles, "'"));
}
function _getDefaultFindOptions() {
    return {
        allowBrokenSymbolicLinks: false,
        followSpecifiedSymbolicLink: true,
        followSymbolicLinks: true,
        skipMissingFiles: false
    };
}
/**
 * Prefer tl.find() and tl.match() instead. This function is for backward compatibility
 * when porting tasks to Node from the PowerShell or PowerShell3 execution handler.
 *
 * @param    rootDirectory      path to root unrooted patterns with
 * @param    pattern            include and exclude patterns
 * @param    includeFiles       whether to include files in the result. defaults to true when includeFiles and includeDirectories are both false
 * @param    includeDirectories whether to include directories in the result
 * @returns  string[]
 */
function legacyFindFiles(rootDirectory, pattern, includeFiles, includeDirectories) {
    if (!pattern) {
        throw new Error('pattern parameter cannot be empty');
    }
    (0, exports.debug)("legacyFindFiles rootDirectory: '".concat(rootDirectory, "'"));
    (0, exports.debug)("pattern: '".concat(pattern, "'"));
    (0, exports.debug)("includeFiles: '".concat(includeFiles, "'"));
    (0, exports.debug)("includeDirectories: '".concat(includeDirectories, "'"));
    if (!includeFiles && !includeDirectories) {
        includeFiles = true;
    }
    // organize the patterns into include patterns and exclude patterns
    var includePatterns = [];
    var excludePatterns = [];
    pattern = pattern.replace(/;;/g, '\0');
    for (var _i = 0, _a = pattern.split(';'); _i < _a.length; _i++) {
        var pat = _a[_i];
        if (!pat) {
            continue;
        }
        pat = pat.replace(/\0/g, ';');
        // determine whether include pattern and remove any include/exclude prefix.
        // include patterns start with +: or anything other than -:
        // exclude patterns start with -:
        var isIncludePattern = void 0;
        if (im._startsWith(pat, '+:')) {
            pat = pat.substring(2);
            isIncludePattern = true;
        }
        else if (im._startsWith(pat, '-:')) {
            pat = pat.substring(2);
            isIncludePattern = false;
        }
        else {
            isIncludePattern = true;
        }
        // validate pattern does not end with a slash
        if (im._endsWith(pat, '/') || (process.platform == 'win32' && im._endsWith(pat, '\\'))) {
            throw new Error((0, exports.loc)('LIB_InvalidPattern', pat));
        }
        // root the pattern
        if (rootDirectory && !path.isAbsolute(pat)) {
            pat = path.join(rootDirectory, pat);
            // remove trailing slash sometimes added by path.join() on Windows, e.g.
            //      path.join('\\\\hello', 'world') => '\\\\hello\\world\\'
            //      path.join('//hello', 'world') => '\\\\hello\\world\\'
            if (im._endsWith(pat, '\\')) {
                pat = pat.substring(0, pat.length - 1);
            }
        }
        if (isIncludePattern) {
            includePatterns.push(pat);
        }
        else {
            excludePatterns.push(im._legacyFindFiles_convertPatternToRegExp(pat));
        }
    }
    // find and apply patterns
    var count = 0;
    var result = _legacyFindFiles_getMatchingItems(includePatterns, excludePatterns, !!includeFiles, !!includeDirectories);
    (0, exports.debug)('all matches:');
    for (var _b = 0, result_1 = result; _b < result_1.length; _b++) {
        var resultItem = result_1[_b];
        (0, exports.debug)(' ' + resultItem);
    }
    (0, exports.debug)('total matched: ' + result.length);
    return result;
}
exports.legacyFindFiles = legacyFindFiles;
function _legacyFindFiles_getMatchingItems(includePatterns, excludePatterns, includeFiles, includeDirectories) {
    (0, exports.debug)('getMatchingItems()');
    for (var _i = 0, includePatterns_1 = includePatterns; _i < includePatterns_1.length; _i++) {
        var pattern = includePatterns_1[_i];
        (0, exports.debug)("includePattern: '".concat(pattern, "'"));
    }
    for (var _a = 0, excludePatterns_1 = excludePatterns; _a < excludePatterns_1.length; _a++) {
        var pattern = excludePatterns_1[_a];
        (0, exports.debug)("excludePattern: ".concat(pattern));
    }
    (0, exports.debug)('includeFiles: ' + includeFiles);
    (0, exports.debug)('includeDirectories: ' + includeDirectories);
    var allFiles = {};
    var _loop_4 = function (pattern) {
        // determine the directory to search
        //
        // note, getDirectoryName removes redundant path separators
        var findPath = void 0;
        var starIndex = pattern.indexOf('*');
        var questionIndex = pattern.indexOf('?');
        if (starIndex < 0 && questionIndex < 0) {
            // if no wildcards are found, use the directory name portion of the path.
            // if there is no directory name (file name only in pattern or drive root),
            // this will return empty string.
            findPath = im._getDirectoryName(pattern);
        }
        else {
            // extract the directory prior to the first wildcard
            var index = Math.min(starIndex >= 0 ? starIndex : questionIndex, questionIndex >= 0 ? questionIndex : starIndex);
            findPath = im._getDirectoryName(pattern.substring(0, index));
        }
        // note, due to this short-circuit and the above usage of getDirectoryName, this
        // function has the same limitations regarding drive roots as the powershell
        // implementation.
        //
        // also note, since getDirectoryName eliminates slash redundancies, some additional
        // work may be required if removal of this limitation is attempted.
        if (!findPath) {
            return "continue";
        }
        var patternRegex = im._legacyFindFiles_convertPatternToRegExp(pattern);
        // find files/directories
        var items = find(findPath, { followSymbolicLinks: true })
            .filter(function (item) {
            if (includeFiles && includeDirectories) {
                return true;
            }
            var isDir = fs.statSync(item).isDirectory();
            return (includeFiles && !isDir) || (includeDirectories && isDir);
        })
            .forEach(function (item) {
            var normalizedPath = process.platform == 'win32' ? item.replace(/\\/g, '/') : item; // normalize separators
            // **/times/** will not match C:/fun/times because there isn't a trailing slash
            // so try both if including directories
            var alternatePath = "".concat(normalizedPath, "/"); // potential bug: it looks like this will result in a false
            // positive if the item is a regular file and not a directory
            var isMatch = false;
            if (patternRegex.test(normalizedPath) || (includeDirectories && patternRegex.test(alternatePath))) {
                isMatch = true;
                // test whether the path should be excluded
                for (var _i = 0, excludePatterns_2 = excludePatterns; _i < excludePatterns_2.length; _i++) {
                    var regex = excludePatterns_2[_i];
                    if (regex.test(normalizedPath) || (includeDirectories && regex.test(alternatePath))) {
                        isMatch = false;
                        break;
                    }
                }
            }
            if (isMatch) {
                allFiles[item] = item;
            }
        });
    };
    for (var _b = 0, includePatterns_2 = includePatterns; _b < includePatterns_2.length; _b++) {
        var pattern = includePatterns_2[_b];
        _loop_4(pattern);
    }
    return Object.keys(allFiles).sort();
}
/**
 * Remove a path recursively with force
 *
 * @param  {string} inputPath - Path to remove
 * @return {void}
 * @throws When the file or directory exists but could not be deleted.
 */
function rmRF(inputPath) {
    (0, exports.debug)('rm -rf ' + inputPath);
    if (getPlatform() == Platform.Windows) {
        // Node doesn't provide a delete operation, only an unlink function. This means that if the file is being used by another
        // program (e.g. antivirus), it won't be deleted. To address this, we shell out the work to rd/del.
        try {
            var lstats = fs.lstatSync(inputPath);
            if (lstats.isDirectory() && !lstats.isSymbolicLink()) {
                (0, exports.debug)('removing directory ' + inputPath);
                childProcess.execFileSync("cmd.exe", ["/c", "rd", "/s", "/q", im._normalizeSeparators(inputPath)]);
            }
            else if (lstats.isSymbolicLink()) {
                (0, exports.debug)('removing symbolic link ' + inputPath);
                var realPath = fs.readlinkSync(inputPath);
                if (fs.existsSync(realPath)) {
                    var stats_4 = fs.statSync(realPath);
                    if (stats_4.isDirectory()) {
                        childProcess.execFileSync("cmd.exe", ["/c", "rd", "/s", "/q", im._normalizeSeparators(realPath)]);
                        fs.unlinkSync(inputPath);
                    }
                    else {
                        fs.unlinkSync(inputPath);
                    }
                }
                else {
                    (0, exports.debug)("Symbolic link '".concat(inputPath, "' points to a non-existing target '").concat(realPath, "'. Removing the symbolic link."));
                    fs.unlinkSync(inputPath);
                }
            }
            else {
                (0, exports.debug)('removing file ' + inputPath);
                childProcess.execFileSync("cmd.exe", ["/c", "del", "/f", "/a", im._normalizeSeparators(inputPath)]);
            }
        }
        catch (err) {
            (0, exports.debug)('Error: ' + err.message);
            if (err.code != 'ENOENT') {
                throw new Error((0, exports.loc)('LIB_OperationFailed', 'rmRF', err.message));
            }
        }
    }
    else {
        var lstats = void 0;
        try {
            if (inputPath.includes('*')) {
                var entries = findMatch(path.dirname(inputPath), [path.basename(inputPath)]);
                for (var _i = 0, entries_2 = entries; _i < entries_2.length; _i++) {
                    var entry = entries_2[_i];
                    rmRF(entry);
                }
            }
            else {
                lstats = fs.lstatSync(inputPath);
                if (lstats.isDirectory() && !lstats.isSymbolicLink()) {
                    (0, exports.debug)('removing directory ' + inputPath);
                    fs.rmSync(inputPath, { recursive: true, force: true });
                }
                else if (lstats.isSymbolicLink()) {
                    (0, exports.debug)('removing symbolic link ' + inputPath);
                    var realPath = fs.readlinkSync(inputPath);
                    if (fs.existsSync(realPath)) {
                        var stats_5 = fs.statSync(realPath);
                        if (stats_5.isDirectory()) {
                            fs.rmSync(realPath, { recursive: true, force: true });
                            fs.unlinkSync(inputPath);
                        }
                        else {
                            fs.unlinkSync(inputPath);
                        }
                    }
                    else {
                        (0, exports.debug)("Symbolic link '".concat(inputPath, "' points to a non-existing target '").concat(realPath, "'. Removing the symbolic link."));
                        fs.unlinkSync(inputPath);
                    }
                }
                else {
                    (0, exports.debug)('removing file ' + inputPath);
                    fs.unlinkSync(inputPath);
                }
            }
        }
        catch (err) {
            (0, exports.debug)('Error: ' + err.message);
            if (err.code != 'ENOENT') {
                throw new Error((0, exports.loc)('LIB_OperationFailed', 'rmRF', err.message));
            }
        }
    }
}
exports.rmRF = rmRF;
/**
 * Exec a tool.  Convenience wrapper over ToolRunner to exec with args in one call.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     tool     path to tool to exec
 * @param     args     an arg string or array of args
 * @param     options  optional exec options.  See IExecOptions
 * @returns   number
 */
function execAsync(tool, args, options) {
    var tr = this.tool(tool);
    if (args) {
        if (args instanceof Array) {
            tr.arg(args);
        }
        else if (typeof (args) === 'string') {
            tr.line(args);
        }
    }
    return tr.execAsync(options);
}
exports.execAsync = execAsync;
/**
 * Exec a tool.  Convenience wrapper over ToolRunner to exec with args in one call.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @deprecated Use the {@link execAsync} method that returns a native Javascript Promise instead
 * @param     tool     path to tool to exec
 * @param     args     an arg string or array of args
 * @param     options  optional exec options.  See IExecOptions
 * @returns   number
 */
function exec(tool, args, options) {
    var tr = this.tool(tool);
    if (args) {
        if (args instanceof Array) {
            tr.arg(args);
        }
        else if (typeof (args) === 'string') {
            tr.line(args);
        }
    }
    return tr.exec(options);
}
exports.exec = exec;
/**
 * Exec a tool synchronously.  Convenience wrapper over ToolRunner to execSync with args in one call.
 * Output will be *not* be streamed to the live console.  It will be returned after execution is complete.
 * Appropriate for short running tools
 * Returns IExecResult with output and return code
 *
 * @param     tool     path to tool to exec
 * @param     args     an arg string or array of args
 * @param     options  optional exec options.  See IExecSyncOptions
 * @returns   IExecSyncResult
 */
function execSync(tool, args, options) {
    var tr = this.tool(tool);
    if (args) {
        if (args instanceof Array) {
            tr.arg(args);
        }
        else if (typeof (args) === 'string') {
            tr.line(args);
        }
    }
    return tr.execSync(options);
}
exports.execSync = execSync;
/**
 * Convenience factory to create a ToolRunner.
 *
 * @param     tool     path to tool to exec
 * @returns   ToolRunner
 */
function tool(tool) {
    var tr = new trm.ToolRunner(tool);
    tr.on('debug', function (message) {
        (0, exports.debug)(message);
    });
    return tr;
}
exports.tool = tool;
/**
 * Applies glob patterns to a list of paths. Supports interleaved exclude patterns.
 *
 * @param  list         array of paths
 * @param  patterns     patterns to apply. supports interleaved exclude patterns.
 * @param  patternRoot  optional. default root to apply to unrooted patterns. not applied to basename-only patterns when matchBase:true.
 * @param  options      optional. defaults to { dot: true, nobrace: true, nocase: process.platform == 'win32' }.
 */
function match(list, patterns, patternRoot, options) {
    // trace parameters
    (0, exports.debug)("patternRoot: '".concat(patternRoot, "'"));
    options = options || _getDefaultMatchOptions(); // default match options
    _debugMatchOptions(options);
    // convert pattern to an array
    if (typeof patterns == 'string') {
        patterns = [patterns];
    }
    // hashtable to keep track of matches
    var map = {};
    var originalOptions = options;
    for (var _i = 0, patterns_1 = patterns; _i < patterns_1.length; _i++) {
        var pattern = patterns_1[_i];
        (0, exports.debug)("pattern: '".concat(pattern, "'"));
        // trim and skip empty
        pattern = (pattern || '').trim();
        if (!pattern) {
            (0, exports.debug)('skipping empty pattern');
            continue;
        }
        // clone match options
        var options_1 = im._cloneMatchOptions(originalOptions);
        // skip comments
        if (!options_1.nocomment && im._startsWith(pattern, '#')) {
            (0, exports.debug)('skipping comment');
            continue;
        }
        // set nocomment - brace expansion could result in a leading '#'
        options_1.nocomment = true;
        // determine whether pattern is include or exclude
        var negateCount = 0;
        if (!options_1.nonegate) {
            while (pattern.charAt(negateCount) == '!') {
                negateCount++;
            }
            pattern = pattern.substring(negateCount); // trim leading '!'
            if (negateCount) {
                (0, exports.debug)("trimmed leading '!'. pattern: '".concat(pattern, "'"));
            }
        }
        var isIncludePattern = negateCount == 0 ||
            (negateCount % 2 == 0 && !options_1.flipNegate) ||
            (negateCount % 2 == 1 && options_1.flipNegate);
        // set nonegate - brace expansion could result in a leading '!'
        options_1.nonegate = true;
        options_1.flipNegate = false;
        // expand braces - required to accurately root patterns
        var expanded = void 0;
        var preExpanded = pattern;
        if (options_1.nobrace) {
            expanded = [pattern];
        }
        else {
            // convert slashes on Windows before calling braceExpand(). unfortunately this means braces cannot
            // be escaped on Windows, this limitation is consistent with current limitations of minimatch (3.0.3).
            (0, exports.debug)('expanding braces');
            var convertedPattern = process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern;
            expanded = minimatch.braceExpand(convertedPattern);
        }
        // set nobrace
        options_1.nobrace = true;
        for (var _a = 0, expanded_1 = expanded; _a < expanded_1.length; _a++) {
            var pattern_1 = expanded_1[_a];
            if (expanded.length != 1 || pattern_1 != preExpanded) {
                (0, exports.debug)("pattern: '".concat(pattern_1, "'"));
            }
            // trim and skip empty
            pattern_1 = (pattern_1 || '').trim();
            if (!pattern_1) {
                (0, exports.debug)('skipping empty pattern');
                continue;
            }
            // root the pattern when all of the following conditions are true:
            if (patternRoot && // patternRoot supplied
                !im._isRooted(pattern_1) && // AND pattern not rooted
                // AND matchBase:false or not basename only
                (!options_1.matchBase || (process.platform == 'win32' ? pattern_1.replace(/\\/g, '/') : pattern_1).indexOf('/') >= 0)) {
                pattern_1 = im._ensureRooted(patternRoot, pattern_1);
                (0, exports.debug)("rooted pattern: '".concat(pattern_1, "'"));
            }
            if (isIncludePattern) {
                // apply the pattern
                (0, exports.debug)('applying include pattern against original list');
                var matchResults = minimatch.match(list, pattern_1, options_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // union the results
                for (var _b = 0, matchResults_1 = matchResults; _b < matchResults_1.length; _b++) {
                    var matchResult = matchResults_1[_b];
                    map[matchResult] = true;
                }
            }
            else {
                // apply the pattern
                (0, exports.debug)('applying exclude pattern against original list');
                var matchResults = minimatch.match(list, pattern_1, options_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // substract the results
                for (var _c = 0, matchResults_2 = matchResults; _c < matchResults_2.length; _c++) {
                    var matchResult = matchResults_2[_c];
                    delete map[matchResult];
                }
            }
        }
    }
    // return a filtered version of the original list (preserves order and prevents duplication)
    var result = list.filter(function (item) { return map.hasOwnProperty(item); });
    (0, exports.debug)(result.length + ' final results');
    return result;
}
exports.match = match;
/**
 * Filter to apply glob patterns
 *
 * @param  pattern  pattern to apply
 * @param  options  optional. defaults to { dot: true, nobrace: true, nocase: process.platform == 'win32' }.
 */
function filter(pattern, options) {
    options = options || _getDefaultMatchOptions();
    return minimatch.filter(pattern, options);
}
exports.filter = filter;
function _debugMatchOptions(options) {
    (0, exports.debug)("matchOptions.debug: '".concat(options.debug, "'"));
    (0, exports.debug)("matchOptions.nobrace: '".concat(options.nobrace, "'"));
    (0, exports.debug)("matchOptions.noglobstar: '".concat(options.noglobstar, "'"));
    (0, exports.debug)("matchOptions.dot: '".concat(options.dot, "'"));
    (0, exports.debug)("matchOptions.noext: '".concat(options.noext, "'"));
    (0, exports.debug)("matchOptions.nocase: '".concat(options.nocase, "'"));
    (0, exports.debug)("matchOptions.nonull: '".concat(options.nonull, "'"));
    (0, exports.debug)("matchOptions.matchBase: '".concat(options.matchBase, "'"));
    (0, exports.debug)("matchOptions.nocomment: '".concat(options.nocomment, "'"));
    (0, exports.debug)("matchOptions.nonegate: '".concat(options.nonegate, "'"));
    (0, exports.debug)("matchOptions.flipNegate: '".concat(options.flipNegate, "'"));
}
function _getDefaultMatchOptions() {
    return {
        debug: false,
        nobrace: true,
        noglobstar: false,
        dot: true,
        noext: false,
        nocase: process.platform == 'win32',
        nonull: false,
        matchBase: false,
        nocomment: false,
        nonegate: false,
        flipNegate: false
    };
}
/**
 * Determines the find root from a list of patterns. Performs the find and then applies the glob patterns.
 * Supports interleaved exclude patterns. Unrooted patterns are rooted using defaultRoot, unless
 * matchOptions.matchBase is specified and the pattern is a basename only. For matchBase cases, the
 * defaultRoot is used as the find root.
 *
 * @param  defaultRoot   default path to root unrooted patterns. falls back to System.DefaultWorkingDirectory or process.cwd().
 * @param  patterns      pattern or array of patterns to apply
 * @param  findOptions   defaults to { followSymbolicLinks: true }. following soft links is generally appropriate unless deleting files.
 * @param  matchOptions  defaults to { dot: true, nobrace: true, nocase: process.platform == 'win32' }
 */
function findMatch(defaultRoot, patterns, findOptions, matchOptions) {
    // apply defaults for parameters and trace
    defaultRoot = defaultRoot || this.getVariable('system.defaultWorkingDirectory') || process.cwd();
    (0, exports.debug)("defaultRoot: '".concat(defaultRoot, "'"));
    patterns = patterns || [];
    patterns = typeof patterns == 'string' ? [patterns] : patterns;
    findOptions = findOptions || _getDefaultFindOptions();
    _debugFindOptions(findOptions);
    matchOptions = matchOptions || _getDefaultMatchOptions();
    _debugMatchOptions(matchOptions);
    // normalize slashes for root dir
    defaultRoot = im._normalizeSeparators(defaultRoot);
    var results = {};
    var originalMatchOptions = matchOptions;
    for (var _i = 0, _a = (patterns || []); _i < _a.length; _i++) {
        var pattern = _a[_i];
        (0, exports.debug)("pattern: '".concat(pattern, "'"));
        // trim and skip empty
        pattern = (pattern || '').trim();
        if (!pattern) {
            (0, exports.debug)('skipping empty pattern');
            continue;
        }
        // clone match options
        var matchOptions_1 = im._cloneMatchOptions(originalMatchOptions);
        // skip comments
        if (!matchOptions_1.nocomment && im._startsWith(pattern, '#')) {
            (0, exports.debug)('skipping comment');
            continue;
        }
        // set nocomment - brace expansion could result in a leading '#'
        matchOptions_1.nocomment = true;
        // determine whether pattern is include or exclude
        var negateCount = 0;
        if (!matchOptions_1.nonegate) {
            while (pattern.charAt(negateCount) == '!') {
                negateCount++;
            }
            pattern = pattern.substring(negateCount); // trim leading '!'
            if (negateCount) {
                (0, exports.debug)("trimmed leading '!'. pattern: '".concat(pattern, "'"));
            }
        }
        var isIncludePattern = negateCount == 0 ||
            (negateCount % 2 == 0 && !matchOptions_1.flipNegate) ||
            (negateCount % 2 == 1 && matchOptions_1.flipNegate);
        // set nonegate - brace expansion could result in a leading '!'
        matchOptions_1.nonegate = true;
        matchOptions_1.flipNegate = false;
        // expand braces - required to accurately interpret findPath
        var expanded = void 0;
        var preExpanded = pattern;
        if (matchOptions_1.nobrace) {
            expanded = [pattern];
        }
        else {
            // convert slashes on Windows before calling braceExpand(). unfortunately this means braces cannot
            // be escaped on Windows, this limitation is consistent with current limitations of minimatch (3.0.3).
            (0, exports.debug)('expanding braces');
            var convertedPattern = process.platform == 'win32' ? pattern.replace(/\\/g, '/') : pattern;
            expanded = minimatch.braceExpand(convertedPattern);
        }
        // set nobrace
        matchOptions_1.nobrace = true;
        for (var _b = 0, expanded_2 = expanded; _b < expanded_2.length; _b++) {
            var pattern_2 = expanded_2[_b];
            if (expanded.length != 1 || pattern_2 != preExpanded) {
                (0, exports.debug)("pattern: '".concat(pattern_2, "'"));
            }
            // trim and skip empty
            pattern_2 = (pattern_2 || '').trim();
            if (!pattern_2) {
                (0, exports.debug)('skipping empty pattern');
                continue;
            }
            if (isIncludePattern) {
                // determine the findPath
                var findInfo = im._getFindInfoFromPattern(defaultRoot, pattern_2, matchOptions_1);
                var findPath = findInfo.findPath;
                (0, exports.debug)("findPath: '".concat(findPath, "'"));
                if (!findPath) {
                    (0, exports.debug)('skipping empty path');
                    continue;
                }
                // perform the find
                (0, exports.debug)("statOnly: '".concat(findInfo.statOnly, "'"));
                var findResults = [];
                if (findInfo.statOnly) {
                    // simply stat the path - all path segments were used to build the path
                    try {
                        fs.statSync(findPath);
                        findResults.push(findPath);
                    }
                    catch (err) {
                        if (err.code != 'ENOENT') {
                            throw err;
                        }
                        (0, exports.debug)('ENOENT');
                    }
                }
                else {
                    findResults = find(findPath, findOptions);
                }
                (0, exports.debug)("found ".concat(findResults.length, " paths"));
                // apply the pattern
                (0, exports.debug)('applying include pattern');
                if (findInfo.adjustedPattern != pattern_2) {
                    (0, exports.debug)("adjustedPattern: '".concat(findInfo.adjustedPattern, "'"));
                    pattern_2 = findInfo.adjustedPattern;
                }
                var matchResults = minimatch.match(findResults, pattern_2, matchOptions_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // union the results
                for (var _c = 0, matchResults_3 = matchResults; _c < matchResults_3.length; _c++) {
                    var matchResult = matchResults_3[_c];
                    var key = process.platform == 'win32' ? matchResult.toUpperCase() : matchResult;
                    results[key] = matchResult;
                }
            }
            else {
                // check if basename only and matchBase=true
                if (matchOptions_1.matchBase &&
                    !im._isRooted(pattern_2) &&
                    (process.platform == 'win32' ? pattern_2.replace(/\\/g, '/') : pattern_2).indexOf('/') < 0) {
                    // do not root the pattern
                    (0, exports.debug)('matchBase and basename only');
                }
                else {
                    // root the exclude pattern
                    pattern_2 = im._ensurePatternRooted(defaultRoot, pattern_2);
                    (0, exports.debug)("after ensurePatternRooted, pattern: '".concat(pattern_2, "'"));
                }
                // apply the pattern
                (0, exports.debug)('applying exclude pattern');
                var matchResults = minimatch.match(Object.keys(results).map(function (key) { return results[key]; }), pattern_2, matchOptions_1);
                (0, exports.debug)(matchResults.length + ' matches');
                // substract the results
                for (var _d = 0, matchResults_4 = matchResults; _d < matchResults_4.length; _d++) {
                    var matchResult = matchResults_4[_d];
                    var key = process.platform == 'win32' ? matchResult.toUpperCase() : matchResult;
                    delete results[key];
                }
            }
        }
    }
    var finalResult = Object.keys(results)
        .map(function (key) { return results[key]; })
        .sort();
    (0, exports.debug)(finalResult.length + ' final results');
    return finalResult;
}
exports.findMatch = findMatch;
/**
 * Build Proxy URL in the following format: protocol://username:password@hostname:port
 * @param proxyUrl Url address of the proxy server (eg: http://example.com)
 * @param proxyUsername Proxy username (optional)
 * @param proxyPassword Proxy password (optional)
 * @returns string
 */
function getProxyFormattedUrl(proxyUrl, proxyUsername, proxyPassword) {
    var parsedUrl = new URL(proxyUrl);
    var proxyAddress = "".concat(parsedUrl.protocol, "//").concat(parsedUrl.host);
    if (proxyUsername) {
        proxyAddress = "".concat(parsedUrl.protocol, "//").concat(proxyUsername, ":").concat(proxyPassword, "@").concat(parsedUrl.host);
    }
    return proxyAddress;
}
/**
 * Gets http proxy configuration used by Build/Release agent
 *
 * @return  ProxyConfiguration
 */
function getHttpProxyConfiguration(requestUrl) {
    var proxyUrl = (0, exports.getVariable)('Agent.ProxyUrl');
    if (proxyUrl && proxyUrl.length > 0) {
        var proxyUsername = (0, exports.getVariable)('Agent.ProxyUsername');
        var proxyPassword = (0, exports.getVariable)('Agent.ProxyPassword');
        var proxyBypassHosts = JSON.parse((0, exports.getVariable)('Agent.ProxyBypassList') || '[]');
        var bypass_1 = false;
        if (requestUrl) {
            proxyBypassHosts.forEach(function (bypassHost) {
                if (new RegExp(bypassHost, 'i').test(requestUrl)) {
                    bypass_1 = true;
                }
            });
        }
        if (bypass_1) {
            return null;
        }
        else {
            var proxyAddress = getProxyFormattedUrl(proxyUrl, proxyUsername, proxyPassword);
            return {
                proxyUrl: proxyUrl,
                proxyUsername: proxyUsername,
                proxyPassword: proxyPassword,
                proxyBypassHosts: proxyBypassHosts,
                proxyFormattedUrl: proxyAddress
            };
        }
    }
    else {
        return null;
    }
}
exports.getHttpProxyConfiguration = getHttpProxyConfiguration;
/**
 * Gets http certificate configuration used by Build/Release agent
 *
 * @return  CertConfiguration
 */
function getHttpCertConfiguration() {
    var ca = (0, exports.getVariable)('Agent.CAInfo');
    var clientCert = (0, exports.getVariable)('Agent.ClientCert');
    if (ca || clientCert) {
        var certConfig = {};
        certConfig.caFile = ca;
        certConfig.certFile = clientCert;
        if (clientCert) {
            var clientCertKey = (0, exports.getVariable)('Agent.ClientCertKey');
            var clientCertArchive = (0, exports.getVariable)('Agent.ClientCertArchive');
            var clientCertPassword = (0, exports.getVariable)('Agent.ClientCertPassword');
            certConfig.keyFile = clientCertKey;
            certConfig.certArchiveFile = clientCertArchive;
            certConfig.passphrase = clientCertPassword;
        }
        return certConfig;
    }
    else {
        return null;
    }
}
exports.getHttpCertConfiguration = getHttpCertConfiguration;
//-----------------------------------------------------
// Test Publisher
//-----------------------------------------------------
var TestPublisher = /** @class */ (function () {
    function TestPublisher(testRunner) {
        this.testRunner = testRunner;
    }
    TestPublisher.prototype.publish = function (resultFiles, mergeResults, platform, config, runTitle, publishRunAttachments, testRunSystem) {
        // Could have used an initializer, but wanted to avoid reordering parameters when converting to strict null checks
        // (A parameter cannot both be optional and have an initializer)
        testRunSystem = testRunSystem || "VSTSTask";
        var properties = {};
        properties['type'] = this.testRunner;
        if (mergeResults) {
            properties['mergeResults'] = mergeResults;
        }
        if (platform) {
            properties['platform'] = platform;
        }
        if (config) {
            properties['config'] = config;
        }
        if (runTitle) {
            properties['runTitle'] = runTitle;
        }
        if (publishRunAttachments) {
            properties['publishRunAttachments'] = publishRunAttachments;
        }
        if (resultFiles) {
            properties['resultFiles'] = Array.isArray(resultFiles) ? resultFiles.join() : resultFiles;
        }
        properties['testRunSystem'] = testRunSystem;
        (0, exports.command)('results.publish', properties, '');
    };
    return TestPublisher;
}());
exports.TestPublisher = TestPublisher;
//-----------------------------------------------------
// Code coverage Publisher
//-----------------------------------------------------
var CodeCoveragePublisher = /** @class */ (function () {
    function CodeCoveragePublisher() {
    }
    CodeCoveragePublisher.prototype.publish = function (codeCoverageTool, summaryFileLocation, reportDirectory, additionalCodeCoverageFiles) {
        var properties = {};
        if (codeCoverageTool) {
            properties['codecoveragetool'] = codeCoverageTool;
        }
        if (summaryFileLocation) {
            properties['summaryfile'] = summaryFileLocation;
        }
        if (reportDirectory) {
            properties['reportdirectory'] = reportDirectory;
        }
        if (additionalCodeCoverageFiles) {
            properties['additionalcodecoveragefiles'] = Array.isArray(additionalCodeCoverageFiles) ? additionalCodeCoverageFiles.join() : additionalCodeCoverageFiles;
        }
        (0, exports.command)('codecoverage.publish', properties, "");
    };
    return CodeCoveragePublisher;
}());
exports.CodeCoveragePublisher = CodeCoveragePublisher;
//-----------------------------------------------------
// Code coverage Publisher
//-----------------------------------------------------
var CodeCoverageEnabler = /** @class */ (function () {
    function CodeCoverageEnabler(buildTool, ccTool) {
        this.buildTool = buildTool;
        this.ccTool = ccTool;
    }
    CodeCoverageEnabler.prototype.enableCodeCoverage = function (buildProps) {
        buildProps['buildtool'] = this.buildTool;
        buildProps['codecoveragetool'] = this.ccTool;
        (0, exports.command)('codecoverage.enable', buildProps, "");
    };
    return CodeCoverageEnabler;
}());
exports.CodeCoverageEnabler = CodeCoverageEnabler;
//-----------------------------------------------------
// Task Logging Commands
//-----------------------------------------------------
/**
 * Upload user interested file as additional log information
 * to the current timeline record.
 *
 * The file shall be available for download along with task logs.
 *
 * @param path      Path to the file that should be uploaded.
 * @returns         void
 */
function uploadFile(path) {
    (0, exports.command)("task.uploadfile", null, path);
}
exports.uploadFile = uploadFile;
/**
 * Instruction for the agent to update the PATH environment variable.
 * The specified directory is prepended to the PATH.
 * The updated environment variable will be reflected in subsequent tasks.
 *
 * @param path      Local directory path.
 * @returns         void
 */
function prependPath(path) {
    assertAgent("2.115.0");
    (0, exports.command)("task.prependpath", null, path);
}
exports.prependPath = prependPath;
/**
 * Upload and attach summary markdown to current timeline record.
 * This summary shall be added to the build/release summary and
 * not available for download with logs.
 *
 * @param path      Local directory path.
 * @returns         void
 */
function uploadSummary(path) {
    (0, exports.command)("task.uploadsummary", null, path);
}
exports.uploadSummary = uploadSummary;
/**
 * Upload and attach attachment to current timeline record.
 * These files are not available for download with logs.
 * These can only be referred to by extensions using the type or name values.
 *
 * @param type      Attachment type.
 * @param name      Attachment name.
 * @param path      Attachment path.
 * @returns         void
 */
function addAttachment(type, name, path) {
    (0, exports.command)("task.addattachment", { "type": type, "name": name }, path);
}
exports.addAttachment = addAttachment;
/**
 * Set an endpoint field with given value.
 * Value updated will be retained in the endpoint for
 * the subsequent tasks that execute within the same job.
 *
 * @param id      Endpoint id.
 * @param field   FieldType enum of AuthParameter, DataParameter or Url.
 * @param key     Key.
 * @param value   Value for key or url.
 * @returns       void
 */
function setEndpoint(id, field, key, value) {
    (0, exports.command)("task.setendpoint", { "id": id, "field": FieldType[field].toLowerCase(), "key": key }, value);
}
exports.setEndpoint = setEndpoint;
/**
 * Set progress and current operation for current task.
 *
 * @param percent           Percentage of completion.
 * @param currentOperation  Current pperation.
 * @returns                 void
 */
function setProgress(percent, currentOperation) {
    (0, exports.command)("task.setprogress", { "value": "".concat(percent) }, currentOperation);
}
exports.setProgress = setProgress;
/**
 * Indicates whether to write the logging command directly to the host or to the output pipeline.
 *
 * @param id            Timeline record Guid.
 * @param parentId      Parent timeline record Guid.
 * @param recordType    Record type.
 * @param recordName    Record name.
 * @param order         Order of timeline record.
 * @param startTime     Start time.
 * @param finishTime    End time.
 * @param progress      Percentage of completion.
 * @param state         TaskState enum of Unknown, Initialized, InProgress or Completed.
 * @param result        TaskResult enum of Succeeded, SucceededWithIssues, Failed, Cancelled or Skipped.
 * @param message       current operation
 * @returns             void
 */
function logDetail(id, message, parentId, recordType, recordName, order, startTime, finishTime, progress, state, result) {
    var properties = {
        "id": id,
        "parentid": parentId,
        "type": recordType,
        "name": recordName,
        "order": order ? order.toString() : undefined,
        "starttime": startTime,
        "finishtime": finishTime,
        "progress": progress ? progress.toString() : undefined,
        "state": state ? TaskState[state] : undefined,
        "result": result ? TaskResult[result] : undefined
    };
    (0, exports.command)("task.logdetail", properties, message);
}
exports.logDetail = logDetail;
/**
 * Log error or warning issue to timeline record of current task.
 *
 * @param type          IssueType enum of Error or Warning.
 * @param sourcePath    Source file location.
 * @param lineNumber    Line number.
 * @param columnNumber  Column number.
 * @param code          Error or warning code.
 * @param message       Error or warning message.
 * @returns             void
 */
function logIssue(type, message, sourcePath, lineNumber, columnNumber, errorCode) {
    var properties = {
        "type": IssueType[type].toLowerCase(),
        "code": errorCode,
        "sourcepath": sourcePath,
        "linenumber": lineNumber ? lineNumber.toString() : undefined,
        "columnnumber": columnNumber ? columnNumber.toString() : undefined,
    };
    (0, exports.command)("task.logissue", properties, message);
}
exports.logIssue = logIssue;
//-----------------------------------------------------
// Artifact Logging Commands
//-----------------------------------------------------
/**
 * Upload user interested file as additional log information
 * to the current timeline record.
 *
 * The file shall be available for download along with task logs.
 *
 * @param containerFolder   Folder that the file will upload to, folder will be created if needed.
 * @param path              Path to the file that should be uploaded.
 * @param name              Artifact name.
 * @returns                 void
 */
function uploadArtifact(containerFolder, path, name) {
    (0, exports.command)("artifact.upload", { "containerfolder": containerFolder, "artifactname": name }, path);
}
exports.uploadArtifact = uploadArtifact;
/**
 * Create an artifact link, artifact location is required to be
 * a file container path, VC path or UNC share path.
 *
 * The file shall be available for download along with task logs.
 *
 * @param name              Artifact name.
 * @param path              Path to the file that should be associated.
 * @param artifactType      ArtifactType enum of Container, FilePath, VersionControl, GitRef or TfvcLabel.
 * @returns                 void
 */
function associateArtifact(name, path, artifactType) {
    (0, exports.command)("artifact.associate", { "type": ArtifactType[artifactType].toLowerCase(), "artifactname": name }, path);
}
exports.associateArtifact = associateArtifact;
//-----------------------------------------------------
// Build Logging Commands
//-----------------------------------------------------
/**
 * Upload user interested log to build\u2019s container \u201clogs\tool\u201d folder.
 *
 * @param path      Path to the file that should be uploaded.
 * @returns         void
 */
function uploadBuildLog(path) {
    (0, exports.command)("build.uploadlog", null, path);
}
exports.uploadBuildLog = uploadBuildLog;
/**
 * Update build number for current build.
 *
 * @param value     Value to be assigned as the build number.
 * @returns         void
 */
function updateBuildNumber(value) {
    (0, exports.command)("build.updatebuildnumber", null, value);
}
exports.updateBuildNumber = updateBuildNumber;
/**
 * Add a tag for current build.
 *
 * @param value     Tag value.
 * @returns         void
 */
function addBuildTag(value) {
    (0, exports.command)("build.addbuildtag", null, value);
}
exports.addBuildTag = addBuildTag;
//-----------------------------------------------------
// Release Logging Commands
//-----------------------------------------------------
/**
 * Update release name for current release.
 *
 * @param value     Value to be assigned as the release name.
 * @returns         void
 */
function updateReleaseName(name) {
    assertAgent("2.132.0");
    (0, exports.command)("release.updatereleasename", null, name);
}
exports.updateReleaseName = updateReleaseName;
//-----------------------------------------------------
// Tools
//-----------------------------------------------------
exports.TaskCommand = tcm.TaskCommand;
exports.commandFromString = tcm.commandFromString;
exports.ToolRunner = trm.ToolRunner;
/**
 * Creates a filtering stream for external output and pipes it to the destination
 * (default process.stdout). Pipe untrusted output (a remote response, a child process's
 * stdout, etc.) into the returned stream so that any "##vso[" command markers it contains
 * are neutralized instead of executed by the agent.
 *
 * By default every marker is blocked. Set enableVsoCommands to true (optionally with an
 * explicit allowedVsoCommands list) to permit a small set of command names on a
 * compatibility-sensitive path.
 *
 * @param options   External output options. See ExternalOutputOptions.
 * @returns         A writable/readable stream to pipe untrusted output into.
 */
function createExternalOutputStream(options) {
    return eom.createExternalOutputStream(options);
}
exports.createExternalOutputStream = createExternalOutputStream;
/** Filters external output and writes it directly to the configured destination. */
function writeExternalOutput(message, options) {
    eom.writeExternalOutput(message, options);
}
exports.writeExternalOutput = writeExternalOutput;
/** Filters external output and submits it through the existing task-lib debug logger. */
function debugExternalOutput(message, options) {
    eom.debugExternalOutput(message, options);
}
exports.debugExternalOutput = debugExternalOutput;
/** Filters external output and submits it through the existing task-lib warning logger. */
function warningExternalOutput(message, options) {
    eom.warningExternalOutput(message, options);
}
exports.warningExternalOutput = warningExternalOutput;
/** Filters external output and submits it through the existing task-lib error logger. */
function errorExternalOutput(message, options) {
    eom.errorExternalOutput(message, options);
}
exports.errorExternalOutput = errorExternalOutput;
/** Commands allowed when VSO commands are enabled without an explicit allowlist. */
exports.defaultAllowedVsoCommands = eom.defaultAllowedVsoCommands;
//-----------------------------------------------------
// Validation Checks
//-----------------------------------------------------
// async await needs generators in node 4.x+
if (semver.lt(process.versions.node, '4.2.0')) {
    (0, exports.warning)('Tasks require a new agent.  Upgrade your agent or node to 4.2.0 or later', exports.IssueSource.TaskInternal);
}
//-------------------------------------------------------------------
// Populate the vault with sensitive data.  Inputs and Endpoints
//-------------------------------------------------------------------
// avoid loading twice (overwrites .taskkey)
if (!global['_vsts_task_lib_loaded']) {
    im._loadData();
    im._exposeProxySettings();
    im._exposeCertSettings();
}
//Helper Functions for internal use only
/**
 * safeFind - safe replacement for Array.prototype.find
 *
 * @param {Array} arr - the array to search
 * @param {Function} predicate - function to test each element, returns true if match
 * @returns {*} - first element that matches or undefined
 */
function safeFind(arr, predicate) {
    for (var i = 0; i < arr.length; i++) {
        if (predicate(arr[i])) {
            return arr[i];
        }
    }
    return undefined;
}


/***/ }),

/***/ 373:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.commandFromString = exports.TaskCommand = void 0;
//
// Command Format:
//    ##vso[artifact.command key=value;key=value]user message
//    
// Examples:
//    ##vso[task.progress value=58]
//    ##vso[task.issue type=warning;]This is the user warning message
//
var CMD_PREFIX = '##vso[';
var TaskCommand = /** @class */ (function () {
    function TaskCommand(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    TaskCommand.prototype.toString = function () {
        var cmdStr = CMD_PREFIX + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            for (var key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    var val = this.properties[key];
                    if (val) {
                        // safely append the val - avoid blowing up when attempting to
                        // call .replace() if message is not a string for some reason
                        cmdStr += key + '=' + escape('' + (val || '')) + ';';
                    }
                }
            }
        }
        cmdStr += ']';
        // safely append the message - avoid blowing up when attempting to
        // call .replace() if message is not a string for some reason
        var message = '' + (this.message || '');
        cmdStr += escapedata(message);
        return cmdStr;
    };
    return TaskCommand;
}());
exports.TaskCommand = TaskCommand;
function commandFromString(commandLine) {
    var preLen = CMD_PREFIX.length;
    var lbPos = commandLine.indexOf('[');
    var rbPos = commandLine.indexOf(']');
    if (lbPos == -1 || rbPos == -1 || rbPos - lbPos < 3) {
        throw new Error('Invalid command brackets');
    }
    var cmdInfo = commandLine.substring(lbPos + 1, rbPos);
    var spaceIdx = cmdInfo.indexOf(' ');
    var command = cmdInfo;
    var properties = {};
    if (spaceIdx > 0) {
        command = cmdInfo.trim().substring(0, spaceIdx);
        var propSection = cmdInfo.trim().substring(spaceIdx + 1);
        var propLines = propSection.split(';');
        propLines.forEach(function (propLine) {
            propLine = propLine.trim();
            if (propLine.length > 0) {
                var eqIndex = propLine.indexOf('=');
                if (eqIndex == -1) {
                    throw new Error('Invalid property: ' + propLine);
                }
                var key = propLine.substring(0, eqIndex);
                var val = propLine.substring(eqIndex + 1);
                properties[key] = unescape(val);
            }
        });
    }
    var msg = unescapedata(commandLine.substring(rbPos + 1));
    var cmd = new TaskCommand(command, properties, msg);
    return cmd;
}
exports.commandFromString = commandFromString;
function escapedata(s) {
    return s.replace(/%/g, '%AZP25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function unescapedata(s) {
    return s.replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%AZP25/g, '%');
}
function escape(s) {
    return s.replace(/%/g, '%AZP25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/]/g, '%5D')
        .replace(/;/g, '%3B');
}
function unescape(s) {
    return s.replace(/%0D/g, '\r')
        .replace(/%0A/g, '\n')
        .replace(/%5D/g, ']')
        .replace(/%3B/g, ';')
        .replace(/%AZP25/g, '%');
}


/***/ }),

/***/ 800:
/***/ (function(__unused_webpack_module, exports, __nccwpck_require__) {


var __extends = (this && this.__extends) || (function () {
    var extendStatics = function (d, b) {
        extendStatics = Object.setPrototypeOf ||
            ({ __proto__: [] } instanceof Array && function (d, b) { d.__proto__ = b; }) ||
            function (d, b) { for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p]; };
        return extendStatics(d, b);
    };
    return function (d, b) {
        if (typeof b !== "function" && b !== null)
            throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
        extendStatics(d, b);
        function __() { this.constructor = d; }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
    };
})();
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ToolRunner = void 0;
var Q = __nccwpck_require__(560);
var os = __nccwpck_require__(857);
var events = __nccwpck_require__(434);
var child = __nccwpck_require__(317);
var im = __nccwpck_require__(202);
var fs = __nccwpck_require__(896);
var eom = __nccwpck_require__(37);
var ToolRunner = /** @class */ (function (_super) {
    __extends(ToolRunner, _super);
    function ToolRunner(toolPath) {
        var _this = _super.call(this) || this;
        _this.cmdSpecialChars = [' ', '\t', '&', '(', ')', '[', ']', '{', '}', '^', '=', ';', '!', '\'', '+', ',', '`', '~', '|', '<', '>', '"'];
        if (!toolPath) {
            throw new Error('Parameter \'toolPath\' cannot be null or empty.');
        }
        _this.toolPath = im._which(toolPath, true);
        _this.args = [];
        _this._debug('toolRunner toolPath: ' + toolPath);
        return _this;
    }
    ToolRunner.prototype._debug = function (message) {
        this.emit('debug', message);
    };
    ToolRunner.prototype._argStringToArray = function (argString) {
        var args = [];
        var inQuotes = false;
        var escaped = false;
        var lastCharWasSpace = true;
        var arg = '';
        var append = function (c) {
            // we only escape double quotes.
            if (escaped) {
                if (c !== '"') {
                    arg += '\\';
                }
                else {
                    arg.slice(0, -1);
                }
            }
            arg += c;
            escaped = false;
        };
        for (var i = 0; i < argString.length; i++) {
            var c = argString.charAt(i);
            if (c === ' ' && !inQuotes) {
                if (!lastCharWasSpace) {
                    args.push(arg);
                    arg = '';
                }
                lastCharWasSpace = true;
                continue;
            }
            else {
                lastCharWasSpace = false;
            }
            if (c === '"') {
                if (!escaped) {
                    inQuotes = !inQuotes;
                }
                else {
                    append(c);
                }
                continue;
            }
            if (c === "\\" && escaped) {
                append(c);
                continue;
            }
            if (c === "\\" && inQuotes) {
                escaped = true;
                continue;
            }
            append(c);
            lastCharWasSpace = false;
        }
        if (!lastCharWasSpace) {
            args.push(arg.trim());
        }
        return args;
    };
    ToolRunner.prototype._getCommandString = function (options, noPrefix) {
        var _this = this;
        var toolPath = this._getSpawnFileName();
        var args = this._getSpawnArgs(options);
        var cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        var commandParts = [];
        if (process.platform == 'win32') {
            // Windows + cmd file
            if (this._isCmdFile()) {
                commandParts.push(toolPath);
                commandParts = commandParts.concat(args);
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                commandParts.push("\"".concat(toolPath, "\""));
                commandParts = commandParts.concat(args);
            }
            else if (options.shell) {
                commandParts.push(this._windowsQuoteCmdArg(toolPath));
                commandParts = commandParts.concat(args);
            }
            // Windows (regular)
            else {
                commandParts.push(this._windowsQuoteCmdArg(toolPath));
                commandParts = commandParts.concat(args.map(function (arg) { return _this._windowsQuoteCmdArg(arg); }));
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            commandParts.push(toolPath);
            commandParts = commandParts.concat(args);
        }
        cmd += commandParts.join(' ');
        // append second tool
        if (this.pipeOutputToTool) {
            cmd += ' | ' + this.pipeOutputToTool._getCommandString(options, /*noPrefix:*/ true);
        }
        return cmd;
    };
    ToolRunner.prototype._processLineBuffer = function (data, buffer, onLine) {
        var newBuffer = buffer + data.toString();
        try {
            var eolIndex = newBuffer.indexOf(os.EOL);
            while (eolIndex > -1) {
                var line = newBuffer.substring(0, eolIndex);
                onLine(line);
                // the rest of the string ...
                newBuffer = newBuffer.substring(eolIndex + os.EOL.length);
                eolIndex = newBuffer.indexOf(os.EOL);
            }
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug('error processing line');
        }
        return newBuffer;
    };
    /**
     * Wraps an arg string with specified char if it's not already wrapped
     * @returns {string} Arg wrapped with specified char
     * @param {string} arg Input argument string
     * @param {string} wrapChar A char input string should be wrapped with
     */
    ToolRunner.prototype._wrapArg = function (arg, wrapChar) {
        if (!this._isWrapped(arg, wrapChar)) {
            return "".concat(wrapChar).concat(arg).concat(wrapChar);
        }
        return arg;
    };
    /**
     * Unwraps an arg string wrapped with specified char
     * @param arg Arg wrapped with specified char
     * @param wrapChar A char to be removed
     */
    ToolRunner.prototype._unwrapArg = function (arg, wrapChar) {
        if (this._isWrapped(arg, wrapChar)) {
            var pattern = new RegExp("(^\\\\?".concat(wrapChar, ")|(\\\\?").concat(wrapChar, "$)"), 'g');
            return arg.trim().replace(pattern, '');
        }
        return arg;
    };
    /**
     * Determine if arg string is wrapped with specified char
     * @param arg Input arg string
     */
    ToolRunner.prototype._isWrapped = function (arg, wrapChar) {
        var pattern = new RegExp("^\\\\?".concat(wrapChar, ".+\\\\?").concat(wrapChar, "$"));
        return pattern.test(arg.trim());
    };
    ToolRunner.prototype._getSpawnFileName = function (options) {
        if (process.platform == 'win32') {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        if (options && options.shell) {
            return this._wrapArg(this.toolPath, '"');
        }
        return this.toolPath;
    };
    ToolRunner.prototype._getSpawnArgs = function (options) {
        var _this = this;
        if (process.platform == 'win32') {
            if (this._isCmdFile()) {
                var argline = "/D /S /C \"".concat(this._windowsQuoteCmdArg(this.toolPath));
                for (var i = 0; i < this.args.length; i++) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments ? this.args[i] : this._windowsQuoteCmdArg(this.args[i]);
                }
                argline += '"';
                return [argline];
            }
            if (options.windowsVerbatimArguments) {
                // note, in Node 6.x options.argv0 can be used instead of overriding args.slice and args.unshift.
                // for more details, refer to https://github.com/nodejs/node/blob/v6.x/lib/child_process.js
                var args_1 = this.args.slice(0); // copy the array
                // override slice to prevent Node from creating a copy of the arg array.
                // we need Node to use the "unshift" override below.
                args_1.slice = function () {
                    if (arguments.length != 1 || arguments[0] != 0) {
                        throw new Error('Unexpected arguments passed to args.slice when windowsVerbatimArguments flag is set.');
                    }
                    return args_1;
                };
                // override unshift
                //
                // when using the windowsVerbatimArguments option, Node does not quote the tool path when building
                // the cmdline parameter for the win32 function CreateProcess(). an unquoted space in the tool path
                // causes problems for tools when attempting to parse their own command line args. tools typically
                // assume their arguments begin after arg 0.
                //
                // by hijacking unshift, we can quote the tool path when it pushed onto the args array. Node builds
                // the cmdline parameter from the args array.
                //
                // note, we can't simply pass a quoted tool path to Node for multiple reasons:
                //   1) Node verifies the file exists (calls win32 function GetFileAttributesW) and the check returns
                //      false if the path is quoted.
                //   2) Node passes the tool path as the application parameter to CreateProcess, which expects the
                //      path to be unquoted.
                //
                // also note, in addition to the tool path being embedded within the cmdline parameter, Node also
                // passes the tool path to CreateProcess via the application parameter (optional parameter). when
                // present, Windows uses the application parameter to determine which file to run, instead of
                // interpreting the file from the cmdline parameter.
                args_1.unshift = function () {
                    if (arguments.length != 1) {
                        throw new Error('Unexpected arguments passed to args.unshift when windowsVerbatimArguments flag is set.');
                    }
                    return Array.prototype.unshift.call(args_1, "\"".concat(arguments[0], "\"")); // quote the file name
                };
                return args_1;
            }
            else if (options.shell) {
                var args = [];
                for (var _i = 0, _a = this.args; _i < _a.length; _i++) {
                    var arg = _a[_i];
                    if (this._needQuotesForCmd(arg, '%')) {
                        args.push(this._wrapArg(arg, '"'));
                    }
                    else {
                        args.push(arg);
                    }
                }
                return args;
            }
        }
        else if (options.shell) {
            return this.args.map(function (arg) {
                if (_this._isWrapped(arg, "'")) {
                    return arg;
                }
                // remove wrapping double quotes to avoid escaping
                arg = _this._unwrapArg(arg, '"');
                arg = _this._escapeChar(arg, '"');
                return _this._wrapArg(arg, '"');
            });
        }
        return this.args;
    };
    /**
     * Escape specified character.
     * @param arg String to escape char in
     * @param charToEscape Char should be escaped
     */
    ToolRunner.prototype._escapeChar = function (arg, charToEscape) {
        var escChar = "\\";
        var output = '';
        var charIsEscaped = false;
        for (var _i = 0, arg_1 = arg; _i < arg_1.length; _i++) {
            var char = arg_1[_i];
            if (char === charToEscape && !charIsEscaped) {
                output += escChar + char;
            }
            else {
                output += char;
            }
            charIsEscaped = char === escChar && !charIsEscaped;
        }
        return output;
    };
    ToolRunner.prototype._isCmdFile = function () {
        var upperToolPath = this.toolPath.toUpperCase();
        return im._endsWith(upperToolPath, '.CMD') || im._endsWith(upperToolPath, '.BAT');
    };
    /**
     * Determine whether the cmd arg needs to be quoted. Returns true if arg contains any of special chars array.
     * @param arg The cmd command arg.
     * @param additionalChars Additional chars which should be also checked.
     */
    ToolRunner.prototype._needQuotesForCmd = function (arg, additionalChars) {
        var specialChars = this.cmdSpecialChars;
        if (additionalChars) {
            specialChars = this.cmdSpecialChars.concat(additionalChars);
        }
        var _loop_1 = function (char) {
            if (specialChars.some(function (x) { return x === char; })) {
                return { value: true };
            }
        };
        for (var _i = 0, arg_2 = arg; _i < arg_2.length; _i++) {
            var char = arg_2[_i];
            var state_1 = _loop_1(char);
            if (typeof state_1 === "object")
                return state_1.value;
        }
        return false;
    };
    ToolRunner.prototype._windowsQuoteCmdArg = function (arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uv_quote_cmd_arg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        var needsQuotes = this._needQuotesForCmd(arg);
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that preceed a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        var reverse = '"';
        var quote_hit = true;
        for (var i = arg.length; i > 0; i--) { // walk the string in reverse
            reverse += arg[i - 1];
            if (quote_hit && arg[i - 1] == '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] == '"') {
                quote_hit = true;
                reverse += '"'; // double the quote
            }
            else {
                quote_hit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    };
    ToolRunner.prototype._uv_quote_cmd_arg = function (arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (arg.indexOf(' ') < 0 && arg.indexOf('\t') < 0 && arg.indexOf('"') < 0) {
            // No quotation needed
            return arg;
        }
        if (arg.indexOf('"') < 0 && arg.indexOf('\\') < 0) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return "\"".concat(arg, "\"");
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        var reverse = '"';
        var quote_hit = true;
        for (var i = arg.length; i > 0; i--) { // walk the string in reverse
            reverse += arg[i - 1];
            if (quote_hit && arg[i - 1] == '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] == '"') {
                quote_hit = true;
                reverse += '\\';
            }
            else {
                quote_hit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    };
    ToolRunner.prototype._cloneExecOptions = function (options) {
        options = options || {};
        var result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            shell: options.shell || false,
            externalOutput: options.externalOutput
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    };
    /** Builds one filtered writer per display destination. */
    ToolRunner.prototype._createDisplayFilter = function (options) {
        var ext = options.externalOutput;
        if (!ext) {
            return null;
        }
        var outStream = options.outStream;
        var errDest = options.failOnStdErr ? options.errStream : options.outStream;
        var stdoutWriter = eom.createFilteredWriter(ext, outStream);
        var stderrWriter = errDest === outStream
            ? stdoutWriter
            : eom.createFilteredWriter(ext, errDest);
        return {
            commandLine: function (text) { outStream.write(eom.filterExternalOutput(text, ext)); },
            stdout: function (data) { return stdoutWriter.write(data); },
            stderr: function (data) { return stderrWriter.write(data); },
            finalize: function () {
                stdoutWriter.end();
                if (stderrWriter !== stdoutWriter) {
                    stderrWriter.end();
                }
            }
        };
    };
    ToolRunner.prototype._getSpawnOptions = function (options) {
        options = options || {};
        var result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result.shell = options.shell;
        result['windowsVerbatimArguments'] = options.windowsVerbatimArguments || this._isCmdFile();
        return result;
    };
    ToolRunner.prototype._getSpawnSyncOptions = function (options) {
        var result = {};
        result.maxBuffer = 1024 * 1024 * 1024;
        result.cwd = options.cwd;
        result.env = options.env;
        result.shell = options.shell;
        result['windowsVerbatimArguments'] = options.windowsVerbatimArguments || this._isCmdFile();
        return result;
    };
    ToolRunner.prototype.execWithPipingAsync = function (pipeOutputToTool, options) {
        var _this = this;
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var success = true;
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var cp;
        var toolPath = pipeOutputToTool.toolPath;
        var toolPathFirst;
        var successFirst = true;
        var returnCodeFirst;
        var fileStream;
        var waitingEvents = 0; // number of process or stream events we are waiting on to complete
        var returnCode = 0;
        var error;
        toolPathFirst = this.toolPath;
        // Following node documentation example from this link on how to pipe output of one process to another
        // https://nodejs.org/api/child_process.html#child_process_child_process_spawn_command_args_options
        //start the child process for both tools
        waitingEvents++;
        var cpFirst = child.spawn(this._getSpawnFileName(optionsNonNull), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(optionsNonNull));
        waitingEvents++;
        cp = child.spawn(pipeOutputToTool._getSpawnFileName(optionsNonNull), pipeOutputToTool._getSpawnArgs(optionsNonNull), pipeOutputToTool._getSpawnOptions(optionsNonNull));
        fileStream = this.pipeOutputToFile ? fs.createWriteStream(this.pipeOutputToFile) : null;
        return new Promise(function (resolve, reject) {
            var _a, _b, _c, _d;
            var complete = function () {
                if (waitingEvents != 0) {
                    return;
                }
                if (df) {
                    df.finalize();
                }
                if (error) {
                    reject(error);
                }
                else {
                    resolve(returnCode);
                }
            };
            if (fileStream) {
                waitingEvents++;
                fileStream.on('finish', function () {
                    waitingEvents--; //file write is complete
                    fileStream = null;
                    complete();
                });
                fileStream.on('error', function (err) {
                    waitingEvents--; //there were errors writing to the file, write is done
                    _this._debug("Failed to pipe output of ".concat(toolPathFirst, " to file ").concat(_this.pipeOutputToFile, ". Error = ").concat(err));
                    fileStream = null;
                    complete();
                });
            }
            //pipe stdout of first tool to stdin of second tool
            (_a = cpFirst.stdout) === null || _a === void 0 ? void 0 : _a.on('data', function (data) {
                var _a, _b;
                try {
                    if (fileStream) {
                        fileStream.write(data);
                    }
                    if (!((_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.destroyed)) {
                        (_b = cp.stdin) === null || _b === void 0 ? void 0 : _b.write(data);
                    }
                }
                catch (err) {
                    _this._debug('Failed to pipe output of ' + toolPathFirst + ' to ' + toolPath);
                    _this._debug(toolPath + ' might have exited due to errors prematurely. Verify the arguments passed are valid.');
                }
            });
            (_b = cpFirst.stderr) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
                if (fileStream) {
                    fileStream.write(data);
                }
                successFirst = !optionsNonNull.failOnStdErr;
                if (!optionsNonNull.silent) {
                    if (df) {
                        df.stderr(data);
                    }
                    else {
                        var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                        s.write(data);
                    }
                }
            });
            cpFirst.on('error', function (err) {
                var _a;
                waitingEvents--; //first process is complete with errors
                if (fileStream) {
                    fileStream.end();
                }
                (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
                error = new Error(toolPathFirst + ' failed. ' + err.message);
                complete();
            });
            cpFirst.on('close', function (code, signal) {
                var _a;
                waitingEvents--; //first process is complete
                if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                    successFirst = false;
                    returnCodeFirst = code;
                    returnCode = returnCodeFirst;
                }
                _this._debug('success of first tool:' + successFirst);
                if (fileStream) {
                    fileStream.end();
                }
                (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
                complete();
            });
            var stdLineBuffer = '';
            (_c = cp.stdout) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
                _this.emit('stdout', data);
                if (!optionsNonNull.silent) {
                    if (df) {
                        df.stdout(data);
                    }
                    else {
                        optionsNonNull.outStream.write(data);
                    }
                }
                stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                    _this.emit('stdline', line);
                });
            });
            var errLineBuffer = '';
            (_d = cp.stderr) === null || _d === void 0 ? void 0 : _d.on('data', function (data) {
                _this.emit('stderr', data);
                success = !optionsNonNull.failOnStdErr;
                if (!optionsNonNull.silent) {
                    if (df) {
                        df.stderr(data);
                    }
                    else {
                        var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                        s.write(data);
                    }
                }
                errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                    _this.emit('errline', line);
                });
            });
            cp.on('error', function (err) {
                waitingEvents--; //process is done with errors
                error = new Error(toolPath + ' failed. ' + err.message);
                complete();
            });
            cp.on('close', function (code, signal) {
                waitingEvents--; //process is complete
                _this._debug('rc:' + code);
                returnCode = code;
                if (stdLineBuffer.length > 0) {
                    _this.emit('stdline', stdLineBuffer);
                }
                if (errLineBuffer.length > 0) {
                    _this.emit('errline', errLineBuffer);
                }
                if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                    success = false;
                }
                _this._debug('success:' + success);
                if (!successFirst) { //in the case output is piped to another tool, check exit code of both tools
                    error = new Error(toolPathFirst + ' failed with return code: ' + returnCodeFirst);
                }
                else if (!success) {
                    error = new Error(toolPath + ' failed with return code: ' + code);
                }
                complete();
            });
        });
    };
    ToolRunner.prototype.execWithPiping = function (pipeOutputToTool, options) {
        var _this = this;
        var _a, _b, _c, _d;
        var defer = Q.defer();
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var success = true;
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var cp;
        var toolPath = pipeOutputToTool.toolPath;
        var toolPathFirst;
        var successFirst = true;
        var returnCodeFirst;
        var fileStream;
        var waitingEvents = 0; // number of process or stream events we are waiting on to complete
        var returnCode = 0;
        var error;
        toolPathFirst = this.toolPath;
        // Following node documentation example from this link on how to pipe output of one process to another
        // https://nodejs.org/api/child_process.html#child_process_child_process_spawn_command_args_options
        //start the child process for both tools
        waitingEvents++;
        var cpFirst = child.spawn(this._getSpawnFileName(optionsNonNull), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(optionsNonNull));
        waitingEvents++;
        cp = child.spawn(pipeOutputToTool._getSpawnFileName(optionsNonNull), pipeOutputToTool._getSpawnArgs(optionsNonNull), pipeOutputToTool._getSpawnOptions(optionsNonNull));
        fileStream = this.pipeOutputToFile ? fs.createWriteStream(this.pipeOutputToFile) : null;
        var complete = function () {
            if (waitingEvents != 0) {
                return;
            }
            if (df) {
                df.finalize();
            }
            if (error) {
                defer.reject(error);
            }
            else {
                defer.resolve(returnCode);
            }
        };
        if (fileStream) {
            waitingEvents++;
            fileStream.on('finish', function () {
                waitingEvents--; //file write is complete
                fileStream = null;
                complete();
            });
            fileStream.on('error', function (err) {
                waitingEvents--; //there were errors writing to the file, write is done
                _this._debug("Failed to pipe output of ".concat(toolPathFirst, " to file ").concat(_this.pipeOutputToFile, ". Error = ").concat(err));
                fileStream = null;
                complete();
            });
        }
        //pipe stdout of first tool to stdin of second tool
        (_a = cpFirst.stdout) === null || _a === void 0 ? void 0 : _a.on('data', function (data) {
            var _a;
            try {
                if (fileStream) {
                    fileStream.write(data);
                }
                (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.write(data);
            }
            catch (err) {
                _this._debug('Failed to pipe output of ' + toolPathFirst + ' to ' + toolPath);
                _this._debug(toolPath + ' might have exited due to errors prematurely. Verify the arguments passed are valid.');
            }
        });
        (_b = cpFirst.stderr) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
            if (fileStream) {
                fileStream.write(data);
            }
            successFirst = !optionsNonNull.failOnStdErr;
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
        });
        cpFirst.on('error', function (err) {
            var _a;
            waitingEvents--; //first process is complete with errors
            if (fileStream) {
                fileStream.end();
            }
            (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
            error = new Error(toolPathFirst + ' failed. ' + err.message);
            complete();
        });
        cpFirst.on('close', function (code, signal) {
            var _a;
            waitingEvents--; //first process is complete
            if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                successFirst = false;
                returnCodeFirst = code;
                returnCode = returnCodeFirst;
            }
            _this._debug('success of first tool:' + successFirst);
            if (fileStream) {
                fileStream.end();
            }
            (_a = cp.stdin) === null || _a === void 0 ? void 0 : _a.end();
            complete();
        });
        var stdLineBuffer = '';
        (_c = cp.stdout) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
            _this.emit('stdout', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(data);
                }
                else {
                    optionsNonNull.outStream.write(data);
                }
            }
            stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                _this.emit('stdline', line);
            });
        });
        var errLineBuffer = '';
        (_d = cp.stderr) === null || _d === void 0 ? void 0 : _d.on('data', function (data) {
            _this.emit('stderr', data);
            success = !optionsNonNull.failOnStdErr;
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
            errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                _this.emit('errline', line);
            });
        });
        cp.on('error', function (err) {
            waitingEvents--; //process is done with errors
            error = new Error(toolPath + ' failed. ' + err.message);
            complete();
        });
        cp.on('close', function (code, signal) {
            waitingEvents--; //process is complete
            _this._debug('rc:' + code);
            returnCode = code;
            if (stdLineBuffer.length > 0) {
                _this.emit('stdline', stdLineBuffer);
            }
            if (errLineBuffer.length > 0) {
                _this.emit('errline', errLineBuffer);
            }
            if (code != 0 && !optionsNonNull.ignoreReturnCode) {
                success = false;
            }
            _this._debug('success:' + success);
            if (!successFirst) { //in the case output is piped to another tool, check exit code of both tools
                error = new Error(toolPathFirst + ' failed with return code: ' + returnCodeFirst);
            }
            else if (!success) {
                error = new Error(toolPath + ' failed with return code: ' + code);
            }
            complete();
        });
        return defer.promise;
    };
    /**
     * Add argument
     * Append an argument or an array of arguments
     * returns ToolRunner for chaining
     *
     * @param     val        string cmdline or array of strings
     * @returns   ToolRunner
     */
    ToolRunner.prototype.arg = function (val) {
        if (!val) {
            return this;
        }
        if (val instanceof Array) {
            this._debug(this.toolPath + ' arg: ' + JSON.stringify(val));
            this.args = this.args.concat(val);
        }
        else if (typeof (val) === 'string') {
            this._debug(this.toolPath + ' arg: ' + val);
            this.args = this.args.concat(val.trim());
        }
        return this;
    };
    /**
     * Parses an argument line into one or more arguments
     * e.g. .line('"arg one" two -z') is equivalent to .arg(['arg one', 'two', '-z'])
     * returns ToolRunner for chaining
     *
     * @param     val        string argument line
     * @returns   ToolRunner
     */
    ToolRunner.prototype.line = function (val) {
        if (!val) {
            return this;
        }
        this._debug(this.toolPath + ' arg: ' + val);
        this.args = this.args.concat(this._argStringToArray(val));
        return this;
    };
    /**
     * Add argument(s) if a condition is met
     * Wraps arg().  See arg for details
     * returns ToolRunner for chaining
     *
     * @param     condition     boolean condition
     * @param     val     string cmdline or array of strings
     * @returns   ToolRunner
     */
    ToolRunner.prototype.argIf = function (condition, val) {
        if (condition) {
            this.arg(val);
        }
        return this;
    };
    /**
     * Pipe output of exec() to another tool
     * @param tool
     * @param file  optional filename to additionally stream the output to.
     * @returns {ToolRunner}
     */
    ToolRunner.prototype.pipeExecOutputToTool = function (tool, file) {
        this.pipeOutputToTool = tool;
        this.pipeOutputToFile = file;
        return this;
    };
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See IExecOptions
     * @returns   number
     */
    ToolRunner.prototype.execAsync = function (options) {
        var _this = this;
        var _a, _b, _c;
        if (this.pipeOutputToTool) {
            return this.execWithPipingAsync(this.pipeOutputToTool, options);
        }
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var state = new ExecState(optionsNonNull, this.toolPath);
        state.on('debug', function (message) {
            _this._debug(message);
        });
        var stdLineBuffer = '';
        var errLineBuffer = '';
        var emitDoneEvent = function (resolve, reject) {
            state.on('done', function (error, exitCode) {
                if (stdLineBuffer.length > 0) {
                    _this.emit('stdline', stdLineBuffer);
                }
                if (errLineBuffer.length > 0) {
                    _this.emit('errline', errLineBuffer);
                }
                if (cp) {
                    cp.removeAllListeners();
                }
                if (error) {
                    reject(error);
                }
                else {
                    resolve(exitCode);
                }
            });
        };
        // Edge case when the node itself cant's spawn and emit event
        var cp;
        try {
            cp = child.spawn(this._getSpawnFileName(options), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(options));
        }
        catch (error) {
            return new Promise(function (resolve, reject) {
                emitDoneEvent(resolve, reject);
                state.processError = error.message;
                state.processExited = true;
                state.processClosed = true;
                state.CheckComplete();
            });
        }
        this.childProcess = cp;
        // it is possible for the child process to end its last line without a new line.
        // because stdout is buffered, this causes the last line to not get sent to the parent
        // stream. Adding this event forces a flush before the child streams are closed.
        (_a = cp.stdout) === null || _a === void 0 ? void 0 : _a.on('end', function () {
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(Buffer.from(os.EOL));
                }
                else {
                    optionsNonNull.outStream.write(os.EOL);
                }
            }
        });
        (_b = cp.stdout) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
            _this.emit('stdout', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(data);
                }
                else {
                    optionsNonNull.outStream.write(data);
                }
            }
            stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                _this.emit('stdline', line);
            });
        });
        (_c = cp.stderr) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
            state.processStderr = true;
            _this.emit('stderr', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
            errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                _this.emit('errline', line);
            });
        });
        cp.on('error', function (err) {
            state.processError = err.message;
            state.processExited = true;
            state.processClosed = true;
            state.CheckComplete();
        });
        // Do not write debug logs here. Sometimes stdio not closed yet and you can damage user output commands.
        cp.on('exit', function (code, signal) {
            state.processExitCode = code;
            state.processExitSignal = signal;
            state.processExited = true;
            state.CheckComplete();
        });
        cp.on('close', function (code, signal) {
            if (df) {
                df.finalize();
            }
            state.processCloseCode = code;
            state.processCloseSignal = signal;
            state.processClosed = true;
            state.processExited = true;
            state.CheckComplete();
        });
        return new Promise(emitDoneEvent);
    };
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @deprecated Use the `execAsync` method that returns a native Javascript promise instead
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See IExecOptions
     * @returns   number
     */
    ToolRunner.prototype.exec = function (options) {
        var _this = this;
        var _a, _b, _c;
        if (this.pipeOutputToTool) {
            return this.execWithPiping(this.pipeOutputToTool, options);
        }
        var defer = Q.defer();
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var optionsNonNull = this._cloneExecOptions(options);
        var df = this._createDisplayFilter(optionsNonNull);
        if (!optionsNonNull.silent) {
            if (df) {
                df.commandLine(this._getCommandString(optionsNonNull) + os.EOL);
            }
            else {
                optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + os.EOL);
            }
        }
        var state = new ExecState(optionsNonNull, this.toolPath);
        state.on('debug', function (message) {
            _this._debug(message);
        });
        var stdLineBuffer = '';
        var errLineBuffer = '';
        state.on('done', function (error, exitCode) {
            if (stdLineBuffer.length > 0) {
                _this.emit('stdline', stdLineBuffer);
            }
            if (errLineBuffer.length > 0) {
                _this.emit('errline', errLineBuffer);
            }
            if (cp) {
                cp.removeAllListeners();
            }
            if (error) {
                defer.reject(error);
            }
            else {
                defer.resolve(exitCode);
            }
        });
        // Edge case when the node itself cant's spawn and emit event
        var cp;
        try {
            cp = child.spawn(this._getSpawnFileName(options), this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(options));
        }
        catch (error) {
            state.processError = error.message;
            state.processExited = true;
            state.processClosed = true;
            state.CheckComplete();
            return defer.promise;
        }
        this.childProcess = cp;
        // it is possible for the child process to end its last line without a new line.
        // because stdout is buffered, this causes the last line to not get sent to the parent
        // stream. Adding this event forces a flush before the child streams are closed.
        (_a = cp.stdout) === null || _a === void 0 ? void 0 : _a.on('end', function () {
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(Buffer.from(os.EOL));
                }
                else {
                    optionsNonNull.outStream.write(os.EOL);
                }
            }
        });
        (_b = cp.stdout) === null || _b === void 0 ? void 0 : _b.on('data', function (data) {
            _this.emit('stdout', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stdout(data);
                }
                else {
                    optionsNonNull.outStream.write(data);
                }
            }
            stdLineBuffer = _this._processLineBuffer(data, stdLineBuffer, function (line) {
                _this.emit('stdline', line);
            });
        });
        (_c = cp.stderr) === null || _c === void 0 ? void 0 : _c.on('data', function (data) {
            state.processStderr = true;
            _this.emit('stderr', data);
            if (!optionsNonNull.silent) {
                if (df) {
                    df.stderr(data);
                }
                else {
                    var s = optionsNonNull.failOnStdErr ? optionsNonNull.errStream : optionsNonNull.outStream;
                    s.write(data);
                }
            }
            errLineBuffer = _this._processLineBuffer(data, errLineBuffer, function (line) {
                _this.emit('errline', line);
            });
        });
        cp.on('error', function (err) {
            state.processError = err.message;
            state.processExited = true;
            state.processClosed = true;
            state.CheckComplete();
        });
        // Do not write debug logs here. Sometimes stdio not closed yet and you can damage user output commands.
        cp.on('exit', function (code, signal) {
            state.processExitCode = code;
            state.processExitSignal = signal;
            state.processExited = true;
            state.CheckComplete();
        });
        cp.on('close', function (code, signal) {
            if (df) {
                df.finalize();
            }
            state.processCloseCode = code;
            state.processCloseSignal = signal;
            state.processClosed = true;
            state.processExited = true;
            state.CheckComplete();
        });
        return defer.promise;
    };
    /**
     * Exec a tool synchronously.
     * Output will be *not* be streamed to the live console.  It will be returned after execution is complete.
     * Appropriate for short running tools
     * Returns IExecSyncResult with output and return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See IExecSyncOptions
     * @returns   IExecSyncResult
     */
    ToolRunner.prototype.execSync = function (options) {
        var _this = this;
        this._debug('exec tool: ' + this.toolPath);
        this._debug('arguments:');
        this.args.forEach(function (arg) {
            _this._debug('   ' + arg);
        });
        var success = true;
        options = this._cloneExecOptions(options);
        var ext = options.externalOutput;
        if (!options.silent) {
            var cmdLine = this._getCommandString(options) + os.EOL;
            options.outStream.write(ext ? eom.filterExternalOutput(cmdLine, ext) : cmdLine);
        }
        var r = child.spawnSync(this._getSpawnFileName(options), this._getSpawnArgs(options), this._getSpawnSyncOptions(options));
        if (!options.silent && r.stdout && r.stdout.length > 0) {
            options.outStream.write(ext ? eom.filterExternalOutput(r.stdout, ext) : r.stdout);
        }
        if (!options.silent && r.stderr && r.stderr.length > 0) {
            options.errStream.write(ext ? eom.filterExternalOutput(r.stderr, ext) : r.stderr);
        }
        var res = { code: r.status, error: r.error };
        res.stdout = (r.stdout) ? r.stdout.toString() : '';
        res.stderr = (r.stderr) ? r.stderr.toString() : '';
        return res;
    };
    /**
     * Used to close child process by sending SIGNINT signal.
     * It allows executed script to have some additional logic on SIGINT, before exiting.
     */
    ToolRunner.prototype.killChildProcess = function (signal) {
        if (signal === void 0) { signal = "SIGTERM"; }
        if (this.childProcess) {
            this._debug("[killChildProcess] Signal ".concat(signal, " received"));
            this.childProcess.kill(signal);
        }
    };
    return ToolRunner;
}(events.EventEmitter));
exports.ToolRunner = ToolRunner;
var ExecState = /** @class */ (function (_super) {
    __extends(ExecState, _super);
    function ExecState(options, toolPath) {
        var _this = _super.call(this) || this;
        _this.delay = 10000; // 10 seconds
        _this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        _this.options = options;
        _this.toolPath = toolPath;
        var delay = process.env['TASKLIB_TEST_TOOLRUNNER_EXITDELAY'];
        if (delay) {
            _this.delay = parseInt(delay);
        }
        return _this;
    }
    ExecState.prototype.CheckComplete = function () {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = setTimeout(ExecState.HandleTimeout, this.delay, this);
        }
    };
    ExecState.prototype._debug = function (message) {
        this.emit('debug', message);
    };
    ExecState.prototype._setResult = function () {
        // determine whether there is an error
        var error;
        if (this.processExited) {
            this._debug("Process exited with code ".concat(this.processExitCode, " and signal ").concat(this.processExitSignal, " for tool '").concat(this.toolPath, "'"));
            if (this.processError) {
                error = new Error(im._loc('LIB_ProcessError', this.toolPath, this.processError));
            }
            else if (this.processExitCode != 0 && !this.options.ignoreReturnCode) {
                error = new Error(im._loc('LIB_ProcessExitCode', this.toolPath, this.processExitCode));
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(im._loc('LIB_ProcessStderr', this.toolPath));
            }
        }
        if (this.processClosed) {
            this._debug("STDIO streams have closed and received exit code ".concat(this.processCloseCode, " and signal ").concat(this.processCloseSignal, " for tool '").concat(this.toolPath, "'"));
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    };
    ExecState.HandleTimeout = function (state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            console.log(im._loc('LIB_StdioNotClosed', state.delay / 1000, state.toolPath));
            state._debug(im._loc('LIB_StdioNotClosed', state.delay / 1000, state.toolPath));
        }
        state._setResult();
    };
    return ExecState;
}(events.EventEmitter));


/***/ }),

/***/ 59:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Vault = void 0;
var fs = __nccwpck_require__(896);
var path = __nccwpck_require__(928);
var crypto = __nccwpck_require__(982);
var algorithm = "aes-256-ctr";
var encryptEncoding = 'hex';
var unencryptedEncoding = 'utf8';
//
// Store sensitive data in proc.
// Main goal: Protects tasks which would dump envvars from leaking secrets inadvertently
//            the task lib clears after storing.
// Also protects against a dump of a process getting the secrets
// The secret is generated and stored externally for the lifetime of the task.
//
var Vault = /** @class */ (function () {
    function Vault(keyPath) {
        this._keyFile = path.join(keyPath, '.taskkey');
        this._store = {};
        this.genKey();
    }
    Vault.prototype.initialize = function () { };
    Vault.prototype.storeSecret = function (name, data) {
        if (!name || name.length == 0) {
            return false;
        }
        name = name.toLowerCase();
        if (!data || data.length == 0) {
            if (this._store.hasOwnProperty(name)) {
                delete this._store[name];
            }
            return false;
        }
        var key = this.getKey();
        var iv = crypto.randomBytes(16);
        var cipher = crypto.createCipheriv(algorithm, key, iv);
        var crypted = cipher.update(data, unencryptedEncoding, encryptEncoding);
        var cryptedFinal = cipher.final(encryptEncoding);
        this._store[name] = iv.toString(encryptEncoding) + crypted + cryptedFinal;
        return true;
    };
    Vault.prototype.retrieveSecret = function (name) {
        var secret;
        name = (name || '').toLowerCase();
        if (this._store.hasOwnProperty(name)) {
            var key = this.getKey();
            var data = this._store[name];
            var ivDataBuffer = Buffer.from(data, encryptEncoding);
            var iv = ivDataBuffer.slice(0, 16);
            var encryptedText = ivDataBuffer.slice(16);
            var decipher = crypto.createDecipheriv(algorithm, key, iv);
            var dec = decipher.update(encryptedText);
            var decFinal = decipher.final(unencryptedEncoding);
            secret = dec + decFinal;
        }
        return secret;
    };
    Vault.prototype.getKey = function () {
        var key = fs.readFileSync(this._keyFile).toString('utf8');
        // Key needs to be hashed to correct length to match algorithm (aes-256-ctr)
        return crypto.createHash('sha256').update(key).digest();
    };
    Vault.prototype.genKey = function () {
        var key;
        if (crypto.randomUUID) {
            key = crypto.randomUUID();
        }
        else {
            var bytes = crypto.randomBytes(16);
            bytes[6] = (bytes[6] & 0x0f) | 0x40;
            bytes[8] = (bytes[8] & 0x3f) | 0x80;
            var hex = bytes.toString('hex');
            key = hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
        }
        fs.writeFileSync(this._keyFile, key, { encoding: 'utf8' });
    };
    return Vault;
}());
exports.Vault = Vault;


/***/ }),

/***/ 380:
/***/ ((module) => {


module.exports = balanced;
function balanced(a, b, str) {
  if (a instanceof RegExp) a = maybeMatch(a, str);
  if (b instanceof RegExp) b = maybeMatch(b, str);

  var r = range(a, b, str);

  return r && {
    start: r[0],
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + a.length, r[1]),
    post: str.slice(r[1] + b.length)
  };
}

function maybeMatch(reg, str) {
  var m = str.match(reg);
  return m ? m[0] : null;
}

balanced.range = range;
function range(a, b, str) {
  var begs, beg, left, right, result;
  var ai = str.indexOf(a);
  var bi = str.indexOf(b, ai + 1);
  var i = ai;

  if (ai >= 0 && bi > 0) {
    if(a===b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;

    while (i >= 0 && !result) {
      if (i == ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length == 1) {
        result = [ begs.pop(), bi ];
      } else {
        beg = begs.pop();
        if (beg < left) {
          left = beg;
          right = bi;
        }

        bi = str.indexOf(b, i + 1);
      }

      i = ai < bi && ai >= 0 ? ai : bi;
    }

    if (begs.length) {
      result = [ left, right ];
    }
  }

  return result;
}


/***/ }),

/***/ 691:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var concatMap = __nccwpck_require__(87)
var balanced = __nccwpck_require__(380)

module.exports = expandTop

var escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0'
var escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0'
var escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0'
var escComma = '\0COMMA' + Math.random().toFixed(16) + '\0'
var escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0'

var EXPANSION_MAX = 100000

// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
var EXPANSION_MAX_LENGTH = 4000000

// `expand` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
var EXPANSION_MAX_DEPTH = 1000

// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
var EXPANSION_MAX_REWRITES = 1000

// `EXPANSION_MAX_STEPS` bounds the work one `expandTop` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
var EXPANSION_MAX_STEPS = 20000000

// What one `expand` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
var CALL_STEPS = 16

function numeric(str) {
  return parseInt(str, 10) == str ? parseInt(str, 10) : str.charCodeAt(0)
}

function escapeBraces(str) {
  return str
    .split('\\\\')
    .join(escSlash)
    .split('\\{')
    .join(escOpen)
    .split('\\}')
    .join(escClose)
    .split('\\,')
    .join(escComma)
    .split('\\.')
    .join(escPeriod)
}

function unescapeBraces(str) {
  return str
    .split(escSlash)
    .join('\\')
    .split(escOpen)
    .join('{')
    .split(escClose)
    .join('}')
    .split(escComma)
    .join(',')
    .split(escPeriod)
    .join('.')
}

// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
  for (var i = 0; i < items.length; i++) {
    target.push(items[i])
  }
}

// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
//
// `budget` is `{ remaining }`, one counter shared by every level and group of
// an `expandTop` call, so the bound holds for the call as a whole.
function balancedWithBudget(str, masked, budget) {
  if (budget.remaining < 0) {
    return undefined
  }
  var r = balanced.range('{', '}', masked)
  var unmatched = r !== undefined && masked.indexOf('{') < r[0]
  budget.remaining -= r && !unmatched ? r[1] + 1 : str.length
  if (!r || budget.remaining < 0) {
    return undefined
  }
  return {
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + 1, r[1]),
    post: str.slice(r[1] + 1),
    unmatched: unmatched,
  }
}

// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length
  var open = []
  for (var i = 0; i < masked.length; i++) {
    var c = masked.charCodeAt(i)
    if (c === 0x7b) {
      open.push(i)
    } else if (c === 0x7d && open.length) {
      open.pop()
    }
  }
  var out = ''
  var last = 0
  for (var j = 0; j < open.length; j++) {
    out += masked.slice(last, open[j]) + '\0'
    last = open[j] + 1
  }
  return out + masked.slice(last)
}

// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
  budget.remaining -= str.length
  if (budget.remaining < 0) {
    return false
  }
  // Whether a `}` follows the current position before the line ends
  var close = false
  for (var i = str.length - 1; i >= 0; i--) {
    var c = str.charCodeAt(i)
    if (c === 0x7d) {
      close = true
    } else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      // A line terminator, which `.` does not match
      close = false
    } else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
      return true
    }
  }
  return false
}

// Basically just str.split(","), but handling cases
// where we have nested braced sections, which should be
// treated as individual members, like {a,{b,c},d}
//
// Returns `undefined` if the step budget runs out before the whole set is
// split, since splitting what is left on every comma would tear apart the
// nested sets it still holds.
function parseCommaParts(str, budget) {
  var parts = []

  // Walk the brace groups iteratively. Recursing on `post` once per group let a
  // chain of them exhaust the stack - the parsing-side counterpart to
  // the `expand` overflow fixed for CVE-2026-14257, and not something `max` or
  // `maxLength` can bound, since it happens before expansion.
  //
  // The part the next chunk continues
  var carry = ''

  for (;;) {
    // A set's body holds no unmatched `{`, so there is nothing to mask.
    var m = balancedWithBudget(str, str, budget)

    if (budget.remaining < 0) {
      return undefined
    }

    if (!m) {
      var tail = str.split(',')
      tail[0] = carry + tail[0]
      pushAll(parts, tail)
      return parts
    }

    var pre = m.pre
    var body = m.body
    var post = m.post
    var p = pre.split(',')

    p[0] = carry + p[0]
    p[p.length - 1] += '{' + body + '}'

    if (!post.length) {
      pushAll(parts, p)
      return parts
    }

    carry = p.pop()
    pushAll(parts, p)
    str = post
  }
}

// An option that is left out or null, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
  return value == null || isNaN(value) ? fallback : value
}

function expandTop(str, options) {
  if (!str) return []

  options = options || {}
  var max = bound(options.max, EXPANSION_MAX)
  var maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH)
  var maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH)
  var maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES)
  var maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS)

  // I don't know why Bash 4.3 does this, but it does.
  // Anything starting with {} will have the first two bytes preserved
  // but *only* at the top level, so {},a}b will not expand to anything,
  // but a{},b}c will be expanded to [a}c,abc].
  // One could argue that this is a bug in Bash, but since the goal of
  // this module is to match Bash's rules, we escape a leading {}
  if (str.substr(0, 2) === '{}') {
    str = '\\{\\}' + str.substr(2)
  }

  return expand(
    escapeBraces(str),
    max,
    maxLength,
    maxDepth,
    0,
    maxRewrites,
    { remaining: maxSteps },
    true
  ).map(unescapeBraces)
}

function identity(e) {
  return e
}

function embrace(str) {
  return '{' + str + '}'
}
function isPadded(el) {
  return /^-?0\d/.test(el)
}

function lte(i, y) {
  return i <= y
}
function gte(i, y) {
  return i >= y
}

// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
//
// `base[a]` is the length of the part of `acc[a]` that predates the current
// empty-drop baseline (see `expand`). The matching baselines for the results
// are appended to `outBase`, which the caller carries forward alongside them.
function combine(
  acc,
  base,
  pre,
  values,
  max,
  maxLength,
  dropEmpties,
  outBase,
  budget
) {
  var out = []
  var length = 0
  // Bash drops empty results at the top level, and they don't count against
  // `max`, so `max` bounds the number of *kept* results. "Empty" means "adds
  // nothing past the baseline", not "empty overall", and only an `acc[a] + pre`
  // that adds nothing can make one, so for those the empty values are skipped
  // without being visited. Visiting them one at a time let a set of empties
  // cost `acc.length * values.length` while keeping nothing.
  var nonEmpty
  outer: for (var a = 0; a < acc.length; a++) {
    var prefix = acc[a] + pre
    var vs = values
    if (dropEmpties && prefix.length === base[a]) {
      if (!nonEmpty) nonEmpty = values.filter(Boolean)
      vs = nonEmpty
    }
    for (var v = 0; v < vs.length; v++) {
      if (out.length >= max) break outer
      var expansion = prefix + vs[v]
      if (length + expansion.length > maxLength) break outer
      out.push(expansion)
      outBase.push(base[a])
      length += expansion.length
    }
  }
  budget.remaining -= out.length
  return out
}

// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  var n = body.split(/\.\./)
  var N = []
  // A sequence body always splits into two or three parts, but the compiler
  // can't know that.
  /* c8 ignore start */
  if (n[0] === undefined || n[1] === undefined) {
    return N
  }
  /* c8 ignore stop */
  var x = numeric(n[0])
  var y = numeric(n[1])
  var width = Math.max(n[0].length, n[1].length)
  var incr =
    n.length === 3 && n[2] !== undefined ?
      Math.max(Math.abs(numeric(n[2])), 1)
    : 1
  var test = lte
  var reverse = y < x
  if (reverse) {
    incr *= -1
    test = gte
  }
  var pad = n.some(isPadded)
  // A padded value is built a character at a time to `width`, which the input
  // sets, so it costs one step per character: 64KB of
  // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
  // one step per value.
  var cost = pad ? width : 1

  var length = 0
  for (var i = x; test(i, y) && N.length < max; i += incr) {
    // Each value is a step. `max` and `maxLength` bound one sequence, but a
    // chain of them still generated up to `max` values each, however few
    // combining could keep.
    budget.remaining -= cost
    if (budget.remaining < 0) {
      return undefined
    }
    var c
    if (isAlphaSequence) {
      c = String.fromCharCode(i)
      if (c === '\\') {
        c = ''
      }
    } else {
      c = String(i)
      if (pad) {
        var need = width - c.length
        if (need > 0) {
          var z = new Array(need + 1).join('0')
          if (i < 0) {
            c = '-' + z + c.slice(1)
          } else {
            c = z + c
          }
        }
      }
    }
    if (length + c.length > maxLength) break
    N.push(c)
    length += c.length
  }
  return N
}

function expand(
  str,
  max,
  maxLength,
  maxDepth,
  depth,
  maxRewrites,
  budget,
  isTop
) {
  // An overdraft here makes the first scan refuse, so `str` stays literal.
  budget.remaining -= CALL_STEPS

  // Too deeply nested to keep following: treat the rest as literal, the same
  // way a group that cannot expand is already handled. Truncating rather than
  // throwing keeps expansion total, matching `max` and `maxLength`.
  if (depth > maxDepth) {
    return [str]
  }

  // Consume the string's top-level brace groups left to right, threading a
  // running set of combined prefixes (`acc`). Expanding the tail iteratively -
  // rather than recursing on `m.post` once per group - keeps the native stack
  // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
  // longer overflow the stack, and leaves a single accumulator whose size
  // `maxLength` bounds directly (CVE-2026-14257).
  var acc = ['']

  // Bash drops empty results, but only when the *first* group of the run is a
  // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
  // is on the final strings, so it is applied to whichever `combine` produces
  // them (the one with no brace set left in the tail).
  //
  // The old implementation recursed on `m.post`, so the drop tested only the
  // expansion of the current call's substring. The `{a},b}` rewrite below turns
  // `isTop` back on part-way through a string, starting a fresh such run, so
  // the drop must ignore whatever `acc` already holds from earlier groups.
  // `accBase[a]` records how much of `acc[a]` predates the current run;
  // `combine` treats an expansion as empty when it adds nothing past that.
  var accBase = [0]
  // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
  // re-reads the whole string, so leaving this unbounded is quadratic.
  var rewrites = 0
  var dropEmpties = false
  var firstGroup = true
  // `str` with its unmatched `{` masked, once a scan has run into them
  var masked = str
  var nextBase

  for (;;) {
    var m = balancedWithBudget(str, masked, budget)

    // No brace set left, or no step budget left to look for one: the rest of
    // the string is literal.
    if (!m) {
      return combine(
        acc,
        accBase,
        str,
        [''],
        max,
        maxLength,
        dropEmpties,
        [],
        budget
      )
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget)
    }

    // no need to expand pre, since it is guaranteed to be free of brace-sets
    var pre = m.pre

    // This set and the rest of the string, literal: for a set that cannot
    // expand, and for one the step budget runs out on. Once it is overdrawn,
    // every set still being expanded, at every level, stays literal like this -
    // otherwise each level above would go on combining, and wrapping and
    // expanding again, results the budget was too small for.
    var literal = function () {
      return combine(
        acc,
        accBase,
        pre + '{' + m.body + '}' + m.post,
        [''],
        max,
        maxLength,
        dropEmpties,
        [],
        budget
      )
    }

    // For compatibility reasons, `${` is not eligible for brace expansion, and
    // on the 1.x line it suppresses expansion of the rest of the string too:
    // the whole remainder is literal. The 2.x and 5.x lines instead keep
    // expanding the tail, which is what bash does, but changing that here would
    // be a breaking change for 1.x consumers. Routed through `combine` so the
    // result is still bounded by `max` and `maxLength`.
    if (/\$$/.test(pre)) {
      return combine(
        acc,
        accBase,
        str,
        [''],
        max,
        maxLength,
        dropEmpties,
        [],
        budget
      )
    }

    var isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body)
    var isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(
      m.body
    )
    var isSequence = isNumericSequence || isAlphaSequence
    var isOptions = m.body.indexOf(',') >= 0
    if (!isSequence && !isOptions) {
      // {a},b}
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++
        str = m.pre + '{' + m.body + escClose + m.post
        // Taking a `}` away never gives an unmatched `{` a partner, so what
        // is masked stays unmatched. The `{` it closed can be left without
        // one, and the next scan masks it.
        masked =
          masked.slice(0, m.end) + escClose + masked.slice(m.end + 1)
        // The rewritten string is expanded as if it were a fresh top-level one,
        // so start a new empty-drop run: anchor the baseline at what `acc`
        // holds now, and let the next expanding group decide whether to drop.
        isTop = true
        firstGroup = true
        dropEmpties = false
        accBase = []
        for (var b = 0; b < acc.length; b++) {
          accBase.push(acc[b].length)
        }
        continue
      }
      // Nothing here expands, so the whole remaining string is literal.
      return literal()
    }

    if (firstGroup) {
      dropEmpties = isTop && !isSequence
      firstGroup = false
    }

    var values
    if (isSequence) {
      values = expandSequence(
        m.body,
        isAlphaSequence,
        max,
        maxLength,
        budget
      )
      if (!values) {
        return literal()
      }
    } else {
      var n = parseCommaParts(m.body, budget)
      // The step budget ran out partway through the set.
      if (!n) {
        return literal()
      }
      if (n.length === 1 && n[0] !== undefined) {
        // x{{a,b}}y ==> x{a}y x{b}y
        n = expand(
          n[0],
          max,
          maxLength,
          maxDepth,
          depth + 1,
          maxRewrites,
          budget,
          false
        ).map(embrace)
        // The step budget ran out expanding the set's only part.
        if (budget.remaining < 0) {
          return literal()
        }
        //XXX is this necessary? Can't seem to hit it in tests.
        /* c8 ignore start */
        if (n.length === 1) {
          nextBase = []
          var single = combine(
            acc,
            accBase,
            pre + n[0],
            [''],
            max,
            maxLength,
            dropEmpties && !m.post.length,
            nextBase,
            budget
          )
          if (budget.remaining < 0) {
            return literal()
          }
          acc = single
          accBase = nextBase
          if (!m.post.length) break
          str = m.post
          masked = masked.slice(m.end + 1)
          continue
        }
        /* c8 ignore stop */
      }

      // Values that `combine` is going to drop as empty produce no result, so
      // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
      // would stop at `['a', '']` and yield one result instead of two. Skipping
      // them outright keeps `values` bounded while leaving `max` a bound on
      // *kept* results. A value is dropped when it adds nothing past the
      // baseline, which is what `combine` tests.
      var dropsEmpties = dropEmpties && !m.post.length && !pre
      for (var d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d].length !== accBase[d]) {
          dropsEmpties = false
        }
      }

      values = []
      var valuesLength = 0
      outer: for (var j = 0; j < n.length; j++) {
        var expanded = expand(
          n[j],
          max,
          maxLength,
          maxDepth,
          depth + 1,
          maxRewrites,
          budget,
          false
        )
        // The step budget ran out expanding a member.
        if (budget.remaining < 0) {
          return literal()
        }
        for (var k = 0; k < expanded.length; k++) {
          var v = expanded[k]
          if (dropsEmpties && !v) continue
          if (
            values.length >= max ||
            valuesLength + v.length > maxLength
          ) {
            break outer
          }
          values.push(v)
          valuesLength += v.length
        }
      }
    }

    nextBase = []
    var next = combine(
      acc,
      accBase,
      pre,
      values,
      max,
      maxLength,
      dropEmpties && !m.post.length,
      nextBase,
      budget
    )
    // The step budget ran out combining the set's values in.
    if (budget.remaining < 0) {
      return literal()
    }
    acc = next
    accBase = nextBase
    if (!m.post.length) break
    str = m.post
    masked = masked.slice(m.end + 1)
  }

  return acc
}


/***/ }),

/***/ 87:
/***/ ((module) => {

module.exports = function (xs, fn) {
    var res = [];
    for (var i = 0; i < xs.length; i++) {
        var x = fn(xs[i], i);
        if (isArray(x)) res.push.apply(res, x);
        else res.push(x);
    }
    return res;
};

var isArray = Array.isArray || function (xs) {
    return Object.prototype.toString.call(xs) === '[object Array]';
};


/***/ }),

/***/ 772:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = minimatch
minimatch.Minimatch = Minimatch

var path = (function () { try { return __nccwpck_require__(928) } catch (e) {}}()) || {
  sep: '/'
}
minimatch.sep = path.sep

var GLOBSTAR = minimatch.GLOBSTAR = Minimatch.GLOBSTAR = {}
var expand = __nccwpck_require__(691)

var plTypes = {
  '!': { open: '(?:(?!(?:', close: '))[^/]*?)'},
  '?': { open: '(?:', close: ')?' },
  '+': { open: '(?:', close: ')+' },
  '*': { open: '(?:', close: ')*' },
  '@': { open: '(?:', close: ')' }
}

// any single thing other than /
// don't need to escape / when using new RegExp()
var qmark = '[^/]'

// * => any number of characters
var star = qmark + '*?'

// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
var twoStarDot = '(?:(?!(?:\\\/|^)(?:\\.{1,2})($|\\\/)).)*?'

// not a ^ or / followed by a dot,
// followed by anything, any number of times.
var twoStarNoDot = '(?:(?!(?:\\\/|^)\\.).)*?'

// characters that need to be escaped in RegExp.
var reSpecials = charSet('().*{}+?[]^$\\!')

// "abc" -> { a:true, b:true, c:true }
function charSet (s) {
  return s.split('').reduce(function (set, c) {
    set[c] = true
    return set
  }, {})
}

// normalizes slashes.
var slashSplit = /\/+/

minimatch.filter = filter
function filter (pattern, options) {
  options = options || {}
  return function (p, i, list) {
    return minimatch(p, pattern, options)
  }
}

function ext (a, b) {
  b = b || {}
  var t = {}
  Object.keys(a).forEach(function (k) {
    t[k] = a[k]
  })
  Object.keys(b).forEach(function (k) {
    t[k] = b[k]
  })
  return t
}

minimatch.defaults = function (def) {
  if (!def || typeof def !== 'object' || !Object.keys(def).length) {
    return minimatch
  }

  var orig = minimatch

  var m = function minimatch (p, pattern, options) {
    return orig(p, pattern, ext(def, options))
  }

  m.Minimatch = function Minimatch (pattern, options) {
    return new orig.Minimatch(pattern, ext(def, options))
  }
  m.Minimatch.defaults = function defaults (options) {
    return orig.defaults(ext(def, options)).Minimatch
  }

  m.filter = function filter (pattern, options) {
    return orig.filter(pattern, ext(def, options))
  }

  m.defaults = function defaults (options) {
    return orig.defaults(ext(def, options))
  }

  m.makeRe = function makeRe (pattern, options) {
    return orig.makeRe(pattern, ext(def, options))
  }

  m.braceExpand = function braceExpand (pattern, options) {
    return orig.braceExpand(pattern, ext(def, options))
  }

  m.match = function (list, pattern, options) {
    return orig.match(list, pattern, ext(def, options))
  }

  return m
}

Minimatch.defaults = function (def) {
  return minimatch.defaults(def).Minimatch
}

function minimatch (p, pattern, options) {
  assertValidPattern(pattern)

  if (!options) options = {}

  // shortcut: comments match nothing.
  if (!options.nocomment && pattern.charAt(0) === '#') {
    return false
  }

  return new Minimatch(pattern, options).match(p)
}

function Minimatch (pattern, options) {
  if (!(this instanceof Minimatch)) {
    return new Minimatch(pattern, options)
  }

  assertValidPattern(pattern)

  if (!options) options = {}

  pattern = pattern.trim()

  // windows support: need to use /, not \
  if (!options.allowWindowsEscape && path.sep !== '/') {
    pattern = pattern.split(path.sep).join('/')
  }

  this.options = options
  this.maxGlobstarRecursion = options.maxGlobstarRecursion !== undefined
    ? options.maxGlobstarRecursion : 200
  this.set = []
  this.pattern = pattern
  this.regexp = null
  this.negate = false
  this.comment = false
  this.empty = false
  this.partial = !!options.partial

  // make the set of regexps etc.
  this.make()
}

Minimatch.prototype.debug = function () {}

Minimatch.prototype.make = make
function make () {
  var pattern = this.pattern
  var options = this.options

  // empty patterns and comments match nothing.
  if (!options.nocomment && pattern.charAt(0) === '#') {
    this.comment = true
    return
  }
  if (!pattern) {
    this.empty = true
    return
  }

  // step 1: figure out negation, etc.
  this.parseNegate()

  // step 2: expand braces
  var set = this.globSet = this.braceExpand()

  if (options.debug) this.debug = function debug() { console.error.apply(console, arguments) }

  this.debug(this.pattern, set)

  // step 3: now we have a set, so turn each one into a series of path-portion
  // matching patterns.
  // These will be regexps, except in the case of "**", which is
  // set to the GLOBSTAR object for globstar behavior,
  // and will not contain any / characters
  set = this.globParts = set.map(function (s) {
    return s.split(slashSplit)
  })

  this.debug(this.pattern, set)

  // glob --> regexps
  set = set.map(function (s, si, set) {
    return s.map(this.parse, this)
  }, this)

  this.debug(this.pattern, set)

  // filter out everything that didn't compile properly.
  set = set.filter(function (s) {
    return s.indexOf(false) === -1
  })

  this.debug(this.pattern, set)

  this.set = set
}

Minimatch.prototype.parseNegate = parseNegate
function parseNegate () {
  var pattern = this.pattern
  var negate = false
  var options = this.options
  var negateOffset = 0

  if (options.nonegate) return

  for (var i = 0, l = pattern.length
    ; i < l && pattern.charAt(i) === '!'
    ; i++) {
    negate = !negate
    negateOffset++
  }

  if (negateOffset) this.pattern = pattern.substr(negateOffset)
  this.negate = negate
}

// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
minimatch.braceExpand = function (pattern, options) {
  return braceExpand(pattern, options)
}

Minimatch.prototype.braceExpand = braceExpand

function braceExpand (pattern, options) {
  if (!options) {
    if (this instanceof Minimatch) {
      options = this.options
    } else {
      options = {}
    }
  }

  pattern = typeof pattern === 'undefined'
    ? this.pattern : pattern

  assertValidPattern(pattern)

  // Thanks to Yeting Li <https://github.com/yetingli> for
  // improving this regexp to avoid a ReDOS vulnerability.
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    // shortcut. no need to expand.
    return [pattern]
  }

  return expand(pattern)
}

var MAX_PATTERN_LENGTH = 1024 * 64
var assertValidPattern = function (pattern) {
  if (typeof pattern !== 'string') {
    throw new TypeError('invalid pattern')
  }

  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError('pattern is too long')
  }
}

// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
Minimatch.prototype.parse = parse
var SUBPARSE = {}
function parse (pattern, isSub) {
  assertValidPattern(pattern)

  var options = this.options

  // shortcuts
  if (pattern === '**') {
    if (!options.noglobstar)
      return GLOBSTAR
    else
      pattern = '*'
  }
  if (pattern === '') return ''

  var re = ''
  var hasMagic = !!options.nocase
  var escaping = false
  // ? => one single character
  var patternListStack = []
  var negativeLists = []
  var stateChar
  var inClass = false
  var reClassStart = -1
  var classStart = -1
  // . and .. never match anything that doesn't start with .,
  // even when options.dot is set.
  var patternStart = pattern.charAt(0) === '.' ? '' // anything
  // not (start or / followed by . or .. followed by / or end)
  : options.dot ? '(?!(?:^|\\\/)\\.{1,2}(?:$|\\\/))'
  : '(?!\\.)'
  var self = this

  function clearStateChar () {
    if (stateChar) {
      // we had some state-tracking character
      // that wasn't consumed by this pass.
      switch (stateChar) {
        case '*':
          re += star
          hasMagic = true
        break
        case '?':
          re += qmark
          hasMagic = true
        break
        default:
          re += '\\' + stateChar
        break
      }
      self.debug('clearStateChar %j %j', stateChar, re)
      stateChar = false
    }
  }

  for (var i = 0, len = pattern.length, c
    ; (i < len) && (c = pattern.charAt(i))
    ; i++) {
    this.debug('%s\t%s %s %j', pattern, i, re, c)

    // skip over any that are escaped.
    if (escaping && reSpecials[c]) {
      re += '\\' + c
      escaping = false
      continue
    }

    switch (c) {
      /* istanbul ignore next */
      case '/': {
        // completely not allowed, even escaped.
        // Should already be path-split by now.
        return false
      }

      case '\\':
        clearStateChar()
        escaping = true
      continue

      // the various stateChar values
      // for the "extglob" stuff.
      case '?':
      case '*':
      case '+':
      case '@':
      case '!':
        this.debug('%s\t%s %s %j <-- stateChar', pattern, i, re, c)

        // all of those are literals inside a class, except that
        // the glob [!a] means [^a] in regexp
        if (inClass) {
          this.debug('  in class')
          if (c === '!' && i === classStart + 1) c = '^'
          re += c
          continue
        }

        // coalesce consecutive non-globstar * characters
        if (c === '*' && stateChar === '*') continue

        // if we already have a stateChar, then it means
        // that there was something like ** or +? in there.
        // Handle the stateChar, then proceed with this one.
        self.debug('call clearStateChar %j', stateChar)
        clearStateChar()
        stateChar = c
        // if extglob is disabled, then +(asdf|foo) isn't a thing.
        // just clear the statechar *now*, rather than even diving into
        // the patternList stuff.
        if (options.noext) clearStateChar()
      continue

      case '(':
        if (inClass) {
          re += '('
          continue
        }

        if (!stateChar) {
          re += '\\('
          continue
        }

        patternListStack.push({
          type: stateChar,
          start: i - 1,
          reStart: re.length,
          open: plTypes[stateChar].open,
          close: plTypes[stateChar].close
        })
        // negation is (?:(?!js)[^/]*)
        re += stateChar === '!' ? '(?:(?!(?:' : '(?:'
        this.debug('plType %j %j', stateChar, re)
        stateChar = false
      continue

      case ')':
        if (inClass || !patternListStack.length) {
          re += '\\)'
          continue
        }

        clearStateChar()
        hasMagic = true
        var pl = patternListStack.pop()
        // negation is (?:(?!js)[^/]*)
        // The others are (?:<pattern>)<type>
        re += pl.close
        if (pl.type === '!') {
          negativeLists.push(pl)
        }
        pl.reEnd = re.length
      continue

      case '|':
        if (inClass || !patternListStack.length || escaping) {
          re += '\\|'
          escaping = false
          continue
        }

        clearStateChar()
        re += '|'
      continue

      // these are mostly the same in regexp and glob
      case '[':
        // swallow any state-tracking char before the [
        clearStateChar()

        if (inClass) {
          re += '\\' + c
          continue
        }

        inClass = true
        classStart = i
        reClassStart = re.length
        re += c
      continue

      case ']':
        //  a right bracket shall lose its special
        //  meaning and represent itself in
        //  a bracket expression if it occurs
        //  first in the list.  -- POSIX.2 2.8.3.2
        if (i === classStart + 1 || !inClass) {
          re += '\\' + c
          escaping = false
          continue
        }

        // handle the case where we left a class open.
        // "[z-a]" is valid, equivalent to "\[z-a\]"
        // split where the last [ was, make sure we don't have
        // an invalid re. if so, re-walk the contents of the
        // would-be class to re-translate any characters that
        // were passed through as-is
        // TODO: It would probably be faster to determine this
        // without a try/catch and a new RegExp, but it's tricky
        // to do safely.  For now, this is safe and works.
        var cs = pattern.substring(classStart + 1, i)
        try {
          RegExp('[' + cs + ']')
        } catch (er) {
          // not a valid class!
          var sp = this.parse(cs, SUBPARSE)
          re = re.substr(0, reClassStart) + '\\[' + sp[0] + '\\]'
          hasMagic = hasMagic || sp[1]
          inClass = false
          continue
        }

        // finish up the class.
        hasMagic = true
        inClass = false
        re += c
      continue

      default:
        // swallow any state char that wasn't consumed
        clearStateChar()

        if (escaping) {
          // no need
          escaping = false
        } else if (reSpecials[c]
          && !(c === '^' && inClass)) {
          re += '\\'
        }

        re += c

    } // switch
  } // for

  // handle the case where we left a class open.
  // "[abc" is valid, equivalent to "\[abc"
  if (inClass) {
    // split where the last [ was, and escape it
    // this is a huge pita.  We now have to re-walk
    // the contents of the would-be class to re-translate
    // any characters that were passed through as-is
    cs = pattern.substr(classStart + 1)
    sp = this.parse(cs, SUBPARSE)
    re = re.substr(0, reClassStart) + '\\[' + sp[0]
    hasMagic = hasMagic || sp[1]
  }

  // handle the case where we had a +( thing at the *end*
  // of the pattern.
  // each pattern list stack adds 3 chars, and we need to go through
  // and escape any | chars that were passed through as-is for the regexp.
  // Go through and escape them, taking care not to double-escape any
  // | chars that were already escaped.
  for (pl = patternListStack.pop(); pl; pl = patternListStack.pop()) {
    var tail = re.slice(pl.reStart + pl.open.length)
    this.debug('setting tail', re, pl)
    // maybe some even number of \, then maybe 1 \, followed by a |
    tail = tail.replace(/((?:\\{2}){0,64})(\\?)\|/g, function (_, $1, $2) {
      if (!$2) {
        // the | isn't already escaped, so escape it.
        $2 = '\\'
      }

      // need to escape all those slashes *again*, without escaping the
      // one that we need for escaping the | character.  As it works out,
      // escaping an even number of slashes can be done by simply repeating
      // it exactly after itself.  That's why this trick works.
      //
      // I am sorry that you have to see this.
      return $1 + $1 + $2 + '|'
    })

    this.debug('tail=%j\n   %s', tail, tail, pl, re)
    var t = pl.type === '*' ? star
      : pl.type === '?' ? qmark
      : '\\' + pl.type

    hasMagic = true
    re = re.slice(0, pl.reStart) + t + '\\(' + tail
  }

  // handle trailing things that only matter at the very end.
  clearStateChar()
  if (escaping) {
    // trailing \\
    re += '\\\\'
  }

  // only need to apply the nodot start if the re starts with
  // something that could conceivably capture a dot
  var addPatternStart = false
  switch (re.charAt(0)) {
    case '[': case '.': case '(': addPatternStart = true
  }

  // Hack to work around lack of negative lookbehind in JS
  // A pattern like: *.!(x).!(y|z) needs to ensure that a name
  // like 'a.xyz.yz' doesn't match.  So, the first negative
  // lookahead, has to look ALL the way ahead, to the end of
  // the pattern.
  for (var n = negativeLists.length - 1; n > -1; n--) {
    var nl = negativeLists[n]

    var nlBefore = re.slice(0, nl.reStart)
    var nlFirst = re.slice(nl.reStart, nl.reEnd - 8)
    var nlLast = re.slice(nl.reEnd - 8, nl.reEnd)
    var nlAfter = re.slice(nl.reEnd)

    nlLast += nlAfter

    // Handle nested stuff like *(*.js|!(*.json)), where open parens
    // mean that we should *not* include the ) in the bit that is considered
    // "after" the negated section.
    var openParensBefore = nlBefore.split('(').length - 1
    var cleanAfter = nlAfter
    for (i = 0; i < openParensBefore; i++) {
      cleanAfter = cleanAfter.replace(/\)[+*?]?/, '')
    }
    nlAfter = cleanAfter

    var dollar = ''
    if (nlAfter === '' && isSub !== SUBPARSE) {
      dollar = '$'
    }
    var newRe = nlBefore + nlFirst + nlAfter + dollar + nlLast
    re = newRe
  }

  // if the re is not "" at this point, then we need to make sure
  // it doesn't match against an empty path part.
  // Otherwise a/* will match a/, which it should not.
  if (re !== '' && hasMagic) {
    re = '(?=.)' + re
  }

  if (addPatternStart) {
    re = patternStart + re
  }

  // parsing just a piece of a larger pattern.
  if (isSub === SUBPARSE) {
    return [re, hasMagic]
  }

  // skip the regexp for non-magical patterns
  // unescape anything in it, though, so that it'll be
  // an exact match against a file etc.
  if (!hasMagic) {
    return globUnescape(pattern)
  }

  var flags = options.nocase ? 'i' : ''
  try {
    var regExp = new RegExp('^' + re + '$', flags)
  } catch (er) /* istanbul ignore next - should be impossible */ {
    // If it was an invalid regular expression, then it can't match
    // anything.  This trick looks for a character after the end of
    // the string, which is of course impossible, except in multi-line
    // mode, but it's not a /m regex.
    return new RegExp('$.')
  }

  regExp._glob = pattern
  regExp._src = re

  return regExp
}

minimatch.makeRe = function (pattern, options) {
  return new Minimatch(pattern, options || {}).makeRe()
}

Minimatch.prototype.makeRe = makeRe
function makeRe () {
  if (this.regexp || this.regexp === false) return this.regexp

  // at this point, this.set is a 2d array of partial
  // pattern strings, or "**".
  //
  // It's better to use .match().  This function shouldn't
  // be used, really, but it's pretty convenient sometimes,
  // when you just want to work with a regex.
  var set = this.set

  if (!set.length) {
    this.regexp = false
    return this.regexp
  }
  var options = this.options

  var twoStar = options.noglobstar ? star
    : options.dot ? twoStarDot
    : twoStarNoDot
  var flags = options.nocase ? 'i' : ''

  var re = set.map(function (pattern) {
    return pattern.map(function (p) {
      return (p === GLOBSTAR) ? twoStar
      : (typeof p === 'string') ? regExpEscape(p)
      : p._src
    }).join('\\\/')
  }).join('|')

  // must match entire pattern
  // ending in a * or ** will make it less strict.
  re = '^(?:' + re + ')$'

  // can match anything, as long as it's not this.
  if (this.negate) re = '^(?!' + re + ').*$'

  try {
    this.regexp = new RegExp(re, flags)
  } catch (ex) /* istanbul ignore next - should be impossible */ {
    this.regexp = false
  }
  return this.regexp
}

minimatch.match = function (list, pattern, options) {
  options = options || {}
  var mm = new Minimatch(pattern, options)
  list = list.filter(function (f) {
    return mm.match(f)
  })
  if (mm.options.nonull && !list.length) {
    list.push(pattern)
  }
  return list
}

Minimatch.prototype.match = function match (f, partial) {
  if (typeof partial === 'undefined') partial = this.partial
  this.debug('match', f, this.pattern)
  // short-circuit in the case of busted things.
  // comments, etc.
  if (this.comment) return false
  if (this.empty) return f === ''

  if (f === '/' && partial) return true

  var options = this.options

  // windows: need to use /, not \
  if (path.sep !== '/') {
    f = f.split(path.sep).join('/')
  }

  // treat the test path as a set of pathparts.
  f = f.split(slashSplit)
  this.debug(this.pattern, 'split', f)

  // just ONE of the pattern sets in this.set needs to match
  // in order for it to be valid.  If negating, then just one
  // match means that we have failed.
  // Either way, return on the first hit.

  var set = this.set
  this.debug(this.pattern, 'set', set)

  // Find the basename of the path by looking for the last non-empty segment
  var filename
  var i
  for (i = f.length - 1; i >= 0; i--) {
    filename = f[i]
    if (filename) break
  }

  for (i = 0; i < set.length; i++) {
    var pattern = set[i]
    var file = f
    if (options.matchBase && pattern.length === 1) {
      file = [filename]
    }
    var hit = this.matchOne(file, pattern, partial)
    if (hit) {
      if (options.flipNegate) return true
      return !this.negate
    }
  }

  // didn't get any hits.  this is success if it's a negative
  // pattern, failure otherwise.
  if (options.flipNegate) return false
  return this.negate
}

// set partial to true to test if, for example,
// "/a/b" matches the start of "/*/b/*/d"
// Partial means, if you run out of file before you run
// out of pattern, then that's fine, as long as all
// the parts match.
Minimatch.prototype.matchOne = function (file, pattern, partial) {
  if (pattern.indexOf(GLOBSTAR) !== -1) {
    return this._matchGlobstar(file, pattern, partial, 0, 0)
  }
  return this._matchOne(file, pattern, partial, 0, 0)
}

Minimatch.prototype._matchGlobstar = function (file, pattern, partial, fileIndex, patternIndex) {
  var i

  // find first globstar from patternIndex
  var firstgs = -1
  for (i = patternIndex; i < pattern.length; i++) {
    if (pattern[i] === GLOBSTAR) { firstgs = i; break }
  }

  // find last globstar
  var lastgs = -1
  for (i = pattern.length - 1; i >= 0; i--) {
    if (pattern[i] === GLOBSTAR) { lastgs = i; break }
  }

  var head = pattern.slice(patternIndex, firstgs)
  var body = partial ? pattern.slice(firstgs + 1) : pattern.slice(firstgs + 1, lastgs)
  var tail = partial ? [] : pattern.slice(lastgs + 1)

  // check the head
  if (head.length) {
    var fileHead = file.slice(fileIndex, fileIndex + head.length)
    if (!this._matchOne(fileHead, head, partial, 0, 0)) {
      return false
    }
    fileIndex += head.length
  }

  // check the tail
  var fileTailMatch = 0
  if (tail.length) {
    if (tail.length + fileIndex > file.length) return false

    var tailStart = file.length - tail.length
    if (this._matchOne(file, tail, partial, tailStart, 0)) {
      fileTailMatch = tail.length
    } else {
      // affordance for stuff like a/**/* matching a/b/
      if (file[file.length - 1] !== '' ||
          fileIndex + tail.length === file.length) {
        return false
      }
      tailStart--
      if (!this._matchOne(file, tail, partial, tailStart, 0)) {
        return false
      }
      fileTailMatch = tail.length + 1
    }
  }

  // if body is empty (single ** between head and tail)
  if (!body.length) {
    var sawSome = !!fileTailMatch
    for (i = fileIndex; i < file.length - fileTailMatch; i++) {
      var f = String(file[i])
      sawSome = true
      if (f === '.' || f === '..' ||
          (!this.options.dot && f.charAt(0) === '.')) {
        return false
      }
    }
    return partial || sawSome
  }

  // split body into segments at each GLOBSTAR
  var bodySegments = [[[], 0]]
  var currentBody = bodySegments[0]
  var nonGsParts = 0
  var nonGsPartsSums = [0]
  for (var bi = 0; bi < body.length; bi++) {
    var b = body[bi]
    if (b === GLOBSTAR) {
      nonGsPartsSums.push(nonGsParts)
      currentBody = [[], 0]
      bodySegments.push(currentBody)
    } else {
      currentBody[0].push(b)
      nonGsParts++
    }
  }

  var idx = bodySegments.length - 1
  var fileLength = file.length - fileTailMatch
  for (var si = 0; si < bodySegments.length; si++) {
    bodySegments[si][1] = fileLength -
      (nonGsPartsSums[idx--] + bodySegments[si][0].length)
  }

  return !!this._matchGlobStarBodySections(
    file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch
  )
}

// return false for "nope, not matching"
// return null for "not matching, cannot keep trying"
Minimatch.prototype._matchGlobStarBodySections = function (
  file, bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail
) {
  var bs = bodySegments[bodyIndex]
  if (!bs) {
    // just make sure there are no bad dots
    for (var i = fileIndex; i < file.length; i++) {
      sawTail = true
      var f = file[i]
      if (f === '.' || f === '..' ||
          (!this.options.dot && f.charAt(0) === '.')) {
        return false
      }
    }
    return sawTail
  }

  var body = bs[0]
  var after = bs[1]
  while (fileIndex <= after) {
    var m = this._matchOne(
      file.slice(0, fileIndex + body.length),
      body,
      partial,
      fileIndex,
      0
    )
    // if limit exceeded, no match. intentional false negative,
    // acceptable break in correctness for security.
    if (m && globStarDepth < this.maxGlobstarRecursion) {
      var sub = this._matchGlobStarBodySections(
        file, bodySegments,
        fileIndex + body.length, bodyIndex + 1,
        partial, globStarDepth + 1, sawTail
      )
      if (sub !== false) {
        return sub
      }
    }
    var f = file[fileIndex]
    if (f === '.' || f === '..' ||
        (!this.options.dot && f.charAt(0) === '.')) {
      return false
    }
    fileIndex++
  }
  return partial || null
}

Minimatch.prototype._matchOne = function (file, pattern, partial, fileIndex, patternIndex) {
  var fi, pi, fl, pl
  for (
    fi = fileIndex, pi = patternIndex, fl = file.length, pl = pattern.length
    ; (fi < fl) && (pi < pl)
    ; fi++, pi++
  ) {
    this.debug('matchOne loop')
    var p = pattern[pi]
    var f = file[fi]

    this.debug(pattern, p, f)

    // should be impossible.
    // some invalid regexp stuff in the set.
    /* istanbul ignore if */
    if (p === false || p === GLOBSTAR) return false

    // something other than **
    // non-magic patterns just have to match exactly
    // patterns with magic have been turned into regexps.
    var hit
    if (typeof p === 'string') {
      hit = f === p
      this.debug('string match', p, f, hit)
    } else {
      hit = f.match(p)
      this.debug('pattern match', p, f, hit)
    }

    if (!hit) return false
  }

  // now either we fell off the end of the pattern, or we're done.
  if (fi === fl && pi === pl) {
    // ran out of pattern and filename at the same time.
    // an exact hit!
    return true
  } else if (fi === fl) {
    // ran out of file, but still had pattern left.
    // this is ok if we're doing the match as part of
    // a glob fs traversal.
    return partial
  } else /* istanbul ignore else */ if (pi === pl) {
    // ran out of pattern, still have file left.
    // this is only acceptable if we're on the very last
    // empty segment of a file with a trailing slash.
    // a/* should match a/b/
    return (fi === fl - 1) && (file[fi] === '')
  }

  // should be unreachable.
  /* istanbul ignore next */
  throw new Error('wtf?')
}

// replace stuff like \* with *
function globUnescape (s) {
  return s.replace(/\\(.)/g, '$1')
}

function regExpEscape (s) {
  return s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&')
}


/***/ }),

/***/ 560:
/***/ ((module) => {

// vim:ts=4:sts=4:sw=4:
/*!
 *
 * Copyright 2009-2017 Kris Kowal under the terms of the MIT
 * license found at https://github.com/kriskowal/q/blob/v1/LICENSE
 *
 * With parts by Tyler Close
 * Copyright 2007-2009 Tyler Close under the terms of the MIT X license found
 * at http://www.opensource.org/licenses/mit-license.html
 * Forked at ref_send.js version: 2009-05-11
 *
 * With parts by Mark Miller
 * Copyright (C) 2011 Google Inc.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 * http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 */

(function (definition) {
    "use strict";

    // This file will function properly as a <script> tag, or a module
    // using CommonJS and NodeJS or RequireJS module formats.  In
    // Common/Node/RequireJS, the module exports the Q API and when
    // executed as a simple <script>, it creates a Q global instead.

    // Montage Require
    if (typeof bootstrap === "function") {
        bootstrap("promise", definition);

    // CommonJS
    } else if (true) {
        module.exports = definition();

    // RequireJS
    } else { var previousQ, global; }

})(function () {
"use strict";

var hasStacks = false;
try {
    throw new Error();
} catch (e) {
    hasStacks = !!e.stack;
}

// All code after this point will be filtered from stack traces reported
// by Q.
var qStartingLine = captureLine();
var qFileName;

// shims

// used for fallback in "allResolved"
var noop = function () {};

// Use the fastest possible means to execute a task in a future turn
// of the event loop.
var nextTick =(function () {
    // linked list of tasks (single, with head node)
    var head = {task: void 0, next: null};
    var tail = head;
    var flushing = false;
    var requestTick = void 0;
    var isNodeJS = false;
    // queue for late tasks, used by unhandled rejection tracking
    var laterQueue = [];

    function flush() {
        /* jshint loopfunc: true */
        var task, domain;

        while (head.next) {
            head = head.next;
            task = head.task;
            head.task = void 0;
            domain = head.domain;

            if (domain) {
                head.domain = void 0;
                domain.enter();
            }
            runSingle(task, domain);

        }
        while (laterQueue.length) {
            task = laterQueue.pop();
            runSingle(task);
        }
        flushing = false;
    }
    // runs a single function in the async queue
    function runSingle(task, domain) {
        try {
            task();

        } catch (e) {
            if (isNodeJS) {
                // In node, uncaught exceptions are considered fatal errors.
                // Re-throw them synchronously to interrupt flushing!

                // Ensure continuation if the uncaught exception is suppressed
                // listening "uncaughtException" events (as domains does).
                // Continue in next event to avoid tick recursion.
                if (domain) {
                    domain.exit();
                }
                setTimeout(flush, 0);
                if (domain) {
                    domain.enter();
                }

                throw e;

            } else {
                // In browsers, uncaught exceptions are not fatal.
                // Re-throw them asynchronously to avoid slow-downs.
                setTimeout(function () {
                    throw e;
                }, 0);
            }
        }

        if (domain) {
            domain.exit();
        }
    }

    nextTick = function (task) {
        tail = tail.next = {
            task: task,
            domain: isNodeJS && process.domain,
            next: null
        };

        if (!flushing) {
            flushing = true;
            requestTick();
        }
    };

    if (typeof process === "object" &&
        process.toString() === "[object process]" && process.nextTick) {
        // Ensure Q is in a real Node environment, with a `process.nextTick`.
        // To see through fake Node environments:
        // * Mocha test runner - exposes a `process` global without a `nextTick`
        // * Browserify - exposes a `process.nexTick` function that uses
        //   `setTimeout`. In this case `setImmediate` is preferred because
        //    it is faster. Browserify's `process.toString()` yields
        //   "[object Object]", while in a real Node environment
        //   `process.toString()` yields "[object process]".
        isNodeJS = true;

        requestTick = function () {
            process.nextTick(flush);
        };

    } else if (typeof setImmediate === "function") {
        // In IE10, Node.js 0.9+, or https://github.com/NobleJS/setImmediate
        if (typeof window !== "undefined") {
            requestTick = setImmediate.bind(window, flush);
        } else {
            requestTick = function () {
                setImmediate(flush);
            };
        }

    } else if (typeof MessageChannel !== "undefined") {
        // modern browsers
        // http://www.nonblocking.io/2011/06/windownexttick.html
        var channel = new MessageChannel();
        // At least Safari Version 6.0.5 (8536.30.1) intermittently cannot create
        // working message ports the first time a page loads.
        channel.port1.onmessage = function () {
            requestTick = requestPortTick;
            channel.port1.onmessage = flush;
            flush();
        };
        var requestPortTick = function () {
            // Opera requires us to provide a message payload, regardless of
            // whether we use it.
            channel.port2.postMessage(0);
        };
        requestTick = function () {
            setTimeout(flush, 0);
            requestPortTick();
        };

    } else {
        // old browsers
        requestTick = function () {
            setTimeout(flush, 0);
        };
    }
    // runs a task after all other tasks have been run
    // this is useful for unhandled rejection tracking that needs to happen
    // after all `then`d tasks have been run.
    nextTick.runAfter = function (task) {
        laterQueue.push(task);
        if (!flushing) {
            flushing = true;
            requestTick();
        }
    };
    return nextTick;
})();

// Attempt to make generics safe in the face of downstream
// modifications.
// There is no situation where this is necessary.
// If you need a security guarantee, these primordials need to be
// deeply frozen anyway, and if you don\u2019t need a security guarantee,
// this is just plain paranoid.
// However, this **might** have the nice side-effect of reducing the size of
// the minified code by reducing x.call() to merely x()
// See Mark Miller\u2019s explanation of what this does.
// http://wiki.ecmascript.org/doku.php?id=conventions:safe_meta_programming
var call = Function.call;
function uncurryThis(f) {
    return function () {
        return call.apply(f, arguments);
    };
}
// This is equivalent, but slower:
// uncurryThis = Function_bind.bind(Function_bind.call);
// http://jsperf.com/uncurrythis

var array_slice = uncurryThis(Array.prototype.slice);

var array_reduce = uncurryThis(
    Array.prototype.reduce || function (callback, basis) {
        var index = 0,
            length = this.length;
        // concerning the initial value, if one is not provided
        if (arguments.length === 1) {
            // seek to the first value in the array, accounting
            // for the possibility that is is a sparse array
            do {
                if (index in this) {
                    basis = this[index++];
                    break;
                }
                if (++index >= length) {
                    throw new TypeError();
                }
            } while (1);
        }
        // reduce
        for (; index < length; index++) {
            // account for the possibility that the array is sparse
            if (index in this) {
                basis = callback(basis, this[index], index);
            }
        }
        return basis;
    }
);

var array_indexOf = uncurryThis(
    Array.prototype.indexOf || function (value) {
        // not a very good shim, but good enough for our one use of it
        for (var i = 0; i < this.length; i++) {
            if (this[i] === value) {
                return i;
            }
        }
        return -1;
    }
);

var array_map = uncurryThis(
    Array.prototype.map || function (callback, thisp) {
        var self = this;
        var collect = [];
        array_reduce(self, function (undefined, value, index) {
            collect.push(callback.call(thisp, value, index, self));
        }, void 0);
        return collect;
    }
);

var object_create = Object.create || function (prototype) {
    function Type() { }
    Type.prototype = prototype;
    return new Type();
};

var object_defineProperty = Object.defineProperty || function (obj, prop, descriptor) {
    obj[prop] = descriptor.value;
    return obj;
};

var object_hasOwnProperty = uncurryThis(Object.prototype.hasOwnProperty);

var object_keys = Object.keys || function (object) {
    var keys = [];
    for (var key in object) {
        if (object_hasOwnProperty(object, key)) {
            keys.push(key);
        }
    }
    return keys;
};

var object_toString = uncurryThis(Object.prototype.toString);

function isObject(value) {
    return value === Object(value);
}

// generator related shims

// FIXME: Remove this function once ES6 generators are in SpiderMonkey.
function isStopIteration(exception) {
    return (
        object_toString(exception) === "[object StopIteration]" ||
        exception instanceof QReturnValue
    );
}

// FIXME: Remove this helper and Q.return once ES6 generators are in
// SpiderMonkey.
var QReturnValue;
if (typeof ReturnValue !== "undefined") {
    QReturnValue = ReturnValue;
} else {
    QReturnValue = function (value) {
        this.value = value;
    };
}

// long stack traces

var STACK_JUMP_SEPARATOR = "From previous event:";

function makeStackTraceLong(error, promise) {
    // If possible, transform the error stack trace by removing Node and Q
    // cruft, then concatenating with the stack trace of `promise`. See #57.
    if (hasStacks &&
        promise.stack &&
        typeof error === "object" &&
        error !== null &&
        error.stack
    ) {
        var stacks = [];
        for (var p = promise; !!p; p = p.source) {
            if (p.stack && (!error.__minimumStackCounter__ || error.__minimumStackCounter__ > p.stackCounter)) {
                object_defineProperty(error, "__minimumStackCounter__", {value: p.stackCounter, configurable: true});
                stacks.unshift(p.stack);
            }
        }
        stacks.unshift(error.stack);

        var concatedStacks = stacks.join("\n" + STACK_JUMP_SEPARATOR + "\n");
        var stack = filterStackString(concatedStacks);
        object_defineProperty(error, "stack", {value: stack, configurable: true});
    }
}

function filterStackString(stackString) {
    var lines = stackString.split("\n");
    var desiredLines = [];
    for (var i = 0; i < lines.length; ++i) {
        var line = lines[i];

        if (!isInternalFrame(line) && !isNodeFrame(line) && line) {
            desiredLines.push(line);
        }
    }
    return desiredLines.join("\n");
}

function isNodeFrame(stackLine) {
    return stackLine.indexOf("(module.js:") !== -1 ||
           stackLine.indexOf("(node.js:") !== -1;
}

function getFileNameAndLineNumber(stackLine) {
    // Named functions: "at functionName (filename:lineNumber:columnNumber)"
    // In IE10 function name can have spaces ("Anonymous function") O_o
    var attempt1 = /at .+ \((.+):(\d+):(?:\d+)\)$/.exec(stackLine);
    if (attempt1) {
        return [attempt1[1], Number(attempt1[2])];
    }

    // Anonymous functions: "at filename:lineNumber:columnNumber"
    var attempt2 = /at ([^ ]+):(\d+):(?:\d+)$/.exec(stackLine);
    if (attempt2) {
        return [attempt2[1], Number(attempt2[2])];
    }

    // Firefox style: "function@filename:lineNumber or @filename:lineNumber"
    var attempt3 = /.*@(.+):(\d+)$/.exec(stackLine);
    if (attempt3) {
        return [attempt3[1], Number(attempt3[2])];
    }
}

function isInternalFrame(stackLine) {
    var fileNameAndLineNumber = getFileNameAndLineNumber(stackLine);

    if (!fileNameAndLineNumber) {
        return false;
    }

    var fileName = fileNameAndLineNumber[0];
    var lineNumber = fileNameAndLineNumber[1];

    return fileName === qFileName &&
        lineNumber >= qStartingLine &&
        lineNumber <= qEndingLine;
}

// discover own file name and line number range for filtering stack
// traces
function captureLine() {
    if (!hasStacks) {
        return;
    }

    try {
        throw new Error();
    } catch (e) {
        var lines = e.stack.split("\n");
        var firstLine = lines[0].indexOf("@") > 0 ? lines[1] : lines[2];
        var fileNameAndLineNumber = getFileNameAndLineNumber(firstLine);
        if (!fileNameAndLineNumber) {
            return;
        }

        qFileName = fileNameAndLineNumber[0];
        return fileNameAndLineNumber[1];
    }
}

function deprecate(callback, name, alternative) {
    return function () {
        if (typeof console !== "undefined" &&
            typeof console.warn === "function") {
            console.warn(name + " is deprecated, use " + alternative +
                         " instead.", new Error("").stack);
        }
        return callback.apply(callback, arguments);
    };
}

// end of shims
// beginning of real work

/**
 * Constructs a promise for an immediate reference, passes promises through, or
 * coerces promises from different systems.
 * @param value immediate reference or promise
 */
function Q(value) {
    // If the object is already a Promise, return it directly.  This enables
    // the resolve function to both be used to created references from objects,
    // but to tolerably coerce non-promises to promises.
    if (value instanceof Promise) {
        return value;
    }

    // assimilate thenables
    if (isPromiseAlike(value)) {
        return coerce(value);
    } else {
        return fulfill(value);
    }
}
Q.resolve = Q;

/**
 * Performs a task in a future turn of the event loop.
 * @param {Function} task
 */
Q.nextTick = nextTick;

/**
 * Controls whether or not long stack traces will be on
 */
Q.longStackSupport = false;

/**
 * The counter is used to determine the stopping point for building
 * long stack traces. In makeStackTraceLong we walk backwards through
 * the linked list of promises, only stacks which were created before
 * the rejection are concatenated.
 */
var longStackCounter = 1;

// enable long stacks if Q_DEBUG is set
if (typeof process === "object" && process && process.env && process.env.Q_DEBUG) {
    Q.longStackSupport = true;
}

/**
 * Constructs a {promise, resolve, reject} object.
 *
 * `resolve` is a callback to invoke with a more resolved value for the
 * promise. To fulfill the promise, invoke `resolve` with any value that is
 * not a thenable. To reject the promise, invoke `resolve` with a rejected
 * thenable, or invoke `reject` with the reason directly. To resolve the
 * promise to another thenable, thus putting it in the same state, invoke
 * `resolve` with that other thenable.
 */
Q.defer = defer;
function defer() {
    // if "messages" is an "Array", that indicates that the promise has not yet
    // been resolved.  If it is "undefined", it has been resolved.  Each
    // element of the messages array is itself an array of complete arguments to
    // forward to the resolved promise.  We coerce the resolution value to a
    // promise using the `resolve` function because it handles both fully
    // non-thenable values and other thenables gracefully.
    var messages = [], progressListeners = [], resolvedPromise;

    var deferred = object_create(defer.prototype);
    var promise = object_create(Promise.prototype);

    promise.promiseDispatch = function (resolve, op, operands) {
        var args = array_slice(arguments);
        if (messages) {
            messages.push(args);
            if (op === "when" && operands[1]) { // progress operand
                progressListeners.push(operands[1]);
            }
        } else {
            Q.nextTick(function () {
                resolvedPromise.promiseDispatch.apply(resolvedPromise, args);
            });
        }
    };

    // XXX deprecated
    promise.valueOf = function () {
        if (messages) {
            return promise;
        }
        var nearerValue = nearer(resolvedPromise);
        if (isPromise(nearerValue)) {
            resolvedPromise = nearerValue; // shorten chain
        }
        return nearerValue;
    };

    promise.inspect = function () {
        if (!resolvedPromise) {
            return { state: "pending" };
        }
        return resolvedPromise.inspect();
    };

    if (Q.longStackSupport && hasStacks) {
        try {
            throw new Error();
        } catch (e) {
            // NOTE: don't try to use `Error.captureStackTrace` or transfer the
            // accessor around; that causes memory leaks as per GH-111. Just
            // reify the stack trace as a string ASAP.
            //
            // At the same time, cut off the first line; it's always just
            // "[object Promise]\n", as per the `toString`.
            promise.stack = e.stack.substring(e.stack.indexOf("\n") + 1);
            promise.stackCounter = longStackCounter++;
        }
    }

    // NOTE: we do the checks for `resolvedPromise` in each method, instead of
    // consolidating them into `become`, since otherwise we'd create new
    // promises with the lines `become(whatever(value))`. See e.g. GH-252.

    function become(newPromise) {
        resolvedPromise = newPromise;

        if (Q.longStackSupport && hasStacks) {
            // Only hold a reference to the new promise if long stacks
            // are enabled to reduce memory usage
            promise.source = newPromise;
        }

        array_reduce(messages, function (undefined, message) {
            Q.nextTick(function () {
                newPromise.promiseDispatch.apply(newPromise, message);
            });
        }, void 0);

        messages = void 0;
        progressListeners = void 0;
    }

    deferred.promise = promise;
    deferred.resolve = function (value) {
        if (resolvedPromise) {
            return;
        }

        become(Q(value));
    };

    deferred.fulfill = function (value) {
        if (resolvedPromise) {
            return;
        }

        become(fulfill(value));
    };
    deferred.reject = function (reason) {
        if (resolvedPromise) {
            return;
        }

        become(reject(reason));
    };
    deferred.notify = function (progress) {
        if (resolvedPromise) {
            return;
        }

        array_reduce(progressListeners, function (undefined, progressListener) {
            Q.nextTick(function () {
                progressListener(progress);
            });
        }, void 0);
    };

    return deferred;
}

/**
 * Creates a Node-style callback that will resolve or reject the deferred
 * promise.
 * @returns a nodeback
 */
defer.prototype.makeNodeResolver = function () {
    var self = this;
    return function (error, value) {
        if (error) {
            self.reject(error);
        } else if (arguments.length > 2) {
            self.resolve(array_slice(arguments, 1));
        } else {
            self.resolve(value);
        }
    };
};

/**
 * @param resolver {Function} a function that returns nothing and accepts
 * the resolve, reject, and notify functions for a deferred.
 * @returns a promise that may be resolved with the given resolve and reject
 * functions, or rejected by a thrown exception in resolver
 */
Q.Promise = promise; // ES6
Q.promise = promise;
function promise(resolver) {
    if (typeof resolver !== "function") {
        throw new TypeError("resolver must be a function.");
    }
    var deferred = defer();
    try {
        resolver(deferred.resolve, deferred.reject, deferred.notify);
    } catch (reason) {
        deferred.reject(reason);
    }
    return deferred.promise;
}

promise.race = race; // ES6
promise.all = all; // ES6
promise.reject = reject; // ES6
promise.resolve = Q; // ES6

// XXX experimental.  This method is a way to denote that a local value is
// serializable and should be immediately dispatched to a remote upon request,
// instead of passing a reference.
Q.passByCopy = function (object) {
    //freeze(object);
    //passByCopies.set(object, true);
    return object;
};

Promise.prototype.passByCopy = function () {
    //freeze(object);
    //passByCopies.set(object, true);
    return this;
};

/**
 * If two promises eventually fulfill to the same value, promises that value,
 * but otherwise rejects.
 * @param x {Any*}
 * @param y {Any*}
 * @returns {Any*} a promise for x and y if they are the same, but a rejection
 * otherwise.
 *
 */
Q.join = function (x, y) {
    return Q(x).join(y);
};

Promise.prototype.join = function (that) {
    return Q([this, that]).spread(function (x, y) {
        if (x === y) {
            // TODO: "===" should be Object.is or equiv
            return x;
        } else {
            throw new Error("Q can't join: not the same: " + x + " " + y);
        }
    });
};

/**
 * Returns a promise for the first of an array of promises to become settled.
 * @param answers {Array[Any*]} promises to race
 * @returns {Any*} the first promise to be settled
 */
Q.race = race;
function race(answerPs) {
    return promise(function (resolve, reject) {
        // Switch to this once we can assume at least ES5
        // answerPs.forEach(function (answerP) {
        //     Q(answerP).then(resolve, reject);
        // });
        // Use this in the meantime
        for (var i = 0, len = answerPs.length; i < len; i++) {
            Q(answerPs[i]).then(resolve, reject);
        }
    });
}

Promise.prototype.race = function () {
    return this.then(Q.race);
};

/**
 * Constructs a Promise with a promise descriptor object and optional fallback
 * function.  The descriptor contains methods like when(rejected), get(name),
 * set(name, value), post(name, args), and delete(name), which all
 * return either a value, a promise for a value, or a rejection.  The fallback
 * accepts the operation name, a resolver, and any further arguments that would
 * have been forwarded to the appropriate method above had a method been
 * provided with the proper name.  The API makes no guarantees about the nature
 * of the returned object, apart from that it is usable whereever promises are
 * bought and sold.
 */
Q.makePromise = Promise;
function Promise(descriptor, fallback, inspect) {
    if (fallback === void 0) {
        fallback = function (op) {
            return reject(new Error(
                "Promise does not support operation: " + op
            ));
        };
    }
    if (inspect === void 0) {
        inspect = function () {
            return {state: "unknown"};
        };
    }

    var promise = object_create(Promise.prototype);

    promise.promiseDispatch = function (resolve, op, args) {
        var result;
        try {
            if (descriptor[op]) {
                result = descriptor[op].apply(promise, args);
            } else {
                result = fallback.call(promise, op, args);
            }
        } catch (exception) {
            result = reject(exception);
        }
        if (resolve) {
            resolve(result);
        }
    };

    promise.inspect = inspect;

    // XXX deprecated `valueOf` and `exception` support
    if (inspect) {
        var inspected = inspect();
        if (inspected.state === "rejected") {
            promise.exception = inspected.reason;
        }

        promise.valueOf = function () {
            var inspected = inspect();
            if (inspected.state === "pending" ||
                inspected.state === "rejected") {
                return promise;
            }
            return inspected.value;
        };
    }

    return promise;
}

Promise.prototype.toString = function () {
    return "[object Promise]";
};

Promise.prototype.then = function (fulfilled, rejected, progressed) {
    var self = this;
    var deferred = defer();
    var done = false;   // ensure the untrusted promise makes at most a
                        // single call to one of the callbacks

    function _fulfilled(value) {
        try {
            return typeof fulfilled === "function" ? fulfilled(value) : value;
        } catch (exception) {
            return reject(exception);
        }
    }

    function _rejected(exception) {
        if (typeof rejected === "function") {
            makeStackTraceLong(exception, self);
            try {
                return rejected(exception);
            } catch (newException) {
                return reject(newException);
            }
        }
        return reject(exception);
    }

    function _progressed(value) {
        return typeof progressed === "function" ? progressed(value) : value;
    }

    Q.nextTick(function () {
        self.promiseDispatch(function (value) {
            if (done) {
                return;
            }
            done = true;

            deferred.resolve(_fulfilled(value));
        }, "when", [function (exception) {
            if (done) {
                return;
            }
            done = true;

            deferred.resolve(_rejected(exception));
        }]);
    });

    // Progress propagator need to be attached in the current tick.
    self.promiseDispatch(void 0, "when", [void 0, function (value) {
        var newValue;
        var threw = false;
        try {
            newValue = _progressed(value);
        } catch (e) {
            threw = true;
            if (Q.onerror) {
                Q.onerror(e);
            } else {
                throw e;
            }
        }

        if (!threw) {
            deferred.notify(newValue);
        }
    }]);

    return deferred.promise;
};

Q.tap = function (promise, callback) {
    return Q(promise).tap(callback);
};

/**
 * Works almost like "finally", but not called for rejections.
 * Original resolution value is passed through callback unaffected.
 * Callback may return a promise that will be awaited for.
 * @param {Function} callback
 * @returns {Q.Promise}
 * @example
 * doSomething()
 *   .then(...)
 *   .tap(console.log)
 *   .then(...);
 */
Promise.prototype.tap = function (callback) {
    callback = Q(callback);

    return this.then(function (value) {
        return callback.fcall(value).thenResolve(value);
    });
};

/**
 * Registers an observer on a promise.
 *
 * Guarantees:
 *
 * 1. that fulfilled and rejected will be called only once.
 * 2. that either the fulfilled callback or the rejected callback will be
 *    called, but not both.
 * 3. that fulfilled and rejected will not be called in this turn.
 *
 * @param value      promise or immediate reference to observe
 * @param fulfilled  function to be called with the fulfilled value
 * @param rejected   function to be called with the rejection exception
 * @param progressed function to be called on any progress notifications
 * @return promise for the return value from the invoked callback
 */
Q.when = when;
function when(value, fulfilled, rejected, progressed) {
    return Q(value).then(fulfilled, rejected, progressed);
}

Promise.prototype.thenResolve = function (value) {
    return this.then(function () { return value; });
};

Q.thenResolve = function (promise, value) {
    return Q(promise).thenResolve(value);
};

Promise.prototype.thenReject = function (reason) {
    return this.then(function () { throw reason; });
};

Q.thenReject = function (promise, reason) {
    return Q(promise).thenReject(reason);
};

/**
 * If an object is not a promise, it is as "near" as possible.
 * If a promise is rejected, it is as "near" as possible too.
 * If it\u2019s a fulfilled promise, the fulfillment value is nearer.
 * If it\u2019s a deferred promise and the deferred has been resolved, the
 * resolution is "nearer".
 * @param object
 * @returns most resolved (nearest) form of the object
 */

// XXX should we re-do this?
Q.nearer = nearer;
function nearer(value) {
    if (isPromise(value)) {
        var inspected = value.inspect();
        if (inspected.state === "fulfilled") {
            return inspected.value;
        }
    }
    return value;
}

/**
 * @returns whether the given object is a promise.
 * Otherwise it is a fulfilled value.
 */
Q.isPromise = isPromise;
function isPromise(object) {
    return object instanceof Promise;
}

Q.isPromiseAlike = isPromiseAlike;
function isPromiseAlike(object) {
    return isObject(object) && typeof object.then === "function";
}

/**
 * @returns whether the given object is a pending promise, meaning not
 * fulfilled or rejected.
 */
Q.isPending = isPending;
function isPending(object) {
    return isPromise(object) && object.inspect().state === "pending";
}

Promise.prototype.isPending = function () {
    return this.inspect().state === "pending";
};

/**
 * @returns whether the given object is a value or fulfilled
 * promise.
 */
Q.isFulfilled = isFulfilled;
function isFulfilled(object) {
    return !isPromise(object) || object.inspect().state === "fulfilled";
}

Promise.prototype.isFulfilled = function () {
    return this.inspect().state === "fulfilled";
};

/**
 * @returns whether the given object is a rejected promise.
 */
Q.isRejected = isRejected;
function isRejected(object) {
    return isPromise(object) && object.inspect().state === "rejected";
}

Promise.prototype.isRejected = function () {
    return this.inspect().state === "rejected";
};

//// BEGIN UNHANDLED REJECTION TRACKING

// This promise library consumes exceptions thrown in handlers so they can be
// handled by a subsequent promise.  The exceptions get added to this array when
// they are created, and removed when they are handled.  Note that in ES6 or
// shimmed environments, this would naturally be a `Set`.
var unhandledReasons = [];
var unhandledRejections = [];
var reportedUnhandledRejections = [];
var trackUnhandledRejections = true;

function resetUnhandledRejections() {
    unhandledReasons.length = 0;
    unhandledRejections.length = 0;

    if (!trackUnhandledRejections) {
        trackUnhandledRejections = true;
    }
}

function trackRejection(promise, reason) {
    if (!trackUnhandledRejections) {
        return;
    }
    if (typeof process === "object" && typeof process.emit === "function") {
        Q.nextTick.runAfter(function () {
            if (array_indexOf(unhandledRejections, promise) !== -1) {
                process.emit("unhandledRejection", reason, promise);
                reportedUnhandledRejections.push(promise);
            }
        });
    }

    unhandledRejections.push(promise);
    if (reason && typeof reason.stack !== "undefined") {
        unhandledReasons.push(reason.stack);
    } else {
        unhandledReasons.push("(no stack) " + reason);
    }
}

function untrackRejection(promise) {
    if (!trackUnhandledRejections) {
        return;
    }

    var at = array_indexOf(unhandledRejections, promise);
    if (at !== -1) {
        if (typeof process === "object" && typeof process.emit === "function") {
            Q.nextTick.runAfter(function () {
                var atReport = array_indexOf(reportedUnhandledRejections, promise);
                if (atReport !== -1) {
                    process.emit("rejectionHandled", unhandledReasons[at], promise);
                    reportedUnhandledRejections.splice(atReport, 1);
                }
            });
        }
        unhandledRejections.splice(at, 1);
        unhandledReasons.splice(at, 1);
    }
}

Q.resetUnhandledRejections = resetUnhandledRejections;

Q.getUnhandledReasons = function () {
    // Make a copy so that consumers can't interfere with our internal state.
    return unhandledReasons.slice();
};

Q.stopUnhandledRejectionTracking = function () {
    resetUnhandledRejections();
    trackUnhandledRejections = false;
};

resetUnhandledRejections();

//// END UNHANDLED REJECTION TRACKING

/**
 * Constructs a rejected promise.
 * @param reason value describing the failure
 */
Q.reject = reject;
function reject(reason) {
    var rejection = Promise({
        "when": function (rejected) {
            // note that the error has been handled
            if (rejected) {
                untrackRejection(this);
            }
            return rejected ? rejected(reason) : this;
        }
    }, function fallback() {
        return this;
    }, function inspect() {
        return { state: "rejected", reason: reason };
    });

    // Note that the reason has not been handled.
    trackRejection(rejection, reason);

    return rejection;
}

/**
 * Constructs a fulfilled promise for an immediate reference.
 * @param value immediate reference
 */
Q.fulfill = fulfill;
function fulfill(value) {
    return Promise({
        "when": function () {
            return value;
        },
        "get": function (name) {
            return value[name];
        },
        "set": function (name, rhs) {
            value[name] = rhs;
        },
        "delete": function (name) {
            delete value[name];
        },
        "post": function (name, args) {
            // Mark Miller proposes that post with no name should apply a
            // promised function.
            if (name === null || name === void 0) {
                return value.apply(void 0, args);
            } else {
                return value[name].apply(value, args);
            }
        },
        "apply": function (thisp, args) {
            return value.apply(thisp, args);
        },
        "keys": function () {
            return object_keys(value);
        }
    }, void 0, function inspect() {
        return { state: "fulfilled", value: value };
    });
}

/**
 * Converts thenables to Q promises.
 * @param promise thenable promise
 * @returns a Q promise
 */
function coerce(promise) {
    var deferred = defer();
    Q.nextTick(function () {
        try {
            promise.then(deferred.resolve, deferred.reject, deferred.notify);
        } catch (exception) {
            deferred.reject(exception);
        }
    });
    return deferred.promise;
}

/**
 * Annotates an object such that it will never be
 * transferred away from this process over any promise
 * communication channel.
 * @param object
 * @returns promise a wrapping of that object that
 * additionally responds to the "isDef" message
 * without a rejection.
 */
Q.master = master;
function master(object) {
    return Promise({
        "isDef": function () {}
    }, function fallback(op, args) {
        return dispatch(object, op, args);
    }, function () {
        return Q(object).inspect();
    });
}

/**
 * Spreads the values of a promised array of arguments into the
 * fulfillment callback.
 * @param fulfilled callback that receives variadic arguments from the
 * promised array
 * @param rejected callback that receives the exception if the promise
 * is rejected.
 * @returns a promise for the return value or thrown exception of
 * either callback.
 */
Q.spread = spread;
function spread(value, fulfilled, rejected) {
    return Q(value).spread(fulfilled, rejected);
}

Promise.prototype.spread = function (fulfilled, rejected) {
    return this.all().then(function (array) {
        return fulfilled.apply(void 0, array);
    }, rejected);
};

/**
 * The async function is a decorator for generator functions, turning
 * them into asynchronous generators.  Although generators are only part
 * of the newest ECMAScript 6 drafts, this code does not cause syntax
 * errors in older engines.  This code should continue to work and will
 * in fact improve over time as the language improves.
 *
 * ES6 generators are currently part of V8 version 3.19 with the
 * --harmony-generators runtime flag enabled.  SpiderMonkey has had them
 * for longer, but under an older Python-inspired form.  This function
 * works on both kinds of generators.
 *
 * Decorates a generator function such that:
 *  - it may yield promises
 *  - execution will continue when that promise is fulfilled
 *  - the value of the yield expression will be the fulfilled value
 *  - it returns a promise for the return value (when the generator
 *    stops iterating)
 *  - the decorated function returns a promise for the return value
 *    of the generator or the first rejected promise among those
 *    yielded.
 *  - if an error is thrown in the generator, it propagates through
 *    every following yield until it is caught, or until it escapes
 *    the generator function altogether, and is translated into a
 *    rejection for the promise returned by the decorated generator.
 */
Q.async = async;
function async(makeGenerator) {
    return function () {
        // when verb is "send", arg is a value
        // when verb is "throw", arg is an exception
        function continuer(verb, arg) {
            var result;

            // Until V8 3.19 / Chromium 29 is released, SpiderMonkey is the only
            // engine that has a deployed base of browsers that support generators.
            // However, SM's generators use the Python-inspired semantics of
            // outdated ES6 drafts.  We would like to support ES6, but we'd also
            // like to make it possible to use generators in deployed browsers, so
            // we also support Python-style generators.  At some point we can remove
            // this block.

            if (typeof StopIteration === "undefined") {
                // ES6 Generators
                try {
                    result = generator[verb](arg);
                } catch (exception) {
                    return reject(exception);
                }
                if (result.done) {
                    return Q(result.value);
                } else {
                    return when(result.value, callback, errback);
                }
            } else {
                // SpiderMonkey Generators
                // FIXME: Remove this case when SM does ES6 generators.
                try {
                    result = generator[verb](arg);
                } catch (exception) {
                    if (isStopIteration(exception)) {
                        return Q(exception.value);
                    } else {
                        return reject(exception);
                    }
                }
                return when(result, callback, errback);
            }
        }
        var generator = makeGenerator.apply(this, arguments);
        var callback = continuer.bind(continuer, "next");
        var errback = continuer.bind(continuer, "throw");
        return callback();
    };
}

/**
 * The spawn function is a small wrapper around async that immediately
 * calls the generator and also ends the promise chain, so that any
 * unhandled errors are thrown instead of forwarded to the error
 * handler. This is useful because it's extremely common to run
 * generators at the top-level to work with libraries.
 */
Q.spawn = spawn;
function spawn(makeGenerator) {
    Q.done(Q.async(makeGenerator)());
}

// FIXME: Remove this interface once ES6 generators are in SpiderMonkey.
/**
 * Throws a ReturnValue exception to stop an asynchronous generator.
 *
 * This interface is a stop-gap measure to support generator return
 * values in older Firefox/SpiderMonkey.  In browsers that support ES6
 * generators like Chromium 29, just use "return" in your generator
 * functions.
 *
 * @param value the return value for the surrounding generator
 * @throws ReturnValue exception with the value.
 * @example
 * // ES6 style
 * Q.async(function* () {
 *      var foo = yield getFooPromise();
 *      var bar = yield getBarPromise();
 *      return foo + bar;
 * })
 * // Older SpiderMonkey style
 * Q.async(function () {
 *      var foo = yield getFooPromise();
 *      var bar = yield getBarPromise();
 *      Q.return(foo + bar);
 * })
 */
Q["return"] = _return;
function _return(value) {
    throw new QReturnValue(value);
}

/**
 * The promised function decorator ensures that any promise arguments
 * are settled and passed as values (`this` is also settled and passed
 * as a value).  It will also ensure that the result of a function is
 * always a promise.
 *
 * @example
 * var add = Q.promised(function (a, b) {
 *     return a + b;
 * });
 * add(Q(a), Q(B));
 *
 * @param {function} callback The function to decorate
 * @returns {function} a function that has been decorated.
 */
Q.promised = promised;
function promised(callback) {
    return function () {
        return spread([this, all(arguments)], function (self, args) {
            return callback.apply(self, args);
        });
    };
}

/**
 * sends a message to a value in a future turn
 * @param object* the recipient
 * @param op the name of the message operation, e.g., "when",
 * @param args further arguments to be forwarded to the operation
 * @returns result {Promise} a promise for the result of the operation
 */
Q.dispatch = dispatch;
function dispatch(object, op, args) {
    return Q(object).dispatch(op, args);
}

Promise.prototype.dispatch = function (op, args) {
    var self = this;
    var deferred = defer();
    Q.nextTick(function () {
        self.promiseDispatch(deferred.resolve, op, args);
    });
    return deferred.promise;
};

/**
 * Gets the value of a property in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of property to get
 * @return promise for the property value
 */
Q.get = function (object, key) {
    return Q(object).dispatch("get", [key]);
};

Promise.prototype.get = function (key) {
    return this.dispatch("get", [key]);
};

/**
 * Sets the value of a property in a future turn.
 * @param object    promise or immediate reference for object object
 * @param name      name of property to set
 * @param value     new value of property
 * @return promise for the return value
 */
Q.set = function (object, key, value) {
    return Q(object).dispatch("set", [key, value]);
};

Promise.prototype.set = function (key, value) {
    return this.dispatch("set", [key, value]);
};

/**
 * Deletes a property in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of property to delete
 * @return promise for the return value
 */
Q.del = // XXX legacy
Q["delete"] = function (object, key) {
    return Q(object).dispatch("delete", [key]);
};

Promise.prototype.del = // XXX legacy
Promise.prototype["delete"] = function (key) {
    return this.dispatch("delete", [key]);
};

/**
 * Invokes a method in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of method to invoke
 * @param value     a value to post, typically an array of
 *                  invocation arguments for promises that
 *                  are ultimately backed with `resolve` values,
 *                  as opposed to those backed with URLs
 *                  wherein the posted value can be any
 *                  JSON serializable object.
 * @return promise for the return value
 */
// bound locally because it is used by other methods
Q.mapply = // XXX As proposed by "Redsandro"
Q.post = function (object, name, args) {
    return Q(object).dispatch("post", [name, args]);
};

Promise.prototype.mapply = // XXX As proposed by "Redsandro"
Promise.prototype.post = function (name, args) {
    return this.dispatch("post", [name, args]);
};

/**
 * Invokes a method in a future turn.
 * @param object    promise or immediate reference for target object
 * @param name      name of method to invoke
 * @param ...args   array of invocation arguments
 * @return promise for the return value
 */
Q.send = // XXX Mark Miller's proposed parlance
Q.mcall = // XXX As proposed by "Redsandro"
Q.invoke = function (object, name /*...args*/) {
    return Q(object).dispatch("post", [name, array_slice(arguments, 2)]);
};

Promise.prototype.send = // XXX Mark Miller's proposed parlance
Promise.prototype.mcall = // XXX As proposed by "Redsandro"
Promise.prototype.invoke = function (name /*...args*/) {
    return this.dispatch("post", [name, array_slice(arguments, 1)]);
};

/**
 * Applies the promised function in a future turn.
 * @param object    promise or immediate reference for target function
 * @param args      array of application arguments
 */
Q.fapply = function (object, args) {
    return Q(object).dispatch("apply", [void 0, args]);
};

Promise.prototype.fapply = function (args) {
    return this.dispatch("apply", [void 0, args]);
};

/**
 * Calls the promised function in a future turn.
 * @param object    promise or immediate reference for target function
 * @param ...args   array of application arguments
 */
Q["try"] =
Q.fcall = function (object /* ...args*/) {
    return Q(object).dispatch("apply", [void 0, array_slice(arguments, 1)]);
};

Promise.prototype.fcall = function (/*...args*/) {
    return this.dispatch("apply", [void 0, array_slice(arguments)]);
};

/**
 * Binds the promised function, transforming return values into a fulfilled
 * promise and thrown errors into a rejected one.
 * @param object    promise or immediate reference for target function
 * @param ...args   array of application arguments
 */
Q.fbind = function (object /*...args*/) {
    var promise = Q(object);
    var args = array_slice(arguments, 1);
    return function fbound() {
        return promise.dispatch("apply", [
            this,
            args.concat(array_slice(arguments))
        ]);
    };
};
Promise.prototype.fbind = function (/*...args*/) {
    var promise = this;
    var args = array_slice(arguments);
    return function fbound() {
        return promise.dispatch("apply", [
            this,
            args.concat(array_slice(arguments))
        ]);
    };
};

/**
 * Requests the names of the owned properties of a promised
 * object in a future turn.
 * @param object    promise or immediate reference for target object
 * @return promise for the keys of the eventually settled object
 */
Q.keys = function (object) {
    return Q(object).dispatch("keys", []);
};

Promise.prototype.keys = function () {
    return this.dispatch("keys", []);
};

/**
 * Turns an array of promises into a promise for an array.  If any of
 * the promises gets rejected, the whole array is rejected immediately.
 * @param {Array*} an array (or promise for an array) of values (or
 * promises for values)
 * @returns a promise for an array of the corresponding values
 */
// By Mark Miller
// http://wiki.ecmascript.org/doku.php?id=strawman:concurrency&rev=1308776521#allfulfilled
Q.all = all;
function all(promises) {
    return when(promises, function (promises) {
        var pendingCount = 0;
        var deferred = defer();
        array_reduce(promises, function (undefined, promise, index) {
            var snapshot;
            if (
                isPromise(promise) &&
                (snapshot = promise.inspect()).state === "fulfilled"
            ) {
                promises[index] = snapshot.value;
            } else {
                ++pendingCount;
                when(
                    promise,
                    function (value) {
                        promises[index] = value;
                        if (--pendingCount === 0) {
                            deferred.resolve(promises);
                        }
                    },
                    deferred.reject,
                    function (progress) {
                        deferred.notify({ index: index, value: progress });
                    }
                );
            }
        }, void 0);
        if (pendingCount === 0) {
            deferred.resolve(promises);
        }
        return deferred.promise;
    });
}

Promise.prototype.all = function () {
    return all(this);
};

/**
 * Returns the first resolved promise of an array. Prior rejected promises are
 * ignored.  Rejects only if all promises are rejected.
 * @param {Array*} an array containing values or promises for values
 * @returns a promise fulfilled with the value of the first resolved promise,
 * or a rejected promise if all promises are rejected.
 */
Q.any = any;

function any(promises) {
    if (promises.length === 0) {
        return Q.resolve();
    }

    var deferred = Q.defer();
    var pendingCount = 0;
    array_reduce(promises, function (prev, current, index) {
        var promise = promises[index];

        pendingCount++;

        when(promise, onFulfilled, onRejected, onProgress);
        function onFulfilled(result) {
            deferred.resolve(result);
        }
        function onRejected(err) {
            pendingCount--;
            if (pendingCount === 0) {
                var rejection = err || new Error("" + err);

                rejection.message = ("Q can't get fulfillment value from any promise, all " +
                    "promises were rejected. Last error message: " + rejection.message);

                deferred.reject(rejection);
            }
        }
        function onProgress(progress) {
            deferred.notify({
                index: index,
                value: progress
            });
        }
    }, undefined);

    return deferred.promise;
}

Promise.prototype.any = function () {
    return any(this);
};

/**
 * Waits for all promises to be settled, either fulfilled or
 * rejected.  This is distinct from `all` since that would stop
 * waiting at the first rejection.  The promise returned by
 * `allResolved` will never be rejected.
 * @param promises a promise for an array (or an array) of promises
 * (or values)
 * @return a promise for an array of promises
 */
Q.allResolved = deprecate(allResolved, "allResolved", "allSettled");
function allResolved(promises) {
    return when(promises, function (promises) {
        promises = array_map(promises, Q);
        return when(all(array_map(promises, function (promise) {
            return when(promise, noop, noop);
        })), function () {
            return promises;
        });
    });
}

Promise.prototype.allResolved = function () {
    return allResolved(this);
};

/**
 * @see Promise#allSettled
 */
Q.allSettled = allSettled;
function allSettled(promises) {
    return Q(promises).allSettled();
}

/**
 * Turns an array of promises into a promise for an array of their states (as
 * returned by `inspect`) when they have all settled.
 * @param {Array[Any*]} values an array (or promise for an array) of values (or
 * promises for values)
 * @returns {Array[State]} an array of states for the respective values.
 */
Promise.prototype.allSettled = function () {
    return this.then(function (promises) {
        return all(array_map(promises, function (promise) {
            promise = Q(promise);
            function regardless() {
                return promise.inspect();
            }
            return promise.then(regardless, regardless);
        }));
    });
};

/**
 * Captures the failure of a promise, giving an oportunity to recover
 * with a callback.  If the given promise is fulfilled, the returned
 * promise is fulfilled.
 * @param {Any*} promise for something
 * @param {Function} callback to fulfill the returned promise if the
 * given promise is rejected
 * @returns a promise for the return value of the callback
 */
Q.fail = // XXX legacy
Q["catch"] = function (object, rejected) {
    return Q(object).then(void 0, rejected);
};

Promise.prototype.fail = // XXX legacy
Promise.prototype["catch"] = function (rejected) {
    return this.then(void 0, rejected);
};

/**
 * Attaches a listener that can respond to progress notifications from a
 * promise's originating deferred. This listener receives the exact arguments
 * passed to ``deferred.notify``.
 * @param {Any*} promise for something
 * @param {Function} callback to receive any progress notifications
 * @returns the given promise, unchanged
 */
Q.progress = progress;
function progress(object, progressed) {
    return Q(object).then(void 0, void 0, progressed);
}

Promise.prototype.progress = function (progressed) {
    return this.then(void 0, void 0, progressed);
};

/**
 * Provides an opportunity to observe the settling of a promise,
 * regardless of whether the promise is fulfilled or rejected.  Forwards
 * the resolution to the returned promise when the callback is done.
 * The callback can return a promise to defer completion.
 * @param {Any*} promise
 * @param {Function} callback to observe the resolution of the given
 * promise, takes no arguments.
 * @returns a promise for the resolution of the given promise when
 * ``fin`` is done.
 */
Q.fin = // XXX legacy
Q["finally"] = function (object, callback) {
    return Q(object)["finally"](callback);
};

Promise.prototype.fin = // XXX legacy
Promise.prototype["finally"] = function (callback) {
    if (!callback || typeof callback.apply !== "function") {
        throw new Error("Q can't apply finally callback");
    }
    callback = Q(callback);
    return this.then(function (value) {
        return callback.fcall().then(function () {
            return value;
        });
    }, function (reason) {
        // TODO attempt to recycle the rejection with "this".
        return callback.fcall().then(function () {
            throw reason;
        });
    });
};

/**
 * Terminates a chain of promises, forcing rejections to be
 * thrown as exceptions.
 * @param {Any*} promise at the end of a chain of promises
 * @returns nothing
 */
Q.done = function (object, fulfilled, rejected, progress) {
    return Q(object).done(fulfilled, rejected, progress);
};

Promise.prototype.done = function (fulfilled, rejected, progress) {
    var onUnhandledError = function (error) {
        // forward to a future turn so that ``when``
        // does not catch it and turn it into a rejection.
        Q.nextTick(function () {
            makeStackTraceLong(error, promise);
            if (Q.onerror) {
                Q.onerror(error);
            } else {
                throw error;
            }
        });
    };

    // Avoid unnecessary `nextTick`ing via an unnecessary `when`.
    var promise = fulfilled || rejected || progress ?
        this.then(fulfilled, rejected, progress) :
        this;

    if (typeof process === "object" && process && process.domain) {
        onUnhandledError = process.domain.bind(onUnhandledError);
    }

    promise.then(void 0, onUnhandledError);
};

/**
 * Causes a promise to be rejected if it does not get fulfilled before
 * some milliseconds time out.
 * @param {Any*} promise
 * @param {Number} milliseconds timeout
 * @param {Any*} custom error message or Error object (optional)
 * @returns a promise for the resolution of the given promise if it is
 * fulfilled before the timeout, otherwise rejected.
 */
Q.timeout = function (object, ms, error) {
    return Q(object).timeout(ms, error);
};

Promise.prototype.timeout = function (ms, error) {
    var deferred = defer();
    var timeoutId = setTimeout(function () {
        if (!error || "string" === typeof error) {
            error = new Error(error || "Timed out after " + ms + " ms");
            error.code = "ETIMEDOUT";
        }
        deferred.reject(error);
    }, ms);

    this.then(function (value) {
        clearTimeout(timeoutId);
        deferred.resolve(value);
    }, function (exception) {
        clearTimeout(timeoutId);
        deferred.reject(exception);
    }, deferred.notify);

    return deferred.promise;
};

/**
 * Returns a promise for the given value (or promised value), some
 * milliseconds after it resolved. Passes rejections immediately.
 * @param {Any*} promise
 * @param {Number} milliseconds
 * @returns a promise for the resolution of the given promise after milliseconds
 * time has elapsed since the resolution of the given promise.
 * If the given promise rejects, that is passed immediately.
 */
Q.delay = function (object, timeout) {
    if (timeout === void 0) {
        timeout = object;
        object = void 0;
    }
    return Q(object).delay(timeout);
};

Promise.prototype.delay = function (timeout) {
    return this.then(function (value) {
        var deferred = defer();
        setTimeout(function () {
            deferred.resolve(value);
        }, timeout);
        return deferred.promise;
    });
};

/**
 * Passes a continuation to a Node function, which is called with the given
 * arguments provided as an array, and returns a promise.
 *
 *      Q.nfapply(FS.readFile, [__filename])
 *      .then(function (content) {
 *      })
 *
 */
Q.nfapply = function (callback, args) {
    return Q(callback).nfapply(args);
};

Promise.prototype.nfapply = function (args) {
    var deferred = defer();
    var nodeArgs = array_slice(args);
    nodeArgs.push(deferred.makeNodeResolver());
    this.fapply(nodeArgs).fail(deferred.reject);
    return deferred.promise;
};

/**
 * Passes a continuation to a Node function, which is called with the given
 * arguments provided individually, and returns a promise.
 * @example
 * Q.nfcall(FS.readFile, __filename)
 * .then(function (content) {
 * })
 *
 */
Q.nfcall = function (callback /*...args*/) {
    var args = array_slice(arguments, 1);
    return Q(callback).nfapply(args);
};

Promise.prototype.nfcall = function (/*...args*/) {
    var nodeArgs = array_slice(arguments);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    this.fapply(nodeArgs).fail(deferred.reject);
    return deferred.promise;
};

/**
 * Wraps a NodeJS continuation passing function and returns an equivalent
 * version that returns a promise.
 * @example
 * Q.nfbind(FS.readFile, __filename)("utf-8")
 * .then(console.log)
 * .done()
 */
Q.nfbind =
Q.denodeify = function (callback /*...args*/) {
    if (callback === undefined) {
        throw new Error("Q can't wrap an undefined function");
    }
    var baseArgs = array_slice(arguments, 1);
    return function () {
        var nodeArgs = baseArgs.concat(array_slice(arguments));
        var deferred = defer();
        nodeArgs.push(deferred.makeNodeResolver());
        Q(callback).fapply(nodeArgs).fail(deferred.reject);
        return deferred.promise;
    };
};

Promise.prototype.nfbind =
Promise.prototype.denodeify = function (/*...args*/) {
    var args = array_slice(arguments);
    args.unshift(this);
    return Q.denodeify.apply(void 0, args);
};

Q.nbind = function (callback, thisp /*...args*/) {
    var baseArgs = array_slice(arguments, 2);
    return function () {
        var nodeArgs = baseArgs.concat(array_slice(arguments));
        var deferred = defer();
        nodeArgs.push(deferred.makeNodeResolver());
        function bound() {
            return callback.apply(thisp, arguments);
        }
        Q(bound).fapply(nodeArgs).fail(deferred.reject);
        return deferred.promise;
    };
};

Promise.prototype.nbind = function (/*thisp, ...args*/) {
    var args = array_slice(arguments, 0);
    args.unshift(this);
    return Q.nbind.apply(void 0, args);
};

/**
 * Calls a method of a Node-style object that accepts a Node-style
 * callback with a given array of arguments, plus a provided callback.
 * @param object an object that has the named method
 * @param {String} name name of the method of object
 * @param {Array} args arguments to pass to the method; the callback
 * will be provided by Q and appended to these arguments.
 * @returns a promise for the value or error
 */
Q.nmapply = // XXX As proposed by "Redsandro"
Q.npost = function (object, name, args) {
    return Q(object).npost(name, args);
};

Promise.prototype.nmapply = // XXX As proposed by "Redsandro"
Promise.prototype.npost = function (name, args) {
    var nodeArgs = array_slice(args || []);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    this.dispatch("post", [name, nodeArgs]).fail(deferred.reject);
    return deferred.promise;
};

/**
 * Calls a method of a Node-style object that accepts a Node-style
 * callback, forwarding the given variadic arguments, plus a provided
 * callback argument.
 * @param object an object that has the named method
 * @param {String} name name of the method of object
 * @param ...args arguments to pass to the method; the callback will
 * be provided by Q and appended to these arguments.
 * @returns a promise for the value or error
 */
Q.nsend = // XXX Based on Mark Miller's proposed "send"
Q.nmcall = // XXX Based on "Redsandro's" proposal
Q.ninvoke = function (object, name /*...args*/) {
    var nodeArgs = array_slice(arguments, 2);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    Q(object).dispatch("post", [name, nodeArgs]).fail(deferred.reject);
    return deferred.promise;
};

Promise.prototype.nsend = // XXX Based on Mark Miller's proposed "send"
Promise.prototype.nmcall = // XXX Based on "Redsandro's" proposal
Promise.prototype.ninvoke = function (name /*...args*/) {
    var nodeArgs = array_slice(arguments, 1);
    var deferred = defer();
    nodeArgs.push(deferred.makeNodeResolver());
    this.dispatch("post", [name, nodeArgs]).fail(deferred.reject);
    return deferred.promise;
};

/**
 * If a function would like to support both Node continuation-passing-style and
 * promise-returning-style, it can end its internal promise chain with
 * `nodeify(nodeback)`, forwarding the optional nodeback argument.  If the user
 * elects to use a nodeback, the result will be sent there.  If they do not
 * pass a nodeback, they will receive the result promise.
 * @param object a result (or a promise for a result)
 * @param {Function} nodeback a Node.js-style callback
 * @returns either the promise or nothing
 */
Q.nodeify = nodeify;
function nodeify(object, nodeback) {
    return Q(object).nodeify(nodeback);
}

Promise.prototype.nodeify = function (nodeback) {
    if (nodeback) {
        this.then(function (value) {
            Q.nextTick(function () {
                nodeback(null, value);
            });
        }, function (error) {
            Q.nextTick(function () {
                nodeback(error);
            });
        });
    } else {
        return this;
    }
};

Q.noConflict = function() {
    throw new Error("Q.noConflict only works when Q is used as a global");
};

// All code before this point will be filtered from stack traces.
var qEndingLine = captureLine();

return Q;

});


/***/ }),

/***/ 318:
/***/ ((module, exports) => {

exports = module.exports = SemVer

var debug
/* istanbul ignore next */
if (typeof process === 'object' &&
    process.env &&
    process.env.NODE_DEBUG &&
    /\bsemver\b/i.test(process.env.NODE_DEBUG)) {
  debug = function () {
    var args = Array.prototype.slice.call(arguments, 0)
    args.unshift('SEMVER')
    console.log.apply(console, args)
  }
} else {
  debug = function () {}
}

// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
exports.SEMVER_SPEC_VERSION = '2.0.0'

var MAX_LENGTH = 256
var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
  /* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
var MAX_SAFE_COMPONENT_LENGTH = 16

var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// The actual regexps go on exports.re
var re = exports.re = []
var safeRe = exports.safeRe = []
var src = exports.src = []
var R = 0

var LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
var safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

function makeSafeRe (value) {
  for (var i = 0; i < safeRegexReplacements.length; i++) {
    var token = safeRegexReplacements[i][0]
    var max = safeRegexReplacements[i][1]
    value = value
      .split(token + '*').join(token + '{0,' + max + '}')
      .split(token + '+').join(token + '{1,' + max + '}')
  }
  return value
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

var NUMERICIDENTIFIER = R++
src[NUMERICIDENTIFIER] = '0|[1-9]\\d*'
var NUMERICIDENTIFIERLOOSE = R++
src[NUMERICIDENTIFIERLOOSE] = '\\d+'

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

var NONNUMERICIDENTIFIER = R++
src[NONNUMERICIDENTIFIER] = '\\d*[a-zA-Z-]' + LETTERDASHNUMBER + '*'

// ## Main Version
// Three dot-separated numeric identifiers.

var MAINVERSION = R++
src[MAINVERSION] = '(' + src[NUMERICIDENTIFIER] + ')\\.' +
                   '(' + src[NUMERICIDENTIFIER] + ')\\.' +
                   '(' + src[NUMERICIDENTIFIER] + ')'

var MAINVERSIONLOOSE = R++
src[MAINVERSIONLOOSE] = '(' + src[NUMERICIDENTIFIERLOOSE] + ')\\.' +
                        '(' + src[NUMERICIDENTIFIERLOOSE] + ')\\.' +
                        '(' + src[NUMERICIDENTIFIERLOOSE] + ')'

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.

var PRERELEASEIDENTIFIER = R++
src[PRERELEASEIDENTIFIER] = '(?:' + src[NUMERICIDENTIFIER] +
                            '|' + src[NONNUMERICIDENTIFIER] + ')'

var PRERELEASEIDENTIFIERLOOSE = R++
src[PRERELEASEIDENTIFIERLOOSE] = '(?:' + src[NUMERICIDENTIFIERLOOSE] +
                                 '|' + src[NONNUMERICIDENTIFIER] + ')'

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

var PRERELEASE = R++
src[PRERELEASE] = '(?:-(' + src[PRERELEASEIDENTIFIER] +
                  '(?:\\.' + src[PRERELEASEIDENTIFIER] + ')*))'

var PRERELEASELOOSE = R++
src[PRERELEASELOOSE] = '(?:-?(' + src[PRERELEASEIDENTIFIERLOOSE] +
                       '(?:\\.' + src[PRERELEASEIDENTIFIERLOOSE] + ')*))'

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

var BUILDIDENTIFIER = R++
src[BUILDIDENTIFIER] = LETTERDASHNUMBER + '+'

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

var BUILD = R++
src[BUILD] = '(?:\\+(' + src[BUILDIDENTIFIER] +
             '(?:\\.' + src[BUILDIDENTIFIER] + ')*))'

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

var FULL = R++
var FULLPLAIN = 'v?' + src[MAINVERSION] +
                src[PRERELEASE] + '?' +
                src[BUILD] + '?'

src[FULL] = '^' + FULLPLAIN + '$'

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
var LOOSEPLAIN = '[v=\\s]*' + src[MAINVERSIONLOOSE] +
                 src[PRERELEASELOOSE] + '?' +
                 src[BUILD] + '?'

var LOOSE = R++
src[LOOSE] = '^' + LOOSEPLAIN + '$'

var GTLT = R++
src[GTLT] = '((?:<|>)?=?)'

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifer, meaning "any version"
// Only the first item is strictly required.
var XRANGEIDENTIFIERLOOSE = R++
src[XRANGEIDENTIFIERLOOSE] = src[NUMERICIDENTIFIERLOOSE] + '|x|X|\\*'
var XRANGEIDENTIFIER = R++
src[XRANGEIDENTIFIER] = src[NUMERICIDENTIFIER] + '|x|X|\\*'

var XRANGEPLAIN = R++
src[XRANGEPLAIN] = '[v=\\s]*(' + src[XRANGEIDENTIFIER] + ')' +
                   '(?:\\.(' + src[XRANGEIDENTIFIER] + ')' +
                   '(?:\\.(' + src[XRANGEIDENTIFIER] + ')' +
                   '(?:' + src[PRERELEASE] + ')?' +
                   src[BUILD] + '?' +
                   ')?)?'

var XRANGEPLAINLOOSE = R++
src[XRANGEPLAINLOOSE] = '[v=\\s]*(' + src[XRANGEIDENTIFIERLOOSE] + ')' +
                        '(?:\\.(' + src[XRANGEIDENTIFIERLOOSE] + ')' +
                        '(?:\\.(' + src[XRANGEIDENTIFIERLOOSE] + ')' +
                        '(?:' + src[PRERELEASELOOSE] + ')?' +
                        src[BUILD] + '?' +
                        ')?)?'

var XRANGE = R++
src[XRANGE] = '^' + src[GTLT] + '\\s*' + src[XRANGEPLAIN] + '$'
var XRANGELOOSE = R++
src[XRANGELOOSE] = '^' + src[GTLT] + '\\s*' + src[XRANGEPLAINLOOSE] + '$'

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
var COERCE = R++
src[COERCE] = '(?:^|[^\\d])' +
              '(\\d{1,' + MAX_SAFE_COMPONENT_LENGTH + '})' +
              '(?:\\.(\\d{1,' + MAX_SAFE_COMPONENT_LENGTH + '}))?' +
              '(?:\\.(\\d{1,' + MAX_SAFE_COMPONENT_LENGTH + '}))?' +
              '(?:$|[^\\d])'

// Tilde ranges.
// Meaning is "reasonably at or greater than"
var LONETILDE = R++
src[LONETILDE] = '(?:~>?)'

var TILDETRIM = R++
src[TILDETRIM] = '(\\s*)' + src[LONETILDE] + '\\s+'
re[TILDETRIM] = new RegExp(src[TILDETRIM], 'g')
safeRe[TILDETRIM] = new RegExp(makeSafeRe(src[TILDETRIM]), 'g')
var tildeTrimReplace = '$1~'

var TILDE = R++
src[TILDE] = '^' + src[LONETILDE] + src[XRANGEPLAIN] + '$'
var TILDELOOSE = R++
src[TILDELOOSE] = '^' + src[LONETILDE] + src[XRANGEPLAINLOOSE] + '$'

// Caret ranges.
// Meaning is "at least and backwards compatible with"
var LONECARET = R++
src[LONECARET] = '(?:\\^)'

var CARETTRIM = R++
src[CARETTRIM] = '(\\s*)' + src[LONECARET] + '\\s+'
re[CARETTRIM] = new RegExp(src[CARETTRIM], 'g')
safeRe[CARETTRIM] = new RegExp(makeSafeRe(src[CARETTRIM]), 'g')
var caretTrimReplace = '$1^'

var CARET = R++
src[CARET] = '^' + src[LONECARET] + src[XRANGEPLAIN] + '$'
var CARETLOOSE = R++
src[CARETLOOSE] = '^' + src[LONECARET] + src[XRANGEPLAINLOOSE] + '$'

// A simple gt/lt/eq thing, or just "" to indicate "any version"
var COMPARATORLOOSE = R++
src[COMPARATORLOOSE] = '^' + src[GTLT] + '\\s*(' + LOOSEPLAIN + ')$|^$'
var COMPARATOR = R++
src[COMPARATOR] = '^' + src[GTLT] + '\\s*(' + FULLPLAIN + ')$|^$'

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
var COMPARATORTRIM = R++
src[COMPARATORTRIM] = '(\\s*)' + src[GTLT] +
                      '\\s*(' + LOOSEPLAIN + '|' + src[XRANGEPLAIN] + ')'

// this one has to use the /g flag
re[COMPARATORTRIM] = new RegExp(src[COMPARATORTRIM], 'g')
safeRe[COMPARATORTRIM] = new RegExp(makeSafeRe(src[COMPARATORTRIM]), 'g')

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
var HYPHENRANGE = R++
src[HYPHENRANGE] = '^\\s*(' + src[XRANGEPLAIN] + ')' +
                   '\\s+-\\s+' +
                   '(' + src[XRANGEPLAIN] + ')' +
                   '\\s*$'

var HYPHENRANGELOOSE = R++
src[HYPHENRANGELOOSE] = '^\\s*(' + src[XRANGEPLAINLOOSE] + ')' +
                        '\\s+-\\s+' +
                        '(' + src[XRANGEPLAINLOOSE] + ')' +
                        '\\s*$'

// Star ranges basically just allow anything at all.
var STAR = R++
src[STAR] = '(<|>)?=?\\s*\\*'

// Compile to actual regexp objects.
// All are flag-free, unless they were created above with a flag.
for (var i = 0; i < R; i++) {
  debug(i, src[i])
  if (!re[i]) {
    re[i] = new RegExp(src[i])

    // Replace all greedy whitespace to prevent regex dos issues. These regex are
    // used internally via the safeRe object since all inputs in this library get
    // normalized first to trim and collapse all extra whitespace. The original
    // regexes are exported for userland consumption and lower level usage. A
    // future breaking change could export the safer regex only with a note that
    // all input should have extra whitespace removed.
    safeRe[i] = new RegExp(makeSafeRe(src[i]))
  }
}

exports.parse = parse
function parse (version, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  if (version instanceof SemVer) {
    return version
  }

  if (typeof version !== 'string') {
    return null
  }

  if (version.length > MAX_LENGTH) {
    return null
  }

  var r = options.loose ? safeRe[LOOSE] : safeRe[FULL]
  if (!r.test(version)) {
    return null
  }

  try {
    return new SemVer(version, options)
  } catch (er) {
    return null
  }
}

exports.valid = valid
function valid (version, options) {
  var v = parse(version, options)
  return v ? v.version : null
}

exports.clean = clean
function clean (version, options) {
  var s = parse(version.trim().replace(/^[=v]+/, ''), options)
  return s ? s.version : null
}

exports.SemVer = SemVer

function SemVer (version, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }
  if (version instanceof SemVer) {
    if (version.loose === options.loose) {
      return version
    } else {
      version = version.version
    }
  } else if (typeof version !== 'string') {
    throw new TypeError('Invalid Version: ' + version)
  }

  if (version.length > MAX_LENGTH) {
    throw new TypeError('version is longer than ' + MAX_LENGTH + ' characters')
  }

  if (!(this instanceof SemVer)) {
    return new SemVer(version, options)
  }

  debug('SemVer', version, options)
  this.options = options
  this.loose = !!options.loose

  var m = version.trim().match(options.loose ? safeRe[LOOSE] : safeRe[FULL])

  if (!m) {
    throw new TypeError('Invalid Version: ' + version)
  }

  this.raw = version

  // these are actually numbers
  this.major = +m[1]
  this.minor = +m[2]
  this.patch = +m[3]

  if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
    throw new TypeError('Invalid major version')
  }

  if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
    throw new TypeError('Invalid minor version')
  }

  if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
    throw new TypeError('Invalid patch version')
  }

  // numberify any prerelease numeric ids
  if (!m[4]) {
    this.prerelease = []
  } else {
    this.prerelease = m[4].split('.').map(function (id) {
      if (/^[0-9]+$/.test(id)) {
        var num = +id
        if (num >= 0 && num < MAX_SAFE_INTEGER) {
          return num
        }
      }
      return id
    })
  }

  this.build = m[5] ? m[5].split('.') : []
  this.format()
}

SemVer.prototype.format = function () {
  this.version = this.major + '.' + this.minor + '.' + this.patch
  if (this.prerelease.length) {
    this.version += '-' + this.prerelease.join('.')
  }
  return this.version
}

SemVer.prototype.toString = function () {
  return this.version
}

SemVer.prototype.compare = function (other) {
  debug('SemVer.compare', this.version, this.options, other)
  if (!(other instanceof SemVer)) {
    other = new SemVer(other, this.options)
  }

  return this.compareMain(other) || this.comparePre(other)
}

SemVer.prototype.compareMain = function (other) {
  if (!(other instanceof SemVer)) {
    other = new SemVer(other, this.options)
  }

  return compareIdentifiers(this.major, other.major) ||
         compareIdentifiers(this.minor, other.minor) ||
         compareIdentifiers(this.patch, other.patch)
}

SemVer.prototype.comparePre = function (other) {
  if (!(other instanceof SemVer)) {
    other = new SemVer(other, this.options)
  }

  // NOT having a prerelease is > having one
  if (this.prerelease.length && !other.prerelease.length) {
    return -1
  } else if (!this.prerelease.length && other.prerelease.length) {
    return 1
  } else if (!this.prerelease.length && !other.prerelease.length) {
    return 0
  }

  var i = 0
  do {
    var a = this.prerelease[i]
    var b = other.prerelease[i]
    debug('prerelease compare', i, a, b)
    if (a === undefined && b === undefined) {
      return 0
    } else if (b === undefined) {
      return 1
    } else if (a === undefined) {
      return -1
    } else if (a === b) {
      continue
    } else {
      return compareIdentifiers(a, b)
    }
  } while (++i)
}

// preminor will bump the version up to the next minor release, and immediately
// down to pre-release. premajor and prepatch work the same way.
SemVer.prototype.inc = function (release, identifier) {
  switch (release) {
    case 'premajor':
      this.prerelease.length = 0
      this.patch = 0
      this.minor = 0
      this.major++
      this.inc('pre', identifier)
      break
    case 'preminor':
      this.prerelease.length = 0
      this.patch = 0
      this.minor++
      this.inc('pre', identifier)
      break
    case 'prepatch':
      // If this is already a prerelease, it will bump to the next version
      // drop any prereleases that might already exist, since they are not
      // relevant at this point.
      this.prerelease.length = 0
      this.inc('patch', identifier)
      this.inc('pre', identifier)
      break
    // If the input is a non-prerelease version, this acts the same as
    // prepatch.
    case 'prerelease':
      if (this.prerelease.length === 0) {
        this.inc('patch', identifier)
      }
      this.inc('pre', identifier)
      break

    case 'major':
      // If this is a pre-major version, bump up to the same major version.
      // Otherwise increment major.
      // 1.0.0-5 bumps to 1.0.0
      // 1.1.0 bumps to 2.0.0
      if (this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0) {
        this.major++
      }
      this.minor = 0
      this.patch = 0
      this.prerelease = []
      break
    case 'minor':
      // If this is a pre-minor version, bump up to the same minor version.
      // Otherwise increment minor.
      // 1.2.0-5 bumps to 1.2.0
      // 1.2.1 bumps to 1.3.0
      if (this.patch !== 0 || this.prerelease.length === 0) {
        this.minor++
      }
      this.patch = 0
      this.prerelease = []
      break
    case 'patch':
      // If this is not a pre-release version, it will increment the patch.
      // If it is a pre-release it will bump up to the same patch version.
      // 1.2.0-5 patches to 1.2.0
      // 1.2.0 patches to 1.2.1
      if (this.prerelease.length === 0) {
        this.patch++
      }
      this.prerelease = []
      break
    // This probably shouldn't be used publicly.
    // 1.0.0 "pre" would become 1.0.0-0 which is the wrong direction.
    case 'pre':
      if (this.prerelease.length === 0) {
        this.prerelease = [0]
      } else {
        var i = this.prerelease.length
        while (--i >= 0) {
          if (typeof this.prerelease[i] === 'number') {
            this.prerelease[i]++
            i = -2
          }
        }
        if (i === -1) {
          // didn't increment anything
          this.prerelease.push(0)
        }
      }
      if (identifier) {
        // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
        // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
        if (this.prerelease[0] === identifier) {
          if (isNaN(this.prerelease[1])) {
            this.prerelease = [identifier, 0]
          }
        } else {
          this.prerelease = [identifier, 0]
        }
      }
      break

    default:
      throw new Error('invalid increment argument: ' + release)
  }
  this.format()
  this.raw = this.version
  return this
}

exports.inc = inc
function inc (version, release, loose, identifier) {
  if (typeof (loose) === 'string') {
    identifier = loose
    loose = undefined
  }

  try {
    return new SemVer(version, loose).inc(release, identifier).version
  } catch (er) {
    return null
  }
}

exports.diff = diff
function diff (version1, version2) {
  if (eq(version1, version2)) {
    return null
  } else {
    var v1 = parse(version1)
    var v2 = parse(version2)
    var prefix = ''
    if (v1.prerelease.length || v2.prerelease.length) {
      prefix = 'pre'
      var defaultResult = 'prerelease'
    }
    for (var key in v1) {
      if (key === 'major' || key === 'minor' || key === 'patch') {
        if (v1[key] !== v2[key]) {
          return prefix + key
        }
      }
    }
    return defaultResult // may be undefined
  }
}

exports.compareIdentifiers = compareIdentifiers

var numeric = /^[0-9]+$/
function compareIdentifiers (a, b) {
  var anum = numeric.test(a)
  var bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

exports.rcompareIdentifiers = rcompareIdentifiers
function rcompareIdentifiers (a, b) {
  return compareIdentifiers(b, a)
}

exports.major = major
function major (a, loose) {
  return new SemVer(a, loose).major
}

exports.minor = minor
function minor (a, loose) {
  return new SemVer(a, loose).minor
}

exports.patch = patch
function patch (a, loose) {
  return new SemVer(a, loose).patch
}

exports.compare = compare
function compare (a, b, loose) {
  return new SemVer(a, loose).compare(new SemVer(b, loose))
}

exports.compareLoose = compareLoose
function compareLoose (a, b) {
  return compare(a, b, true)
}

exports.rcompare = rcompare
function rcompare (a, b, loose) {
  return compare(b, a, loose)
}

exports.sort = sort
function sort (list, loose) {
  return list.sort(function (a, b) {
    return exports.compare(a, b, loose)
  })
}

exports.rsort = rsort
function rsort (list, loose) {
  return list.sort(function (a, b) {
    return exports.rcompare(a, b, loose)
  })
}

exports.gt = gt
function gt (a, b, loose) {
  return compare(a, b, loose) > 0
}

exports.lt = lt
function lt (a, b, loose) {
  return compare(a, b, loose) < 0
}

exports.eq = eq
function eq (a, b, loose) {
  return compare(a, b, loose) === 0
}

exports.neq = neq
function neq (a, b, loose) {
  return compare(a, b, loose) !== 0
}

exports.gte = gte
function gte (a, b, loose) {
  return compare(a, b, loose) >= 0
}

exports.lte = lte
function lte (a, b, loose) {
  return compare(a, b, loose) <= 0
}

exports.cmp = cmp
function cmp (a, op, b, loose) {
  switch (op) {
    case '===':
      if (typeof a === 'object')
        a = a.version
      if (typeof b === 'object')
        b = b.version
      return a === b

    case '!==':
      if (typeof a === 'object')
        a = a.version
      if (typeof b === 'object')
        b = b.version
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError('Invalid operator: ' + op)
  }
}

exports.Comparator = Comparator
function Comparator (comp, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  if (comp instanceof Comparator) {
    if (comp.loose === !!options.loose) {
      return comp
    } else {
      comp = comp.value
    }
  }

  if (!(this instanceof Comparator)) {
    return new Comparator(comp, options)
  }

  comp = comp.trim().split(/\s+/).join(' ')
  debug('comparator', comp, options)
  this.options = options
  this.loose = !!options.loose
  this.parse(comp)

  if (this.semver === ANY) {
    this.value = ''
  } else {
    this.value = this.operator + this.semver.version
  }

  debug('comp', this)
}

var ANY = {}
Comparator.prototype.parse = function (comp) {
  var r = this.options.loose ? safeRe[COMPARATORLOOSE] : safeRe[COMPARATOR]
  var m = comp.match(r)

  if (!m) {
    throw new TypeError('Invalid comparator: ' + comp)
  }

  this.operator = m[1]
  if (this.operator === '=') {
    this.operator = ''
  }

  // if it literally is just '>' or '' then allow anything.
  if (!m[2]) {
    this.semver = ANY
  } else {
    this.semver = new SemVer(m[2], this.options.loose)
  }
}

Comparator.prototype.toString = function () {
  return this.value
}

Comparator.prototype.test = function (version) {
  debug('Comparator.test', version, this.options.loose)

  if (this.semver === ANY) {
    return true
  }

  if (typeof version === 'string') {
    version = new SemVer(version, this.options)
  }

  return cmp(version, this.operator, this.semver, this.options)
}

Comparator.prototype.intersects = function (comp, options) {
  if (!(comp instanceof Comparator)) {
    throw new TypeError('a Comparator is required')
  }

  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  var rangeTmp

  if (this.operator === '') {
    rangeTmp = new Range(comp.value, options)
    return satisfies(this.value, rangeTmp, options)
  } else if (comp.operator === '') {
    rangeTmp = new Range(this.value, options)
    return satisfies(comp.semver, rangeTmp, options)
  }

  var sameDirectionIncreasing =
    (this.operator === '>=' || this.operator === '>') &&
    (comp.operator === '>=' || comp.operator === '>')
  var sameDirectionDecreasing =
    (this.operator === '<=' || this.operator === '<') &&
    (comp.operator === '<=' || comp.operator === '<')
  var sameSemVer = this.semver.version === comp.semver.version
  var differentDirectionsInclusive =
    (this.operator === '>=' || this.operator === '<=') &&
    (comp.operator === '>=' || comp.operator === '<=')
  var oppositeDirectionsLessThan =
    cmp(this.semver, '<', comp.semver, options) &&
    ((this.operator === '>=' || this.operator === '>') &&
    (comp.operator === '<=' || comp.operator === '<'))
  var oppositeDirectionsGreaterThan =
    cmp(this.semver, '>', comp.semver, options) &&
    ((this.operator === '<=' || this.operator === '<') &&
    (comp.operator === '>=' || comp.operator === '>'))

  return sameDirectionIncreasing || sameDirectionDecreasing ||
    (sameSemVer && differentDirectionsInclusive) ||
    oppositeDirectionsLessThan || oppositeDirectionsGreaterThan
}

exports.Range = Range
function Range (range, options) {
  if (!options || typeof options !== 'object') {
    options = {
      loose: !!options,
      includePrerelease: false
    }
  }

  if (range instanceof Range) {
    if (range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease) {
      return range
    } else {
      return new Range(range.raw, options)
    }
  }

  if (range instanceof Comparator) {
    return new Range(range.value, options)
  }

  if (!(this instanceof Range)) {
    return new Range(range, options)
  }

  this.options = options
  this.loose = !!options.loose
  this.includePrerelease = !!options.includePrerelease

  // First reduce all whitespace as much as possible so we do not have to rely
  // on potentially slow regexes like \s*. This is then stored and used for
  // future error messages as well.
  this.raw = range
    .trim()
    .split(/\s+/)
    .join(' ')

  // First, split based on boolean or ||
  this.set = this.raw.split('||').map(function (range) {
    return this.parseRange(range.trim())
  }, this).filter(function (c) {
    // throw out any that are not relevant for whatever reason
    return c.length
  })

  if (!this.set.length) {
    throw new TypeError('Invalid SemVer Range: ' + this.raw)
  }

  this.format()
}

Range.prototype.format = function () {
  this.range = this.set.map(function (comps) {
    return comps.join(' ').trim()
  }).join('||').trim()
  return this.range
}

Range.prototype.toString = function () {
  return this.range
}

function isWhitespace (char) {
  var code = char && char.charCodeAt(0)
  return (code >= 0x0009 && code <= 0x000d) ||
    code === 0x0020 || code === 0x00a0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff
}

function isVersionPrefix (char) {
  return char === 'v' || char === '=' || isWhitespace(char)
}

function isDigit (char) {
  return char !== undefined && char >= '0' && char <= '9'
}

function isLetter (char) {
  return char !== undefined &&
    ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'))
}

function isIdentifierCharacter (char) {
  return isDigit(char) || isLetter(char) || char === '-'
}

function isVersionStart (char) {
  return isDigit(char) || char === 'x' || char === 'X' || char === '*'
}

function findDigitsEndIndex (range, start, limit, digitRuns) {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  var end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second digit run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

function findVersionNumberEndIndex (range, start, loose, digitRuns) {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

function findPrereleaseIdentifierEndIndex (range, start, loose, digitRuns) {
  // Unlike v7, the legacy regex tries numeric identifiers before nonnumeric ones.
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, loose, digitRuns)
  }
  if (!isLetter(range[start]) && range[start] !== '-') {
    return start
  }
  var end = start + 1
  var limit = end + MAX_SAFE_BUILD_LENGTH
  while (end < limit && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

function findPrereleaseEndIndex (range, start, loose, digitRuns) {
  var hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  var identifierStart = start + (hyphen ? 1 : 0)
  var end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    var next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

function findBuildEndIndex (range, start) {
  if (range[start] !== '+') {
    return start
  }
  var end = start + 1
  do {
    var identifierStart = end
    while (end - identifierStart < MAX_SAFE_BUILD_LENGTH &&
        isIdentifierCharacter(range[end])) {
      end++
    }
    if (end === identifierStart) {
      return identifierStart === start + 1 ? start : end - 1
    }
    if (range[end] !== '.') {
      return end
    }
    end++
  } while (true)
}

function findLooseFullVersionEndIndex (range, start, digitRuns) {
  var end = start
  for (var component = 0; component < 3; component++) {
    var next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  return findBuildEndIndex(range, findPrereleaseEndIndex(range, end, true, digitRuns))
}

function findPartialVersionComponentEndIndex (range, start, digitRuns) {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

function findVersionEndIndex (range, start, digitRuns) {
  var end = findLooseFullVersionEndIndex(range, start, digitRuns)
  if (end !== start) {
    return end
  }
  end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (var component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    var next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  return findBuildEndIndex(range, findPrereleaseEndIndex(range, end, false, digitRuns))
}

function findRemovableWhitespaceIndex (range, position) {
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

function trimComparatorWhitespace (range) {
  var result = ''
  var copyFrom = 0
  var cursor = 0
  var digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }
  while (cursor < range.length) {
    var matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }
    var whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }
    // Preserve match boundaries inside prerelease and build identifiers.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }
  return result + range.slice(copyFrom)
}

Range.prototype.parseRange = function (range) {
  var loose = this.options.loose
  // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
  var hr = loose ? safeRe[HYPHENRANGELOOSE] : safeRe[HYPHENRANGE]
  range = range.replace(hr, hyphenReplace)
  debug('hyphen replace', range)
  // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
  range = trimComparatorWhitespace(range)
  debug('comparator trim', range)

  // `~ 1.2.3` => `~1.2.3`
  range = range.replace(safeRe[TILDETRIM], tildeTrimReplace)

  // `^ 1.2.3` => `^1.2.3`
  range = range.replace(safeRe[CARETTRIM], caretTrimReplace)

  // At this point, the range is completely trimmed and
  // ready to be split into comparators.
  var compRe = loose ? safeRe[COMPARATORLOOSE] : safeRe[COMPARATOR]
  var set = range.split(' ').map(function (comp) {
    return parseComparator(comp, this.options)
  }, this).join(' ').split(/\s+/)
  if (this.options.loose) {
    // in loose mode, throw out any that are not valid comparators
    set = set.filter(function (comp) {
      return !!comp.match(compRe)
    })
  }
  set = set.map(function (comp) {
    return new Comparator(comp, this.options)
  }, this)

  return set
}

Range.prototype.intersects = function (range, options) {
  if (!(range instanceof Range)) {
    throw new TypeError('a Range is required')
  }

  return this.set.some(function (thisComparators) {
    return thisComparators.every(function (thisComparator) {
      return range.set.some(function (rangeComparators) {
        return rangeComparators.every(function (rangeComparator) {
          return thisComparator.intersects(rangeComparator, options)
        })
      })
    })
  })
}

// Mostly just for testing and legacy API reasons
exports.toComparators = toComparators
function toComparators (range, options) {
  return new Range(range, options).set.map(function (comp) {
    return comp.map(function (c) {
      return c.value
    }).join(' ').trim().split(' ')
  })
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
function parseComparator (comp, options) {
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

function isX (id) {
  return !id || id.toLowerCase() === 'x' || id === '*'
}

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0
function replaceTildes (comp, options) {
  return comp.trim().split(/\s+/).map(function (comp) {
    return replaceTilde(comp, options)
  }).join(' ')
}

function replaceTilde (comp, options) {
  var r = options.loose ? safeRe[TILDELOOSE] : safeRe[TILDE]
  return comp.replace(r, function (_, M, m, p, pr) {
    debug('tilde', comp, _, M, m, p, pr)
    var ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = '>=' + M + '.0.0 <' + (+M + 1) + '.0.0'
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0
      ret = '>=' + M + '.' + m + '.0 <' + M + '.' + (+m + 1) + '.0'
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
            ' <' + M + '.' + (+m + 1) + '.0'
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0
      ret = '>=' + M + '.' + m + '.' + p +
            ' <' + M + '.' + (+m + 1) + '.0'
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0
// ^1.2.3 --> >=1.2.3 <2.0.0
// ^1.2.0 --> >=1.2.0 <2.0.0
function replaceCarets (comp, options) {
  return comp.trim().split(/\s+/).map(function (comp) {
    return replaceCaret(comp, options)
  }).join(' ')
}

function replaceCaret (comp, options) {
  debug('caret', comp, options)
  var r = options.loose ? safeRe[CARETLOOSE] : safeRe[CARET]
  return comp.replace(r, function (_, M, m, p, pr) {
    debug('caret', comp, _, M, m, p, pr)
    var ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = '>=' + M + '.0.0 <' + (+M + 1) + '.0.0'
    } else if (isX(p)) {
      if (M === '0') {
        ret = '>=' + M + '.' + m + '.0 <' + M + '.' + (+m + 1) + '.0'
      } else {
        ret = '>=' + M + '.' + m + '.0 <' + (+M + 1) + '.0.0'
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
                ' <' + M + '.' + m + '.' + (+p + 1)
        } else {
          ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
                ' <' + M + '.' + (+m + 1) + '.0'
        }
      } else {
        ret = '>=' + M + '.' + m + '.' + p + '-' + pr +
              ' <' + (+M + 1) + '.0.0'
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = '>=' + M + '.' + m + '.' + p +
                ' <' + M + '.' + m + '.' + (+p + 1)
        } else {
          ret = '>=' + M + '.' + m + '.' + p +
                ' <' + M + '.' + (+m + 1) + '.0'
        }
      } else {
        ret = '>=' + M + '.' + m + '.' + p +
              ' <' + (+M + 1) + '.0.0'
      }
    }

    debug('caret return', ret)
    return ret
  })
}

function replaceXRanges (comp, options) {
  debug('replaceXRanges', comp, options)
  return comp.split(/\s+/).map(function (comp) {
    return replaceXRange(comp, options)
  }).join(' ')
}

function replaceXRange (comp, options) {
  comp = comp.trim()
  var r = options.loose ? safeRe[XRANGELOOSE] : safeRe[XRANGE]
  return comp.replace(r, function (ret, gtlt, M, m, p, pr) {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    var xM = isX(M)
    var xm = xM || isX(m)
    var xp = xm || isX(p)
    var anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        // >1.2.3 => >= 1.2.4
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      ret = gtlt + M + '.' + m + '.' + p
    } else if (xm) {
      ret = '>=' + M + '.0.0 <' + (+M + 1) + '.0.0'
    } else if (xp) {
      ret = '>=' + M + '.' + m + '.0 <' + M + '.' + (+m + 1) + '.0'
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
function replaceStars (comp, options) {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp.trim().replace(safeRe[STAR], '')
}

// This function is passed to string.replace(safeRe[HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0
function hyphenReplace ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr, tb) {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = '>=' + fM + '.0.0'
  } else if (isX(fp)) {
    from = '>=' + fM + '.' + fm + '.0'
  } else {
    from = '>=' + from
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = '<' + (+tM + 1) + '.0.0'
  } else if (isX(tp)) {
    to = '<' + tM + '.' + (+tm + 1) + '.0'
  } else if (tpr) {
    to = '<=' + tM + '.' + tm + '.' + tp + '-' + tpr
  } else {
    to = '<=' + to
  }

  return (from + ' ' + to).trim()
}

// if ANY of the sets match ALL of its comparators, then pass
Range.prototype.test = function (version) {
  if (!version) {
    return false
  }

  if (typeof version === 'string') {
    version = new SemVer(version, this.options)
  }

  for (var i = 0; i < this.set.length; i++) {
    if (testSet(this.set[i], version, this.options)) {
      return true
    }
  }
  return false
}

function testSet (set, version, options) {
  for (var i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        var allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}

exports.satisfies = satisfies
function satisfies (version, range, options) {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}

exports.maxSatisfying = maxSatisfying
function maxSatisfying (versions, range, options) {
  var max = null
  var maxSV = null
  try {
    var rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach(function (v) {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!max || maxSV.compare(v) === -1) {
        // compare(max, v, true)
        max = v
        maxSV = new SemVer(max, options)
      }
    }
  })
  return max
}

exports.minSatisfying = minSatisfying
function minSatisfying (versions, range, options) {
  var min = null
  var minSV = null
  try {
    var rangeObj = new Range(range, options)
  } catch (er) {
    return null
  }
  versions.forEach(function (v) {
    if (rangeObj.test(v)) {
      // satisfies(v, range, options)
      if (!min || minSV.compare(v) === 1) {
        // compare(min, v, true)
        min = v
        minSV = new SemVer(min, options)
      }
    }
  })
  return min
}

exports.minVersion = minVersion
function minVersion (range, loose) {
  range = new Range(range, loose)

  var minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (var i = 0; i < range.set.length; ++i) {
    var comparators = range.set[i]

    comparators.forEach(function (comparator) {
      // Clone to avoid manipulating the comparator's semver object.
      var compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!minver || gt(minver, compver)) {
            minver = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error('Unexpected operation: ' + comparator.operator)
      }
    })
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}

exports.validRange = validRange
function validRange (range, options) {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}

// Determine if version is less than all the versions possible in the range
exports.ltr = ltr
function ltr (version, range, options) {
  return outside(version, range, '<', options)
}

// Determine if version is greater than all the versions possible in the range.
exports.gtr = gtr
function gtr (version, range, options) {
  return outside(version, range, '>', options)
}

exports.outside = outside
function outside (version, range, hilo, options) {
  version = new SemVer(version, options)
  range = new Range(range, options)

  var gtfn, ltefn, ltfn, comp, ecomp
  switch (hilo) {
    case '>':
      gtfn = gt
      ltefn = lte
      ltfn = lt
      comp = '>'
      ecomp = '>='
      break
    case '<':
      gtfn = lt
      ltefn = gte
      ltfn = gt
      comp = '<'
      ecomp = '<='
      break
    default:
      throw new TypeError('Must provide a hilo val of "<" or ">"')
  }

  // If it satisifes the range it is not outside
  if (satisfies(version, range, options)) {
    return false
  }

  // From now on, variable terms are as if we're in "gtr" mode.
  // but note that everything is flipped for the "ltr" function.

  for (var i = 0; i < range.set.length; ++i) {
    var comparators = range.set[i]

    var high = null
    var low = null

    comparators.forEach(function (comparator) {
      if (comparator.semver === ANY) {
        comparator = new Comparator('>=0.0.0')
      }
      high = high || comparator
      low = low || comparator
      if (gtfn(comparator.semver, high.semver, options)) {
        high = comparator
      } else if (ltfn(comparator.semver, low.semver, options)) {
        low = comparator
      }
    })

    // If the edge version comparator has a operator then our version
    // isn't outside it
    if (high.operator === comp || high.operator === ecomp) {
      return false
    }

    // If the lowest version comparator has an operator and our version
    // is less than it then it isn't higher than the range
    if ((!low.operator || low.operator === comp) &&
        ltefn(version, low.semver)) {
      return false
    } else if (low.operator === ecomp && ltfn(version, low.semver)) {
      return false
    }
  }
  return true
}

exports.prerelease = prerelease
function prerelease (version, options) {
  var parsed = parse(version, options)
  return (parsed && parsed.prerelease.length) ? parsed.prerelease : null
}

exports.intersects = intersects
function intersects (r1, r2, options) {
  r1 = new Range(r1, options)
  r2 = new Range(r2, options)
  return r1.intersects(r2)
}

exports.coerce = coerce
function coerce (version) {
  if (version instanceof SemVer) {
    return version
  }

  if (typeof version !== 'string') {
    return null
  }

  var match = version.match(safeRe[COERCE])

  if (match == null) {
    return null
  }

  return parse(match[1] +
    '.' + (match[2] || '0') +
    '.' + (match[3] || '0'))
}


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

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

/***/ 928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

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
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
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

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/platform/azure-early-secrets.ts
/**
 * Masks the secrets the agent hands the task before anything can print them. It must be the
 * first module the Azure entry points import: azure-pipelines-task-lib debug-prints every
 * variable it reads (`Agent.ProxyUrl=http://user:password@proxy`), and reads the proxy and
 * certificate variables as soon as it is loaded. The agent masks a value only from the
 * `##vso[task.setsecret]` line on, so these lines come first:
 *
 * - the password inside an `Agent.ProxyUrl` that carries credentials (the agent does not know it
 *   is a secret);
 * - `Agent.ProxyPassword` and `Agent.ClientCertPassword` (secret variables the agent masks too);
 * - the job's access token (`System.AccessToken`, and the SystemVssConnection endpoint's).
 *
 * It also keeps the access token as it found it, so that the task can use it without the task
 * library's `getVariable`, whose debug line would print it. It imports nothing but Node's `os`.
 */

const masked = new Set();
/** `##vso[task.setsecret]` for `value`, escaped as the task library escapes a command's data. */
function setSecret(value) {
    // The agent masks line by line: each line of a multi-line value is a secret of its own.
    for (const part of (value ?? '').split(/\r?\n/)) {
        if (!part || masked.has(part))
            continue;
        masked.add(part);
        process.stdout.write(`##vso[task.setsecret]${part.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${(external_node_os_default()).EOL}`);
    }
}
/** A variable as the agent passes it to a task: public as NAME, secret as SECRET_NAME. */
function variable(env, name) {
    const key = name.replace(/\./g, '_').replace(/ /g, '_').toUpperCase();
    return env[`SECRET_${key}`] || env[key] || undefined;
}
/** The password in a proxy URL's user information, as written and decoded. */
function proxyUrlPasswords(proxyUrl) {
    const userinfo = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)@/i.exec(proxyUrl?.trim() ?? '')?.[1];
    const colon = userinfo?.indexOf(':') ?? -1;
    if (!userinfo || colon < 0)
        return [];
    const raw = userinfo.slice(colon + 1);
    let decoded = raw;
    try {
        decoded = decodeURIComponent(raw);
    }
    catch {
        // Kept as written.
    }
    return [...new Set([raw, decoded])].filter(Boolean);
}
/** The access token of the SystemVssConnection endpoint, when the agent passes it. */
function endpointAccessToken(env) {
    const direct = env.ENDPOINT_AUTH_PARAMETER_SYSTEMVSSCONNECTION_ACCESSTOKEN;
    if (direct)
        return direct;
    try {
        const auth = JSON.parse(env.ENDPOINT_AUTH_SYSTEMVSSCONNECTION ?? '');
        const token = auth?.parameters?.AccessToken;
        return typeof token === 'string' && token ? token : undefined;
    }
    catch {
        return undefined;
    }
}
/** Masks the agent's secrets (see above); returns the job's access token variable as found. */
function maskAgentSecrets(env = process.env) {
    for (const password of proxyUrlPasswords(variable(env, 'Agent.ProxyUrl')))
        setSecret(password);
    setSecret(variable(env, 'Agent.ProxyPassword'));
    setSecret(variable(env, 'Agent.ClientCertPassword'));
    const accessToken = variable(env, 'System.AccessToken');
    setSecret(accessToken);
    setSecret(endpointAccessToken(env));
    return accessToken;
}
const accessToken = maskAgentSecrets();
/** `System.AccessToken` as the agent passed it, read before the task library moved it into its vault. */
function earlyAccessToken() {
    return accessToken;
}

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

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
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

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
var external_node_fs_default = /*#__PURE__*/__nccwpck_require__.n(external_node_fs_namespaceObject);
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
function installHelper(options) {
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
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
        const helper = install_installHelper(plan, jobDir);
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
function install_installHelper(plan, jobDir) {
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
    return (jobDir, shared) => installHelper({
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

// EXTERNAL MODULE: ./node_modules/azure-pipelines-task-lib/task.js
var task = __nccwpck_require__(358);
;// CONCATENATED MODULE: ./src/core/platform.ts
const OUTPUT_NAMES = (/* unused pure expression or super */ null && (['token', 'expires-at', 'identity', 'docker-config', 'api-token']));
/** kebab-case to camelCase: the Azure Pipelines spelling of an output. */
function camelCase(name) {
    return name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}

;// CONCATENATED MODULE: ./src/platform/azure-pipelines.ts
/**
 * Azure Pipelines, on `azure-pipelines-task-lib`: inputs (camelCase), secret and output
 * variables, task variables for the post-job step, PATH, logging, the task result, the job's
 * access token, and the agent's proxy and certificate settings. Every log line passes through
 * `neutralise`, so that a value inside a message can never be read as a logging command.
 */





const NETWORK_SOURCE = "the agent's proxy and certificate settings (Agent.ProxyUrl, Agent.ProxyUsername, Agent.ProxyPassword, Agent.ProxyBypassList, Agent.CAInfo)";
/** The proxy the task library's configuration names: its URL without credentials, and the credentials apart. */
function proxyOf(proxy) {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy.proxyUrl) ? proxy.proxyUrl : `http://${proxy.proxyUrl}`);
    const username = proxy.proxyUsername || decodeURIComponent(parsed.username) || undefined;
    const password = proxy.proxyPassword || decodeURIComponent(parsed.password) || undefined;
    parsed.username = '';
    parsed.password = '';
    return { url: parsed, username, password };
}
/**
 * The agent's proxy and certificate settings, or undefined when it hands over none; `portable`
 * is the same for the credential helper: the settings (the proxy without its credentials, the
 * bypass list, the certificate files) and apart from them the password and passphrase.
 */
function agentNetwork() {
    const certs = task.getHttpCertConfiguration();
    const proxyConfigured = Boolean(task.getVariable('Agent.ProxyUrl'));
    if (!proxyConfigured && !certs)
        return undefined;
    const password = task.getVariable('Agent.ProxyPassword');
    if (password)
        task.setSecret(password);
    if (certs?.passphrase)
        task.setSecret(certs.passphrase);
    // Without a URL, the configuration of the proxy and its bypass list (regular expressions).
    const configured = proxyConfigured ? task.getHttpProxyConfiguration() : null;
    const proxy = configured ? proxyOf(configured) : undefined;
    const portable = {
        settings: {
            ...(proxy ? { proxyUrl: proxy.url.href } : {}),
            ...(proxy?.username ? { proxyUsername: proxy.username } : {}),
            ...(configured?.proxyBypassHosts?.length ? { proxyBypass: configured.proxyBypassHosts.map(String) } : {}),
            ...(certs?.caFile ? { caFile: certs.caFile } : {}),
            ...(certs?.certFile ? { certFile: certs.certFile } : {}),
            ...(certs?.keyFile ? { keyFile: certs.keyFile } : {}),
            source: NETWORK_SOURCE
        },
        secrets: {
            ...(proxy?.password ? { proxyPassword: proxy.password } : {}),
            ...(certs?.passphrase ? { passphrase: certs.passphrase } : {})
        }
    };
    return {
        proxyFor: (url) => {
            const forUrl = proxyConfigured ? task.getHttpProxyConfiguration(url.href) : null;
            return forUrl ? proxyOf(forUrl) : undefined;
        },
        caFile: certs?.caFile || undefined,
        certFile: certs?.certFile || undefined,
        keyFile: certs?.keyFile || undefined,
        passphrase: certs?.passphrase || undefined,
        source: NETWORK_SOURCE,
        portable
    };
}
/** The adapter. */
function azurePipelinesPlatform() {
    return {
        get: (name) => (task.getInput(azureName(name), false) ?? '').trim(),
        label: (name) => azureName(name),
        setSecret: (value) => task.setSecret(value),
        setOutput: (name, value, options) => task.setVariable(camelCase(name), value, options?.secret ?? false, true),
        exportVariable: (name, value) => task.setVariable(name, value),
        addPath: (dir) => task.prependPath(dir),
        saveState: (name, value) => task.setTaskVariable(name, value),
        getState: (name) => (task.getTaskVariable(name) ?? '').trim(),
        info: (message) => console.log(neutralise(message)),
        debug: (message) => task.debug(neutralise(message)),
        warning: (message) => task.warning(neutralise(message)),
        setFailed: (message) => task.setResult(task.TaskResult.Failed, neutralise(message)),
        tempDir: () => task.getVariable('Agent.TempDirectory') || undefined,
        identity: () => ({
            azureDevOpsAccessToken: () => {
                // getEndpointAuthorizationParameter and getVariable would debug-print the value; the
                // endpoint's authorization and the variable as the agent passed it (read, and masked,
                // before the task library loaded) do not.
                const token = task.getEndpointAuthorization('SystemVssConnection', true)?.parameters?.AccessToken || earlyAccessToken();
                if (token)
                    task.setSecret(token);
                return token || undefined;
            },
            variable: (name) => task.getVariable(name) || undefined
        }),
        network: agentNetwork
    };
}

;// CONCATENATED MODULE: ./src/azure/main.ts
/** The task's main step: logs the job in. */



async function run() {
    await runLogin(azurePipelinesPlatform(), processRuntime());
}

;// CONCATENATED MODULE: ./src/azure/index.ts
/** The bundle's entry: masks the agent's secrets before the task library loads, then runs the main step. */


void run();

