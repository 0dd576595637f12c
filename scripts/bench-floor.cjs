// The floor the benchmark compares against: the least a Node.js program can do for this job —
// two requests with node:http, one config.json written — with no validation, retries,
// masking, outputs or cleanup. No real step should be this bare; it shows what is left to cut.
'use strict';
const http = require('node:http');
const fs = require('node:fs');

/**
 * @param {string} url
 * @param {import('node:http').RequestOptions} options
 * @param {string | undefined} body
 * @param {(json: any) => void} done
 */
function call(url, options, body, done) {
  const req = http.request(url, options, (res) => {
    let text = '';
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => done(JSON.parse(text)));
  });
  req.end(body);
}

const query = new URLSearchParams({ 'api-version': '2018-02-01', resource: process.env.AZURE_AUDIENCE ?? '' });
call(`${process.env.IMDS}/metadata/identity/oauth2/token?${query}`, { headers: { Metadata: 'true' } }, undefined, (azure) => {
  const form = new URLSearchParams({ aud: 'cgr.dev', identity: process.env.IDENTITY ?? '' }).toString();
  const headers = {
    Authorization: `Bearer ${azure.access_token}`,
    'Content-Type': 'application/x-www-form-urlencoded',
    'Content-Length': Buffer.byteLength(form)
  };
  call(`${process.env.ISSUER}/sts/exchange`, { method: 'POST', headers }, form, (chainguard) => {
    const dir = process.env.DOCKER_CONFIG ?? 'docker';
    fs.mkdirSync(dir, { recursive: true });
    const auth = Buffer.from(`_token:${chainguard.token}`).toString('base64');
    fs.writeFileSync(`${dir}/config.json`, JSON.stringify({ auths: { 'cgr.dev': { auth } } }));
  });
});
