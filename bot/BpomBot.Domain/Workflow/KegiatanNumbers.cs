namespace BpomBot.Domain.Workflow;

/// <summary>
/// The numbers an officer picks kegiatan by. A number is stored on the kegiatan at creation and never reused, so the
/// number seen yesterday still means the same kegiatan after others finish. Rows stored before numbering (no
/// <see cref="Kegiatan.Number"/>) are numbered by their place among all the officer's kegiatan (open or ended),
/// oldest first, which never changes either: new kegiatan are created later and numbered above them.
/// </summary>
public static class KegiatanNumbers
{
    /// <summary>
    /// Number per kegiatan id for all of one officer's kegiatan (every status). A stored number wins; a duplicate (a
    /// kegiatan handed over from another officer) and a missing one get the place-based number when free, else the
    /// next above the highest. Deterministic for a given set.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Assign(IEnumerable<Kegiatan> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        var ordered = all.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = new HashSet<int>();
        foreach (var k in ordered.Where(k => k.Number is > 0))
        {
            if (taken.Add(k.Number!.Value)) result[k.Id] = k.Number.Value;
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var k = ordered[i];
            if (result.ContainsKey(k.Id)) continue;
            var number = taken.Contains(i + 1) ? taken.Max() + 1 : i + 1;
            taken.Add(number);
            result[k.Id] = number;
        }

        return result;
    }

    /// <summary>The number for a new kegiatan of an officer who holds <paramref name="existing"/> (every status).</summary>
    public static int Next(IEnumerable<Kegiatan> existing)
    {
        var numbers = Assign(existing);
        return numbers.Count == 0 ? 1 : numbers.Values.Max() + 1;
    }
}
