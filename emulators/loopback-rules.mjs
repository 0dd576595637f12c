// @ts-check
// Which addresses the tests' loopback-only guard refuses (kept apart so that importing the
// rule does not install the guard).
import net from 'node:net';

/**
 * Whether a connection to `host` must be refused: an IP address outside loopback.
 * @param {string} host
 */
export function blockedAddress(host) {
  const bare = host.replace(/^\[|\]$/g, '');
  const family = net.isIP(bare);
  if (family === 4) return !bare.startsWith('127.');
  if (family === 6) return !(bare === '::1' || /^::ffff:127\./i.test(bare));
  return false;
}
