/**
 * Malformed inputs through the built GitHub bundle: refused before any request, with exit code 1
 * and one message naming the input, and nothing written. Every case is run in process
 * (unit/core/login/plan.test.ts); two of them here, as the runner runs the step.
 */
import { readdirSync } from 'node:fs';
import { BAD_INPUTS } from '../helpers/bad-inputs.js';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();
const cases = BAD_INPUTS.filter(([what]) => what === 'identity: a name' || what === 'two selectors');

it.each(cases)('refuses %s before any request, naming the input', async (_what, inputs, input) => {
  const job = h.githubJob();
  // An empty value is what the runner passes for an unset input.
  const main = await h.githubMain(job, { ...h.githubInputs(), ...inputs });
  expect(main.code).toBe(1);
  const errors = main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(new RegExp(`^::error::Inputs? (\\S+ and )?${input} `));
  expect(h.emulators.imds.requests.length + h.emulators.sts.requests.length).toBe(0);
  expect(main.outputs).toEqual({});
  expect(main.exported).toEqual({});
  expect(readdirSync(job.temp)).toEqual([]);
});
