/** The command-line tool: `login` (the default), `logout`, `--help` and `--version`. */
import { messageOf } from '../core/errors.js';
import { runCleanup } from '../core/cleanup.js';
import { runLogin } from '../core/login/login.js';
import { neutralise } from '../core/text.js';
import { processRuntime } from '../core/runtime.js';
import { CLI_HELP, parseArgs, VERSION } from '../platform/cli-args.js';
import { cliPlatform } from '../platform/cli.js';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * Runs the tool with `argv` (without node and the script); sets the exit code. The lines for the
 * shell are printed at the end, and only when the command succeeded: a failed login prints none.
 */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
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
    const lines: string[] = [];
    const platform = cliPlatform(options, process.env, (line) => lines.push(line), err);
    if (options.command === 'logout') {
      if (await runCleanup(platform)) platform.loggedOut();
    } else await runLogin(platform, processRuntime());
    if (platform.failed) process.exitCode = 1;
    else if (lines.length > 0) out(lines.join('\n'));
  } catch (error) {
    err(`error: ${neutralise(messageOf(error))}`);
    process.exitCode = 2;
  }
}
