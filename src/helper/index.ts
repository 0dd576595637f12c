/** The credential helper bundle's entry: docker runs it through the docker-credential-<name> wrapper. */
import { run } from './main.js';

void run().then((code) => {
  process.exitCode = code;
});
