import {
  AKS_ISSUER,
  APP_CLIENT_ID,
  createKubelet,
  readJwt,
  startEntra,
  TENANT,
  WORKLOAD_MI,
  WORKLOAD_SERVICE_ACCOUNT
} from '../../../../emulators/index.mjs';
import type { IdentitySelector } from '../../../../src/core/sources/inputs.js';
import {
  detectWorkloadIdentity,
  WorkloadIdentitySource,
  type WorkloadIdentityEnvironment
} from '../../../../src/core/sources/workload-identity.js';
import { testContext } from '../../../helpers/context.js';
import { failure } from '../../../helpers/failure.js';
import { closedPort } from '../../../helpers/temp.js';

const RESOURCE = `api://${APP_CLIENT_ID}`;
const SUBJECT = `system:serviceaccount:${WORKLOAD_SERVICE_ACCOUNT.namespace}:${WORKLOAD_SERVICE_ACCOUNT.serviceAccount}`;
type Entra = Awaited<ReturnType<typeof startEntra>>;

let entra: Entra;
let kubelet: ReturnType<typeof createKubelet>;
beforeEach(async () => {
  entra = await startEntra({
    tenantId: TENANT,
    identities: [{ ...WORKLOAD_MI, federated: [{ issuer: AKS_ISSUER, subject: SUBJECT, audience: 'api://AzureADTokenExchange' }] }]
  });
  kubelet = createKubelet({ issuer: AKS_ISSUER });
});
afterEach(async () => {
  await entra.close();
  kubelet.close();
});

function environment(overrides: Partial<WorkloadIdentityEnvironment> = {}): WorkloadIdentityEnvironment {
  return {
    tokenFile: overrides.tokenFile ?? kubelet.writeToken(WORKLOAD_SERVICE_ACCOUNT),
    clientId: WORKLOAD_MI.clientId,
    tenantId: TENANT,
    authority: entra.authority,
    ...overrides
  };
}
const form = (i: number) => Object.fromEntries(new URLSearchParams(entra.requests[i].body));

describe('WorkloadIdentitySource', () => {
  it('presents the projected token to Entra ID as a client assertion, masking it and the answer', async () => {
    const context = testContext();
    const env = environment();
    const result = await new WorkloadIdentitySource(env).getToken(RESOURCE, context);
    expect(readJwt(result.token)).toMatchObject({ sub: WORKLOAD_MI.objectId, azp: WORKLOAD_MI.clientId, aud: APP_CLIENT_ID });
    const [assertion] = kubelet.issued;
    expect(entra.requests[0].method).toBe('POST');
    expect(entra.requests[0].url.pathname).toBe(`/${TENANT}/oauth2/v2.0/token`);
    expect(entra.requests[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form(0)).toEqual({
      grant_type: 'client_credentials',
      client_id: WORKLOAD_MI.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: `${RESOURCE}/.default`
    });
    expect(context.masked).toEqual([assertion, result.token]);
    // Entra ID answers expires_in (seconds from now).
    expect(result.expiresAt!.getTime()).toBe(context.clock.time + 3599_000);
    expect(context.debugs.join('\n')).not.toContain(assertion);
  });

  it('reads the token file afresh at every use, since the kubelet rotates it', async () => {
    const env = environment();
    const source = new WorkloadIdentitySource(env);
    await source.getToken(RESOURCE, testContext());
    const rotated = kubelet.writeToken(WORKLOAD_SERVICE_ACCOUNT);
    expect(rotated).toBe(env.tokenFile);
    await source.getToken(RESOURCE, testContext());
    expect(form(0).client_assertion).toBe(kubelet.issued[0]);
    expect(form(1).client_assertion).toBe(kubelet.issued[1]);
  });

  it.each<[string, () => string, RegExp]>([
    [
      'another service account (AADSTS700213)',
      () => kubelet.writeToken({ ...WORKLOAD_SERVICE_ACCOUNT, serviceAccount: 'builder' }),
      /AADSTS700213: no federated credential/
    ],
    [
      'another cluster (AADSTS700211)',
      () => kubelet.writeToken({ ...WORKLOAD_SERVICE_ACCOUNT, issuer: 'https://other.oic.prod-aks.azure.com/x/' }),
      /AADSTS700211: no federated credential/
    ]
  ])('explains a token from %s with the command that adds the federated credential', async (_what, write, code) => {
    const tokenFile = write();
    const claims = readJwt(kubelet.issued[kubelet.issued.length - 1])!;
    const error = await failure(new WorkloadIdentitySource(environment({ tokenFile })).getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(
      /^Could not get an Azure token from Entra ID \(workload identity\) \(http:\/\/127\.0\.0\.1:\d+\/[^)]+\/oauth2\/v2\.0\/token\): Entra ID answered 400 /
    );
    expect(error.message).toMatch(code);
    expect(error.message).toContain(
      `matches the service account token in AZURE_FEDERATED_TOKEN_FILE (issuer "${claims.iss}", subject "${claims.sub}", audience "api://AzureADTokenExchange")`
    );
    expect(error.message).toContain(
      `az identity federated-credential create --name chainguard-login --identity-name <managed identity name> --resource-group <group> --issuer ${claims.iss} --subject ${claims.sub} --audience api://AzureADTokenExchange`
    );
    expect(error.message).toContain(`azure.workload.identity/client-id: ${WORKLOAD_MI.clientId}`);
    expect(error.message).not.toContain(kubelet.issued[kubelet.issued.length - 1]);
    expect(entra.requests).toHaveLength(1);
  });

  it('refuses an expired token file before asking Entra ID', async () => {
    const tokenFile = kubelet.writeToken({ ...WORKLOAD_SERVICE_ACCOUNT, lifetimeSeconds: -60 });
    const context = testContext();
    context.clock.time = Date.now();
    const error = await failure(new WorkloadIdentitySource(environment({ tokenFile })).getToken(RESOURCE, context));
    expect(error.message).toMatch(/The token in .* \(AZURE_FEDERATED_TOKEN_FILE\) expired at .*the kubelet rotates projected tokens/);
    expect(entra.requests).toHaveLength(0);
  });

  it.each<[string, Partial<WorkloadIdentityEnvironment>, RegExp]>([
    [
      'an unknown client ID',
      { clientId: '77777777-aaaa-4aaa-8aaa-777777777777' },
      /AADSTS700016: no application or managed identity with client ID 77777777-aaaa-4aaa-8aaa-777777777777 exists in tenant .* Check AZURE_CLIENT_ID and AZURE_TENANT_ID/
    ],
    [
      'an unknown tenant',
      { tenantId: '88888888-0000-4000-8000-888888888888' },
      /AADSTS90002: tenant 88888888-0000-4000-8000-888888888888 was not found\. Check AZURE_TENANT_ID/
    ]
  ])('names the variable to fix for %s', async (_what, overrides, message) => {
    const error = await failure(new WorkloadIdentitySource(environment(overrides)).getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(message);
  });

  it('names azure-audience when Entra ID knows no such resource', async () => {
    entra.script({
      status: 400,
      body: {
        error: 'invalid_resource',
        error_description: 'AADSTS500011: The resource principal named api://nope was not found in the tenant. Trace ID: x',
        error_codes: [500011]
      }
    });
    const error = await failure(new WorkloadIdentitySource(environment()).getToken('api://nope', testContext()));
    expect(error.message).toMatch(/AADSTS500011: Entra ID knows no resource "api:\/\/nope" in this tenant\. Check azure-audience/);
  });

  it('uses managed-identity-client-id instead of AZURE_CLIENT_ID when given', async () => {
    const selector: IdentitySelector = {
      kind: 'client-id',
      value: '77777777-aaaa-4aaa-8aaa-777777777777',
      inputLabel: 'managed-identity-client-id'
    };
    const error = await failure(new WorkloadIdentitySource(environment(), selector).getToken(RESOURCE, testContext()));
    expect(form(0).client_id).toBe(selector.value);
    expect(error.message).toMatch(/Check managed-identity-client-id and AZURE_TENANT_ID/);
  });

  it('retries throttling and server errors, honouring Retry-After, re-reading the file for each attempt', async () => {
    entra.script({ status: 429, headers: { 'Retry-After': '5' }, body: {} }, { status: 503, body: {} });
    const context = testContext();
    const env = environment();
    const result = await new WorkloadIdentitySource(env).getToken(RESOURCE, {
      ...context,
      // The kubelet rotates the token between attempts.
      debug: (m) => void (m.startsWith('Entra ID attempt') && kubelet.writeToken(WORKLOAD_SERVICE_ACCOUNT))
    });
    expect(result.token).toMatch(/^eyJ/);
    expect(entra.requests).toHaveLength(3);
    expect([0, 1, 2].map((i) => form(i).client_assertion)).toEqual(kubelet.issued);
    expect(new Set(kubelet.issued).size).toBe(3);
    expect(context.clock.sleeps).toEqual([5000, 2000]);
  });

  it('does not retry a refusal', async () => {
    const tokenFile = kubelet.writeToken({ ...WORKLOAD_SERVICE_ACCOUNT, serviceAccount: 'builder' });
    const context = testContext();
    await failure(new WorkloadIdentitySource(environment({ tokenFile })).getToken(RESOURCE, context));
    expect(entra.requests).toHaveLength(1);
    expect(context.clock.sleeps).toEqual([]);
  });

  it('names the variable of a missing token file', async () => {
    const error = await failure(
      new WorkloadIdentitySource(environment({ tokenFile: '/nonexistent/azure-identity-token' })).getToken(RESOURCE, testContext())
    );
    expect(error.message).toMatch(/The token file \/nonexistent\/azure-identity-token \(AZURE_FEDERATED_TOKEN_FILE\) does not exist/);
  });

  it('points at the proxy settings when Entra ID cannot be reached', async () => {
    const port = await closedPort();
    const error = await failure(
      new WorkloadIdentitySource(environment({ authority: `http://127.0.0.1:${port}/` })).getToken(RESOURCE, testContext())
    );
    expect(error.message).toMatch(/refused the connection\. Check AZURE_AUTHORITY_HOST/);
  });

  it('is detected by its three variables, with the public authority by default, and checks them', () => {
    const env = {
      AZURE_FEDERATED_TOKEN_FILE: '/var/run/secrets/azure/tokens/azure-identity-token',
      AZURE_CLIENT_ID: WORKLOAD_MI.clientId,
      AZURE_TENANT_ID: TENANT
    };
    expect(detectWorkloadIdentity(env)).toEqual({
      tokenFile: env.AZURE_FEDERATED_TOKEN_FILE,
      clientId: WORKLOAD_MI.clientId,
      tenantId: TENANT,
      authority: 'https://login.microsoftonline.com/'
    });
    expect(detectWorkloadIdentity({ ...env, AZURE_TENANT_ID: '' })).toBeUndefined();
    const detected = detectWorkloadIdentity(env)!;
    expect(new WorkloadIdentitySource(detected).endpoint).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`);
    expect(() => new WorkloadIdentitySource({ ...detected, authority: 'http://login.example.com/' })).toThrow(
      /AZURE_AUTHORITY_HOST .* uses plain http off this machine/
    );
    expect(() => new WorkloadIdentitySource({ ...detected, tenantId: '../evil' })).toThrow(/AZURE_TENANT_ID must be a tenant ID/);
    expect(() => new WorkloadIdentitySource({ ...detected, clientId: 'runner' })).toThrow(/AZURE_CLIENT_ID must be the client ID/);
  });
});
