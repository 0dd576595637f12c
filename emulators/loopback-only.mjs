// @ts-check
// Preloaded into the bundles under test (NODE_OPTIONS=--import=<this file>): every host name
// under .example.test resolves to 127.0.0.1 and every other name fails at once, so a test can
// use a non-loopback-looking name (needed to exercise proxy rules) while no lookup or
// connection ever leaves this machine. IP literals are not looked up and are unaffected.
import dns from 'node:dns';

const TEST_DOMAIN = '.example.test';

/** @type {any} */
const lookup = function (/** @type {string} */ hostname, /** @type {any} */ options, /** @type {any} */ callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  const all = typeof options === 'object' && options !== null && options.all;
  if (hostname.endsWith(TEST_DOMAIN)) {
    if (all) process.nextTick(callback, null, [{ address: '127.0.0.1', family: 4 }]);
    else process.nextTick(callback, null, '127.0.0.1', 4);
    return;
  }
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (tests resolve only *${TEST_DOMAIN})`), {
    code: 'ENOTFOUND',
    hostname
  });
  process.nextTick(callback, error);
};
dns.lookup = lookup;
