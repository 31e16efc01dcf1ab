using BpomBot.Domain.Roster;
using BpomBot.Teams.Tests.Disposisi;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Roster;

/// <summary>"peran"/"role": only an admin changes roster roles in chat; bad roles are refused with the valid list; audited.</summary>
public sealed class RoleCommandTests
{
    private readonly DisposisiWorld _w = new();

    [Fact]
    public async Task Admin_SetsRolesByEmail_Audited()
    {
        var turn = await _w.SayAsync(Admin, "peran citra@pom.go.id kepala-upt");

        Assert.Equal([RosterRoles.KepalaUpt], (await _w.Roster.GetPersonAsync(Katim.AadObjectId))!.Roles);
        Assert.Contains("Peran Citra Katim", Assert.Single(turn.Sent).Text, StringComparison.Ordinal);
        var e = Assert.Single(_w.Audit.Events, e => e.Action == "roster.roles-changed");
        Assert.Equal(($"roster/{Katim.AadObjectId}", Admin.AadObjectId, "ketua-tim", "kepala-upt"), (e.Subject, e.Actor, e.Before, e.After));
    }

    [Fact]
    public async Task Admin_ByFullName_InEnglish()
    {
        var turn = await _w.SayAsync(Admin, "role Citra Katim pelaksana,ketua-tim");

        Assert.Equal([RosterRoles.Pelaksana, RosterRoles.KetuaTim], (await _w.Roster.GetPersonAsync(Katim.AadObjectId))!.Roles);
        Assert.Equal("Citra Katim's roles: Pelaksana, Ketua Tim (were: Ketua Tim).", Assert.Single(turn.Sent).Text);
    }

    [Theory]
    [InlineData("peran citra@pom.go.id kepala", "peran 'kepala' tidak dikenal (kepala-upt untuk kepala Balai/Loka")]
    [InlineData("role citra@pom.go.id boss", "Role 'boss' is not known; valid roles: pelaksana, ketua-tim, kepala-upt")]
    public async Task UnknownRole_IsRefusedWithTheValidRoles_NothingChanged(string text, string expected)
    {
        var turn = await _w.SayAsync(Admin, text);

        Assert.Contains(expected, Assert.Single(turn.Sent).Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([RosterRoles.KetuaTim], (await _w.Roster.GetPersonAsync(Katim.AadObjectId))!.Roles);
        Assert.DoesNotContain(_w.Audit.Events, e => e.Action == "roster.roles-changed");
    }

    [Fact]
    public async Task NotAdmin_IsRefused_NothingChanged()
    {
        var turn = await _w.SayAsync(Kepala, "peran citra@pom.go.id kepala-upt");

        Assert.Equal("Hanya admin yang dapat mengubah peran.", Assert.Single(turn.Sent).Text);
        Assert.Equal([RosterRoles.KetuaTim], (await _w.Roster.GetPersonAsync(Katim.AadObjectId))!.Roles);
    }

    [Fact]
    public async Task UnknownPerson_AsksForTheEmail()
    {
        var turn = await _w.SayAsync(Admin, "peran Siapa Saja pelaksana");
        Assert.Equal("Tidak ada pegawai 'Siapa Saja' di roster. Tulis e-mailnya.", Assert.Single(turn.Sent).Text);
    }
}
