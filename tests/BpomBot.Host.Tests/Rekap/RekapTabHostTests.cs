using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BpomBot.Host.Tests.Rekap;

public sealed class RekapTabHostTests
{
    private static async Task<(WebApplication App, HttpClient Http)> StartAsync(params string[] extra)
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Critical", "--Storage:InMemory=true", .. extra]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    [Fact]
    public async Task In_Teams_mode_the_tab_page_uses_Teams_SSO_and_the_api_refuses_calls_without_a_valid_token()
    {
        var (app, http) = await StartAsync("--Bot:AppId=11111111-2222-3333-4444-555555555555", "--Bot:AppPassword=secret",
            "--Bot:TenantId=66666666-7777-8888-9999-000000000000", "--Rekap:TabAudience=api://bot.example/11111111-2222-3333-4444-555555555555",
            // No network here: the tenant's keys cannot be fetched, so even a well-formed token is refused.
            "--Bot:EntraOpenIdMetadataUrlFormat=https://127.0.0.1:9/{0}/meta");
        await using var _ = app;

        var page = await http.GetStringAsync("/rekap/tab");
        Assert.Contains("data-mode=\"teams\"", page, StringComparison.Ordinal);
        Assert.Contains("MicrosoftTeams.min.js", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/rekap/tab/api/rekap")).StatusCode);
        var local = new HttpRequestMessage(HttpMethod.Get, "/rekap/tab/api/rekap");
        local.Headers.Add("X-BpomBot-User", "aad-kepala");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(local)).StatusCode);
        var bearer = new HttpRequestMessage(HttpMethod.Get, "/rekap/tab/api/rekap");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJvaWQiOiJhYWQta2VwYWxhIn0.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(bearer)).StatusCode);
    }

    [Theory]
    [InlineData(null, null, "Masuk dengan akun Teams yang terdaftar di roster.", "Tautan tidak berlaku")]
    [InlineData("en", null, "Sign in with a Teams account that is on the roster.", "This link is not valid or has expired.")]
    [InlineData(null, "en-US,en;q=0.9,id;q=0.5", "Sign in with a Teams account that is on the roster.", "This link is not valid or has expired.")]
    [InlineData("id", "en-US", "Masuk dengan akun Teams yang terdaftar di roster.", "Tautan tidak berlaku")]
    public async Task Refusals_of_the_tab_and_the_links_follow_the_readers_language(string? lang, string? acceptLanguage, string signIn, string expired)
    {
        var (app, http) = await StartAsync();
        await using var _ = app;
        HttpRequestMessage Get(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, lang is null ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? "&" : "?")}{(path.StartsWith("/rekap/unduh", StringComparison.Ordinal) ? "l" : "lang")}={lang}");
            if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
            return request;
        }

        var api = Get("/rekap/tab/api/rekap");
        api.Headers.Add("X-BpomBot-User", "not-on-the-roster");
        var refused = await http.SendAsync(api);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(signIn, System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());

        var link = await http.SendAsync(Get("/rekap/unduh?k=xlsx&v=x&y=2026&e=9999999999&sig=bad"));
        Assert.Equal(HttpStatusCode.Forbidden, link.StatusCode);
        Assert.StartsWith(expired, await link.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?lang=en", null, true)]
    [InlineData("", "en-US,en;q=0.9", true)]
    [InlineData("?lang=id", "en-US", false)]
    [InlineData("", null, false)]
    public async Task The_tab_pages_static_labels_follow_the_readers_language(string query, string? acceptLanguage, bool english)
    {
        var (app, http) = await StartAsync();
        await using var _ = app;
        var request = new HttpRequestMessage(HttpMethod.Get, "/rekap/tab" + query);
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        var page = await (await http.SendAsync(request)).Content.ReadAsStringAsync();

        string[] indonesian = ["<html lang=\"id\">", ">Tahun ", ">HK terlambat<", ">Tahap saat ini<", ">Unduh Excel<", ">Laporan tahunan UPT<", "\"Riwayat: \""];
        string[] englishLabels = ["<html lang=\"en\">", ">Year ", ">HK late<", ">Current step<", ">Download Excel<", ">UPT annual reports<", "\"History: \""];
        foreach (var label in english ? englishLabels : indonesian) Assert.Contains(label, page, StringComparison.Ordinal);
        foreach (var label in english ? indonesian : englishLabels) Assert.DoesNotContain(label, page, StringComparison.Ordinal);
        // Domain words stay Indonesian in both languages, and no label placeholder is left behind.
        Assert.Contains("<th>Kegiatan</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_local_mode_the_page_needs_no_Teams_script_and_an_unknown_person_is_refused()
    {
        var (app, http) = await StartAsync();
        await using var _ = app;

        var page = await http.GetStringAsync("/rekap/tab");
        Assert.Contains("data-mode=\"local\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("MicrosoftTeams.min.js", page, StringComparison.Ordinal);
        var request = new HttpRequestMessage(HttpMethod.Get, "/rekap/tab/api/rekap");
        request.Headers.Add("X-BpomBot-User", "not-on-the-roster");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/rekap/unduh?k=xlsx&v=x&y=2026&e=9999999999&sig=bad")).StatusCode);
    }
}
