/**
 * Inputs that name URIs or paths refuse characters they can never legitimately contain, so that
 * a value can never smuggle a runner or agent command (`##[…]`, `##vso[…]`) into the step's
 * log: `#`, `[` and `]` in a URI input, a runner command marker in a path, control characters
 * anywhere. Run through the built bundles: refused before any request, naming the input, and
 * without echoing the value.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { APP_CLIENT_ID } from '../../emulators/index.mjs';
import { useBundleHarness } from '../helpers/bundles.js';

const h = useBundleHarness();

describe('GitHub Action: URI and path inputs', () => {
  const cases: Array<[string, (dir: string, sts: string) => Record<string, string>, string]> = [
    ['azure-audience with ##[stop-commands]', () => ({ 'azure-audience': `api://${APP_CLIENT_ID}##[stop-commands]zz` }), 'azure-audience'],
    ['azure-audience with a fragment', () => ({ 'azure-audience': `api://${APP_CLIENT_ID}#x` }), 'azure-audience'],
    ['azure-audience with brackets', () => ({ 'azure-audience': `api://${APP_CLIENT_ID}/[x]` }), 'azure-audience'],
    ['audience with ##[set-output]', () => ({ audience: 'cgr.dev##[set-output name=injected;]pwned' }), 'audience'],
    ['audience with a bracket', () => ({ audience: 'cgr.dev]' }), 'audience'],
    ['issuer with brackets in its path', (_dir, sts) => ({ issuer: `${sts}/a[b]` }), 'issuer'],
    ['docker-config with ##[set-output]', (dir) => ({ 'docker-config': `${dir} ##[set-output name=injected;]pwned` }), 'docker-config'],
    [
      'docker-config with ##vso[',
      (dir) => ({ 'docker-config': `${dir}##vso[task.setvariable variable=DOCKER_CONFIG]/tmp/x` }),
      'docker-config'
    ],
    ['docker-config with a bell character', (dir) => ({ 'docker-config': `${dir}\u0007` }), 'docker-config']
  ];

  it.each(cases)('refuses %s before any request, without echoing it', async (_what, extra, input) => {
    const job = h.githubJob();
    const main = await h.githubMain(job, h.githubInputs(extra(path.join(job.dir, 'docker'), h.emulators.sts.url)));
    expect(main.code).toBe(1);
    const errors = main.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^::error::Input ${input} `));
    expect(main.stdout).not.toContain('##[');
    expect(main.stdout).not.toContain('##vso[');
    expect(h.emulators.imds.requests.length + h.emulators.sts.requests.length).toBe(0);
    expect(main.outputs).toEqual({});
    expect(main.exported).toEqual({});
    expect(readdirSync(job.temp)).toEqual([]);
  });
});

describe('Azure Pipelines task: URI and path inputs', () => {
  it.each<[string, (dir: string) => Record<string, string>, string]>([
    [
      'azureAudience with ##vso[task.prependpath]',
      () => ({ azureAudience: `api://${APP_CLIENT_ID}##vso[task.prependpath]/tmp/evil-bin` }),
      'azureAudience'
    ],
    [
      'dockerConfig with ##vso[task.setvariable]',
      (dir) => ({ dockerConfig: `${dir} ##vso[task.setvariable variable=DOCKER_CONFIG]/tmp/x` }),
      'dockerConfig'
    ]
  ])('refuses %s before any request, and no agent command is smuggled', async (_what, extra, input) => {
    const job = h.azureJob();
    const main = await h.azureMain(job, h.azureInputs(extra(path.join(job.dir, 'docker'))));
    expect(main.result).toBe('Failed');
    const issues = main.commands.filter((c) => c.command === 'task.issue' && c.properties.type === 'error');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(new RegExp(`^Input ${input} `));
    // Every ##vso[ starts a line, and only the step's own commands appear. The agent acts on the
    // first command in a line only; the task library's debug line of an input's value carries it
    // as that command's data (line breaks escaped), which the agent never acts on.
    for (const line of main.stdout.split('\n')) {
      if (!line.startsWith('##vso[task.debug]')) expect(line.indexOf('##vso[', 1)).toBe(-1);
    }
    expect(
      main.commands
        .map((c) => c.command)
        .filter((c) => c !== 'task.debug')
        .sort()
    ).toEqual(['task.complete', 'task.issue']);
    expect(main.variables).toEqual({});
    expect(h.emulators.imds.requests.length + h.emulators.sts.requests.length).toBe(0);
  });
});
