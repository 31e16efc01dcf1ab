using System.Text.Json.Nodes;
using Azure.Data.Tables;
using BpomBot.Drills.Tests.Infrastructure;

namespace BpomBot.Drills.Tests;

/// <summary>The officer's <c>mulai</c> conversation up to its last question (the officer's role).</summary>
public static class Walk
{
    /// <summary>The answers before the last one, each with a word its reply must contain.</summary>
    public static readonly (string Text, string Expect)[] UntilRole =
    [
        ("mulai", "Sub-proses"),
        ("A", "judul kegiatan"),
        ("FGD keamanan pangan drill", "pemangku kepentingan"),
        ("pemda", "Bentuk kegiatan"),
        ("FGD", "pilih unit"),
        ("medan", "Balai Besar POM di Medan"),
        ("1", "Peran Anda"),
    ];

    /// <summary>The last answer (role 1); its reply names the first step.</summary>
    public const string LastAnswer = "1";

    public const string LastExpect = "Langkah 1";

    public static async Task ToRoleQuestionAsync(DrillEnvironment env, BotInstance bot, string conversation, string user)
    {
        foreach (var (text, expect) in UntilRole)
        {
            var reply = await env.SayAsync(bot, conversation, user, text);
            if (!reply.Contains(expect, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"\"{text}\" was answered without \"{expect}\": {reply[..Math.Min(reply.Length, 400)]}");
            }
        }
    }

    /// <summary>Kegiatan rows the officer owns.</summary>
    public static Task<int> KegiatanOfAsync(DrillEnvironment env, string user) =>
        env.CountRowsAsync("Kegiatan", $"OfficerId eq '{DrillEnvironment.UserObjectId(user)}'");

    /// <summary>
    /// From the first step of sub-process A (the officer just started it) to A.4's Output prompt: kelengkapan, outputs
    /// and the planned date of A.3. The next answer, <see cref="DisposisiAnswer"/>, sends A.4 to the leader.
    /// </summary>
    public static readonly string[] UntilDisposisi =
    [
        "kelengkapan", "1", "B-1/2026", "hari ini", "selesai", "rencana-a1", "selesai", "bahan-a2",
        "rencana besok", "selesai", "Notulen FGD https://drive.pom.go.id/notulen.pdf", "selesai",
    ];

    /// <summary>A.4's Output (the report to the leader): the answer that puts the step in menunggu disposisi.</summary>
    public const string DisposisiAnswer = "https://drive.pom.go.id/laporan-a4.pdf";

    public static async Task ToDisposisiAnswerAsync(DrillEnvironment env, BotInstance bot, string conversation, string user)
    {
        await ToRoleQuestionAsync(env, bot, conversation, user);
        await env.SayAsync(bot, conversation, user, LastAnswer);
        foreach (var text in UntilDisposisi)
        {
            await env.SayAsync(bot, conversation, user, text);
        }

        var k = (await KegiatanDocsAsync(env, user)).SingleOrDefault();
        if (k is null || (string?)k["currentStepId"] != "A.4")
        {
            throw new InvalidOperationException($"the walk did not reach A.4: {k?.ToJsonString()[..Math.Min(k.ToJsonString().Length, 400)]}");
        }
    }

    /// <summary>The officer's kegiatan documents as stored (JSON, web casing).</summary>
    public static async Task<List<JsonObject>> KegiatanDocsAsync(DrillEnvironment env, string user) =>
        [.. (await env.RowsAsync("Kegiatan", $"OfficerId eq '{DrillEnvironment.UserObjectId(user)}'")).Select(Document)];

    /// <summary>The JSON document of a row written by the bot's versioned document tables (Doc, Doc1, … chunks).</summary>
    public static JsonObject Document(TableEntity row)
    {
        var chunks = row.GetInt32("DocChunks") ?? 1;
        var json = string.Concat(Enumerable.Range(0, chunks).Select(i => row.GetString(i == 0 ? "Doc" : $"Doc{i}")));
        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>The kegiatan's current step when it waits for its leader: (step id, round); otherwise null.</summary>
    public static (string Step, int Round)? WaitingStep(JsonObject kegiatan)
    {
        var current = (string?)kegiatan["currentStepId"];
        var record = kegiatan["steps"]?.AsArray().LastOrDefault(s => (string?)s?["stepId"] == current);
        return current is not null && (string?)record?["status"] == "MenungguDisposisi"
            ? (current, (int?)record["timesReturned"] ?? 0)
            : null;
    }
}
