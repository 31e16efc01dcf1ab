namespace BpomBot.Domain.Dates;

/// <summary>
/// A date found in free text. <see cref="Matched"/> is the (normalised) phrase that was read and
/// <see cref="Understood"/> says in Indonesian how it was read, for the bot to echo back,
/// e.g. "Senin minggu depan → Senin, 20 Juli 2026".
/// </summary>
public sealed record DateRecognition(DateOnly Date, string Matched, string Understood);
