// BpomBot on Azure: Azure Bot (user-assigned managed identity or single-tenant) + Teams channel, Linux App Service
// (.NET 10, at least two instances, health check, always on), Storage (tables + blobs, Entra ID only), Key Vault
// (RBAC, Key Vault references), Log Analytics + Application Insights. Scope: one resource group per environment.
// See docs/deploy.md for the order of steps and the Teams admin part.
targetScope = 'resourceGroup'

@description('Environment name; also picks the manifests/environments file used for the Teams app package.')
@allowed(['test', 'production'])
param environmentName string

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(10)
param namePrefix string = 'bpombot'

@description('Region for everything except the Azure Bot resource (which is global).')
param location string = resourceGroup().location

@description('Web App name; the bot is reached at https://<webAppName>.azurewebsites.net/api/messages. Globally unique.')
param webAppName string

@description('App Service plan SKU (Linux). P0v3 or larger is recommended: enough memory, zone redundancy possible.')
param appServiceSkuName string = 'P0v3'

@description('Number of App Service instances. At least two, so one can restart or fail without the bot going away.')
@minValue(2)
param instanceCount int = 2

@description('Spread the instances over availability zones (needs a Premium v3 SKU and a region with zones).')
param zoneRedundant bool = false

@description('How the bot authenticates to the Bot Connector. New multi-tenant registrations are no longer offered (July 2025). The app supports SingleTenant (client secret) today; UserAssignedMSI needs managed-identity token acquisition in the Teams layer first (docs/deploy.md).')
@allowed(['UserAssignedMSI', 'SingleTenant'])
param botIdentityType string = 'SingleTenant'

@description('SingleTenant only: the client id of an existing Entra app registration in this tenant.')
param botEntraAppId string = ''

@description('SingleTenant only: that app registration\'s client secret. Stored in Key Vault, never in app settings.')
@secure()
param botEntraAppPassword string = ''

@description('Azure Bot pricing tier. Teams is a standard channel, so F0 carries no message limit for it.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Storage redundancy.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSkuName string = 'Standard_ZRS'

@description('Use App Service\'s built-in Application Insights agent (requests, dependencies, exceptions without an SDK).')
param enableAppServiceAutoInstrumentation bool = true

@description('Days to keep logs in Log Analytics.')
@minValue(30)
param logRetentionDays int = 90

param tags object = {}

var envShort = environmentName == 'production' ? 'prd' : 'tst'
var suffix = uniqueString(resourceGroup().id)
var allTags = union(tags, { application: 'BpomBot', environment: environmentName })
var useManagedIdentityBot = botIdentityType == 'UserAssignedMSI'

// Built-in role definition ids.
var roleStorageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var roleStorageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var roleKeyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

// ---------------------------------------------------------------------------------------------------------------
// Identity: one user-assigned managed identity. It is the bot's identity (UserAssignedMSI: its client id is the
// bot's Microsoft App ID) and the identity the app uses for Storage and Key Vault. It survives redeployments of
// the Web App, so role assignments and the bot registration stay valid.
// ---------------------------------------------------------------------------------------------------------------
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-${envShort}-id'
  location: location
  tags: allTags
}

// ---------------------------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------------------------
resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-${envShort}-log'
  location: location
  tags: allTags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-${envShort}-appi'
  location: location
  tags: allTags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Storage: Azure Table Storage for all state, Blob Storage for Kelengkapan files. Entra ID (RBAC) only.
// The app creates its tables and containers on start; the data-contributor roles allow that.
// ---------------------------------------------------------------------------------------------------------------
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(toLower('st${namePrefix}${envShort}${suffix}'), 24)
  location: location
  tags: allTags
  kind: 'StorageV2'
  sku: { name: storageSkuName }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 14 }
    containerDeleteRetentionPolicy: { enabled: true, days: 14 }
  }
}

resource tableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roleStorageTableDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleStorageTableDataContributor)
  }
}

resource blobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, roleStorageBlobDataContributor)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleStorageBlobDataContributor)
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Key Vault: RBAC mode; the app reads secrets through Key Vault references resolved with the managed identity.
// ---------------------------------------------------------------------------------------------------------------
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-${envShort}-${suffix}'
  location: location
  tags: allTags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: environmentName == 'production' ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, roleKeyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleKeyVaultSecretsUser)
  }
}

resource appInsightsSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'appinsights-connection-string'
  properties: {
    value: appInsights.properties.ConnectionString
    contentType: 'text/plain'
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!useManagedIdentityBot) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botEntraAppPassword
    contentType: 'text/plain'
  }
}

// ---------------------------------------------------------------------------------------------------------------
// App Service: Linux, .NET 10, two or more instances, no session affinity (any instance may take any request).
// ---------------------------------------------------------------------------------------------------------------
resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-${envShort}-plan'
  location: location
  tags: allTags
  kind: 'linux'
  sku: {
    name: appServiceSkuName
    capacity: instanceCount
  }
  properties: {
    reserved: true
    zoneRedundant: zoneRedundant
  }
}

var botAppId = useManagedIdentityBot ? identity.properties.clientId : botEntraAppId
var keyVaultReference = '@Microsoft.KeyVault(SecretUri=${appInsightsSecret.properties.secretUri})'

var baseAppSettings = [
  { name: 'ASPNETCORE_ENVIRONMENT', value: environmentName == 'production' ? 'Production' : 'Staging' }
  // Managed identity used by Azure.Identity (DefaultAzureCredential / ManagedIdentityCredential) for Storage.
  { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
  { name: 'Bot__AppType', value: botIdentityType }
  { name: 'Bot__AppId', value: botAppId }
  { name: 'Bot__TenantId', value: tenant().tenantId }
  // Names the app binds (StorageOptions): endpoints + the identity's client id, no connection string (there is no key).
  { name: 'Storage__TableEndpoint', value: storage.properties.primaryEndpoints.table }
  { name: 'Storage__BlobEndpoint', value: storage.properties.primaryEndpoints.blob }
  { name: 'Storage__ManagedIdentityClientId', value: identity.properties.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: keyVaultReference }
  { name: 'OTEL_SERVICE_NAME', value: 'bpombot' }
  { name: 'OTEL_RESOURCE_ATTRIBUTES', value: 'deployment.environment=${environmentName}' }
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: enableAppServiceAutoInstrumentation ? '~3' : 'disabled' }
  // Take an instance out of the load balancer after this many failed /readyz pings (one per minute).
  { name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES', value: '3' }
]

var singleTenantAppSettings = useManagedIdentityBot
  ? []
  : [{ name: 'Bot__AppPassword', value: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret!.properties.secretUri})' }]

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: allTags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet bpombot.dll'
      alwaysOn: true
      // Readiness (storage reachable + settings valid), not liveness: an instance that cannot reach storage cannot serve
      // a turn, so traffic should go elsewhere. See docs/deploy.md "Health checks".
      healthCheckPath: '/readyz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(baseAppSettings, singleTenantAppSettings)
    }
  }
  // Key Vault references are resolved when the app starts: the identity must already be allowed to read secrets.
  dependsOn: [secretsUser, tableContributor, blobContributor]
}

// No publishing passwords: deploy with Entra ID (az webapp deploy) instead of FTP/basic-auth SCM.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: { allow: false }
}

resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logs.id
    logs: [
      { category: 'AppServiceHTTPLogs', enabled: true }
      { category: 'AppServiceConsoleLogs', enabled: true }
      { category: 'AppServiceAppLogs', enabled: true }
      { category: 'AppServicePlatformLogs', enabled: true }
    ]
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Azure Bot registration + Teams channel.
// ---------------------------------------------------------------------------------------------------------------
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-${envShort}-bot-${suffix}'
  location: 'global'
  tags: allTags
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: environmentName == 'production' ? 'BpomBot' : 'BpomBot (${environmentName})'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: botIdentityType
    msaAppId: botAppId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useManagedIdentityBot ? identity.id : null
    developerAppInsightsApplicationId: appInsights.properties.AppId
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

@description('The bot\'s Microsoft App ID: pass it to `bpombot package --bot-id`.')
output botAppId string = botAppId
output botName string = bot.name
output botEndpoint string = bot.properties.endpoint
output webAppHostName string = webApp.properties.defaultHostName
output managedIdentityClientId string = identity.properties.clientId
output tenantId string = tenant().tenantId
output storageAccountName string = storage.name
output keyVaultName string = vault.name
output appInsightsName string = appInsights.name
