/**
 * Preloaded (--require) into a step under test: a synchronous rename onto the file named by
 * CGL_TEST_HOLD_RENAME first blocks the process for CGL_TEST_HOLD_MS milliseconds (default 10 s).
 * The step replaces a shared config.json by such a rename while it holds the config's lock, so
 * this holds the lock for as long as a test needs to stop or kill the job there, however loaded
 * the machine is.
 */
const fs = require('node:fs');

const target = process.env.CGL_TEST_HOLD_RENAME;
const ms = Number(process.env.CGL_TEST_HOLD_MS || 10_000);
if (target) {
  const rename = fs.renameSync;
  fs.renameSync = function renameSync(from, to) {
    if (String(to) === target) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    return rename.call(this, from, to);
  };
}
