// Test environment (matches manifests/environments/test.json: botDomain bpombot-test.azurewebsites.net).
using './main.bicep'

param environmentName = 'test'
param webAppName = 'bpombot-test'
param appServiceSkuName = 'P0v3'
param instanceCount = 2
param storageSkuName = 'Standard_LRS'
param botIdentityType = 'SingleTenant'
param botEntraAppId = readEnvironmentVariable('BOT_ENTRA_APP_ID', '')
param botEntraAppPassword = readEnvironmentVariable('BOT_ENTRA_APP_PASSWORD', '')
param botSku = 'F0'
param logRetentionDays = 30
param tags = {
  owner: 'tim-bpombot'
}
