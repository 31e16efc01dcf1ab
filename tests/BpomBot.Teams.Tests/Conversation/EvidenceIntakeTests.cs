using BpomBot.Teams.Conversation;

namespace BpomBot.Teams.Tests.Conversation;

public sealed class EvidenceIntakeTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/v3/attachments/1", "https://smba.trafficmanager.net/amer/", true)]
    [InlineData("https://bpom.sharepoint.com/personal/a/file.pdf", "https://smba.trafficmanager.net/amer/", true)]
    [InlineData("http://smba.trafficmanager.net/amer/file.pdf", "https://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://evil.example.com/file.pdf", "https://smba.trafficmanager.net/amer/", false)]
    [InlineData("https://sharepoint.com.evil.example/file.pdf", "https://smba.trafficmanager.net/amer/", false)]
    [InlineData("http://127.0.0.1:5000/file.pdf", "http://localhost:56150", true)]
    [InlineData("http://127.0.0.1:5000/file.pdf", "https://smba.trafficmanager.net/amer/", false)]
    [InlineData("file:///etc/passwd", "http://localhost:56150", false)]
    public void IsTrusted_HostRules(string url, string serviceUrl, bool trusted) =>
        Assert.Equal(trusted, EvidenceIntake.IsTrusted(new Uri(url), serviceUrl));
}
