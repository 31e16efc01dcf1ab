using System.Reflection;
using BpomBot.Domain.Application;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Tests.Understanding;

/// <summary>Every refusal can be said in English: the codes of the engine and of the application layer.</summary>
public sealed class RefusalTextsTests
{
    public static TheoryData<string> AllCodes()
    {
        var data = new TheoryData<string>();
        foreach (var type in new[] { typeof(RefusalCodes), typeof(WorkflowRefusals) })
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            {
                data.Add((string)field.GetRawConstantValue()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllCodes))]
    public void Every_code_has_an_English_text(string code) => Assert.Contains(code, RefusalTexts.Codes);

    [Fact]
    public void Indonesian_keeps_the_engines_sentence_and_English_uses_the_code()
    {
        var outcome = WorkflowOutcome.Fail(new Refusal(RefusalCodes.TidakBolehDilewati, "Langkah A.1 wajib."));

        Assert.Equal("Langkah A.1 wajib.", outcome.ErrorText(english: false));
        Assert.Equal("This step is required by the SOP and cannot be skipped.", outcome.ErrorText(english: true));
    }
}
