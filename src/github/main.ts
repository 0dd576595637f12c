/** The Action's main step: logs the job in. */
import { runLogin } from '../core/login/login.js';
import { processRuntime } from '../core/runtime.js';
import { githubPlatform } from '../platform/github.js';

export async function run(): Promise<void> {
  await runLogin(githubPlatform(), processRuntime());
}
