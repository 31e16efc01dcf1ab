using System.Text.RegularExpressions;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Roster;

/// <summary>
/// "peran &lt;e-mail or full name&gt; &lt;role&gt;[,&lt;role&gt;…]" (English: "role …"), admins only: sets a person's roster roles,
/// the only way besides the roster import. Unknown roles are refused with the valid role ids; every change is audited
/// (roster.roles-changed, before and after). Answers in the writer's language.
/// </summary>
public sealed partial class RoleChatHandler(IRosterRepository roster, UnitCatalog units, IAuditLog audit, TimeProvider time) : IMessageHandler
{
    public int Order => 89;

    public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        if (Command().Match(input.Text) is not { Success: true } match) return false;
        var en = match.Groups["word"].Value.Equals("role", StringComparison.OrdinalIgnoreCase) || input.Language == Language.English;
        var actorId = turn.Activity.From?.AadObjectId ?? turn.Activity.From?.Id ?? string.Empty;
        var actor = await roster.GetPersonAsync(actorId, cancellationToken);
        if (actor is null || !actor.Roles.Contains(RosterRoles.Admin))
        {
            await ReplyAsync(turn, en ? "Only an admin can change roles." : "Hanya admin yang dapat mengubah peran.", cancellationToken);
            return true;
        }

        var words = match.Groups["rest"].Value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            await ReplyAsync(turn, Usage(en), cancellationToken);
            return true;
        }

        var written = words[^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = written.FirstOrDefault(w => RosterRoles.Parse(w) is null);
        if (unknown is not null)
        {
            await ReplyAsync(turn, en
                ? $"Role '{unknown}' is not known; valid roles: {string.Join(", ", RosterRoles.All)}. Nothing was changed."
                : $"{char.ToUpperInvariant(RosterRoles.Unknown(unknown)[0])}{RosterRoles.Unknown(unknown)[1..]}. Tidak ada yang diubah.", cancellationToken);
            return true;
        }

        var roles = written.Select(w => RosterRoles.Parse(w)!).Distinct(StringComparer.Ordinal).ToList();
        var who = string.Join(' ', words[..^1]);
        var matches = await FindAsync(who, cancellationToken);
        if (matches.Count != 1)
        {
            await ReplyAsync(turn, matches.Count == 0
                ? en ? $"Nobody on the roster is '{who}'. Write their e-mail." : $"Tidak ada pegawai '{who}' di roster. Tulis e-mailnya."
                : en ? $"More than one person is named '{who}'; write their e-mail." : $"Ada lebih dari satu pegawai bernama '{who}'; tulis e-mailnya.", cancellationToken);
            return true;
        }

        var person = matches[0];
        if (person.Roles.SequenceEqual(roles))
        {
            await ReplyAsync(turn, en ? $"{person.Name} already has the role {string.Join(", ", roles)}." : $"{person.Name} sudah berperan {string.Join(", ", roles)}.", cancellationToken);
            return true;
        }

        try
        {
            await roster.SavePersonAsync(person with { Roles = roles }, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            await ReplyAsync(turn, en ? $"{person.Name}'s record changed meanwhile; nothing was changed. Try again." : $"Data {person.Name} baru saja berubah; tidak ada yang diubah. Coba lagi.", cancellationToken);
            return true;
        }

        await audit.AppendAsync(new AuditEvent($"roster/{person.AadObjectId}", actorId, null, "roster.roles-changed", time.GetUtcNow(),
            string.Join(",", person.Roles), string.Join(",", roles), "chat"), cancellationToken);
        await ReplyAsync(turn, en
            ? $"{person.Name}'s roles: {string.Join(", ", roles.Select(RosterRoles.Name))} (were: {Names(person.Roles)})."
            : $"Peran {person.Name}: {string.Join(", ", roles.Select(RosterRoles.Name))} (sebelumnya: {Names(person.Roles)}).", cancellationToken);
        return true;
    }

    private static string Usage(bool en) => en
        ? $"Write: **role** e-mail-or-full-name role (several separated by commas), e.g. **role budi@pom.go.id kepala-upt**. Valid roles: {string.Join(", ", RosterRoles.All)}."
        : $"Tulis: **peran** e-mail-atau-nama-lengkap peran (beberapa dipisah koma), misalnya **peran budi@pom.go.id kepala-upt**. Peran yang valid: {string.Join(", ", RosterRoles.All)}.";

    private static string Names(IReadOnlyList<string> roles) => roles.Count == 0 ? "-" : string.Join(", ", roles.Select(RosterRoles.Name));

    /// <summary>People whose e-mail, or else full name, is <paramref name="who"/> (case-insensitive), searched unit by unit.</summary>
    private async Task<IReadOnlyList<PersonRecord>> FindAsync(string who, CancellationToken cancellationToken)
    {
        var byEmail = new List<PersonRecord>();
        var byName = new List<PersonRecord>();
        foreach (var unit in units.Units)
        {
            foreach (var p in await roster.ListPeopleByUnitAsync(unit.Id, cancellationToken))
            {
                if (string.Equals(p.Email, who, StringComparison.OrdinalIgnoreCase)) byEmail.Add(p);
                else if (string.Equals(p.Name, who, StringComparison.OrdinalIgnoreCase)) byName.Add(p);
            }
        }

        return byEmail.Count > 0 ? byEmail : byName;
    }

    private static Task<ResourceResponse> ReplyAsync(ITurnContext turn, string text, CancellationToken cancellationToken) =>
        turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, cancellationToken);

    [GeneratedRegex(@"^(?<word>peran|role)(?:\s+(?<rest>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Command();
}
