using BpomBot.Domain.Roster;

namespace BpomBot.Domain.Tests.Roster;

public sealed class RosterCsvTests
{
    private static readonly HashSet<string> Units = ["bpom-x", "bbpom-y"];
    private const string Id1 = "11111111-1111-1111-1111-111111111111";
    private const string Id2 = "22222222-2222-2222-2222-222222222222";

    private static RosterImport Parse(string text) => RosterCsv.Parse(text, Units.Contains);

    [Fact]
    public void Parse_ValidFile_ReturnsEveryPersonWithNormalisedRoles()
    {
        var import = Parse($"""
            aad_object_id,name,email,unit_id,roles
            {Id1},"Sari, S.Farm",sari@pom.go.id,bpom-x,Pelaksana;Ketua Tim
            {Id2.ToUpperInvariant()},Budi,budi@pom.go.id,bpom-x,Kepala UPT|admin
            """);

        Assert.True(import.IsValid);
        Assert.Equal(2, import.Entries.Count);
        Assert.Equal((2, "Sari, S.Farm", "bpom-x"), (import.Entries[0].Line, import.Entries[0].Name, import.Entries[0].UnitId));
        Assert.Equal([RosterRoles.Pelaksana, RosterRoles.KetuaTim], import.Entries[0].Roles);
        Assert.Equal([RosterRoles.KepalaUpt, RosterRoles.Admin], import.Entries[1].Roles);
        Assert.Equal(Id2, import.Entries[1].AadObjectId); // object ids are stored lower-case
    }

    [Fact]
    public void Parse_BadRows_ReportsEachWithItsLineNumber_AndIsNotValid()
    {
        var import = Parse($"""
            aad_object_id,name,email,unit_id,roles,teams_id
            {Id1},Sari,sari@pom.go.id,bpom-x,pelaksana,29:abc
            not-a-guid,Budi,budi@pom.go.id,bpom-x,pelaksana,

            {Id2},,budi,loka-tidak-ada,raja,
            {Id1},Sari lagi,sari2@pom.go.id,bpom-x,pelaksana,
            {Id2},"Tutup,x@y.z,bpom-x,pelaksana,
            {Id2},Ani,ani@pom.go.id,bpom-x,pelaksana
            """);

        Assert.False(import.IsValid);
        Assert.Equal([3, 5, 6, 7, 8], import.Errors.Select(e => e.Line));
        Assert.Contains("GUID", import.Errors[0].Message);
        Assert.Contains("nama kosong", import.Errors[1].Message);
        Assert.Contains("email/UPN 'budi'", import.Errors[1].Message);
        Assert.Contains("loka-tidak-ada", import.Errors[1].Message);
        Assert.Contains("peran 'raja'", import.Errors[1].Message);
        Assert.Contains("sudah ada di baris 2", import.Errors[2].Message);
        Assert.Contains("kutip", import.Errors[3].Message);
        Assert.Contains("jumlah kolom 5", import.Errors[4].Message);
        Assert.Equal("29:abc", import.Entries[0].TeamsId);
    }

    [Fact]
    public void Parse_BadRows_CarryTheirReasonInBothLanguages()
    {
        var import = Parse($"""
            aad_object_id,name,email,unit_id,roles
            {Id1},Sari,sari@pom.go.id,bpom-x,pelaksana
            not-a-guid,,budi,loka-tidak-ada,raja
            {Id1},Sari lagi,sari2@pom.go.id,,
            {Id2},"Tutup,x@y.z,bpom-x,pelaksana
            {Id2},Ani
            """);

        Assert.Equal(
            [
                "line 3: aad_object_id 'not-a-guid' is not an Entra object id (GUID); name is empty; email/UPN 'budi' is not valid; "
                    + "unit 'loka-tidak-ada' is not in the unit catalogue; role 'raja' is unknown; valid roles: " + string.Join(", ", RosterRoles.All) + ".",
                $"line 4: aad_object_id {Id1} is already on line 2; unit_id is empty; roles are empty (choose from: " + string.Join(", ", RosterRoles.All) + ").",
                "line 5: a quote is not closed.",
                "line 6: 2 columns, expected 5.",
            ],
            import.Errors.Select(e => e.Text(english: true)));
        Assert.Equal(
            [
                "baris 3: aad_object_id 'not-a-guid' bukan Entra object id (GUID); nama kosong; email/UPN 'budi' tidak valid; "
                    + "unit 'loka-tidak-ada' tidak ada di katalog unit; peran 'raja' tidak dikenal; peran yang valid: " + string.Join(", ", RosterRoles.All) + ".",
                $"baris 4: aad_object_id {Id1} sudah ada di baris 2; unit_id kosong; peran kosong (pilih dari: " + string.Join(", ", RosterRoles.All) + ").",
                "baris 5: tanda kutip tidak ditutup.",
                "baris 6: jumlah kolom 2, seharusnya 5.",
            ],
            import.Errors.Select(e => e.ToString())); // the CLI's lines stay Indonesian
    }

    [Fact]
    public void Parse_FileLevelErrors_CarryBothLanguages_WithoutALineNumber()
    {
        Assert.Equal("The CSV file is empty.", Assert.Single(Parse("  \n").Errors).Text(english: true));
        Assert.StartsWith("Required columns are missing: roles. The header line must be:", Assert.Single(Parse("aad_object_id,name,email,unit_id\n").Errors).Reason.English, StringComparison.Ordinal);
        Assert.Equal("There are no data rows after the header line.", Assert.Single(Parse("aad_object_id,name,email,unit_id,roles\n").Errors).Reason.English);
    }

    [Fact]
    public void Parse_MissingColumnsOrEmpty_IsAFileLevelError()
    {
        Assert.Contains("roles", Assert.Single(Parse("aad_object_id,name,email,unit_id\n").Errors).Message);
        Assert.Equal("Berkas CSV kosong.", Assert.Single(Parse("  \n").Errors).Message);
        Assert.False(Parse("aad_object_id,name,email,unit_id,roles\n").IsValid);
    }

    [Theory]
    [InlineData("PPTM/Deputi", RosterRoles.Pptm)]
    [InlineData("deputi", RosterRoles.Pptm)]
    [InlineData("kepala_bpom", RosterRoles.KepalaBpom)]
    [InlineData("Petugas HALOBPOM", RosterRoles.PetugasHalobpom)]
    [InlineData("Kepala Balai", RosterRoles.KepalaUpt)]
    [InlineData("lurah", null)]
    public void RolesParse_AcceptsWrittenForms(string text, string? expected) => Assert.Equal(expected, RosterRoles.Parse(text));
}
