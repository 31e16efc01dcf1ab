// Production (matches manifests/environments/production.json: botDomain bpombot-prod.azurewebsites.net).
using './main.bicep'

param environmentName = 'production'
param webAppName = 'bpombot-prod'
param appServiceSkuName = 'P1v3'
param instanceCount = 2
param zoneRedundant = false
param storageSkuName = 'Standard_ZRS'
param botIdentityType = 'SingleTenant'
param botEntraAppId = readEnvironmentVariable('BOT_ENTRA_APP_ID', '')
param botEntraAppPassword = readEnvironmentVariable('BOT_ENTRA_APP_PASSWORD', '')
param botSku = 'F0'
param logRetentionDays = 90
param tags = {
  owner: 'tim-bpombot'
}
