#!/usr/bin/env bash
# The hand-written recipe the step replaces, as pipelines paste it today: metadata service,
# jq, Chainguard STS, jq, write config.json. The benchmark's reference point.
set -euo pipefail
azure_token=$(curl -sSf --noproxy '*' -H Metadata:true \
  "${IMDS}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${AZURE_AUDIENCE}" | jq -r .access_token)
cg_token=$(curl -sSf -X POST -H "Authorization: Bearer ${azure_token}" \
  --data-urlencode "aud=cgr.dev" --data-urlencode "identity=${IDENTITY}" "${ISSUER}/sts/exchange" | jq -r .token)
mkdir -p "${DOCKER_CONFIG}"
printf '{"auths":{"cgr.dev":{"auth":"%s"}}}\n' "$(printf '_token:%s' "${cg_token}" | base64 -w0)" > "${DOCKER_CONFIG}/config.json"
