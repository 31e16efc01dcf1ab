global using Azure.Data.Tables;

#pragma warning disable IDE0005 // compatibility aliases, unused inside this project

// Names from before the move to Azure.Data.Tables, kept so repositories written against them still compile:
// the hand-written client's interfaces are now the SDK's clients themselves.
global using ITableClient = Azure.Data.Tables.TableClient;
global using ITableServiceClient = Azure.Data.Tables.TableServiceClient;
