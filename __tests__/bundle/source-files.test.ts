/**
 * The files identity sources read, when they are not regular files: a FIFO at the token file's
 * path (identity-token-file, AZURE_FEDERATED_TOKEN_FILE) or at the Arc key's path would block the
 * step beyond the reach of its timeout; each is refused at once, with the message that names the
 * file. Run through the built GitHub bundle with a short timeout input.
 */
import path from 'node:path';
import { IDENTITY_KUBERNETES } from '../../emulators/index.mjs';
import { useBundleHarness } from '../helpers/bundles.js';
import { fifo } from '../helpers/fifo.js';

const h = useBundleHarness();
/** The step's timeout input, and when a still-blocked reader is fed so that the test can go on. */
const TIMEOUT = { timeout: '5' };
const FEED_AFTER_MS = 8_000;

function onlyError(stdout: string): string {
  const errors = stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  return errors[0];
}

describe('a FIFO where a source reads a file', () => {
  it('identity-token-file: refused at once as not a regular file', async () => {
    const file = path.join(h.dir, 'token');
    const pipe = fifo(file, 'not-a-token\n', FEED_AFTER_MS);
    try {
      const main = await h.githubMain(
        h.githubJob(),
        h.githubInputs({ identity: IDENTITY_KUBERNETES, 'azure-audience': '', 'identity-token-file': file, ...TIMEOUT })
      );
      expect(main.code).toBe(1);
      expect(onlyError(main.stdout)).toBe(`::error::The token file ${file} (identity-token-file) is not a regular file.`);
      expect(pipe.fed()).toBe(false);
    } finally {
      pipe.stop();
    }
  }, 30_000);

  it('AZURE_FEDERATED_TOKEN_FILE: refused at once as not a regular file, before anything is sent', async () => {
    const file = path.join(h.dir, 'azure-identity-token');
    const pipe = fifo(file, 'not-a-token\n', FEED_AFTER_MS);
    try {
      const env = { ...h.emulators.environments.workloadIdentity(), AZURE_FEDERATED_TOKEN_FILE: file };
      const main = await h.githubMain(h.githubJob(), h.githubInputs(TIMEOUT), env);
      expect(main.code).toBe(1);
      expect(onlyError(main.stdout)).toBe(`::error::The token file ${file} (AZURE_FEDERATED_TOKEN_FILE) is not a regular file.`);
      expect(h.emulators.entra.requests).toHaveLength(0);
      expect(pipe.fed()).toBe(false);
    } finally {
      pipe.stop();
    }
  }, 30_000);

  it('the Arc key file: refused at once as not a regular file, and no key is sent', async () => {
    const env = h.emulators.environments.arc();
    const file = path.join(h.emulators.arc.tokenDir, 'planted.key');
    const pipe = fifo(file, 'not-a-token\n', FEED_AFTER_MS);
    try {
      h.emulators.arc.script({ status: 401, body: '', headers: { 'WWW-Authenticate': `Basic realm=${file}` } });
      const main = await h.githubMain(h.githubJob(), h.githubInputs(TIMEOUT), env);
      expect(main.code).toBe(1);
      expect(onlyError(main.stdout)).toMatch(
        new RegExp(
          `it asked for the key file "${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}", which is not a regular file; .*Nothing was read or sent`
        )
      );
      expect(h.emulators.arc.requests).toHaveLength(1);
      expect(pipe.fed()).toBe(false);
    } finally {
      pipe.stop();
    }
  }, 30_000);
});
