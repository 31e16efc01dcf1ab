using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BpomBot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Drives the Agents Playground through the HTTP endpoints its web UI uses (protocol.md §6.7) and reads
/// what the bot sent from the events-recording file.
/// </summary>
public sealed class PlaygroundClient(Uri baseAddress, string recordingFile, string userId = PlaygroundClient.DefaultUserId) : IDisposable
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
    private const string FromBot = "User Application -> Microsoft 365 Agents Playground";
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The Playground's signed-in user when no configuration names another (Alex Wilber).</summary>
    public const string DefaultUserId = "user-id-0";

    /// <summary>The Playground user this client types and clicks as (the Playground's current user).</summary>
    public string UserId { get; } = userId;

    /// <summary>Installs the app in the personal chat (installationUpdate + conversationUpdate to the bot).</summary>
    public async Task InstallAsync(string conversationId)
    {
        using var response = await _http.PostAsJsonAsync($"_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject());
        await EnsureSuccessAsync(response, "installation");
    }

    /// <summary>The user types a message in the personal chat. The Playground calls the bot asynchronously.</summary>
    public async Task SendMessageAsync(string conversationId, string text)
    {
        var body = new JsonObject { ["from"] = new JsonObject { ["id"] = UserId }, ["text"] = text, ["textFormat"] = "plain" };
        using var response = await _http.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
        await EnsureSuccessAsync(response, $"message \"{text}\"");
    }

    /// <summary>The user clicks an Action.Execute button: the Playground invokes the bot and returns its answer.</summary>
    public async Task<JsonNode> InvokeAsync(string conversationId, JsonNode action, string replyToId)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = action.DeepClone(), ["trigger"] = "manual" },
            ["from"] = new JsonObject { ["id"] = UserId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
        };
        using var response = await _http.PostAsJsonAsync("_conversation/v1/invoke", body);
        var text = await EnsureSuccessAsync(response, "adaptiveCard/action invoke");
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("The invoke answer was empty.");
    }

    /// <summary>Every activity the bot sent to the Playground so far, with the id the mock connector gave it.</summary>
    public IReadOnlyList<SentActivity> BotActivities()
    {
        if (!File.Exists(recordingFile))
        {
            return [];
        }

        string text;
        using (var stream = new FileStream(recordingFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        using (var reader = new StreamReader(stream))
        {
            text = reader.ReadToEnd();
        }

        var result = new List<SentActivity>();
        foreach (var block in text.Split("\n---", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            JsonNode? entry;
            try
            {
                entry = JsonNode.Parse(block);
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // the block being written right now
            }

            if (entry?["direction"]?.GetValue<string>() != FromBot || entry["request"]?["body"] is not JsonObject activity)
            {
                continue;
            }

            var method = entry["request"]?["method"]?.GetValue<string>() ?? "";
            var id = entry["response"]?["body"]?["id"]?.ToString();
            var status = entry["response"]?["statusCode"]?.GetValue<int>() ?? 0;
            result.Add(new SentActivity(method, id, status, activity));
        }

        return result;
    }

    /// <summary>Polls the recording until the bot has sent an activity (after the first <paramref name="skip"/>) that matches.</summary>
    public async Task<SentActivity> WaitForBotActivityAsync(int skip, Func<SentActivity, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var sent = BotActivities();
            var found = sent.Skip(skip).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join("\n", sent.Skip(skip).Select(s => $"  {s.Method} -> {s.StatusCode}: {s.Activity.ToJsonString()}"));
                throw new TimeoutException($"The bot did not send {what} within {timeout.TotalSeconds:0} s. It sent:\n{(seen.Length == 0 ? "  nothing" : seen)}");
            }

            await Task.Delay(250);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string> EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? text
            : throw new InvalidOperationException($"Playground refused the {what}: HTTP {(int)response.StatusCode} {text}");
    }
}

/// <summary>An activity the bot sent to the Playground's mock connector.</summary>
public sealed record SentActivity(string Method, string? Id, int StatusCode, JsonObject Activity)
{
    /// <summary>The Adaptive Cards attached to the activity.</summary>
    public IEnumerable<JsonObject> AdaptiveCards() =>
        (Activity["attachments"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(a => a["contentType"]?.GetValue<string>() == PlaygroundClient.AdaptiveCardType)
            .Select(a => a["content"])
            .OfType<JsonObject>();
}
