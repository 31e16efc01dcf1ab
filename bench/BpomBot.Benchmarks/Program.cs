using BenchmarkDotNet.Running;

namespace BpomBot.Benchmarks;

/// <summary>
/// Run with: dotnet run -c Release --project bench/BpomBot.Benchmarks -- --filter '*'
/// The `tugas` scale run (not BenchmarkDotNet): dotnet run -c Release --project bench/BpomBot.Benchmarks -- tugas-scale [10000,100000]
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

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
