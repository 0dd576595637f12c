// @ts-check
// Loopback ports for tests and the benchmark.
import net from 'node:net';

/** A loopback port with nothing listening on it. @returns {Promise<number>} */
export function closedPort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}
