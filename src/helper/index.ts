/** The credential helper bundle's entry: docker runs it through the docker-credential-<name> wrapper. */
import { run } from './main.js';

// The helper's stderr carries its one-line error and nothing else: a library's deprecation
// notice (the proxy tunnel's `Buffer()`) is not for the user pulling an image.
process.noDeprecation = true;

void run().then((code) => {
  process.exitCode = code;
});
