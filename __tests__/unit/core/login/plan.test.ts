/**
 * Every malformed input, and every input the chosen source cannot use, is refused before any
 * request: one message naming the input, no output, nothing written.
 */
import { readdirSync } from 'node:fs';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM } from '../../../../emulators/index.mjs';
import { runLogin } from '../../../../src/core/login/login.js';
import type { HttpRequest } from '../../../../src/core/net/http.js';
import type { Runtime } from '../../../../src/core/runtime.js';
import { NO_TEST_SETTINGS } from '../../../../src/core/test-settings.js';
import { BAD_INPUTS } from '../../../helpers/bad-inputs.js';
import { FakeClock } from '../../../helpers/clock.js';
import { FakePlatform } from '../../../helpers/fake-platform.js';
import { removeTempDirs, tempDir } from '../../../helpers/temp.js';

afterAll(removeTempDirs);

it(`has at least 30 malformed inputs (${BAD_INPUTS.length})`, () => {
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
});

it.each(BAD_INPUTS)('refuses %s before any request, naming the input', async (_what, inputs, input) => {
  const temp = tempDir();
  const requests: HttpRequest[] = [];
  const runtime: Runtime = {
    env: {},
    clock: new FakeClock(),
    send: async (request) => {
      requests.push(request);
      throw new Error('no request is expected');
    },
    home: temp,
    cwd: temp,
    test: NO_TEST_SETTINGS
  };
  // An empty value is what the runner passes for an unset input.
  const platform = new FakePlatform(
    { identity: IDENTITY_SYSTEM, 'azure-audience': AZURE_AUDIENCE, issuer: 'http://127.0.0.1:9', 'credential-helper': 'false', ...inputs },
    temp
  );
  await runLogin(platform, runtime);
  const failures = platform.failures();
  expect(failures).toHaveLength(1);
  expect(failures[0]).toMatch(new RegExp(`^Inputs? (\\S+ and )?${input} `));
  expect(requests).toEqual([]);
  expect(platform.outputs()).toEqual({});
  expect(platform.exports()).toEqual({});
  expect(readdirSync(temp)).toEqual([]);
});
