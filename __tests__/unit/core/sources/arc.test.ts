import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ARC_MI, readJwt, startArc, TENANT } from '../../../../emulators/index.mjs';
import { ARC_DEFAULT_ENDPOINT, ArcSource, arcPaths, detectArc, realmOf } from '../../../../src/core/sources/arc.js';
import { readTestSettings, TEST_VARIABLES, testSettingWarnings } from '../../../../src/core/test-settings.js';
import { testContext } from '../../../helpers/context.js';
import { failure } from '../../../helpers/failure.js';
import { closedPort, removeTempDirs, tempDir } from '../../../helpers/temp.js';

const RESOURCE = 'api://3b2c1a0f-5d4e-4f6a-9b8c-7d6e5f4a3b2c';
type Arc = Awaited<ReturnType<typeof startArc>>;

let arc: Arc;
beforeEach(async () => {
  arc = await startArc({ tenantId: TENANT, systemAssigned: ARC_MI });
});
afterEach(async () => {
  await arc.close();
});
afterAll(removeTempDirs);

const source = (endpoint = arc.endpoint, tokenDir = arc.tokenDir) => new ArcSource({ endpoint, how: 'test' }, {}, tokenDir, 'linux');

/** Answers the next challenge with `realm`. */
const challengeWith = (realm: string) => arc.script({ status: 401, headers: { 'WWW-Authenticate': `Basic realm=${realm}` }, body: '' });

describe('ArcSource', () => {
  it('answers the challenge with the key from the named file, masking the key before it is sent', async () => {
    const context = testContext();
    const result = await source().getToken(RESOURCE, context);
    expect(readJwt(result.token)).toMatchObject({ sub: ARC_MI.objectId });
    const [challenge, answer] = arc.requests;
    expect(arc.requests).toHaveLength(2);
    for (const request of [challenge, answer]) {
      expect(request.headers.metadata).toBe('true');
      expect(Object.fromEntries(request.url.searchParams)).toEqual({ 'api-version': '2019-11-01', resource: RESOURCE });
    }
    expect(challenge.headers.authorization).toBeUndefined();
    expect(answer.headers.authorization).toBe(`Basic ${arc.keys[0]}`);
    expect(context.masked).toEqual([arc.keys[0], result.token]);
    expect(context.debugs.join('\n')).not.toContain(arc.keys[0]);
  });

  it('warns that the token directory was overridden, since that setting is for tests only', () => {
    const warnings = testSettingWarnings(readTestSettings({ [TEST_VARIABLES.arcTokenDir]: arc.tokenDir }));
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^${TEST_VARIABLES.arcTokenDir} is set: .*tests only`))]);
  });

  describe("refuses a realm that is not one of the agent's key files, reading and sending nothing", () => {
    let outside: string;
    beforeEach(() => {
      outside = tempDir('arc-outside-');
      writeFileSync(path.join(outside, 'stolen.key'), 'secret-from-elsewhere');
    });

    it.each<[string, () => string, RegExp]>([
      ['a file in another directory', () => path.join(outside, 'stolen.key'), /is not directly in/],
      ['/etc/passwd', () => '/etc/passwd', /is not directly in/],
      ['a relative path', () => 'stolen.key', /is not an absolute path/],
      ['a path that climbs out of the directory', () => `${arc.tokenDir}/../${path.basename(outside)}/stolen.key`, /is not directly in/],
      [
        'a file in a subdirectory',
        () => {
          mkdirSync(path.join(arc.tokenDir, 'sub'));
          writeFileSync(path.join(arc.tokenDir, 'sub', 'x.key'), 'k');
          return path.join(arc.tokenDir, 'sub', 'x.key');
        },
        /is not directly in/
      ],
      [
        'a file not named *.key',
        () => {
          writeFileSync(path.join(arc.tokenDir, 'notes.txt'), 'k');
          return path.join(arc.tokenDir, 'notes.txt');
        },
        /is not named \*\.key/
      ],
      [
        'a symbolic link to a file elsewhere',
        () => {
          symlinkSync(path.join(outside, 'stolen.key'), path.join(arc.tokenDir, 'link.key'));
          return path.join(arc.tokenDir, 'link.key');
        },
        /is a symbolic link/
      ],
      [
        'a directory',
        () => {
          mkdirSync(path.join(arc.tokenDir, 'dir.key'));
          return path.join(arc.tokenDir, 'dir.key');
        },
        /is not a regular file/
      ],
      [
        'a file over 4096 bytes',
        () => {
          writeFileSync(path.join(arc.tokenDir, 'big.key'), 'k'.repeat(4097));
          return path.join(arc.tokenDir, 'big.key');
        },
        /is 4097 bytes long/
      ]
    ])('%s', async (_what, realm, reason) => {
      challengeWith(realm());
      const context = testContext();
      const error = await failure(source().getToken(RESOURCE, context));
      expect(error.message).toMatch(
        /^Could not get an Azure token from the Azure Arc agent's identity endpoint \(http:\/\/127\.0\.0\.1:\d+\/metadata\/identity\/oauth2\/token\): it asked for the key file "/
      );
      expect(error.message).toMatch(reason);
      expect(error.message).toMatch(/Nothing was read or sent/);
      expect(error.message).not.toContain('secret-from-elsewhere');
      expect(arc.requests).toHaveLength(1);
      expect(context.masked).toEqual([]);
    });
  });

  it('accepts a key of exactly 4096 bytes', async () => {
    const key = 'k'.repeat(4096);
    writeFileSync(path.join(arc.tokenDir, 'edge.key'), key);
    challengeWith(path.join(arc.tokenDir, 'edge.key'));
    arc.script({ status: 200, body: { access_token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln', expires_in: '60' } });
    const result = await source().getToken(RESOURCE, testContext());
    expect(result.token).toBe('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln');
    expect(arc.requests[1].headers.authorization).toBe(`Basic ${key}`);
  });

  it('refuses a 401 without a Basic realm', async () => {
    arc.script({ status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="x"' }, body: '' });
    const error = await failure(source().getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(/answered 401 without a Basic realm naming a key file/);
    expect(arc.requests).toHaveLength(1);
  });

  it('explains a key the agent then refuses', async () => {
    writeFileSync(path.join(arc.tokenDir, 'old.key'), 'not-the-current-key');
    challengeWith(path.join(arc.tokenDir, 'old.key'));
    const error = await failure(source().getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(/refused the key it had just issued, HTTP 401/);
  });

  it('retries a 503 from the agent, then logs in', async () => {
    arc.script({ status: 503, body: {} });
    const context = testContext();
    const result = await source().getToken(RESOURCE, context);
    expect(readJwt(result.token)?.sub).toBe(ARC_MI.objectId);
    expect(context.clock.sleeps).toEqual([1000]);
  });

  it('says the agent is not running when the connection is refused', async () => {
    const port = await closedPort();
    const error = await failure(source(`http://127.0.0.1:${port}/metadata/identity/oauth2/token`).getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(/refused the connection\. The Arc agent \(himds\) is not running/);
  });

  it('is detected by IDENTITY_ENDPOINT with IMDS_ENDPOINT, or by the installed agent', () => {
    const none = () => false;
    expect(
      detectArc(
        { IDENTITY_ENDPOINT: 'http://localhost:40342/metadata/identity/oauth2/token', IMDS_ENDPOINT: 'http://localhost:40342' },
        none
      )
    ).toMatchObject({
      endpoint: 'http://localhost:40342/metadata/identity/oauth2/token'
    });
    expect(detectArc({ IDENTITY_ENDPOINT: 'http://localhost:40342/x' }, none)).toBeUndefined();
    expect(detectArc({}, none)).toBeUndefined();
    expect(detectArc({}, (file) => file === '/opt/azcmagent/bin/himds')).toEqual({
      endpoint: ARC_DEFAULT_ENDPOINT,
      how: 'the Arc agent is installed (/opt/azcmagent/bin/himds)'
    });
  });

  it("knows the agent's paths on Linux and Windows, and uses the real token directory unless overridden", async () => {
    expect(arcPaths({}, 'linux')).toEqual({ agent: '/opt/azcmagent/bin/himds', tokenDir: '/var/opt/azcmagent/tokens' });
    expect(arcPaths({ ProgramData: 'D:\\ProgramData', ProgramFiles: 'D:\\Program Files' }, 'win32')).toEqual({
      agent: 'D:\\Program Files\\AzureConnectedMachineAgent\\himds.exe',
      tokenDir: 'D:\\ProgramData\\AzureConnectedMachineAgent\\Tokens'
    });
    // Without the override, a key file in the emulator's directory is refused.
    const real = new ArcSource({ endpoint: arc.endpoint, how: 'test' }, {}, undefined, 'linux');
    const error = await failure(real.getToken(RESOURCE, testContext()));
    expect(error.message).toMatch(/is not directly in \/var\/opt\/azcmagent\/tokens/);
  });

  it('reads the realm of a Basic challenge, quoted or not', () => {
    expect(realmOf('Basic realm=/var/opt/azcmagent/tokens/a.key')).toBe('/var/opt/azcmagent/tokens/a.key');
    expect(realmOf(['basic realm="/var/opt/azcmagent/tokens/a.key"'])).toBe('/var/opt/azcmagent/tokens/a.key');
    expect(realmOf('Bearer realm=x')).toBeUndefined();
    expect(realmOf(undefined)).toBeUndefined();
  });
});
