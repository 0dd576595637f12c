/** The setup doctor: the exact chainctl command and Terraform block built from a token's claims. */
import { makeJwt } from '../../../../emulators/index.mjs';
import { diagnosisLines, refusalAdvice, trustLines, type Presented } from '../../../../src/core/advice/trust.js';
import { shellWord } from '../../../../src/core/shell.js';
import type { SourceKind } from '../../../../src/core/sources/inputs.js';
import { sourceDefinition } from '../../../../src/core/sources/table.js';
import { looksPrivate } from '../../../../src/core/sources/token-file.js';

const ORG = '0123456789abcdef0123456789abcdef01234567';
const IDENTITY = `${ORG}/0123456789abcdef`;
const NOW = Date.parse('2030-01-01T00:00:00Z');
const exp = NOW / 1000 + 600;

function presented(kind: SourceKind, claims: Record<string, unknown>, extra: Partial<Presented> = {}): Presented {
  return {
    source: sourceDefinition(kind),
    token: makeJwt({ exp, ...claims }),
    tokenName: 'OIDC token',
    identity: IDENTITY,
    now: NOW,
    label: (n) => n,
    ...extra
  };
}

describe('trustLines', () => {
  it("builds the chainctl command and the Terraform claim_match from the claims, in the identity's organization", () => {
    const p = presented('github', {
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      aud: 'issuer.enforce.dev'
    });
    const lines = trustLines(p);
    expect(lines.slice(0, 13)).toEqual([
      'To trust this runner, create an assumable identity that matches these claims:',
      `  chainctl iam identities create github-actions --parent=${ORG} --identity-issuer=https://token.actions.githubusercontent.com --subject=repo:octo-org/octo-repo:ref:refs/heads/main --audience=issuer.enforce.dev --role=registry.pull`,
      'or in Terraform (chainguard provider; then bind it to the role registry.pull with a chainguard_rolebinding):',
      '  resource "chainguard_identity" "github_actions" {',
      `    parent_id = "${ORG}"`,
      '    name      = "github-actions"',
      '    claim_match {',
      '      issuer   = "https://token.actions.githubusercontent.com"',
      '      subject  = "repo:octo-org/octo-repo:ref:refs/heads/main"',
      '      audience = "issuer.enforce.dev"',
      '    }',
      '  }',
      expect.stringMatching(/^The subject depends on what triggered the workflow .*--subject-pattern.*The audience is oidc-audience\.$/)
    ]);
    expect(lines.join('\n')).not.toContain(p.token);
  });

  it('quotes values a shell would split, and escapes Terraform templates', () => {
    const p = presented(
      'azure-devops',
      {
        iss: 'https://vstoken.dev.azure.com/0f1e',
        sub: "sc://octo-org/octo-project/Chainguard's registry",
        aud: 'api://AzureADTokenExchange'
      },
      { identity: undefined }
    );
    const [, command] = trustLines(p);
    expect(command).toBe(
      "  chainctl iam identities create azure-pipelines --identity-issuer=https://vstoken.dev.azure.com/0f1e --subject='sc://octo-org/octo-project/Chainguard'\\''s registry' --audience=api://AzureADTokenExchange --role=registry.pull"
    );
    expect(trustLines(presented('token-file', { iss: 'https://x.example', sub: 'a${b}' })).join('\n')).toContain('subject  = "a$${b}"');
    expect(trustLines(p).join('\n')).toContain('parent_id = "<your organization or folder ID>"');
    expect(trustLines(p).join('\n')).toMatch(
      /the subject names this pipeline \(p:\/\/<org>\/<project>\/<pipeline>\).*always api:\/\/AzureADTokenExchange/
    );
  });

  it('takes the first audience of a list, and leaves --audience out when there is none', () => {
    expect(trustLines(presented('token-file', { iss: 'https://x.example', sub: 's', aud: ['one', 'two'] }))[1]).toContain(
      '--audience=one --role'
    );
    const none = trustLines(presented('token-file', { iss: 'https://x.example', sub: 's' }));
    expect(none[1]).not.toContain('--audience');
    expect(none.join('\n')).not.toContain('audience =');
  });

  it('gives the v1-issuer and audience advice for Azure tokens', () => {
    const v1 = trustLines(presented('imds', { iss: 'https://sts.windows.net/t/', sub: 'oid', aud: 'api://app' }));
    expect(v1.join('\n')).toMatch(/v1 issuer.*requestedAccessTokenVersion": 2/);
    expect(
      trustLines(presented('arc', { iss: 'https://login.microsoftonline.com/t/v2.0', sub: 'oid', aud: 'api://app' })).join('\n')
    ).toMatch(/Likely cause: the audience/);
    expect(
      trustLines(presented('app-service', { iss: 'https://login.microsoftonline.com/t/v2.0', sub: 'oid', aud: 'app' })).join('\n')
    ).toMatch(/principal \(object\) ID/);
    expect(trustLines(presented('app-service', { iss: 'https://login.microsoftonline.com/t/v2.0', sub: 'oid', aud: 'app' }))[1]).toMatch(
      /^ {2}chainctl iam identities create azure-container-apps-runners /
    );
  });

  it("offers a static identity with the cluster's keys when a Kubernetes issuer is not public", () => {
    const lines = trustLines(
      presented('token-file', {
        iss: 'https://kubernetes.default.svc.cluster.local',
        sub: 'system:serviceaccount:jenkins:agent',
        aud: ['issuer.enforce.dev']
      })
    );
    const text = lines.join('\n');
    expect(text).toMatch(
      /The issuer https:\/\/kubernetes\.default\.svc\.cluster\.local does not look reachable from the internet, and Chainguard fetches its signing keys from https:\/\/kubernetes\.default\.svc\.cluster\.local\/\.well-known\/openid-configuration: create a static identity/
    );
    expect(lines).toContain(
      `  chainctl iam identities create kubernetes-ci --parent=${ORG} --identity-issuer=https://kubernetes.default.svc.cluster.local --issuer-keys="$(kubectl get --raw /openid/v1/jwks)" --subject=system:serviceaccount:jenkins:agent --role=registry.pull`
    );
    expect(text).toContain('static { issuer, issuer_keys, subject, expiration }');
    expect(text).not.toMatch(/projects it with audience issuer\.enforce\.dev/);
    const publicIssuer = trustLines(
      presented('token-file', {
        iss: 'https://eastus.oic.prod-aks.azure.com/t/c/',
        sub: 'system:serviceaccount:ci:runner',
        aud: ['api://AzureADTokenExchange']
      })
    ).join('\n');
    expect(publicIssuer).toMatch(/^If the cluster's issuer is not reachable from the internet/m);
    expect(publicIssuer).toMatch(
      /The token's audience is "api:\/\/AzureADTokenExchange"; Chainguard's Kubernetes guide projects it with audience issuer\.enforce\.dev/
    );
  });

  it('notes an expired token', () => {
    expect(trustLines(presented('token-file', { iss: 'https://x.example', sub: 's', exp: NOW / 1000 - 1 })).at(-1)).toBe(
      `Note: this token expired at ${new Date(NOW - 1000).toISOString()}; a fresh one is needed whatever the identity.`
    );
  });

  it('says when no identity can match', () => {
    expect(trustLines(presented('token-file', { sub: 's' }))).toEqual([
      'The OIDC token has no issuer (iss) claim, so no assumable identity can match it.'
    ]);
  });
});

describe('refusalAdvice and diagnosisLines', () => {
  it('lead with the claims presented, never the token', () => {
    const p = presented(
      'github',
      { iss: 'https://token.actions.githubusercontent.com', sub: 'repo:o/r:pull_request', aud: 'issuer.enforce.dev' },
      { tokenName: 'GitHub OIDC token' }
    );
    const advice = refusalAdvice(p);
    expect(advice.split('\n')[0]).toBe(
      `The identity ${IDENTITY} must match the GitHub OIDC token's claims: issuer "https://token.actions.githubusercontent.com", subject "repo:o/r:pull_request", audience "issuer.enforce.dev".`
    );
    expect(advice).toContain('--subject=repo:o/r:pull_request');
    expect(advice).not.toContain(p.token.split('.')[1]);
    expect(refusalAdvice({ ...p, token: 'opaque' })).toBe('The GitHub OIDC token could not be decoded, so its claims cannot be shown.');

    const diagnosis = diagnosisLines({ ...p, identity: undefined }, "GitHub Actions' OIDC provider (https://x)");
    expect(diagnosis.slice(0, 6)).toEqual([
      "Diagnosis: the GitHub OIDC token from GitHub Actions' OIDC provider (https://x) has these claims (the token itself is not shown):",
      '  issuer   (iss): https://token.actions.githubusercontent.com',
      '  subject  (sub): repo:o/r:pull_request',
      '  audience (aud): issuer.enforce.dev',
      `  expires  (exp): ${new Date(exp * 1000).toISOString()}`,
      'To trust this runner, create an assumable identity that matches these claims:'
    ]);
    expect(diagnosis.at(-1)).toBe('Stopped before the exchange (diagnose): nothing was sent to Chainguard and nothing was written.');
    expect(diagnosis.join('\n')).not.toContain(p.token);
  });
});

describe('helpers', () => {
  it('shellWord and looksPrivate', () => {
    expect(shellWord('repo:o/r:ref:refs/heads/main')).toBe('repo:o/r:ref:refs/heads/main');
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord('$(rm -rf /)')).toBe("'$(rm -rf /)'");
    for (const issuer of [
      'https://kubernetes.default.svc',
      'https://kubernetes.default.svc.cluster.local',
      'https://10.0.0.1',
      'http://issuer.example.com',
      'https://k8s.internal',
      'not a url'
    ]) {
      expect([issuer, looksPrivate(issuer)]).toEqual([issuer, true]);
    }
    for (const issuer of [
      'https://eastus.oic.prod-aks.azure.com/t/c/',
      'https://oidc.eks.us-east-1.amazonaws.com/id/X',
      'https://container.googleapis.com/v1/projects/p/locations/l/clusters/c'
    ]) {
      expect([issuer, looksPrivate(issuer)]).toEqual([issuer, false]);
    }
  });
});
