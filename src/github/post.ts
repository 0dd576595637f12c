/** The Action's post step: removes what the main step wrote. */
import { runCleanup } from '../core/cleanup.js';
import { githubPlatform } from '../platform/github.js';

export async function run(): Promise<void> {
  await runCleanup(githubPlatform());
}
