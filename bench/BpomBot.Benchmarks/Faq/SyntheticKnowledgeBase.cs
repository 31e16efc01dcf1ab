using BpomBot.Domain.Faq;

namespace BpomBot.Benchmarks.Faq;

/// <summary>
/// Grows the shipped knowledge base to <c>size</c> entries for scale benchmarks. Each synthetic entry copies a real
/// topic and swaps about 40% of its words for pseudo-Indonesian words (random consonant–vowel syllables), so the
/// vocabulary, posting lists and typo-correction search all grow the way a large real knowledge base would.
/// </summary>
internal static class SyntheticKnowledgeBase
{
    private const string Consonants = "bcdfghjklmnprstwy";
    private const string Vowels = "aiueo";

    public static FaqKnowledgeBase Create(FaqKnowledgeBase shipped, int size, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 30_000).Select(_ => PseudoWord(random)).Distinct().ToArray();
        var entries = new List<FaqEntry>(shipped.Entries);
        for (var i = entries.Count; i < size; i++)
        {
            var source = shipped.Entries[i % shipped.Entries.Count];
            string Mutate(string text) => string.Join(' ', text.Split(' ').Select(w => random.NextDouble() < 0.4 ? vocabulary[random.Next(vocabulary.Length)] : w));
            entries.Add(source with
            {
                Id = $"sintetis-{i}",
                Title = new FaqText(Mutate(source.Title.Id), Mutate(source.Title.En)),
                QuestionsId = [.. source.QuestionsId.Select(Mutate)],
                QuestionsEn = [.. source.QuestionsEn.Select(Mutate)],
                Keywords = [.. source.Keywords.Select(Mutate)],
                Answer = new FaqText(Mutate(source.Answer.Id), Mutate(source.Answer.En)),
                SourceFile = "synthetic.yaml",
            });
        }

        return FaqKnowledgeBase.Create(entries);
    }

    private static string PseudoWord(Random random)
    {
        var syllables = random.Next(2, 5);
        var chars = new char[syllables * 2];
        for (var s = 0; s < syllables; s++)
        {
            chars[2 * s] = Consonants[random.Next(Consonants.Length)];
            chars[(2 * s) + 1] = Vowels[random.Next(Vowels.Length)];
        }

        return new string(chars);
    }
}
