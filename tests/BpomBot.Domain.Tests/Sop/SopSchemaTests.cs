using System.Text.Json.Nodes;
using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Tests.Sop;

/// <summary>The schema beside the data describes the same shape the loader reads.</summary>
public sealed class SopSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(SopCatalog.ReadResource(typeof(SopCatalog).Assembly, "BpomBot.Domain.Data.sop.sop.schema.json"))!;
    private static readonly JsonNode Data = JsonNode.Parse(SopCatalog.ReadResource(typeof(SopCatalog).Assembly, "BpomBot.Domain.Data.sop.POM-04.01-CFM.01-SOP.01.json"))!;

    [Fact]
    public void Schema_CoversEveryPropertyTheDataUses_AndEveryStepHasTheRequiredOnes()
    {
        var stepSchema = Schema["$defs"]!["step"]!;
        var allowed = stepSchema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var required = stepSchema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        var steps = Data["subProcesses"]!.AsArray().SelectMany(s => s!["steps"]!.AsArray()).Select(s => s!.AsObject()).ToList();

        Assert.Equal(37, steps.Count);
        Assert.All(steps, step =>
        {
            Assert.Subset(allowed, step.Select(p => p.Key).ToHashSet());
            Assert.All(required, r => Assert.True(step.ContainsKey(r), $"{step["id"]} lacks {r}"));
        });
        Assert.Subset(Schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet(), Data.AsObject().Select(p => p.Key).ToHashSet());
    }

    [Fact]
    public void Schema_EnumsMatchTheModel()
    {
        var step = Schema["$defs"]!["step"]!["properties"]!;
        Assert.Equal(["per-kegiatan", "siklus-tahunan"], step["kind"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["leader-decides", "report-to-leader"], step["disposisi"]!["properties"]!["mode"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(["complete", "skip"], step["branches"]!["items"]!["properties"]!["after"]!["enum"]!.AsArray().Select(e => e!.GetValue<string>()));
    }
}
