namespace BpomBot.Teams.Cards;

/// <summary>Every <c>Action.Execute</c> verb BpomBot's cards emit. Handlers and cards share these constants.</summary>
public static class Verbs
{
    /// <summary>The "Coba" button of the help card.</summary>
    public const string Coba = "coba";
}
