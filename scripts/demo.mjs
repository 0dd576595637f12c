// The demo: starts the loopback emulators of Azure IMDS and Chainguard's STS, then runs the
// built GitHub Action and the built Azure Pipelines task against them exactly as the runner
// and the agent would, and shows what a user sees. Tokens are shown as *** (as the runner's
// masking shows them); nothing leaves 127.0.0.1.
// @ts-check
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AZURE_AUDIENCE, IDENTITY_SYSTEM, IDENTITY_USER_A, USER_A, startEmulators } from '../emulators/index.mjs';
import { azureJob, githubJob, runAzureMain, runAzurePost, runGithubMain, runGithubPost } from '../emulators/runners.mjs';

const emulators = await startEmulators();
const workspace = mkdtempSync(path.join(os.tmpdir(), 'chainguard-login-demo-'));
/** @type {string[]} */
const secrets = [];

/** @param {string} text */
const redact = (text) => {
  let out = text;
  for (const s of [...emulators.imds.issued, ...emulators.sts.issued, ...secrets]) if (s) out = out.split(s).join('***');
  return out;
};
/** @param {string} title */
const heading = (title) => console.log(`\n\x1b[1m== ${title}\x1b[0m`);
/**
 * Log text as the runner shows it: masked, without debug lines (shown only in debug mode), and
 * with the line breaks a command's message carries (%0A) shown as line breaks.
 * @param {string} text
 */
const indent = (text) =>
  redact(text)
    .trimEnd()
    .split('\n')
    .filter((l) => !l.startsWith('::debug::') && !l.startsWith('##vso[task.debug]'))
    .flatMap((l) =>
      /^(::|##vso\[)/.test(l)
        ? l
            .replace(/%0D/g, '')
            .replace(/%25|%AZP25/g, '%')
            .split('%0A')
        : [l]
    )
    .map((l) => `   ${l}`)
    .join('\n');

/** The docker config as a user would inspect it, auth values redacted. @param {string} dir */
function showConfig(dir) {
  const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
  for (const entry of Object.values(config.auths ?? {})) {
    const decoded = Buffer.from(/** @type {{auth: string}} */ (entry).auth, 'base64').toString();
    secrets.push(/** @type {{auth: string}} */ (entry).auth);
    /** @type {{auth: string}} */ (entry).auth = `base64("${decoded.split(':')[0]}:***")`;
  }
  return JSON.stringify(config, null, 2);
}

let failed = false;
/** @param {boolean} ok @param {string} what */
const check = (ok, what) => {
  console.log(`   ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

try {
  console.log(`Emulated Azure IMDS at ${emulators.imds.url}; emulated Chainguard STS at ${emulators.sts.url}`);
  console.log('Step logs below are shown as the runner shows them: tokens masked as ***, debug lines hidden.');
  const common = { AZURE_POD_IDENTITY_AUTHORITY_HOST: emulators.imds.url };

  // --- GitHub Actions: a self-hosted runner that already has its own docker logins.
  const gh = githubJob(path.join(workspace, 'github'));
  mkdirSync(path.join(gh.home, '.docker'));
  writeFileSync(
    path.join(gh.home, '.docker', 'config.json'),
    JSON.stringify({ auths: { 'ghcr.io': { auth: Buffer.from('octocat:ghp_example').toString('base64') } } })
  );
  heading('GitHub Actions — uses: ./ with identity, azure-audience (system-assigned identity)');
  const ghMain = await runGithubMain(
    gh,
    { identity: IDENTITY_SYSTEM, 'azure-audience': AZURE_AUDIENCE, issuer: emulators.sts.url },
    common
  );
  console.log(indent(ghMain.stdout + ghMain.stderr));
  heading('Step outputs');
  console.log(
    indent(
      Object.entries(ghMain.outputs)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n')
    )
  );
  heading(`Docker config written (${ghMain.outputs['docker-config']}/config.json)`);
  console.log(indent(showConfig(ghMain.outputs['docker-config'])));
  heading('Post step');
  const ghPost = await runGithubPost(gh, ghMain);
  console.log(indent(ghPost.stdout + ghPost.stderr));
  check(ghMain.code === 0 && ghPost.code === 0, 'both steps succeeded');
  check(!existsSync(ghMain.outputs['docker-config']), 'the job-scoped docker config is gone after the post step');

  // --- Azure Pipelines: an agent on a VM with a user-assigned identity.
  const az = azureJob(path.join(workspace, 'azure'));
  heading('Azure Pipelines — task ChainguardAzureLogin@0 with managedIdentityClientId (user-assigned identity)');
  const azMain = await runAzureMain(
    az,
    { identity: IDENTITY_USER_A, azureAudience: AZURE_AUDIENCE, managedIdentityClientId: USER_A.clientId, issuer: emulators.sts.url },
    common
  );
  console.log(indent(azMain.stdout + azMain.stderr));
  heading('Output variables');
  console.log(
    indent(
      Object.entries(azMain.outputs)
        .map(([k, v]) => `${k}${v.secret ? ' (secret)' : ''}: ${v.value}`)
        .join('\n')
    )
  );
  heading('Post-job step');
  const azPost = await runAzurePost(az, azMain);
  console.log(indent(azPost.stdout + azPost.stderr));
  check(azMain.result === 'Succeeded' && azPost.result === 'Succeeded', 'the task and its post-job step succeeded');
  check(!existsSync(azMain.outputs.dockerConfig?.value ?? ''), 'the job-scoped docker config is gone after the post-job step');

  // --- A mistake, to show what a failure looks like.
  heading('A misconfigured step (an identity that does not trust this VM): the error names the cause');
  const bad = await runGithubMain(
    githubJob(path.join(workspace, 'github-bad')),
    { identity: IDENTITY_USER_A, 'azure-audience': AZURE_AUDIENCE, issuer: emulators.sts.url },
    common
  );
  console.log(
    indent(
      bad.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error::'))
        .join('\n')
    )
  );
  check(bad.code === 1, 'the step failed with exit code 1');
} finally {
  await emulators.close();
  rmSync(workspace, { recursive: true, force: true });
}
console.log(failed ? '\nDemo finished with failures.' : '\nDemo finished: every check passed.');
process.exitCode = failed ? 1 : 0;
