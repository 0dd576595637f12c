// @ts-check
// Runs the loopback emulators in a process of their own, for tools that block the caller's
// event loop while the step runs (azure-pipelines-task-lib's mock-test runner spawns the task
// synchronously). Prints one JSON line with the emulators' URLs, then serves until its standard
// input closes or it is signalled; it also stops by itself after ten minutes.
import { startEmulators } from './index.mjs';

const emulators = await startEmulators();
process.stdout.write(`${JSON.stringify({ imds: emulators.imds.url, sts: emulators.sts.url })}\n`);
const stop = async () => {
  await emulators.close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
setTimeout(stop, 10 * 60_000).unref();
