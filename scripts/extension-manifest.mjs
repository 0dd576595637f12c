// The extension manifest as it is packaged: vss-extension.json with the gallery flags its version
// calls for. A 0.x version is a preview: the Marketplace shows the Preview flag on its listing.
// @ts-check

/**
 * The manifest to package for `version`: the Preview gallery flag while the major version is 0,
 * none from 1.0.0 on; every other field and flag as vss-extension.json has them.
 * @param {Record<string, any>} manifest  vss-extension.json
 * @param {string} version  x.y.z
 */
export function stagedManifest(manifest, version) {
  const preview = /^0\./.test(version);
  const others = (manifest.galleryFlags ?? []).filter((/** @type {string} */ flag) => flag !== 'Preview');
  const galleryFlags = preview ? [...others, 'Preview'] : others;
  const { galleryFlags: _, ...rest } = manifest;
  return galleryFlags.length ? { ...rest, galleryFlags } : rest;
}
