using System.CommandLine;
using System.Text.Json.Nodes;
using BpomBot.Domain.Calendar;
using BpomBot.Host.Cli;

namespace BpomBot.Host.Tests.Cli;

/// <summary>`sop show`: the text prints each step's Keterangan; --json keeps its shape and adds the new fields.</summary>
public sealed class SopShowCommandTests
{
    private static (int ExitCode, string Output) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var command = SopCommand.Create(() => new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
        var exitCode = command.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });
        return (exitCode, output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Show_Text_PrintsKeterangan_AndTheUnitKerjaPusat()
    {
        var (exitCode, output) = Invoke("show");

        Assert.Equal(0, exitCode);
        Assert.Contains("Keterangan: Laporan disampaikan paling lambat tanggal 10 setelah triwulan berakhir", output);
        Assert.Contains("Keterangan: 1. Waktu pelaksanaan disesuaikan dengan target unit terkait. 2. Loka POM menyampaikan hasil laporan ke Balai Besar/Balai POM Koordinator.", output);
        Assert.Contains("Unit Kerja Pusat: semua unit kerja BPOM Pusat", output);
        Assert.Contains("Laporan   : fungsi capa, produk kosmetik → dit-was-kosmetik", output);
    }

    [Fact]
    public void Show_Json_KeepsTheFileShape_WithTheNewFieldsAdded()
    {
        var (exitCode, output) = Invoke("show", "--json");

        Assert.Equal(0, exitCode);
        var json = JsonNode.Parse(output)!;
        var a8 = json["subProcesses"]![0]!["steps"]![7]!;
        Assert.Equal("A.8", a8["id"]!.GetValue<string>());
        foreach (var field in new[] { "aktivitas", "executors", "kelengkapan", "waktuHk", "output", "keterangan", "disposisi" })
            Assert.NotNull(a8[field]);
        Assert.Equal("named-roles", a8["disposisi"]!["recipient"]!.GetValue<string>());
        Assert.True(json["subProcesses"]![0]!["unitKerjaPusat"]!["allCentral"]!.GetValue<bool>());
        Assert.Equal(2, json["subProcesses"]![3]!["programmes"]!.AsArray().Count);
    }
}
