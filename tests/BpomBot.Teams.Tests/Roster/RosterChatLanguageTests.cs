using BpomBot.Teams.Tests.Disposisi;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Roster;

/// <summary>
/// "roster import" and "plt|plh …" carry no language of their own (a command both languages use, an e-mail, dates):
/// the answers take the writer's known language; "impor roster" is Indonesian.
/// </summary>
public sealed class RosterChatLanguageTests
{
    private const string Csv = """
        aad_object_id,name,email,unit_id,roles
        11111111-1111-1111-1111-111111111111,Fajar,fajar@pom.go.id,bbpom-bandung,pelaksana
        """;

    private const string BadCsv = """
        aad_object_id,name,email,unit_id,roles
        bukan-id,Gita,gita@pom.go.id,bbpom-bandung,pelaksana
        """;

    private readonly DisposisiWorld w = new();

    private async Task<string> SayAsync(Domain.Abstractions.PersonRecord who, string text) => Assert.Single((await w.SayAsync(who, text)).Sent).Text!;

    private async Task IntroduceAsync(Domain.Abstractions.PersonRecord who, bool english) =>
        await w.SayAsync(who, english ? "what can you do" : "apa yang bisa kamu lakukan");

    [Theory]
    [InlineData(true, "Roster imported: 1 new people, 0 updated.")]
    [InlineData(false, "Roster diimpor: 1 orang baru, 0 diperbarui.")]
    public async Task RosterImport_AnswersInTheAdminsLanguage(bool english, string expected)
    {
        await IntroduceAsync(Admin, english);

        Assert.Equal(expected, await SayAsync(Admin, "roster import\n" + Csv));
    }

    [Theory]
    [InlineData(true, "The roster was **not** imported", "line 2: aad_object_id 'bukan-id' is not an Entra object id (GUID).")]
    [InlineData(false, "Roster **tidak** diimpor", "baris 2: aad_object_id 'bukan-id' bukan Entra object id (GUID).")]
    public async Task RosterImport_BadRows_AnswersInTheAdminsLanguage_StoresNothing(bool english, string expected, string line)
    {
        await IntroduceAsync(Admin, english);

        var reply = await SayAsync(Admin, "roster import\n" + BadCsv);

        Assert.StartsWith(expected, reply, StringComparison.Ordinal);
        Assert.Contains(line, reply, StringComparison.Ordinal);
        Assert.Null(await w.Roster.GetPersonAsync("11111111-1111-1111-1111-111111111111"));
    }

    [Fact]
    public async Task RosterImport_RowWithManyProblems_IsExplainedInEnglishToAnEnglishAdmin()
    {
        await IntroduceAsync(Admin, english: true);

        var reply = await SayAsync(Admin, """
            roster import
            aad_object_id,name,email,unit_id,roles
            11111111-1111-1111-1111-111111111111,,gita,loka-tidak-ada,kepala
            22222222-2222-2222-2222-222222222222,Hana
            """);

        Assert.Contains("line 2: name is empty; email/UPN 'gita' is not valid; unit 'loka-tidak-ada' is not in the unit catalogue; role 'kepala' is unknown (kepala-upt for the head of a Balai/Loka", reply, StringComparison.Ordinal);
        Assert.Contains("line 3: 2 columns, expected 5.", reply, StringComparison.Ordinal);
        foreach (var indonesian in new[] { "baris", "kosong", "tidak valid", "tidak dikenal", "seharusnya", "untuk" })
        {
            Assert.DoesNotContain(indonesian, reply, StringComparison.Ordinal);
        }

        Assert.Null(await w.Roster.GetPersonAsync("11111111-1111-1111-1111-111111111111"));
    }

    [Theory]
    [InlineData(true, "roster import", "Only an admin can import the roster.")]
    [InlineData(false, "roster import", "Hanya admin yang dapat mengimpor roster.")]
    [InlineData(true, "impor roster", "Hanya admin yang dapat mengimpor roster.")] // the Indonesian command word
    public async Task RosterImport_NonAdminRefusedInTheirLanguage(bool english, string command, string expected)
    {
        await IntroduceAsync(Officer, english);

        Assert.Equal(expected, await SayAsync(Officer, command + "\n" + Csv));
    }

    [Theory]
    [InlineData(true, "Attach a CSV file")]
    [InlineData(false, "Lampirkan berkas CSV")]
    public async Task RosterImport_WithoutData_AsksForTheFileInTheAdminsLanguage(bool english, string expected)
    {
        await IntroduceAsync(Admin, english);

        Assert.StartsWith(expected, await SayAsync(Admin, "roster import"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Dates not recognised", "Nobody with that e-mail is on the roster.", "Citra Katim is Plh on behalf of Budi Kepala from")]
    [InlineData(false, "Tanggal tidak dikenali", "Pegawai dengan e-mail itu tidak ada di roster.", "Citra Katim ditetapkan sebagai Plh a.n. Budi Kepala dari")]
    public async Task PltPlh_AnswersInTheLeadersLanguage(bool english, string badDates, string unknown, string set)
    {
        await IntroduceAsync(Kepala, english);

        Assert.StartsWith(badDates, await SayAsync(Kepala, "plh citra@pom.go.id kemarin besok"), StringComparison.Ordinal);
        Assert.Equal(unknown, await SayAsync(Kepala, "plh zaki@pom.go.id 02-03-2026 06-03-2026"));
        Assert.StartsWith(set, await SayAsync(Kepala, "plh citra@pom.go.id 02-03-2026 s.d. 06-03-2026"), StringComparison.Ordinal);
    }
}
