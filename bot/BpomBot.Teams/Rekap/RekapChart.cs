using BpomBot.Domain.Rekap;
using ScottPlot;

namespace BpomBot.Teams.Rekap;

/// <summary>What the chart shows: on-time % per unit or per SOP step.</summary>
public enum RekapChartKind
{
    Unit,
    Tahap,
}

/// <summary>On-time % as a horizontal bar chart, rendered server-side to PNG with ScottPlot (SkiaSharp).</summary>
public static class RekapChart
{
    /// <summary>More units than this and the chat card charts by step instead (the dashboard shows both).</summary>
    public const int MaxUnitsInChat = 15;

    /// <summary>By unit when few units have judged steps, otherwise by step.</summary>
    public static RekapChartKind Preferred(RekapResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Units.Count(u => u.Timing.Judged > 0) is > 0 and <= MaxUnitsInChat ? RekapChartKind.Unit : RekapChartKind.Tahap;
    }

    /// <summary>The bars: label and on-time %, only for units/steps with judged steps, in recap order.</summary>
    public static IReadOnlyList<(string Label, double Percent)> Bars(RekapResult result, RekapChartKind kind)
    {
        ArgumentNullException.ThrowIfNull(result);
        return kind == RekapChartKind.Unit
            ? [.. result.Units.Where(u => u.Timing.OnTimePercent is not null).Select(u => (Short(u.UnitName), u.Timing.OnTimePercent!.Value))]
            : [.. result.Steps.Where(s => s.Timing.OnTimePercent is not null).Select(s => (s.StepId, s.Timing.OnTimePercent!.Value))];
    }

    /// <summary>The chart as PNG; its title and axis label in English for English readers (unit names and step ids stay as they are).</summary>
    public static byte[] RenderPng(RekapResult result, RekapChartKind kind, int width = 720, bool english = false)
    {
        var bars = Bars(result, kind);
        var plot = new Plot();
        var height = Math.Max(220, 60 + (26 * bars.Count));
        if (bars.Count == 0)
        {
            plot.Title(english ? "No steps judged yet" : "Belum ada tahap yang dinilai");
            return plot.GetImageBytes(width, 220, ImageFormat.Png);
        }

        // Top to bottom in recap order: the first bar sits at the highest position.
        var values = bars.Select(b => b.Percent).ToArray();
        var bar = plot.Add.Bars(values.Select((v, i) => (double)(bars.Count - 1 - i)).ToArray(), values);
        bar.Horizontal = true;
        for (var i = 0; i < bars.Count; i++)
        {
            bar.Bars[i].Label = $"{bars[i].Percent:0.#}%";
            bar.Bars[i].FillColor = bars[i].Percent >= 80 ? Colors.SeaGreen : bars[i].Percent >= 50 ? Colors.Orange : Colors.IndianRed;
        }

        bar.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. bars.Select((b, i) => new Tick(bars.Count - 1 - i, b.Label))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(0, 110);
        plot.Axes.SetLimitsY(-0.6, bars.Count - 0.4);
        plot.Title(Title(kind, english));
        plot.XLabel(english ? "% on time" : "% tepat waktu");
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    public static string Title(RekapChartKind kind, bool english) => (kind, english) switch
    {
        (RekapChartKind.Unit, false) => "% tahap tepat waktu per unit",
        (_, false) => "% tahap tepat waktu per tahap SOP",
        (RekapChartKind.Unit, true) => "% of steps on time by unit",
        _ => "% of steps on time by SOP step",
    };

    private static string Short(string unitName) => unitName
        .Replace("Balai Besar POM di ", "BBPOM ", StringComparison.Ordinal)
        .Replace("Balai POM di ", "BPOM ", StringComparison.Ordinal)
        .Replace("Loka POM di ", "Loka ", StringComparison.Ordinal);
}
