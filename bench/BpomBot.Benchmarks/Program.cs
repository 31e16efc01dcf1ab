using BenchmarkDotNet.Running;

namespace BpomBot.Benchmarks;

/// <summary>Run with: dotnet run -c Release --project bench/BpomBot.Benchmarks -- --filter '*'</summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
