/**
 * The one home of shell quoting: every value interpolated into a command printed for a user to
 * paste (az, chainctl, kubectl, …), the lines the command-line tool prints for the calling shell
 * (POSIX sh, PowerShell or cmd.exe), and the credential helper's wrappers.
 *
 * A value in a pasted command comes from a token (claims an attacker may choose: a branch name
 * lands in a CI token's subject) and must reach the program as exactly one argument, with nothing
 * in it run by the shell, even after `neutralise` has made the message inert for the runner. A
 * value that is not the shape the command needs becomes a placeholder instead.
 */

import { GUID } from './inputs/checks.js';

/** Characters that never need quoting in a POSIX shell word. */
const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** Characters `neutralise` would turn into spaces (so the value could not be pasted as it is). */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * A value as one POSIX shell word with the same value: bare when safe, else single-quoted. The
 * word holds no `::` or `##`, into which `neutralise` would insert a word joiner and so change
 * the argument: between two such characters the quotes are closed and reopened (`'a:'':b'`).
 */
export function shellWord(value: string): string {
  if (BARE.test(value) && !value.includes('::')) return value;
  return singleQuoted(value)
    .replace(/:(?=:)/g, ":''")
    .replace(/#(?=#)/g, "#''");
}

/**
 * A claim or other value for a printed command: as one shell word, or `placeholder` (e.g.
 * `<principal-id of the managed identity>`, for the user to fill in) when it is absent, holds a
 * character that cannot be printed as it is, or fails `shape`.
 */
export function shellArg(value: string | undefined, placeholder: string, shape?: (value: string) => boolean): string {
  if (!value || UNPRINTABLE.test(value) || (shape && !shape(value))) return placeholder;
  return shellWord(value);
}

/** The shape of an object (principal) ID or a client ID. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** The shape of an OIDC issuer: an absolute http(s) URL. */
export function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !/\s/.test(value);
  } catch {
    return false;
  }
}

/** A value as one single-quoted POSIX shell word, always quoted (a path in a script, an `export` line). */
export function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A value as one double-quoted word of a cmd.exe batch file, with `%` doubled so that it is not
 * expanded; undefined for a value holding a double quote, which cmd cannot quote.
 */
export function cmdWord(value: string): string | undefined {
  if (value.includes('"')) return undefined;
  return `"${value.replace(/%/g, '%%')}"`;
}

/** The shells the command-line tool prints its lines for. */
export const SHELLS = ['sh', 'pwsh', 'cmd'] as const;
export type Shell = (typeof SHELLS)[number];

/** The names the tool sets: a letter or underscore, then letters, digits and underscores (the same in every shell). */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A value that a shell cannot carry in the line it would be printed in: `why` says which character, never the value. */
export class UnprintableValue extends Error {
  constructor(
    readonly variable: string,
    readonly shell: Shell,
    readonly why: string
  ) {
    super(`${variable} cannot be printed for ${shell}: ${why}`);
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
export function pwshString(value: string): string {
  const parts: string[] = [];
  let literal = '';
  for (const char of value) {
    if (char >= ' ' && char <= '~') {
      literal += char === "'" ? "''" : char;
      continue;
    }
    if (literal || parts.length === 0) parts.push(`'${literal}'`);
    literal = '';
    for (let i = 0; i < char.length; i++) parts.push(`[char]0x${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  if (literal || parts.length === 0) parts.push(`'${literal}'`);
  return parts.join(' + ');
}

/**
 * Why cmd.exe cannot carry `value` in `set "NAME=value"`, or undefined when it can. The line must
 * mean the same in a batch file run with `call` and run line by line (`for /f … do %L`): `%` is
 * expanded in the first and not in the second, `!` under delayed expansion, a `"` ends the quoted
 * part (what follows is a command), a line break ends the command, and anything outside printable
 * ASCII reaches cmd through the console code page, changed. Inside the quotes `^ & | < > ( )` are
 * plain characters.
 */
export function cmdValueProblem(value: string): string | undefined {
  if (value.includes('%')) return 'it holds "%", which cmd expands in a batch file and not on a command line';
  if (value.includes('!')) return 'it holds "!", which cmd expands under delayed expansion';
  if (value.includes('"')) return 'it holds a double quote, which would end the quoted value';
  if (/[\r\n]/.test(value)) return 'it holds a line break';
  if (/[^\x20-\x7e]/.test(value)) return 'it holds a character outside printable ASCII, which cmd reads through the console code page';
  return undefined;
}

/** A path as Git Bash and MSYS2 write it: `C:\a\b` is `/c/a/b` (their PATH is `:`-separated). */
export function msysPath(dir: string): string {
  const drive = /^([A-Za-z]):[\\/](.*)$/s.exec(dir);
  return drive ? `/${drive[1].toLowerCase()}/${drive[2].replace(/\\/g, '/')}` : dir.replace(/\\/g, '/');
}

/** Where the tool runs: its shell, and whether it is Windows (PATH separated by `;`, paths of Git Bash in MSYS form). */
export interface ShellTarget {
  shell: Shell;
  windows: boolean;
}

function checkedName(name: string): string {
  if (!VARIABLE_NAME.test(name)) throw new Error(`not a variable name: ${JSON.stringify(name)}`);
  return name;
}

function cmdSet(name: string, value: string): string {
  const problem = cmdValueProblem(value);
  if (problem) throw new UnprintableValue(name, 'cmd', problem);
  return `set "${name}=${value}"`;
}

/** The line that sets environment variable `name` to `value` in the target's shell (cmd: UnprintableValue when it cannot). */
export function setLine(target: ShellTarget, name: string, value: string): string {
  checkedName(name);
  if (target.shell === 'pwsh') return `$env:${name} = ${pwshString(value)}`;
  if (target.shell === 'cmd') return cmdSet(name, value);
  return `export ${name}=${singleQuoted(value)}`;
}

/** The line that removes environment variable `name` (print it for a set variable: cmd's form of an unset one can leave ERRORLEVEL 1). */
export function unsetLine(target: ShellTarget, name: string): string {
  checkedName(name);
  if (target.shell === 'pwsh') return `Remove-Item Env:${name} -ErrorAction SilentlyContinue`;
  if (target.shell === 'cmd') return `set ${name}=`;
  return `unset ${name}`;
}

/** A change of PATH: `add` goes first, each of `remove` (entries as they are in `current`) comes out. */
export interface PathChange {
  add?: string;
  remove: readonly string[];
  /** The PATH the tool inherited from the shell. */
  current: string;
}

/**
 * The lines that change PATH. sh and PowerShell change their own PATH when they run the lines
 * (every other entry stays as it is, byte for byte); cmd cannot read a variable in a line that
 * must mean the same in a batch file and on a command line, so its one line carries the whole
 * new value, built from `current` (UnprintableValue when cmd cannot carry it). No line when
 * nothing changes.
 */
export function pathLines(target: ShellTarget, change: PathChange): string[] {
  if (!change.add && change.remove.length === 0) return [];
  if (target.shell === 'cmd') {
    const gone = new Set(change.remove.map((entry) => entry.toLowerCase()));
    const kept = change.current === '' ? [] : change.current.split(';').filter((entry) => !gone.has(entry.toLowerCase()));
    return [cmdSet('PATH', [...(change.add ? [change.add] : []), ...kept].join(';'))];
  }
  const lines = change.remove.map((entry) => pathRemoval(target, entry));
  if (change.add) lines.push(pathPrepend(target, change.add));
  return lines;
}

function pathPrepend(target: ShellTarget, dir: string): string {
  if (target.shell === 'pwsh') return `$env:PATH = ${pwshString(dir)} + $(if ($env:PATH) { [IO.Path]::PathSeparator + $env:PATH })`;
  return `export PATH=${singleQuoted(target.windows ? msysPath(dir) : dir)}"\${PATH:+:$PATH}"`;
}

/** Takes the first `entry` out of PATH (sh: by pattern removal around the quoted entry; PowerShell: split, filter, join). */
function pathRemoval(target: ShellTarget, entry: string): string {
  if (target.shell === 'pwsh') {
    const separator = '[IO.Path]::PathSeparator';
    return `$env:PATH = ($env:PATH -split ${separator} | Where-Object { $_ -ne ${pwshString(entry)} }) -join ${separator}`;
  }
  const quoted = singleQuoted(target.windows ? msysPath(entry) : entry);
  return (
    `case ":\${PATH}:" in *:${quoted}:*) PATH=":\${PATH}:"; PATH=\${PATH%%:${quoted}:*}:\${PATH#*:${quoted}:}; ` +
    `PATH=\${PATH#:}; PATH=\${PATH%:}; export PATH;; esac`
  );
}
