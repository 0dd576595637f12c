/**
 * The pure rules for putting one host's login into a parsed auth file, as the client family that
 * reads it needs:
 *
 * The docker CLI ignores an `auths` entry when the config names a `credsStore` (or a
 * `credHelpers` entry for the host): it then asks that helper instead. An empty `credHelpers`
 * entry for the host sends docker back to `auths`. The containers-image tools (skopeo, podman,
 * buildah) ignore `credsStore`, but treat any `credHelpers` entry, even an empty one, as a helper
 * to run; so they get their own auth file, exported as REGISTRY_AUTH_FILE, which they read first.
 */
import { hasOwn, isRecord, own } from '../json.js';
import type { AuthFile } from './auth-file.js';

/** Which client family reads a file, which decides how a host's credential helper is set aside. */
export type FileKind = 'docker' | 'containers';

/** What one merge changed. May hold an earlier credential: keep private. */
export interface LoginChange {
  file: string;
  registry: string;
  kind: FileKind;
  previousAuth?: unknown;
  /** The host's `credHelpers` entry before, when there was one. */
  previousHelper?: unknown;
  helperChanged: boolean;
  hadHelpers: boolean;
}

/** A file's `auths` and `credHelpers`, and the record of what a change to `registry` replaces. */
function changeOf(
  config: AuthFile,
  registry: string,
  kind: FileKind,
  file: string
): { auths: Record<string, unknown>; helpers: Record<string, unknown> | undefined; record: LoginChange } {
  const auths = isRecord(config.auths) ? config.auths : {};
  const helpers = isRecord(config.credHelpers) ? config.credHelpers : undefined;
  const record: LoginChange = {
    file,
    registry,
    kind,
    previousAuth: own(auths, registry),
    previousHelper: own(helpers, registry),
    helperChanged: false,
    hadHelpers: helpers !== undefined
  };
  return { auths, helpers, record };
}

/** Adds the login for `registry` to a parsed file; returns what it replaced. Pure. */
export function applyLogin(config: AuthFile, registry: string, auth: string, kind: FileKind, file: string): LoginChange {
  const { auths, helpers, record } = changeOf(config, registry, kind, file);
  config.auths = { ...auths, [registry]: { auth } };
  const hostHelper = hasOwn(helpers, registry);
  if (kind === 'docker') {
    // docker reads `auths` only when no helper applies to the host; "" means "no helper".
    const storeApplies = typeof config.credsStore === 'string' && config.credsStore !== '';
    if ((storeApplies && !hostHelper) || (hostHelper && own(helpers, registry) !== '')) {
      config.credHelpers = { ...(helpers ?? {}), [registry]: '' };
      record.helperChanged = true;
    }
  } else if (hostHelper) {
    // containers-image runs any listed helper, even "": the entry has to go.
    const rest = { ...helpers };
    delete rest[registry];
    config.credHelpers = rest;
    record.helperChanged = true;
  }
  return record;
}

/**
 * What a login puts in a config for one host: a static credential (`auth`, base64 of
 * user:password) or the name of the credential helper that hands one out (`docker-credential-<name>`).
 */
export type HostCredential = { auth: string } | { helper: string };

/** A host and what to put in for it. */
export interface HostLogin {
  registry: string;
  credential: HostCredential;
}

/**
 * Names `helper` as the host's credential helper in a parsed file; returns what it replaced.
 * A `credHelpers` entry wins over `credsStore` and `auths` for docker and the containers-image
 * tools alike, so `auths` is left as it is. Pure.
 */
export function applyHelper(config: AuthFile, registry: string, helper: string, kind: FileKind, file: string): LoginChange {
  const { helpers, record } = changeOf(config, registry, kind, file);
  record.helperChanged = true;
  config.credHelpers = { ...(helpers ?? {}), [registry]: helper };
  return record;
}

/** Puts a host's credential into a parsed file, as `kind`'s clients read it. Pure. */
export function applyCredential(config: AuthFile, registry: string, credential: HostCredential, kind: FileKind, file: string): LoginChange {
  return 'helper' in credential
    ? applyHelper(config, registry, credential.helper, kind, file)
    : applyLogin(config, registry, credential.auth, kind, file);
}
