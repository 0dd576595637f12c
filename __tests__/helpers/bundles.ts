/**
 * Per-test setup for tests that run the built bundles: fresh emulators and a fresh workspace
 * per test, debug logging on, and after every test a secret-hygiene sweep over everything the
 * bundles printed and every file left in the workspace.
 */
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, startEmulators } from '../../emulators/index.mjs';
import {
  azureJob,
  githubJob,
  runAzureMain,
  runAzurePost,
  runGithubMain,
  runGithubPost,
  runNode,
  type AzureTaskResult,
  type GithubStepResult,
  type Job,
  type ProcessResult
} from '../../emulators/runners.mjs';
import { foreignStderr, tokenLeaks } from './hygiene.js';
import { removeTempDirs, tempDir } from './temp.js';

type Emulators = Awaited<ReturnType<typeof startEmulators>>;
type EmulatorOptions = Parameters<typeof startEmulators>[0];

export interface BundleHarness {
  emulators: Emulators;
  /** The workspace of the current test; swept for leaked tokens afterwards. */
  dir: string;
  /** Tokens issued outside the emulators (e.g. a second STS) that must not leak either. */
  extraTokens: string[];
  /** Environment every bundle run gets: IMDS pointed at the emulator. */
  env(): NodeJS.ProcessEnv;
  githubInputs(extra?: Record<string, string>): Record<string, string>;
  azureInputs(extra?: Record<string, string>): Record<string, string>;
  githubJob(name?: string, env?: NodeJS.ProcessEnv): Job;
  azureJob(name?: string, env?: NodeJS.ProcessEnv): Job;
  githubMain(job: Job, inputs: Record<string, string>, env?: NodeJS.ProcessEnv): Promise<GithubStepResult>;
  githubPost(job: Job, main: GithubStepResult, env?: NodeJS.ProcessEnv): Promise<ProcessResult>;
  azureMain(job: Job, inputs: Record<string, string>, env?: NodeJS.ProcessEnv): Promise<AzureTaskResult>;
  azurePost(job: Job, main: AzureTaskResult, env?: NodeJS.ProcessEnv): Promise<AzureTaskResult>;
  cli(env: NodeJS.ProcessEnv, args: string[]): Promise<ProcessResult>;
  /** A CLI login's arguments for the emulators (the system identity, IMDS's audience, the STS), then `extra`. */
  cliLogin(extra?: string[]): string[];
  /** Records a run of another program (an installed CLI): its output is swept, and its stderr checked for Node's own lines. */
  record<T extends ProcessResult>(result: T): T;
}

/** A CLI login's arguments with `--credential-helper false` added, unless they choose already (or do not log in). */
function staticUnlessAsked(args: string[]): string[] {
  if (args[0] === 'logout' || args.includes('--help') || args.some((arg) => arg.startsWith('--credential-helper'))) return args;
  return [...args, '--credential-helper', 'false'];
}

export function useBundleHarness(options: EmulatorOptions | (() => EmulatorOptions) = {}): BundleHarness {
  const runs: ProcessResult[] = [];
  /** stderr lines no step may print: anything from the GitHub step and the Azure task, Node's own lines from the CLI. */
  const foreign: string[] = [];
  const record = <T extends ProcessResult>(result: T, strict = true): T => {
    runs.push(result);
    foreign.push(...foreignStderr(result.stderr, strict));
    return result;
  };
  const h: BundleHarness = {
    // Set for each test by beforeEach.
    emulators: undefined as unknown as Emulators,
    dir: '',
    extraTokens: [],
    env: () => ({ AZURE_POD_IDENTITY_AUTHORITY_HOST: h.emulators.imds.url }),
    // The static login unless a test asks for the credential helper (the default of the step).
    githubInputs: (extra: Record<string, string> = {}) => ({
      'credential-helper': 'false',
      identity: IDENTITY_SYSTEM,
      'azure-audience': AZURE_AUDIENCE,
      issuer: h.emulators.sts.url,
      ...extra
    }),
    azureInputs: (extra: Record<string, string> = {}) => ({
      credentialHelper: 'false',
      identity: IDENTITY_SYSTEM,
      azureAudience: AZURE_AUDIENCE,
      issuer: h.emulators.sts.url,
      ...extra
    }),
    githubJob: (name = 'github', env: NodeJS.ProcessEnv = {}) => githubJob(`${h.dir}/${name}`, { RUNNER_DEBUG: '1', ...env }),
    azureJob: (name = 'azure', env: NodeJS.ProcessEnv = {}) => azureJob(`${h.dir}/${name}`, { SYSTEM_DEBUG: 'true', ...env }),
    githubMain: async (job: Job, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
      record(await runGithubMain(job, inputs, { ...h.env(), ...env })),
    githubPost: async (job: Job, main: GithubStepResult, env: NodeJS.ProcessEnv = {}) => record(await runGithubPost(job, main, env)),
    azureMain: async (job: Job, inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
      record(await runAzureMain(job, inputs, { ...h.env(), ...env })),
    azurePost: async (job: Job, main: AzureTaskResult, env: NodeJS.ProcessEnv = {}) => record(await runAzurePost(job, main, env)),
    cli: async (env: NodeJS.ProcessEnv, args: string[]) =>
      record(await runNode('dist/cli/index.js', { ...h.env(), ...env }, staticUnlessAsked(args)), false),
    cliLogin: (extra: string[] = []) => [
      '--identity',
      IDENTITY_SYSTEM,
      '--azure-audience',
      AZURE_AUDIENCE,
      '--issuer',
      h.emulators.sts.url,
      ...extra
    ],
    record: <T extends ProcessResult>(result: T): T => record(result, false)
  };

  beforeEach(async () => {
    runs.length = 0;
    foreign.length = 0;
    h.extraTokens = [];
    h.dir = tempDir();
    h.emulators = await startEmulators(typeof options === 'function' ? options() : options);
  });
  afterEach(async () => {
    await h.emulators.close();
    const tokens = [...h.emulators.secrets(), ...h.extraTokens];
    expect(
      tokenLeaks(
        tokens,
        runs.flatMap((r) => [r.stdout, r.stderr]),
        [h.dir]
      )
    ).toEqual([]);
    expect(foreign).toEqual([]);
    // Every logging command the task issued is one its task.json restrictions allow, as the agent applies them.
    expect(runs.flatMap((r) => ('refused' in r ? (r as AzureTaskResult).refused : []))).toEqual([]);
  });
  afterAll(removeTempDirs);
  return h;
}
