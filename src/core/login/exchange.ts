/**
 * The login's requests: the identity token from the chosen source, the Chainguard tokens for the
 * registry and (with api-token) the API, and the ACR refresh tokens. Each phase names what it is
 * waiting for, for the timeout's message.
 */
import { diagnosisLines, withTrustAdvice, type Presented } from '../advice/trust.js';
import { ACR_RESOURCE, exchangeAtAcr, type AcrCredential } from '../exchange/acr.js';
import { exchangeAtChainguard, type ChainguardToken } from '../exchange/chainguard-sts.js';
import { API_AUDIENCE } from '../inputs/definitions.js';
import type { IdentityToken } from '../sources/source.js';
import { selectSource } from '../sources/table.js';
import type { LoginPlan } from './plan.js';

/** What the login is waiting for, for the timeout's message. */
export interface Progress {
  waitingFor: string;
}

/** The tokens a login writes: the registry's, the API token when asked for, an ACR credential per login server. */
export interface Tokens {
  chainguard: ChainguardToken;
  apiToken?: string;
  acr: { server: string; credential: AcrCredential }[];
}

/** Gets the identity token from the chosen source. */
export async function getIdentityToken(plan: LoginPlan, progress: Progress): Promise<IdentityToken> {
  const { platform, selection } = plan;
  const source = selection.source;
  platform.info(`Identity source: ${source.name} (${selection.reason})`);
  const what = `${/^[AEIOU]/.test(source.tokenName) ? 'an' : 'a'} ${source.tokenName}`;
  progress.waitingFor = `${what} from ${source.name} (${source.endpoint})`;
  platform.info(`Getting ${what} from ${source.name}${source.resource ? ` for ${source.resource}` : ''}`);
  return source.getToken(plan.context);
}

/** Who presented the token, for the setup doctor. */
function presentedBy(plan: LoginPlan): Pick<Presented, 'source' | 'tokenName' | 'label'> {
  return { source: plan.source, tokenName: plan.selection.source.tokenName, label: (name) => plan.platform.label(name) };
}

/** What `diagnose` prints: the token's claims and how to trust them; nothing is exchanged. */
export function diagnose(plan: LoginPlan, presented: IdentityToken): void {
  const { selection } = plan;
  const lines = diagnosisLines(
    { ...presentedBy(plan), token: presented.token, identity: plan.inputs.identity || undefined, now: plan.runtime.clock.now() },
    `${selection.source.name} (${selection.source.endpoint})`
  );
  for (const line of lines) plan.platform.info(line);
}

/** One Chainguard token for `audience` (the registry's, or the API's), with the setup doctor's advice when the STS refuses. */
async function chainguardToken(
  plan: LoginPlan,
  presented: IdentityToken,
  audience: string,
  audienceInput: 'audience' | 'api-token'
): Promise<ChainguardToken> {
  const { inputs, platform } = plan;
  const request = {
    issuer: inputs.issuer,
    identity: inputs.identity,
    audience,
    subjectToken: presented.token,
    tokenName: plan.selection.source.tokenName,
    identityInput: platform.label('identity'),
    audienceInput: platform.label(audienceInput)
  };
  try {
    return await exchangeAtChainguard(request, plan.context);
  } catch (error) {
    throw withTrustAdvice(error, presentedBy(plan));
  }
}

/** Exchanges the identity token: for the registry, then the API token and the ACR credentials when asked for. */
export async function exchange(plan: LoginPlan, presented: IdentityToken, progress: Progress): Promise<Tokens> {
  const { inputs, platform } = plan;
  progress.waitingFor = `Chainguard's STS (${inputs.issuer})`;
  platform.info(`Exchanging it at ${inputs.issuer} for identity ${inputs.identity}`);
  const chainguard = await chainguardToken(plan, presented, inputs.audience, 'audience');
  let apiToken: string | undefined;
  if (inputs.apiToken) {
    progress.waitingFor = `Chainguard's STS (${inputs.issuer}) for an API token`;
    platform.info(`Exchanging it at ${inputs.issuer} for an API token (audience ${API_AUDIENCE})`);
    apiToken = (await chainguardToken(plan, presented, API_AUDIENCE, 'api-token')).token;
  }
  return { chainguard, ...(apiToken !== undefined ? { apiToken } : {}), acr: await acrCredentials(plan, progress) };
}

/** An ACR refresh token for each login server, from one Azure token of the same source for ACR's resource. */
async function acrCredentials(plan: LoginPlan, progress: Progress): Promise<Tokens['acr']> {
  const { inputs, platform, runtime } = plan;
  const acr: Tokens['acr'] = [];
  if (inputs.acrRegistries.length === 0) return acr;
  const acrSource = selectSource({
    inputs: { ...inputs, identitySource: plan.selection.source.kind, azureResource: ACR_RESOURCE },
    env: runtime.env,
    platform: plan.offered,
    label: (name) => platform.label(name),
    test: runtime.test
  }).source;
  let azureToken: Promise<string> | undefined;
  for (const server of inputs.acrRegistries) {
    progress.waitingFor = `the Azure Container Registry ${server}`;
    platform.info(`Logging in to the Azure Container Registry ${server} with an Azure token for ${ACR_RESOURCE}`);
    azureToken ??= acrSource.getToken(plan.context).then((token) => token.token);
    const credential = await exchangeAtAcr(
      { loginServer: server, azureToken: () => azureToken as Promise<string>, inputLabel: platform.label('acr-registries') },
      plan.context
    );
    acr.push({ server, credential });
  }
  return acr;
}
