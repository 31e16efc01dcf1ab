using BenchmarkDotNet.Attributes;
using BpomBot.Domain.Calendar;

namespace BpomBot.Benchmarks.Calendar;

/// <summary>AddWorkingDays with N = 40 from 64 receipt dates spread over 2022–2027; a day-by-day loop as baseline.</summary>
[MemoryDiagnoser]
public class AddWorkingDaysBenchmark
{
    private const int N = 40;
    private readonly WorkingDayCalendar calendar = new(HolidaySet.LoadEmbedded());
    private readonly HolidaySet holidays = HolidaySet.LoadEmbedded();
    private DateOnly[] starts = [];

    [GlobalSetup]
    public void Setup() => starts = [.. Enumerable.Range(0, 64).Select(i => new DateOnly(2022, 1, 3).AddDays(i * 33))];

    [Benchmark(OperationsPerInvoke = 64)]
    public DateOnly Precomputed()
    {
        var last = default(DateOnly);
        foreach (var start in starts)
        {
            last = calendar.AddWorkingDays(start, N);
        }

        return last;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 64)]
    public DateOnly DayByDay()
    {
        var last = default(DateOnly);
        foreach (var start in starts)
        {
            var d = start;
            for (var left = N; left > 0;)
            {
                d = d.AddDays(1);
                if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && holidays.Find(d) is null)
                {
                    left--;
                }
            }

            last = d;
        }

        return last;
    }
}
