using Microsoft.AspNetCore.Http;

namespace BpomBot.Teams.Rekap;

/// <summary>
/// The reader's language on the recap's web side (the tab's API, the download links): the query's <c>lang</c> (the
/// tab page sends the language it shows; a chart link carries <c>l</c>) when given, else the browser's preferred
/// language (Accept-Language). English for "en…", Indonesian otherwise.
/// </summary>
public static class RekapLanguage
{
    public static bool IsEnglish(HttpRequest request, string? lang)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrWhiteSpace(lang)) return lang.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault();
        return preferred?.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
    }
}
