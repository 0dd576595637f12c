/**
 * Set up for the "(Node 24)" test projects: the bundles under test run under the real Node 24
 * (what `runs.using: node24` and the agent's Node24 handler run), installed from the npm
 * registry by scripts/runtimes.mjs (npm test's pretest does it).
 */
import { existsSync } from 'node:fs';
import { runtimePath } from '../../scripts/runtimes.mjs';

const node = runtimePath('linux-24');
if (!existsSync(node)) {
  throw new Error(`Node 24 is not installed at ${node}: run "node scripts/runtimes.mjs install linux-24" (npm test's pretest runs it)`);
}
process.env.CHAINGUARD_TEST_NODE = node;
