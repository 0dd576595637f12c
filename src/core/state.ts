/**
 * The cleanup state the login step keeps for the post step (and the command-line tool hands back
 * to its next call): paths and a random marker, never a credential.
 */
import { isRecord } from './json.js';

/** The name the state is kept under (a GitHub state entry, an Azure task variable). */
export const STATE_KEY = 'chainguardLoginState';

/** What cleanup needs: paths and a random marker, never a credential. */
export interface CleanupState {
  version: 2;
  jobDir: string;
  /** The random value also written into the job directory: proves the directory is this job's. */
  marker: string;
  registry: string;
  /** The explicit docker config directory merged into, if any. */
  explicitDir?: string;
  /** What the job-scoped copies were seeded from, for a later login in the same shell. */
  seed?: { dockerDir: string; containersFile?: string };
  /** Every host logged in to, `registry` first (absent: `registry` alone). */
  hosts?: string[];
  /** The credential helper's name, when the login went through one (its directory is inside jobDir). */
  helper?: string;
}

const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

/** Parses saved cleanup state; undefined when absent or not ours. */
export function parseCleanupState(text: string): CleanupState | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (
    isRecord(value) &&
    value.version === 2 &&
    typeof value.jobDir === 'string' &&
    typeof value.marker === 'string' &&
    typeof value.registry === 'string' &&
    optionalString(value.explicitDir) &&
    (value.hosts === undefined || (Array.isArray(value.hosts) && value.hosts.every((h) => typeof h === 'string'))) &&
    optionalString(value.helper)
  ) {
    return value as unknown as CleanupState;
  }
  return undefined;
}
