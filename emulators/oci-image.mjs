// @ts-check
// Builds a tiny single-layer OCI image layout on disk, for pushing into a loopback registry (the
// end-to-end tests and the demo).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** @param {Buffer | string} data */
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * A ustar archive holding one regular file.
 * @param {string} name
 * @param {Buffer} content
 */
function tarWithFile(name, content) {
  const header = Buffer.alloc(512);
  /** @param {number} offset @param {number} length @param {string} value */
  const field = (offset, length, value) => header.write(value.padEnd(length, '\0').slice(0, length), offset, 'ascii');
  /** @param {number} value @param {number} length */
  const octal = (value, length) => value.toString(8).padStart(length - 1, '0');
  field(0, 100, name);
  field(100, 8, octal(0o644, 8));
  field(108, 8, octal(0, 8));
  field(116, 8, octal(0, 8));
  field(124, 12, octal(content.length, 12));
  field(136, 12, octal(0, 12));
  field(148, 8, '        ');
  field(156, 1, '0');
  field(257, 6, 'ustar');
  field(263, 2, '00');
  let sum = 0;
  for (const byte of header) sum += byte;
  field(148, 8, `${octal(sum, 7)}\0`);
  const padding = Buffer.alloc((512 - (content.length % 512)) % 512);
  return Buffer.concat([header, content, padding, Buffer.alloc(1024)]);
}

/**
 * Writes an OCI layout with one image tagged `tag` into `dir`; returns the manifest digest.
 * @param {string} dir
 * @param {string} tag
 * @param {string} message  the content of the image's one file, hello.txt
 * @returns {string}
 */
export function writeOciImage(dir, tag, message) {
  const blobs = path.join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  /** @param {Buffer | string} data */
  const blob = (data) => {
    const digest = sha256(data);
    writeFileSync(path.join(blobs, digest), data);
    return { digest: `sha256:${digest}`, size: Buffer.byteLength(data) };
  };
  const tar = tarWithFile('hello.txt', Buffer.from(`${message}\n`));
  const layer = blob(gzipSync(tar));
  const config = blob(
    JSON.stringify({ architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: [`sha256:${sha256(tar)}`] } })
  );
  const manifest = blob(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }]
    })
  );
  writeFileSync(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    path.join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, annotations: { 'org.opencontainers.image.ref.name': tag } }
      ]
    })
  );
  return manifest.digest;
}
