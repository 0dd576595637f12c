/** The metadata emulator's MSI_ENDPOINT form, which the Azure CLI route of the benchmark uses. */
import { readJwt, startImds, SYSTEM, TENANT, USER_A, USER_B } from '../../../emulators/index.mjs';

type Imds = Awaited<ReturnType<typeof startImds>>;
const RESOURCE = 'api://3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c';
type TokenBody = { access_token: string; expires_on: string; token_type: string; resource: string; client_id: string };

let imds: Imds;
beforeEach(async () => {
  imds = await startImds({ tenantId: TENANT, systemAssigned: SYSTEM, userAssigned: [USER_A, USER_B] });
});
afterEach(async () => {
  await imds.close();
});

const post = (form: Record<string, string>, headers: Record<string, string> = { Metadata: 'true' }) =>
  fetch(imds.msiEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString()
  });

describe('MSI_ENDPOINT form of the metadata emulator', () => {
  it('issues the system-assigned identity token for a form-encoded POST', async () => {
    const response = await post({ resource: RESOURCE });
    expect(response.status).toBe(200);
    const body = (await response.json()) as TokenBody;
    expect(body).toMatchObject({ token_type: 'Bearer', resource: RESOURCE, client_id: SYSTEM.clientId });
    expect(Number(body.expires_on)).toBeGreaterThan(Date.now() / 1000);
    expect(readJwt(body.access_token)).toMatchObject({ sub: SYSTEM.objectId, tid: TENANT });
    expect(imds.issued).toEqual([body.access_token]);
  });

  it('picks a user-assigned identity by client_id, object_id or msi_res_id', async () => {
    const forms: Record<string, string>[] = [
      { client_id: USER_B.clientId },
      { object_id: USER_B.objectId },
      { msi_res_id: USER_B.resourceId }
    ];
    for (const form of forms) {
      const body = (await (await post({ resource: RESOURCE, ...form })).json()) as TokenBody;
      expect(readJwt(body.access_token)).toMatchObject({ sub: USER_B.objectId });
    }
  });

  it('refuses a request without Metadata: true, with two selectors, or an unknown identity', async () => {
    expect((await post({ resource: RESOURCE }, {})).status).toBe(400);
    expect((await post({ resource: RESOURCE, client_id: USER_A.clientId, object_id: USER_A.objectId })).status).toBe(400);
    expect((await post({ resource: RESOURCE, client_id: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    expect(imds.issued).toHaveLength(0);
  });
});
