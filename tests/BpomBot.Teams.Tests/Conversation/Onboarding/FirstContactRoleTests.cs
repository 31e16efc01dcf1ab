using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Roster;

namespace BpomBot.Teams.Tests.Conversation.Onboarding;

/// <summary>First contact in chat stores the roster's role ids, keeps roles a person already has, and is audited.</summary>
public sealed class FirstContactRoleTests : IDisposable
{
    private readonly ConversationHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Theory]
    [InlineData("1", "medan", RosterRoles.Pelaksana)]
    [InlineData("2", "medan", RosterRoles.KepalaUpt)]
    [InlineData("pimpinan", "Direktorat Registrasi Pangan", RosterRoles.Direktur)]
    public async Task NewUser_RoleChoice_IsStoredAsARosterRoleId_AndAudited(string answer, string unitSearch, string expected)
    {
        await bot.SayAllAsync("mulai", "a", "FGD Pemda", "4", "fgd", unitSearch, "1");

        var saved = await bot.SayAsync(answer);

        Assert.Contains("dimulai", saved.Texts());
        var person = (await bot.Stores.Roster.GetPersonAsync(bot.User))!;
        Assert.Equal([expected], person.Roles);
        Assert.Contains(RosterRoles.Name(expected), saved.Texts());
        var audited = Assert.Single(bot.Stores.Audit.Events, e => e.Action == "roster.self-registered");
        Assert.Contains(expected, audited.After);
    }

    [Fact]
    public async Task KnownPersonWithoutAValidUnit_KeepsTheirRoles_WhateverTheyAnswer()
    {
        await bot.Stores.Roster.SavePersonAsync(new PersonRecord(bot.User, null, "Ani", "ani@pom.go.id", "unit-lama", [RosterRoles.KetuaTim, RosterRoles.Admin]));
        await bot.SayAllAsync("mulai", "a", "FGD Pemda", "4", "fgd", "surabaya", "1");

        await bot.SayAsync("2"); // "pimpinan" does not make a ketua tim a Kepala UPT

        var person = (await bot.Stores.Roster.GetPersonAsync(bot.User))!;
        Assert.Equal([RosterRoles.KetuaTim, RosterRoles.Admin], person.Roles);
        Assert.Equal("bbpom-surabaya", person.UnitId);
        var audited = Assert.Single(bot.Stores.Audit.Events, e => e.Action == "roster.unit-chosen");
        Assert.Equal("unit-lama [ketua-tim;admin]", audited.Before);
    }
}
