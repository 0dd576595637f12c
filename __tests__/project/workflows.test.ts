/**
 * The GitHub workflows and action.yml, checked against GitHub's schemas with action-validator
 * (they cannot run here). The validator's schema predates `runs.using: node24`, so action.yml
 * is validated with that one value read as node20, and node24 is checked on its own.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../emulators/runners.mjs';
import { exec } from '../helpers/exec.js';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);
const VALIDATOR = path.join(ROOT, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

/** Runs action-validator on a file; an action when the file is named action.yml, else a workflow. */
async function validate(file: string): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await exec(process.execPath, [VALIDATOR, file], { env: { PATH: process.env.PATH, NO_COLOR: '1' } });
  return { code, output: stdout + stderr };
}

describe('GitHub workflows and action.yml', () => {
  const workflows = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

  it('has a CI workflow and a release workflow', () => {
    expect(workflows.sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(workflows)('%s is a valid workflow', async (file) => {
    expect(await validate(path.join(WORKFLOWS, file))).toEqual({ code: 0, output: '' });
  });

  it('action.yml is a valid action that runs on node24', async () => {
    const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    expect(text).toMatch(/^runs:\n {2}using: node24\n/m);
    const copy = path.join(tempDir('cgl-action-'), 'action.yml');
    writeFileSync(copy, text.replace(/^( {2}using:) node24$/m, '$1 node20'));
    expect(await validate(copy)).toEqual({ code: 0, output: '' });
  });

  it("action.yml's description fits the Marketplace's listing (fewer than 125 characters) and keeps its branding", () => {
    const text = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    const description = /^description: "([^"\n]*)"$/m.exec(text)?.[1];
    expect(description).toBeDefined();
    expect((description as string).length).toBeLessThan(125);
    expect(text).toMatch(/^branding:\n {2}icon: \S+\n {2}color: \S+$/m);
  });

  it('the CI workflow runs the checks of .ci/run, and the release workflow moves the major tag with contents: write', () => {
    const ci = readFileSync(path.join(WORKFLOWS, 'ci.yml'), 'utf8');
    for (const step of [
      'npm ci',
      'npm run typecheck',
      'npm run build',
      'git status --porcelain -- dist',
      'scripts/test-tools.sh',
      'npm test',
      'npm run package'
    ]) {
      expect(ci).toContain(step);
    }
    const release = readFileSync(path.join(WORKFLOWS, 'release.yml'), 'utf8');
    expect(release).toMatch(/^permissions:\n {2}contents: write$/m);
    expect(release).toMatch(/^ {2}release:\n {4}types: \[published\]$/m);
    expect(release).toMatch(/^ {4}tags: \['v\*\.\*\.\*'\]$/m);
    expect(release).toContain('git push --force origin "refs/tags/$major"');
  });

  it('the release workflow packages the .vsix under the publisher setting, packs the npm tarball, writes their checksums and attaches all three before moving the major tag', () => {
    const workflow = parse(readFileSync(path.join(WORKFLOWS, 'release.yml'), 'utf8'));
    const steps: { name?: string; run?: string; if?: string; uses?: string; with?: Record<string, string> }[] =
      workflow.jobs['move-major-tag'].steps;
    const at = (pattern: RegExp): number => {
      const index = steps.findIndex((step) => pattern.test(step.run ?? ''));
      expect({ pattern: String(pattern), found: index >= 0 }).toEqual({ pattern: String(pattern), found: true });
      return index;
    };
    const build = at(/^npm run build$/m);
    const pkg = at(/^npm run package$/m);
    const pack = at(/^npm pack --pack-destination \.package$/m);
    const sums = at(/^sha256sum -- \*\.vsix \*\.tgz > SHA256SUMS$/m);
    const attach = at(/^gh release upload "\$TAG" \.package\/\*\.vsix \.package\/\*\.tgz \.package\/SHA256SUMS --clobber$/m);
    const move = at(/^git push --force origin "refs\/tags\/\$major"$/m);
    expect([build, pkg, pack, sums, attach, move]).toEqual([...[build, pkg, pack, sums, attach, move]].sort((a, b) => a - b));
    // The publisher is the one setting's: no local build, no publisher given on the command line.
    expect(steps.filter((step) => /npm run package/.test(step.run ?? '')).map((step) => step.run?.trim())).toEqual(['npm run package']);
    expect(steps[sums]).toMatchObject({ 'working-directory': '.package' });
    expect(steps[attach].run).toContain('gh release view "$TAG"');
    expect(steps[move].if).toBe('${{ !github.event.release.prerelease }}');
    const kept = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(kept?.with?.path.split('\n').filter(Boolean)).toEqual(['.package/*.vsix', '.package/*.tgz', '.package/SHA256SUMS']);
  });

  it('CI runs under Node 20 and 24 on Linux and Windows: the whole suite on Linux, the Windows suite natively on Windows', () => {
    type Step = { name?: string; run?: string; uses?: string; if?: string };
    const ci = parse(readFileSync(path.join(WORKFLOWS, 'ci.yml'), 'utf8')) as {
      jobs: { check: { 'runs-on': string; strategy: { matrix: { os: string[]; node: number[] } }; steps: Step[] } };
    };
    const job = ci.jobs.check;
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix).toEqual({ os: ['ubuntu-latest', 'windows-latest'], node: [20, 24] });
    const running = (command: string) => job.steps.filter((step) => step.run?.includes(command));
    // Linux: the Debian packages, the whole suite (the Windows suite in it skips itself without wine), the package.
    for (const command of ['scripts/test-tools.sh', 'npm test', 'git status --porcelain -- dist', 'npm run package'])
      expect(running(command).map((step) => step.if)).toEqual([expect.stringMatching(/^runner\.os == 'Linux'/)]);
    // Windows: LF checkouts, a build, the Windows suite natively.
    expect(job.steps[0]).toMatchObject({ if: "runner.os == 'Windows'", run: 'git config --global core.autocrlf false' });
    expect(running('npm run test:windows').map((step) => step.if)).toEqual(["runner.os == 'Windows'"]);
    expect(
      running('npm run build')
        .map((step) => step.if)
        .sort()
    ).toEqual(["runner.os == 'Linux'", "runner.os == 'Windows'"]);
    // Steps for both: install, type-check; one artifact per run, from one leg.
    for (const command of ['npm ci', 'npm run typecheck']) expect(running(command).map((step) => step.if)).toEqual([undefined]);
    expect(job.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))?.if).toBe(
      "runner.os == 'Linux' && matrix.node == 20"
    );
    expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node'))).toMatchObject({
      with: { 'node-version': '${{ matrix.node }}' }
    });
  });

  it(".ci/run prepares wine, then runs exactly the README's test command, whose projects include the Windows suite", async () => {
    const run = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')
      .trim()
      .split('\n');
    expect(run.slice(-4)).toEqual(['bash scripts/wine-tools.sh', '', 'echo "== test"', 'npm test']);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.test).not.toContain('--selectProjects');
    expect(pkg.scripts['test:windows']).toMatch(/jest\.js --selectProjects windows$/);
    const { default: config } = (await import(path.join(ROOT, 'jest.config.js'))) as { default: { projects: { displayName: string }[] } };
    expect(config.projects.map((project) => project.displayName)).toEqual([
      'unit',
      'bundle',
      'e2e',
      'bundle (Node 24)',
      'e2e (Node 24)',
      'windows'
    ]);
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('npm ci && npm test');
  });

  it('the validator rejects a broken workflow and a broken action (the checks above can fail)', async () => {
    const dir = tempDir('cgl-broken-workflow-');
    const workflow = path.join(dir, 'broken.yml');
    writeFileSync(workflow, 'name: broken\non: push\njobs:\n  check:\n    steps:\n      - run: npm test\n');
    const result = await validate(workflow);
    expect(result.code).toBe(1);
    expect(result.output).toContain('"path": "/jobs/check/runs-on"');
    const action = path.join(dir, 'action.yml');
    writeFileSync(
      action,
      readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
        .replace(/^( {2}using:) node24$/m, '$1 node20')
        .replace(/^( {2})main:/m, '$1mian:')
    );
    expect((await validate(action)).code).toBe(1);
  });
});
