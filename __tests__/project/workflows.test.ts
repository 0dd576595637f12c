/**
 * The GitHub workflows and action.yml, checked against GitHub's schemas with action-validator
 * (they cannot run here). The validator's schema predates `runs.using: node24`, so action.yml
 * is validated with that one value read as node20, and node24 is checked on its own.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ROOT } from '../../emulators/runners.mjs';
import { removeTempDirs, tempDir } from '../helpers/temp.js';

afterAll(removeTempDirs);
const VALIDATOR = path.join(ROOT, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

/** Runs action-validator on a file; an action when the file is named action.yml, else a workflow. */
async function validate(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [VALIDATOR, file], {
      env: { PATH: process.env.PATH, NO_COLOR: '1' }
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
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
