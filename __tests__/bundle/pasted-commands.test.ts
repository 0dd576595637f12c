/**
 * Commands printed for a user to paste (az, chainctl, kubectl), built from claims an attacker
 * controls: a branch name such as `x;curl${IFS}…|sh;#` is a legal git ref and lands in a CI
 * token's subject. Each command is taken from what the built bundles print (after the runner's
 * escaping and `neutralise`), pasted into `sh` with az, chainctl and kubectl defined as shell
 * functions that record their arguments: no payload runs (the canary file it would create never
 * appears), and the arguments recorded are exactly the claims. A claim that is not the shape the
 * command needs (an object ID that is not a GUID) is replaced by a placeholder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startAcr } from '../../emulators/acr.mjs';
import { imdsAnswer, makeJwt, SYSTEM, systemAzureJwt, TENANT } from '../../emulators/index.mjs';
import { useBundleHarness } from '../helpers/bundles.js';
import { tempDir } from '../helpers/temp.js';

const h = useBundleHarness();
const TEST_LOOPBACK = { CHAINGUARD_LOGIN_TEST_LOOPBACK_ENDPOINTS: '1' };

/** Payloads that create ./canary when a shell runs them; `::` and `##` are what neutralise rewrites. */
const PAYLOAD = `;touch\${IFS}canary;#'$(touch canary)'"\`touch canary\`"::##|sh`;
const HOSTILE = {
  // An issuer must be a URL (no spaces), or it is replaced by a placeholder.
  iss: `https://issuer.example.test/o'$(touch\${IFS}canary)'\`touch\${IFS}canary\`;touch\${IFS}canary;::x##y|sh`,
  sub: `repo:octo-org/octo-repo:ref:refs/heads/x${PAYLOAD}`,
  k8sSub: `system:serviceaccount:ci:x${PAYLOAD}`,
  aud: `aud${PAYLOAD}`
};

/** The text a user sees: GitHub's ::error:: data unescaped (the runner shows %0A as a new line). */
function shown(output: string): string {
  return output
    .split('\n')
    .map((line) =>
      line.startsWith('::')
        ? line
            .replace(/^::[a-z]+::/, '')
            .replace(/%0D/g, '\r')
            .replace(/%0A/g, '\n')
            .replace(/%25/g, '%')
        : line
    )
    .join('\n');
}

/**
 * The commands printed for pasting: indented lines that start with az, chainctl or kubectl, and
 * a command inside a sentence ("…: az … . Next sentence"), as a user would select it.
 */
function commands(output: string): string[] {
  return shown(output)
    .split('\n')
    .flatMap((line) => {
      if (/^\s+(az|chainctl|kubectl) /.test(line)) return [line.trim()];
      const inline = /: ((?:az|chainctl|kubectl) .*?)(?:\. [A-Z]|$)/.exec(line);
      return inline ? [inline[1]] : [];
    });
}

interface Pasted {
  /** Each call of az, chainctl or kubectl: the program, then its arguments. */
  calls: string[][];
  ranPayload: boolean;
  status: number;
}

/** Pastes `command` into sh in a fresh directory, with the tools recording their arguments. */
function paste(command: string): Pasted {
  const dir = tempDir('cgl-paste-');
  const record = path.join(dir, 'calls');
  const script = [
    `record() { for a in "$@"; do printf '%s\\0' "$a"; done >> '${record}'; printf '\\036' >> '${record}'; }`,
    'az() { record az "$@"; }',
    'chainctl() { record chainctl "$@"; }',
    'kubectl() { record kubectl "$@"; printf \'{"keys":[]}\'; }',
    command,
    ''
  ].join('\n');
  writeFileSync(path.join(dir, 'pasted.sh'), script);
  let status = 0;
  try {
    execFileSync('sh', ['pasted.sh'], { cwd: dir, stdio: 'pipe', env: { PATH: process.env.PATH } });
  } catch (error) {
    status = (error as { status?: number }).status ?? 1;
  }
  const calls = existsSync(record)
    ? readFileSync(record, 'utf8')
        .split('\u001e')
        .filter(Boolean)
        .map((call) => call.split('\0').slice(0, -1))
    : [];
  return { calls, ranPayload: existsSync(path.join(dir, 'canary')), status };
}

/** The value that follows `flag` in a call (`--flag value` or `--flag=value`). */
function valueOf(call: string[], flag: string): string | undefined {
  const joined = call.find((arg) => arg.startsWith(`${flag}=`));
  if (joined) return joined.slice(flag.length + 1);
  const at = call.indexOf(flag);
  return at >= 0 ? call[at + 1] : undefined;
}

function tokenFile(claims: Record<string, unknown>): string {
  const token = makeJwt({ exp: Math.floor(Date.now() / 1000) + 600, ...claims });
  h.extraTokens.push(token);
  // Outside the harness's workspace, whose files are swept for tokens.
  const file = path.join(tempDir('cgl-claims-'), 'token');
  writeFileSync(file, token, { mode: 0o600 });
  return file;
}

describe('commands printed for pasting, built from hostile claims', () => {
  it('chainctl (the setup doctor, GitHub step): nothing runs, and chainctl gets exactly the claims', async () => {
    const file = tokenFile({ iss: HOSTILE.iss, sub: HOSTILE.sub, aud: HOSTILE.aud });
    const main = await h.githubMain(h.githubJob(), h.githubInputs({ 'azure-audience': '', 'identity-token-file': file, diagnose: 'true' }));
    expect(main.code).toBe(0);
    const printed = commands(main.stdout);
    expect(printed).toHaveLength(1);
    const pasted = paste(printed[0]);
    expect(pasted.ranPayload).toBe(false);
    expect(pasted.calls).toHaveLength(1);
    const [call] = pasted.calls;
    expect(call.slice(0, 5)).toEqual(['chainctl', 'iam', 'identities', 'create', 'kubernetes-ci']);
    expect(valueOf(call, '--identity-issuer')).toBe(HOSTILE.iss);
    expect(valueOf(call, '--subject')).toBe(HOSTILE.sub);
    expect(valueOf(call, '--audience')).toBe(HOSTILE.aud);
  });

  it('chainctl with kubectl (a Kubernetes token, command-line tool): nothing runs, and each tool gets exactly the claims', async () => {
    const file = tokenFile({ iss: HOSTILE.iss, sub: HOSTILE.k8sSub, aud: [HOSTILE.aud] });
    const result = await h.cli({ HOME: h.dir }, ['diagnose', '--identity-token-file', file]);
    expect(result.code).toBe(0);
    const printed = commands(result.stderr);
    expect(printed).toHaveLength(2);
    for (const command of printed) {
      const pasted = paste(command);
      expect(pasted.ranPayload).toBe(false);
      const chainctl = pasted.calls.find((call) => call[0] === 'chainctl') ?? [];
      expect(valueOf(chainctl, '--identity-issuer')).toBe(HOSTILE.iss);
      expect(valueOf(chainctl, '--subject')).toBe(HOSTILE.k8sSub);
      if (command.includes('kubectl')) {
        expect(pasted.calls.map((call) => call[0])).toEqual(['kubectl', 'chainctl']);
        expect(pasted.calls[0]).toEqual(['kubectl', 'get', '--raw', '/openid/v1/jwks']);
        expect(valueOf(chainctl, '--issuer-keys')).toBe('{"keys":[]}');
      } else {
        expect(valueOf(chainctl, '--audience')).toBe(HOSTILE.aud);
      }
    }
  });

  it('az identity federated-credential create (workload identity, AADSTS7002xx): nothing runs, and az gets exactly the claims', async () => {
    const file = tokenFile({ iss: HOSTILE.iss, sub: HOSTILE.k8sSub, aud: ['api://AzureADTokenExchange'] });
    const env = { ...h.emulators.environments.workloadIdentity(), AZURE_FEDERATED_TOKEN_FILE: file };
    const main = await h.githubMain(h.githubJob(), h.githubInputs(), env);
    expect(main.code).toBe(1);
    expect(shown(main.stdout)).toMatch(/Entra ID answered 400 AADSTS700211: no federated credential/);
    const printed = commands(main.stdout);
    // The admin fills in the placeholders the command names.
    const filled = printed[0].replace('<managed identity name>', 'runner-identity').replace('<group>', 'ci-runners');
    const pasted = paste(filled);
    expect(pasted.ranPayload).toBe(false);
    expect(printed).toHaveLength(1);
    expect(pasted.calls).toEqual([
      [
        'az',
        'identity',
        'federated-credential',
        'create',
        '--name',
        'chainguard-login',
        '--identity-name',
        'runner-identity',
        '--resource-group',
        'ci-runners',
        '--issuer',
        HOSTILE.iss,
        '--subject',
        HOSTILE.k8sSub,
        '--audience',
        'api://AzureADTokenExchange'
      ]
    ]);
  });

  describe('az role assignment create (ACR refused the identity)', () => {
    /** IMDS answers the step's two requests with these claims: for the STS, then for the registry. */
    function azureTokens(oid: string): void {
      const forSts = systemAzureJwt({ oid: SYSTEM.objectId, tid: TENANT });
      const forAcr = systemAzureJwt({ sub: oid, aud: 'https://containerregistry.azure.net', oid, tid: TENANT });
      h.extraTokens.push(forSts, forAcr);
      h.emulators.imds.script(imdsAnswer(forSts), imdsAnswer(forAcr));
    }

    it('puts a placeholder where the object ID is not a GUID: nothing runs', async () => {
      const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT });
      try {
        const oid = `x${PAYLOAD}`;
        azureTokens(oid);
        const main = await h.githubMain(h.githubJob(), h.githubInputs({ 'acr-registries': acr.host }), TEST_LOOPBACK);
        h.extraTokens.push(...acr.issued);
        expect(main.code).toBe(1);
        const printed = commands(main.stdout);
        expect(printed).toHaveLength(1);
        const pasted = paste(printed[0]);
        expect(pasted.ranPayload).toBe(false);
        expect(printed[0]).toContain('--assignee-object-id <principal-id of the managed identity> ');
        expect(shown(main.stdout)).not.toContain('touch');
        // Pasted as printed, the placeholder stops the command (the admin fills it in first).
        const filled = paste(printed[0].replace('<principal-id of the managed identity>', SYSTEM.objectId));
        expect(filled.ranPayload).toBe(false);
        expect(filled.calls).toEqual([
          ['az', 'acr', 'show', '--name', '127', '--query', 'id', '--output', 'tsv'],
          [
            'az',
            'role',
            'assignment',
            'create',
            '--assignee-object-id',
            SYSTEM.objectId,
            '--assignee-principal-type',
            'ServicePrincipal',
            '--role',
            'AcrPull',
            '--scope',
            ''
          ]
        ]);
      } finally {
        await acr.close();
      }
    });

    it('gives az exactly the object ID when it is a GUID', async () => {
      const acr = await startAcr({ azureTokens: h.emulators.imds, tenantId: TENANT });
      try {
        const oid = '77777777-bbbb-4bbb-8bbb-777777777777';
        azureTokens(oid);
        const main = await h.githubMain(h.githubJob(), h.githubInputs({ 'acr-registries': acr.host }), TEST_LOOPBACK);
        h.extraTokens.push(...acr.issued);
        expect(main.code).toBe(1);
        const printed = commands(main.stdout);
        expect(printed).toHaveLength(1);
        const pasted = paste(printed[0]);
        expect(pasted.ranPayload).toBe(false);
        expect(pasted.calls[1]).toEqual([
          'az',
          'role',
          'assignment',
          'create',
          '--assignee-object-id',
          oid,
          '--assignee-principal-type',
          'ServicePrincipal',
          '--role',
          'AcrPull',
          '--scope',
          ''
        ]);
      } finally {
        await acr.close();
      }
    });
  });
});

describe('the shell the commands are pasted into', () => {
  it('runs a payload pasted unquoted (the check above can fail)', () => {
    expect(paste(`az role assignment create --assignee-object-id x${PAYLOAD}`).ranPayload).toBe(true);
  });
});
