using System.Text;

namespace BpomBot.EndToEnd.Tests.Infrastructure;

/// <summary>One row of scripts/demo/roster.csv: an Agents Playground user with a unit and roster roles.</summary>
public sealed record DemoUser(string AadObjectId, string Name, string Email, string UnitId, IReadOnlyList<string> Roles, string TeamsId)
{
    public string FirstName => Name.Split(' ')[0];

    /// <summary>The user's personal chat with the bot, as ./run.sh names it ("personal-user-id-N").</summary>
    public string PersonalChatId => $"personal-{TeamsId}";
}

/// <summary>
/// The demo roster ./run.sh imports (scripts/demo/roster.csv): the Agents Playground's own six users with roles in
/// real units. The tests import the same file and act as its users the way the README tells people to: the Playground
/// restarted with that user signed in (<see cref="PlaygroundConfig"/>, the file ./run.sh writes).
/// </summary>
public static class DemoRoster
{
    public static string FilePath(string repositoryRoot) => Path.Combine(repositoryRoot, "scripts", "demo", "roster.csv");

    public static string Csv(string repositoryRoot) => File.ReadAllText(FilePath(repositoryRoot));

    public static IReadOnlyList<DemoUser> Users(string repositoryRoot) =>
        [.. File.ReadAllLines(FilePath(repositoryRoot)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new DemoUser(f[0], f[1], f[2], f[3], f[4].Split(';'), f[5]))];

    /// <summary>The user with this first name (case-insensitive), e.g. "adele".</summary>
    public static DemoUser User(string repositoryRoot, string firstName) =>
        Users(repositoryRoot).SingleOrDefault(u => string.Equals(u.FirstName, firstName, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No user {firstName} in {FilePath(repositoryRoot)}.");

    /// <summary>The Playground's .m365agentsplayground.yml with <paramref name="current"/> signed in and the others as users.</summary>
    public static string PlaygroundConfig(IReadOnlyList<DemoUser> users, DemoUser current)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(current);
        var yml = new StringBuilder()
            .AppendLine("version: \"0.1.1\"")
            .AppendLine("tenantId: 00000000-0000-0000-0000-0000000000001")
            .AppendLine("bot:")
            .AppendLine("  id: 00000000-0000-0000-0000-00000000000011")
            .AppendLine("  name: BpomBot")
            .AppendLine("currentUser:");
        User(yml, current, "  ", "  ");
        yml.AppendLine("users:");
        foreach (var other in users.Where(u => u.TeamsId != current.TeamsId))
        {
            User(yml, other, "  - ", "    ");
        }

        return yml
            .AppendLine("personalChat:")
            .AppendLine($"  id: {current.PersonalChatId}")
            .AppendLine("groupChat:")
            .AppendLine("  id: group-chat-id")
            .AppendLine("  name: Group Chat")
            .AppendLine("team:")
            .AppendLine("  id: team-id")
            .AppendLine("  name: My Team")
            .AppendLine("  aadGroupId: 00000000-0000-0000-0000-000000000031")
            .AppendLine("  channels:")
            .AppendLine("    - id: channel-announcements-id")
            .AppendLine("      name: Announcements")
            .ToString();
    }

    private static void User(StringBuilder yml, DemoUser user, string first, string indent)
    {
        var surname = user.Name.Length > user.FirstName.Length ? user.Name[(user.FirstName.Length + 1)..] : string.Empty;
        yml.AppendLine($"{first}id: {user.TeamsId}")
            .AppendLine($"{indent}name: {user.Name}")
            .AppendLine($"{indent}userPrincipleName: {user.Email}")
            .AppendLine($"{indent}aadObjectId: {user.AadObjectId}")
            .AppendLine($"{indent}givenName: {user.FirstName}")
            .AppendLine($"{indent}surname: {surname}")
            .AppendLine($"{indent}email: {user.Email}");
    }
}
