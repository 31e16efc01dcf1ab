using System.Text.Json.Nodes;
using BpomBot.Domain.Sop;

namespace BpomBot.Domain.Tests.Sop;

public sealed class SopDefinitionLoaderTests
{
    private static readonly string ShippedJson = SopCatalog.ReadResource(
        typeof(SopCatalog).Assembly, "BpomBot.Domain.Data.sop.POM-04.01-CFM.01-SOP.01.json");

    private static JsonNode Shipped() => JsonNode.Parse(ShippedJson)!;

    private static JsonNode StepNode(JsonNode root, int sub, int step) => root["subProcesses"]![sub]!["steps"]![step]!;

    private static SopValidationError SingleError(JsonNode root)
    {
        var result = SopDefinitionLoader.Load(root.ToJsonString());
        Assert.False(result.IsValid);
        Assert.Null(result.Definition);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Load_ShippedFile_IsValid()
    {
        var result = SopDefinitionLoader.Load(ShippedJson);
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Load_SchemaFileIsEmbeddedBesideTheData_AndNotLoadedAsAnSop()
    {
        Assert.Contains("BpomBot.Domain.Data.sop.sop.schema.json", typeof(SopCatalog).Assembly.GetManifestResourceNames());
        Assert.Single(SopCatalog.LoadEmbedded().All);
    }

    [Fact]
    public void ToJson_RoundTrips_ToAValidEqualDefinition()
    {
        var sop = SopDefinitionLoader.LoadOrThrow(ShippedJson, "shipped");
        var again = SopDefinitionLoader.LoadOrThrow(SopDefinitionLoader.ToJson(sop), "roundtrip");
        Assert.Equal(SopDefinitionLoader.ToJson(sop), SopDefinitionLoader.ToJson(again));
    }

    [Fact]
    public void Load_DuplicateStepId_ReportsPathAndStep()
    {
        var root = Shipped();
        StepNode(root, 0, 1)["id"] = "A.1";
        StepNode(root, 0, 0)["next"] = "A.3"; // keep the rest consistent
        var errors = SopDefinitionLoader.Load(root.ToJsonString()).Errors;
        Assert.Contains(errors, e => e.Path == "$.subProcesses[0].steps[1].id" && e.StepId == "A.1" && e.Message.Contains("ganda"));
    }

    [Fact]
    public void Load_NextTargetMissing_ReportsStep()
    {
        var root = Shipped();
        StepNode(root, 1, 2)["next"] = "B.99";
        var error = SingleError(root);
        Assert.Equal(("$.subProcesses[1].steps[2].next", "B.3"), (error.Path, error.StepId));
        Assert.Contains("B.99", error.Message);
    }

    [Fact]
    public void Load_BranchTargetBehind_IsRefused()
    {
        var root = Shipped();
        StepNode(root, 3, 2)["branches"]![0]!["to"] = "D.1";
        var error = SingleError(root);
        Assert.Equal(("$.subProcesses[3].steps[2].branches[0].to", "D.3"), (error.Path, error.StepId));
    }

    [Fact]
    public void Load_WaktuZero_IsRefused()
    {
        var root = Shipped();
        StepNode(root, 2, 0)["waktuHk"] = 0;
        var error = SingleError(root);
        Assert.Equal(("$.subProcesses[2].steps[0].waktuHk", "C.1"), (error.Path, error.StepId));
    }

    [Fact]
    public void Load_UnknownExecutor_IsRefused()
    {
        var root = Shipped();
        StepNode(root, 0, 4)["executors"]![0] = "kepala-balai";
        var error = SingleError(root);
        Assert.Equal(("$.subProcesses[0].steps[4].executors[0]", "A.5"), (error.Path, error.StepId));
        Assert.Contains("kepala-balai", error.Message);
    }

    [Fact]
    public void Load_DisposisiToNonLeader_IsRefused()
    {
        var root = Shipped();
        StepNode(root, 0, 3)["disposisi"]!["roles"] = new JsonArray("upt-bpom");
        var error = SingleError(root);
        Assert.Equal("A.4", error.StepId);
        Assert.Contains("bukan pimpinan", error.Message);
    }

    [Fact]
    public void Load_KelengkapanFromUnknownStep_IsRefused()
    {
        var root = Shipped();
        StepNode(root, 3, 1)["kelengkapan"]![0]!["fromOutputOf"] = "D.42";
        Assert.Equal("$.subProcesses[3].steps[1].kelengkapan[0].fromOutputOf", SingleError(root).Path);
    }

    [Fact]
    public void Load_WaktuAsText_ReportsStructuralErrorWithPathAndStep()
    {
        var root = Shipped();
        StepNode(root, 0, 1)["waktuHk"] = "15 HK";
        var error = SingleError(root);
        Assert.Equal("$.subProcesses[0].steps[1].waktuHk", error.Path);
        Assert.Equal("A.2", error.StepId);
    }

    [Fact]
    public void Load_UnknownProperty_IsRefused()
    {
        var root = Shipped();
        StepNode(root, 0, 0)["waktu"] = "10 HK";
        var error = SingleError(root);
        Assert.StartsWith("$.subProcesses[0].steps[0]", error.Path);
        Assert.Equal("A.1", error.StepId);
    }

    [Fact]
    public void Load_MissingRequiredOutput_IsRefused()
    {
        var root = Shipped();
        StepNode(root, 0, 0).AsObject().Remove("output");
        var error = SingleError(root);
        Assert.Contains("output", error.Message);
    }

    [Fact]
    public void Load_NotJson_ReportsLine()
    {
        var error = Assert.Single(SopDefinitionLoader.Load("{\n  \"code\": ,\n}").Errors);
        Assert.Contains("baris 2", error.Message);
    }

    [Fact]
    public void Load_NewSopFile_NeedsNoCode()
    {
        var root = Shipped();
        root["code"] = "POM-99.01/XYZ.01/SOP.01";
        root["subProcesses"] = new JsonArray(root["subProcesses"]![3]!.DeepClone());
        var result = SopDefinitionLoader.Load(root.ToJsonString());
        Assert.True(result.IsValid);
        Assert.Equal(9, result.Definition!.SubProcesses.Single().Steps.Count);
    }
}
