using BenchmarkDotNet.Running;

namespace BpomBot.Benchmarks;

/// <summary>
/// Run with: dotnet run -c Release --project bench/BpomBot.Benchmarks -- --filter '*'
/// The `tugas` scale run (not BenchmarkDotNet): dotnet run -c Release --project bench/BpomBot.Benchmarks -- tugas-scale [10000,100000]
/// Where the all-BPOM recap spends its time (phases side by side): dotnet run -c Release --project bench/BpomBot.Benchmarks -- rekap-profile [rounds]
/// </summary>
public static class BenchmarkEntry
{
    public static async Task Main(string[] args)
    {
        if (args is ["tugas-scale", .. var rest])
        {
            await Storage.TugasAtScale.RunAsync(rest);
            return;
        }

        if (args is ["rekap-profile", .. var rekapArgs])
        {
            await Rekap.RekapProfile.RunAsync(rekapArgs);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
