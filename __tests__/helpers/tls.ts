/** A self-signed certificate for an https emulator under a test host name. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './temp.js';

export interface TestTls {
  host: string;
  key: string;
  cert: string;
  /** The certificate as a PEM file, to trust it as a CA. */
  certFile: string;
}

/** Fills `tls` (created empty, so a harness can read it lazily) with a fresh certificate for its host. */
export async function makeSelfSignedCert(tls: TestTls): Promise<void> {
  const dir = tempDir('cgl-tls-');
  tls.certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    `/CN=${tls.host}`,
    '-addext',
    `subjectAltName=DNS:${tls.host}`,
    '-keyout',
    keyFile,
    '-out',
    tls.certFile
  ]);
  tls.key = readFileSync(keyFile, 'utf8');
  tls.cert = readFileSync(tls.certFile, 'utf8');
}
