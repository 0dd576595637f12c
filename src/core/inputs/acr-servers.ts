/**
 * The acr-registries input: Azure Container Registry login servers, checked and normalised as
 * docker and the exchange use them.
 */
import { InputError } from '../errors.js';
import { LOOPBACK_FOR_TESTS_ONLY } from '../test-settings.js';
import { shown } from '../text.js';

/** Login-server suffixes: Azure's public cloud, Azure China, Azure US Government. */
export const ACR_SUFFIXES = ['azurecr.io', 'azurecr.cn', 'azurecr.us'] as const;
const INPUT = 'acr-registries';

// A registry name is 5-50 letters and digits; a registry created with a domain name label
// scope carries a hyphen and a hash after it.
const LOGIN_SERVER = new RegExp(`^[a-z0-9]{5,50}(-[a-z0-9]{1,64})?\\.(${ACR_SUFFIXES.map((s) => s.replace(/\./g, '\\.')).join('|')})$`);
const LOOPBACK_HOST_PORT = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]):(\d{1,5})$/;

/**
 * Checks one login server and returns it in the form docker and the exchange use: lower case,
 * without a scheme or trailing slash. A loopback `host:port` (the project's emulator, reached over
 * http) is accepted only when `testLoopback` (the test-only setting) allows it.
 */
export function parseAcrLoginServer(raw: string, inputLabel: string, testLoopback = false): string {
  const value = raw
    .trim()
    .toLowerCase()
    .replace(/^https:\/\//, '')
    .replace(/\/+$/, '');
  const loopback = LOOPBACK_HOST_PORT.exec(value);
  if (loopback) {
    const port = Number(loopback[2]);
    if (port >= 1 && port <= 65535) {
      if (testLoopback) return value;
      throw new InputError(
        INPUT,
        `Input ${inputLabel} names ${value}, a loopback address: ${LOOPBACK_FOR_TESTS_ONLY}. Give <registry name>.azurecr.io.`
      );
    }
  }
  if (LOGIN_SERVER.test(value)) return value;
  throw new InputError(
    INPUT,
    `Input ${inputLabel} names "${shown(raw.trim(), 80)}", which is not an Azure Container Registry login server: give <registry name>.azurecr.io ` +
      '(.azurecr.cn in Azure China, .azurecr.us in Azure US Government), as az acr show --name <registry> --query loginServer prints it.'
  );
}

/** Splits a list of login servers (commas, spaces or new lines), checks each, drops repeats. */
export function parseAcrLoginServers(raw: string, inputLabel: string, testLoopback = false): string[] {
  const servers = raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => parseAcrLoginServer(item, inputLabel, testLoopback));
  return [...new Set(servers)];
}
