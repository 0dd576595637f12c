// @ts-check
// Preloaded into the bundles under test (NODE_OPTIONS=--import=<this file>) so that nothing a
// test runs can reach beyond this machine:
// - every host name under .example.test resolves to 127.0.0.1 and every other name fails at
//   once (a test can use a non-loopback-looking name, needed to exercise proxy rules, without
//   a DNS query leaving the machine);
// - a connection to an IP address outside the loopback range is refused before any packet is
//   sent (so a misconfigured test cannot reach the metadata address or anything else).
import dns from 'node:dns';
import net from 'node:net';
import { blockedAddress } from './loopback-rules.mjs';

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

const connect = net.Socket.prototype.connect;
/**
 * @this {net.Socket}
 * @param {any[]} args
 */
const guardedConnect = function (...args) {
  // net.connect passes its normalised [options, callback] array as the first argument.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const host = typeof first === 'object' && first !== null ? first.host : typeof args[1] === 'string' ? args[1] : undefined;
  const isPipe = typeof first === 'object' && first !== null && first.path;
  if (!isPipe && typeof host === 'string' && blockedAddress(host)) {
    const error = Object.assign(new Error(`connect ECONNREFUSED ${host} (tests reach loopback only)`), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, /** @type {any} */ (args));
};
net.Socket.prototype.connect = /** @type {any} */ (guardedConnect);
