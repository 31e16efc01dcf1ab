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
}
