using BpomBot.Teams.Faq;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Tests.Faq;

public sealed class FaqChatOptionsTests
{
    [Fact]
    public void Validate_Empty_IsValidAndHandOffOff()
    {
        var options = new FaqChatOptions();

        Assert.Empty(options.Validate());
        Assert.False(options.IsHandOffConfigured);
        Assert.False(options.IsContactCentre("19:any@thread.tacv2"));
    }

    [Theory]
    [InlineData("19:cc@thread.tacv2", null, "must be set together")]
    [InlineData(null, "https://smba.trafficmanager.net/id/", "must be set together")]
    [InlineData("19:cc@thread.tacv2", "http://smba.example/", "absolute https URL")]
    [InlineData("19:cc@thread.tacv2", "not a url", "absolute https URL")]
    public void Validate_BadContactCentre_NamesTheSetting(string? conversationId, string? serviceUrl, string expected)
    {
        var problems = new FaqChatOptions { ContactCentreConversationId = conversationId, ContactCentreServiceUrl = serviceUrl }.Validate().ToList();

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal) && p.Contains("Faq:ContactCentre", StringComparison.Ordinal));
    }

    [Fact]
    public void IsContactCentre_ThreadOfTheChannel_Matches_OtherChannelDoesNot()
    {
        var options = new FaqChatOptions { ContactCentreConversationId = "19:cc@thread.tacv2", ContactCentreServiceUrl = "https://smba.trafficmanager.net/id/" };

        Assert.True(options.IsContactCentre("19:cc@thread.tacv2;messageid=1732"));
        Assert.False(options.IsContactCentre("19:other@thread.tacv2;messageid=1732"));
        Assert.False(options.IsContactCentre(null));
    }

    [Fact]
    public void AddFaqChat_InvalidSettings_FailNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Faq:ContactCentreConversationId"] = "19:cc@thread.tacv2" })
            .Build();
        using var provider = new ServiceCollection().AddBpomTeamsBot(configuration).AddFaqChat(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FaqChatOptions>>().Value);

        Assert.Contains("Faq:ContactCentreServiceUrl", error.Message, StringComparison.Ordinal);
    }
}
