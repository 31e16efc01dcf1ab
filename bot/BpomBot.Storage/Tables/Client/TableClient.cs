using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace BpomBot.Storage.Tables.Client;

/// <summary>REST implementation of <see cref="ITableClient"/> (JSON, OData v3, x-ms-version 2019-02-02).</summary>
internal sealed partial class TableClient(TableServiceClient service, string name) : ITableClient
{
    private static readonly RequestMethod Merge = new("MERGE");

    public string Name { get; } = name;

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var request = service.CreateRequest(RequestMethod.Post, "Tables");
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("Prefer", "return-no-content");
        request.Content = TableServiceClient.Json(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        using var response = await service.SendAsync(request, "CreateTable", cancellationToken);
        if (response.Status is not (201 or 204 or 409))
        {
            throw TableServiceClient.Failure(response, "CreateTable");
        }
    }

    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var request = service.CreateRequest(RequestMethod.Delete, $"Tables('{Name}')");
        using var response = await service.SendAsync(request, "DeleteTable", cancellationToken);
        if (response.Status is not (204 or 404))
        {
            throw TableServiceClient.Failure(response, "DeleteTable");
        }
    }

    public async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        using var request = service.CreateRequest(RequestMethod.Get, EntityPath(partitionKey, rowKey));
        AppendSelect(request, select);
        using var response = await service.SendAsync(request, "GetEntity", cancellationToken);
        if (response.Status == 404 && !IsTableNotFound(response))
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw TableServiceClient.Failure(response, "GetEntity");
        }

        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableValues.Deserialize(doc.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateEntity(entity);
        using var request = service.CreateRequest(RequestMethod.Post, Name);
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("Prefer", "return-no-content");
        request.Content = TableServiceClient.Json(TableValues.Serialize(entity));
        return await WriteAsync(request, "AddEntity", cancellationToken);
    }

    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        PutOrMergeAsync(entity, default, mode, "UpsertEntity", cancellationToken);

    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        PutOrMergeAsync(entity, ifMatch == default ? ETag.All : ifMatch, mode, "UpdateEntity", cancellationToken);

    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        using var request = service.CreateRequest(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        using var response = await service.SendAsync(request, "DeleteEntity", cancellationToken);
        if (response.Status is not (204 or 404) || IsTableNotFound(response))
        {
            throw TableServiceClient.Failure(response, "DeleteEntity");
        }
    }

    public async IAsyncEnumerable<TablePage> QueryAsync(
        TableFilter? filter = null,
        IEnumerable<string>? select = null,
        int? maxPerPage = null,
        string? continuationToken = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (maxPerPage is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "maxPerPage must be 1-1000.");
        }

        var selected = select?.ToArray();
        var token = continuationToken;
        do
        {
            using var request = service.CreateRequest(RequestMethod.Get, Name + "()");
            if (filter is not null)
            {
                request.Uri.AppendQuery("$filter", filter.ToString());
            }

            AppendSelect(request, selected);
            if (maxPerPage is int top)
            {
                request.Uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (token is not null)
            {
                var split = token.Split(' ');
                request.Uri.AppendQuery("NextPartitionKey", split[0]);
                if (split.Length > 1 && split[1].Length > 0)
                {
                    request.Uri.AppendQuery("NextRowKey", split[1]);
                }
            }

            TablePage page;
            using (var response = await service.SendAsync(request, "QueryEntities", cancellationToken))
            {
                if (response.Status != 200)
                {
                    throw TableServiceClient.Failure(response, "QueryEntities");
                }

                using var doc = JsonDocument.Parse(response.Content.ToMemory());
                var values = doc.RootElement.GetProperty("value").EnumerateArray().Select(TableValues.Deserialize).ToList();
                token = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var npk)
                    ? npk + " " + (response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nrk) ? nrk : string.Empty)
                    : null;
                page = new TablePage(values, token);
            }

            yield return page;
        }
        while (token is not null);
    }

    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        TableClientExtensions.ValidateTransaction(list);

        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        var body = new StringBuilder();
        body.Append("--").Append(batch).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var action in list)
        {
            AppendOperation(body, changeset, action);
        }

        body.Append("--").Append(changeset).Append("--\r\n")
            .Append("--").Append(batch).Append("--\r\n");

        using var request = service.CreateRequest(RequestMethod.Post, "$batch");
        request.Headers.SetValue("Content-Type", "multipart/mixed; boundary=" + batch);
        request.Content = RequestContent.Create(TableServiceClient.Utf8(body.ToString()));
        using var response = await service.SendAsync(request, "SubmitTransaction", cancellationToken);
        if (response.Status != 202)
        {
            throw TableServiceClient.Failure(response, "SubmitTransaction");
        }

        return ParseBatchResponse(response.Content.ToString(), list.Count);
    }

    private void AppendOperation(StringBuilder body, string changeset, TableTransactionAction action)
    {
        var entity = action.Entity;
        var (method, path, ifMatch, hasBody) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", Name, (string?)null, true),
            TableTransactionActionType.UpsertMerge => ("MERGE", EntityPath(entity.PartitionKey, entity.RowKey), null, true),
            TableTransactionActionType.UpsertReplace => ("PUT", EntityPath(entity.PartitionKey, entity.RowKey), null, true),
            TableTransactionActionType.UpdateMerge => ("MERGE", EntityPath(entity.PartitionKey, entity.RowKey), IfMatchValue(action.IfMatch), true),
            TableTransactionActionType.UpdateReplace => ("PUT", EntityPath(entity.PartitionKey, entity.RowKey), IfMatchValue(action.IfMatch), true),
            _ => ("DELETE", EntityPath(entity.PartitionKey, entity.RowKey), IfMatchValue(action.IfMatch), false),
        };

        body.Append("--").Append(changeset).Append("\r\n")
            .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
            .Append(method).Append(' ').Append(service.Endpoint.AbsoluteUri).Append('/').Append(path).Append(" HTTP/1.1\r\n")
            .Append("Accept: application/json;odata=minimalmetadata\r\nDataServiceVersion: 3.0\r\n");
        if (ifMatch is not null)
        {
            body.Append("If-Match: ").Append(ifMatch).Append("\r\n");
        }

        if (hasBody)
        {
            body.Append("Content-Type: application/json\r\nPrefer: return-no-content\r\n\r\n")
                .Append(Encoding.UTF8.GetString(TableValues.Serialize(entity))).Append("\r\n");
        }
        else
        {
            body.Append("\r\n");
        }
    }

    private static string IfMatchValue(ETag etag) => etag == default ? "*" : etag.ToString();

    private static List<ETag> ParseBatchResponse(string content, int count)
    {
        var etags = new List<ETag>(count);
        int? failedStatus = null;
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var status = StatusLine().Match(line);
            if (status.Success)
            {
                var code = int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (code >= 400)
                {
                    failedStatus = code;
                    break;
                }

                etags.Add(default);
            }
            else if (line.StartsWith("ETag:", StringComparison.OrdinalIgnoreCase) && etags.Count > 0)
            {
                etags[^1] = new ETag(line[5..].Trim());
            }
        }

        if (failedStatus is int failed)
        {
            var index = FailedIndex().Match(content);
            var errorCode = ErrorCode().Match(content);
            throw new TableTransactionFailedException(
                failed,
                errorCode.Success ? errorCode.Groups[1].Value : null,
                $"Transaction failed with {failed}; nothing was applied. {TableServiceClient.Truncate(content[content.IndexOf('{', StringComparison.Ordinal)..])}",
                index.Success ? int.Parse(index.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
        }

        if (etags.Count != count)
        {
            throw new RequestFailedException(502, $"Transaction response had {etags.Count} results for {count} operations.");
        }

        return etags;
    }

    private string EntityPath(string partitionKey, string rowKey) =>
        $"{Name}(PartitionKey='{Uri.EscapeDataString(partitionKey.Replace("'", "''", StringComparison.Ordinal))}',RowKey='{Uri.EscapeDataString(rowKey.Replace("'", "''", StringComparison.Ordinal))}')";

    private static bool IsTableNotFound(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) && code == "TableNotFound";

    private static void AppendSelect(Request request, IEnumerable<string>? select)
    {
        // Keys always come back, as with the fake and Azure.Data.Tables' entities.
        if (select?.ToList() is { Count: > 0 } names && string.Join(',', names.Union(["PartitionKey", "RowKey"], StringComparer.Ordinal)) is var columns)
        {
            request.Uri.AppendQuery("$select", columns);
        }
    }

    private async Task<ETag> PutOrMergeAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, string operation, CancellationToken cancellationToken)
    {
        TableLimits.ValidateEntity(entity);
        using var request = service.CreateRequest(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, EntityPath(entity.PartitionKey, entity.RowKey));
        request.Headers.SetValue("Content-Type", "application/json");
        if (ifMatch != default)
        {
            request.Headers.SetValue("If-Match", ifMatch.ToString());
        }

        request.Content = TableServiceClient.Json(TableValues.Serialize(entity));
        return await WriteAsync(request, operation, cancellationToken);
    }

    private async Task<ETag> WriteAsync(Request request, string operation, CancellationToken cancellationToken)
    {
        using var response = await service.SendAsync(request, operation, cancellationToken);
        if (response.Status is not (201 or 204))
        {
            throw TableServiceClient.Failure(response, operation);
        }

        return response.Headers.ETag ?? default;
    }

    [GeneratedRegex(@"^HTTP/1\.1 (\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"""value""\s*:\s*""(\d+):")]
    private static partial Regex FailedIndex();

    [GeneratedRegex(@"""code""\s*:\s*""([^""]+)""")]
    private static partial Regex ErrorCode();
}
