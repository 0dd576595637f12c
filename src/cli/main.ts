#!/usr/bin/env node
import { messageOf } from '../core/errors.js';
import { runCleanup } from '../core/cleanup.js';
import { runLogin } from '../core/login.js';
import { processRuntime } from '../core/runtime.js';
import { CLI_HELP, cliPlatform, parseArgs } from '../platform/cli.js';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options.command === 'help') {
      out(CLI_HELP);
      return;
    }
    const platform = cliPlatform(options, process.env, out, err);
    if (options.command === 'logout') await runCleanup(platform);
    else await runLogin(platform, processRuntime());
    if (platform.failed) process.exitCode = 1;
  } catch (error) {
    err(`error: ${messageOf(error)}`);
    process.exitCode = 2;
  }
}

void main();
