using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BpomBot.Drills.Tests.Infrastructure;

/// <summary>One call the bot made to the fake Bot Connector.</summary>
public sealed record ConnectorCall(string Method, string ConversationId, string? ReplyToId, JsonObject? Activity, DateTimeOffset At = default)
{
    /// <summary>A message (not typing) the user would see.</summary>
    public bool IsMessage => Activity?["type"]?.GetValue<string>() == "message";

    public string Text => Activity?.ToJsonString() ?? string.Empty;
}

/// <summary>
/// A fake Bot Connector on 127.0.0.1 that records every call and answers like the real one (201 with an id).
/// <see cref="Delay"/> slows every answer (to keep sends in flight while an instance is killed).
/// </summary>
public sealed partial class RecordingConnector : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly Task _loop;
    private long _ids;

    public RecordingConnector(int port)
    {
        ServiceUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(ServiceUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string ServiceUrl { get; }

    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    /// <summary>Calls into one conversation (messages only unless <paramref name="includeTyping"/>).</summary>
    public IReadOnlyList<ConnectorCall> CallsTo(string conversationId, bool includeTyping = false) =>
        [.. _calls.Where(c => c.ConversationId == conversationId && (includeTyping || c.IsMessage))];

    /// <summary>Waits until <paramref name="condition"/> holds or <paramref name="timeout"/> passes; true when it held.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<ConnectorCall>, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (condition(Calls))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition(Calls);
    }

    /// <summary>Waits until no new call arrived for <paramref name="quiet"/> (or <paramref name="max"/> passed).</summary>
    public async Task SettleAsync(TimeSpan quiet, TimeSpan max)
    {
        var until = DateTime.UtcNow + max;
        var count = _calls.Count;
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            if (_calls.Count != count)
            {
                count = _calls.Count;
                since = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - since >= quiet)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            string body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync();
            }

            var received = DateTimeOffset.UtcNow;
            var path = request.Url!.AbsolutePath;
            var match = ActivityPath().Match(path);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            var id = "c" + Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (match.Success)
            {
                JsonObject? activity = null;
                try
                {
                    activity = JsonNode.Parse(body) as JsonObject;
                }
                catch (System.Text.Json.JsonException)
                {
                }

                var conversation = Uri.UnescapeDataString(match.Groups[1].Value);
                var replyTo = match.Groups[2].Success ? Uri.UnescapeDataString(match.Groups[2].Value) : activity?["replyToId"]?.GetValue<string>();
                _calls.Enqueue(new ConnectorCall(request.HttpMethod, conversation, replyTo, activity, received));
            }
            else if (path.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal))
            {
                // Create conversation: answer with a new conversation id.
                _calls.Enqueue(new ConnectorCall("CREATE", "new-" + id, null, null));
                id = "new-" + id;
            }

            var answer = Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}");
            context.Response.StatusCode = request.HttpMethod == "PUT" ? 200 : 201;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The bot went away mid-call (killed by a drill).
        }
    }

    [GeneratedRegex("^/v3/conversations/([^/]+)/activities(?:/([^/]+))?/?$")]
    private static partial Regex ActivityPath();
}
