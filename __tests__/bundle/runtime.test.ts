/**
 * The bundles run under the Node.js the project chose: this machine's in the plain projects, the
 * real Node 24 in the "(Node 24)" ones. A wrong choice here would let both projects test one Node.
 */
import { execFileSync } from 'node:child_process';
import { bundleNode } from '../../emulators/runners.mjs';

it('runs the bundles under the chosen Node.js', () => {
  const version = execFileSync(bundleNode(), ['-p', 'process.version'], { encoding: 'utf8' }).trim();
  if (process.env.CHAINGUARD_TEST_NODE) {
    expect(version).toMatch(/^v24\./);
  } else {
    expect(version).toBe(process.version);
  }
});
