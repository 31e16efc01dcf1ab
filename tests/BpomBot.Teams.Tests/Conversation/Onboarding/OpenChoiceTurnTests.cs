using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;

namespace BpomBot.Teams.Tests.Conversation.Onboarding;

/// <summary>
/// The SOP's "antara lain" lists stay open in chat: the listed stakeholders and forms are buttons, and Lainnya asks
/// for a name that is stored as typed and counted as lainnya in the rekap.
/// </summary>
public sealed class OpenChoiceTurnTests : IDisposable
{
    private static readonly SopDefinition Sop = SopCatalog.LoadEmbedded().Latest("POM-04.01/CFM.01/SOP.01")!;

    private readonly ConversationHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Lainnya_buttons_ask_for_the_names_which_are_stored_as_typed_and_counted_as_lainnya()
    {
        await bot.RegisteredAsync();
        var stakeholders = await bot.SayAllAsync("mulai", "A", "Talkshow radio bersama Karang Taruna");
        Assert.Equal([.. Listed(Sop.StakeholderCategories, "A", s => s.StakeholderCategories), "lainnya"], ReportRouteTurnTests.Buttons(stakeholders));

        Assert.Contains("Tulis nama pemangku kepentingan lainnya", (await bot.SayAsync("lainnya")).Texts());
        var forms = await bot.SayAsync("Karang Taruna Kota Medan");
        Assert.Equal([.. Listed(Sop.Forms, "A", s => s.Forms), "lainnya"], ReportRouteTurnTests.Buttons(forms));
        Assert.Contains("Tulis nama bentuk kegiatan lainnya", (await bot.SayAsync("lainnya")).Texts());
        Assert.Contains("2–100", (await bot.SayAsync("x")).Texts());
        var started = await bot.SayAsync("Talkshow radio");

        Assert.Contains("dimulai", started.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal(("Karang Taruna Kota Medan", "Talkshow radio"), (k.StakeholderCategory, k.Bentuk));
        var rekap = new RekapCalculator(Sop, UnitCatalog.LoadEmbedded(), new WorkingDayCalendar(HolidaySet.LoadEmbedded()))
            .Compute(new RekapRequest(k.Year, "A", RekapScope.All), [k], new DateOnly(2026, 3, 2));
        Assert.Equal((RekapCalculator.Lainnya, 1), (Assert.Single(rekap.Stakeholders).Id, rekap.Stakeholders[0].Count));
        Assert.Equal((RekapCalculator.Lainnya, 1), (Assert.Single(rekap.Forms).Id, rekap.Forms[0].Count));
    }

    [Fact]
    public async Task English_other_button_takes_a_typed_stakeholder_and_a_listed_form_button_its_id()
    {
        await bot.RegisteredAsync();
        var stakeholders = await bot.SayAllAsync("start", "A", "Radio talk show with youth groups");
        Assert.Contains("Stakeholder category?", stakeholders.Texts());
        Assert.Equal("other", ReportRouteTurnTests.Buttons(stakeholders)[^1]);
        Assert.Contains("Other", stakeholders.CardText());

        Assert.Contains("Type the name of the other stakeholder", (await bot.SayAsync("other")).Texts());
        var forms = await bot.SayAsync("Karang Taruna youth group");
        Assert.Contains("Form of the kegiatan?", forms.Texts());
        var started = await bot.SayAsync(ReportRouteTurnTests.Buttons(forms)[2]);

        Assert.Contains("started", started.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal(("Karang Taruna youth group", "workshop"), (k.StakeholderCategory, k.Bentuk));
    }

    [Fact]
    public async Task Every_listed_button_is_taken_as_its_choice()
    {
        await bot.RegisteredAsync();
        var stakeholderIds = Sop.FindSubProcess("B")!.StakeholderCategories;
        var formIds = Sop.FindSubProcess("B")!.Forms;
        for (var i = 0; i < stakeholderIds.Count; i++)
        {
            var stakeholders = await bot.SayAllAsync("mulai", "B", $"Pembinaan UMKM gelombang {i + 1}");
            var forms = await bot.SayAsync(ReportRouteTurnTests.Buttons(stakeholders)[i]);
            Assert.Contains("Bentuk kegiatan", forms.Texts());
            var fungsi = await bot.SayAsync(ReportRouteTurnTests.Buttons(forms)[i % formIds.Count]);
            Assert.Contains("Fungsi", fungsi.Texts());
            await bot.SayAllAsync("1", "1");

            var k = await bot.CurrentAsync();
            Assert.Equal((stakeholderIds[i], formIds[i % formIds.Count]), (k.StakeholderCategory, k.Bentuk));
        }
    }

    [Fact]
    public async Task Lainnya_typed_with_the_name_still_works()
    {
        await bot.RegisteredAsync();
        await bot.SayAllAsync("mulai", "A", "Talkshow radio bersama Karang Taruna", "lainnya Karang Taruna Kota Medan");
        var started = await bot.SayAsync("lainnya: talkshow radio");

        Assert.Contains("dimulai", started.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal(("Karang Taruna Kota Medan", "talkshow radio"), (k.StakeholderCategory, k.Bentuk));
    }

    [Fact]
    public async Task Mulai_UnknownWordWithoutLainnya_IsStillReprompted()
    {
        await bot.RegisteredAsync();
        await bot.SayAllAsync("mulai", "A", "FGD Pemda", "4");
        Assert.Contains("contoh: 1", (await bot.SayAsync("upacara")).Texts());
    }

    private static List<string> Listed(IReadOnlyList<SopChoice> all, string sub, Func<SopSubProcess, IReadOnlyList<string>> ids) =>
        [.. ids(Sop.FindSubProcess(sub)!).Select(id => all.Single(c => c.Id == id).Name)];
}
