namespace BpomBot.Teams.Disposisi;

/// <summary>The <c>Action.Execute</c> verbs of disposisi cards; handlers and the card builder share these.</summary>
public static class DisposisiVerbs
{
    /// <summary>Refresh (automatic for the addressee and Plt/Plh) or manual: the card as the viewer may see it.</summary>
    public const string Lihat = "disposisi.lihat";
    public const string Setujui = "disposisi.setujui";
    public const string Kembalikan = "disposisi.kembalikan";
    public const string Teruskan = "disposisi.teruskan";

    /// <summary>The answer on a forwarded disposisi (input for the leader, who decides).</summary>
    public const string Tanggapi = "disposisi.tanggapi";

    /// <summary>"Buka" on an inbox row: the card of that disposisi.</summary>
    public const string Buka = "disposisi.buka";
}
