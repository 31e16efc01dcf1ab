using System.Runtime.CompilerServices;
using BpomBot.Teams.Tests.Cards;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>The button cards of the mulai questions, as snapshots beside the other cards (Cards/Snapshots).</summary>
public sealed class ChoiceCardSnapshotTests : IDisposable
{
    private readonly ConversationHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Theory]
    [InlineData(false, "pilihan.pemangku-kepentingan.id")]
    [InlineData(true, "pilihan.pemangku-kepentingan.en")]
    public async Task Stakeholder_buttons_with_Lainnya(bool english, string name)
    {
        await bot.RegisteredAsync();
        var asked = await bot.SayAllAsync(english ? "start" : "mulai", "B", "Pembinaan UMKM pangan olahan");
        Snapshot.Match(name, asked.Card()!, CardsFolder());
    }

    [Theory]
    [InlineData(false, "pilihan.fungsi.id")]
    [InlineData(true, "pilihan.fungsi.en")]
    public async Task Fungsi_buttons(bool english, string name)
    {
        await bot.RegisteredAsync();
        var asked = await bot.SayAllAsync(english ? "start" : "mulai", "B", "Pembinaan UMKM pangan olahan", "1", "1");
        Snapshot.Match(name, asked.Card()!, CardsFolder());
    }

    /// <summary>Snapshot.Match files snapshots beside its caller: these belong with the other cards' snapshots.</summary>
    private static string CardsFolder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "..", "Cards", "CardSnapshotTests.cs");
}
