/** The user names docker is given with the credentials the product hands out. */

/** A Chainguard token's user name. */
export const CHAINGUARD_USERNAME = '_token';
/** An Azure Container Registry refresh token's user name (the null GUID). */
export const ACR_USERNAME = '00000000-0000-0000-0000-000000000000';
