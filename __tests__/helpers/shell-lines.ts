/**
 * The lines the command-line tool prints, applied to an environment as each shell would: sh's
 * by /bin/sh itself, and reference readers for the shells this machine cannot run: the
 * PowerShell forms (there is no PowerShell here) and cmd's `set` lines (wine's cmd.exe runs them
 * in the Windows suite). Each reader accepts exactly the forms the tool prints and throws on
 * anything else, so that a line it cannot read fails the test.
 */
import { execFileSync } from 'node:child_process';

/** The variables a login sets (any case: Windows names are case-insensitive), out of a whole environment. */
export function ours(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => /^(CHAINGUARD_|DOCKER_CONFIG$|REGISTRY_AUTH_FILE$)/i.test(name)));
}

/** The exported environment after /bin/sh evaluates `text` (as `eval "$(…)"` would), starting from `env`; throws if a line fails. */
export function applyShLines(text: string, env: Record<string, string>): Record<string, string> {
  const out = execFileSync('/bin/sh', ['-c', 'eval "$1" && /usr/bin/env -0', 'sh', text], { encoding: 'utf8', env });
  return Object.fromEntries(
    out
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)])
  );
}

/** A PowerShell single-quoted string (`''` is a quote) or `[char]0xHHHH`, joined with ` + `; returns the value and where it ends. */
function pwshStringAt(line: string, start: number): { value: string; end: number } {
  let at = start;
  let value = '';
  for (;;) {
    if (line[at] === "'") {
      at++;
      for (;;) {
        if (at >= line.length) throw new Error(`unterminated string: ${line}`);
        if (line[at] === "'" && line[at + 1] === "'") {
          value += "'";
          at += 2;
        } else if (line[at] === "'") {
          at++;
          break;
        } else value += line[at++];
      }
    } else {
      const char = /^\[char\]0x([0-9A-F]{4})/.exec(line.slice(at));
      if (!char) throw new Error(`not a string term at ${at}: ${line}`);
      value += String.fromCharCode(parseInt(char[1], 16));
      at += char[0].length;
    }
    if (!line.startsWith(" + '", at) && !line.startsWith(' + [char]', at)) return { value, end: at };
    at += 3;
  }
}

/**
 * Applies the PowerShell lines the tool prints to `env` (PATH separated by `separator`):
 * `$env:NAME = <string>`, PATH's prepend and filter forms, and `Remove-Item Env:NAME …`.
 * As in PowerShell, `-ne` compares without case.
 */
export function applyPwshLines(text: string, env: Record<string, string>, separator = ';'): Record<string, string> {
  const result = { ...env };
  for (const line of text.split('\n').filter(Boolean)) {
    if (!/^[\x20-\x7e]*$/.test(line)) throw new Error(`not one line of printable ASCII: ${JSON.stringify(line)}`);
    const remove = /^Remove-Item Env:([A-Za-z_][A-Za-z0-9_]*) -ErrorAction SilentlyContinue$/.exec(line);
    if (remove) {
      delete result[remove[1]];
      continue;
    }
    const filter =
      /^\$env:PATH = \(\$env:PATH -split \[IO\.Path\]::PathSeparator \| Where-Object \{ \$_ -ne (.*) \}\) -join \[IO\.Path\]::PathSeparator$/.exec(
        line
      );
    if (filter) {
      const { value, end } = pwshStringAt(filter[1], 0);
      if (end !== filter[1].length) throw new Error(`trailing text: ${line}`);
      result.PATH = (result.PATH ?? '')
        .split(separator)
        .filter((entry) => entry.toLowerCase() !== value.toLowerCase())
        .join(separator);
      continue;
    }
    const assign = /^\$env:([A-Za-z_][A-Za-z0-9_]*) = /.exec(line);
    if (!assign) throw new Error(`not a line the tool prints for PowerShell: ${line}`);
    const { value, end } = pwshStringAt(line, assign[0].length);
    const rest = line.slice(end);
    if (rest === '') result[assign[1]] = value;
    else if (assign[1] === 'PATH' && rest === ' + $(if ($env:PATH) { [IO.Path]::PathSeparator + $env:PATH })')
      result.PATH = result.PATH ? `${value}${separator}${result.PATH}` : value;
    else throw new Error(`trailing text: ${line}`);
    if (result[assign[1]] === '') delete result[assign[1]];
  }
  return result;
}

/**
 * Applies cmd.exe lines of the two forms the tool prints, `set "NAME=value"` and `set NAME=`, to
 * `env` (names without case, as cmd). Refuses a value holding a character cmd would act on in a
 * batch file or on a command line (`%`, `!`, `"`), so a line that only looks right fails here.
 */
export function applyCmdLines(text: string, env: Record<string, string>): Record<string, string> {
  const result = { ...env };
  const setVar = (name: string, value: string | undefined): void => {
    for (const key of Object.keys(result)) if (key.toUpperCase() === name.toUpperCase()) delete result[key];
    if (value) result[name] = value;
  };
  for (const line of text.split('\n').filter(Boolean)) {
    const set = /^set "([A-Za-z_][A-Za-z0-9_]*)=([^"%!\r\n]*)"$/.exec(line);
    const unset = /^set ([A-Za-z_][A-Za-z0-9_]*)=$/.exec(line);
    if (set) {
      if (!/^[\x20-\x7e]*$/.test(set[2])) throw new Error(`a value outside printable ASCII: ${line}`);
      setVar(set[1], set[2]);
    } else if (unset) setVar(unset[1], undefined);
    else throw new Error(`not a line the tool prints for cmd: ${line}`);
  }
  return result;
}
