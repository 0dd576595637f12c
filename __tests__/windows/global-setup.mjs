// @ts-check
// Before the Windows suite: on Linux, start wine (a persistent server and its services, stdio
// on /dev/null) and check that the Windows Node runs; the verdict goes to the tests in
// CHAINGUARD_WINDOWS_SUITE (`ready`, or why the suite is skipped, also printed on stderr). On
// Windows itself there is nothing to start.
import { startWine } from '../../emulators/wine.mjs';

export default async function setup() {
  if (process.platform === 'win32') {
    process.env.CHAINGUARD_WINDOWS_SUITE = 'ready';
    return;
  }
  const started = Date.now();
  const reason = await startWine();
  process.env.CHAINGUARD_WINDOWS_SUITE = reason ?? 'ready';
  if (reason) process.stderr.write(`\nWindows suite skipped: ${reason}\n`);
  else process.stderr.write(`\nWindows suite: wine ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
