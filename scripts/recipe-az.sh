#!/usr/bin/env bash
# The Azure CLI route the step also replaces, as pipelines on an Azure VM run it: log the CLI in
# with the VM's managed identity, ask it for a token for the Entra app, then the same Chainguard
# STS exchange and config.json as scripts/recipe.sh. MI_CLIENT_ID, if set, picks a
# user-assigned identity. The benchmark runs it against loopback emulators only (MSI_ENDPOINT,
# a registered loopback cloud in AZURE_CONFIG_DIR, inside a network namespace).
set -euo pipefail
az login --identity ${MI_CLIENT_ID:+--username "${MI_CLIENT_ID}"} --allow-no-subscriptions --output none
azure_token=$(az account get-access-token --resource "${AZURE_AUDIENCE}" --query accessToken -o tsv)
cg_token=$(curl -sSf -X POST -H "Authorization: Bearer ${azure_token}" \
  --data-urlencode "aud=cgr.dev" --data-urlencode "identity=${IDENTITY}" "${ISSUER}/sts/exchange" | jq -r .token)
mkdir -p "${DOCKER_CONFIG}"
printf '{"auths":{"cgr.dev":{"auth":"%s"}}}\n' "$(printf '_token:%s' "${cg_token}" | base64 -w0)" > "${DOCKER_CONFIG}/config.json"
