/** The preload that keeps bundles under test on loopback decides correctly which addresses to refuse. */
import { blockedAddress } from '../../../emulators/loopback-rules.mjs';

it('refuses every IP address outside the loopback range, and nothing on it', () => {
  for (const host of ['169.254.169.254', '10.0.0.1', '192.168.1.1', '8.8.8.8', '::ffff:10.0.0.1', '[fe80::1]', '2001:db8::1']) {
    expect(blockedAddress(host)).toBe(true);
  }
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost', 'sts.example.test']) {
    expect(blockedAddress(host)).toBe(false);
  }
});
