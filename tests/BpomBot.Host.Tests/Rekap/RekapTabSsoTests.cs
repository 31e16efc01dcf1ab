using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Roster;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BpomBot.Host.Tests.Rekap;

/// <summary>
/// The dashboard tab in Teams mode with a real SSO token: the bot is pointed at a loopback OpenID metadata + JWKS
/// endpoint (as Entra's, for a test tenant) holding a test RSA key, and the tab's API gets tokens signed with it. The
/// person's roster roles decide the scope; a refused scope is audited; a token the bot must not trust is refused.
/// </summary>
public sealed class RekapTabSsoTests : IAsyncLifetime
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string TenantId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private const string Audience = "api://bot.example/" + AppId;

    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "tab-test-key" };
    private WebApplication keys = null!;
    private WebApplication bot = null!;
    private HttpClient http = null!;
    private int year;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        keys = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        keys.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext context, string tenant) => Results.Json(new
        {
            issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
            jwks_uri = $"{context.Request.Scheme}://{context.Request.Host}/keys",
        }));
        keys.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", n = jwk.N, e = jwk.E } } }));
        await keys.StartAsync();
        var keysRoot = Address(keys);

        bot = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Critical", "--Storage:InMemory=true",
            $"--Bot:AppId={AppId}", "--Bot:AppPassword=secret", $"--Bot:TenantId={TenantId}", $"--Rekap:TabAudience={Audience}",
            $"--Bot:EntraOpenIdMetadataUrlFormat={keysRoot}/{{0}}/v2.0/.well-known/openid-configuration"]);
        await bot.StartAsync();
        http = new HttpClient { BaseAddress = new Uri(Address(bot)) };
        year = DateTime.UtcNow.Year;

        var roster = bot.Services.GetRequiredService<IRosterRepository>();
        await roster.SavePersonAsync(new PersonRecord("oid-kepala", null, "Kepala BBPOM Medan", "kepala.medan@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        await roster.SavePersonAsync(new PersonRecord("oid-direktur", null, "Direktur Registrasi Pangan Olahan", "dir.reg@pom.go.id", "dit-reg-po", [RosterRoles.Direktur]));
        await roster.SavePersonAsync(new PersonRecord("oid-pptm", null, "PPTM", "pptm@pom.go.id", "kepala-bpom", [RosterRoles.Pptm]));
        await roster.SavePersonAsync(new PersonRecord("oid-pelaksana", null, "Sari", "sari@pom.go.id", "bbpom-medan", [RosterRoles.Pelaksana]));
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await bot.DisposeAsync();
        await keys.DisposeAsync();
    }

    [Fact]
    public async Task A_Kepala_UPT_with_a_valid_SSO_token_sees_their_unit_and_its_Loka()
    {
        var body = await RekapAsync("oid-kepala", null, HttpStatusCode.OK);
        Assert.Equal($"Rekap Balai Besar POM di Medan dan unit di bawahnya, tahun {year}", body.GetProperty("title").GetString());
        Assert.Equal(["bbpom-medan", "loka-toba"], ScopeUnits(body));
    }

    [Fact]
    public async Task A_Direktur_sees_their_units_scope_and_PPTM_sees_all_of_BPOM()
    {
        var direktur = await RekapAsync("oid-direktur", null, HttpStatusCode.OK);
        Assert.Equal($"Rekap Direktorat Registrasi Pangan Olahan dan unit di bawahnya, tahun {year}", direktur.GetProperty("title").GetString());
        Assert.Equal(["dit-reg-po"], ScopeUnits(direktur));
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync("oid-direktur", "unit=dit-pmpu-po")).StatusCode);

        var pptm = await RekapAsync("oid-pptm", null, HttpStatusCode.OK);
        Assert.Equal($"Rekap Seluruh BPOM, tahun {year}", pptm.GetProperty("title").GetString());
        Assert.Contains("bbpom-medan", ScopeUnits(pptm));
        Assert.Contains("dit-reg-po", ScopeUnits(pptm));
        Assert.True(ScopeUnits(pptm).Count > 80);
    }

    [Fact]
    public async Task A_scope_outside_the_persons_roles_is_refused_and_audited()
    {
        var refused = await RekapAsync("oid-kepala", "unit=bbpom-padang", HttpStatusCode.Forbidden);
        Assert.Contains("Balai Besar POM di Medan", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        var audit = bot.Services.GetRequiredService<IAuditLog>();
        var events = await audit.ListBySubjectAsync($"rekap/bbpom-padang/{year}", 10);
        var e = Assert.Single(events);
        Assert.Equal(("oid-kepala", "rekap.refused"), (e.Actor, e.Action));

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync("oid-pelaksana", null)).StatusCode);
        Assert.Single(await audit.ListBySubjectAsync($"rekap/semua/{year}", 10), x => x.Actor == "oid-pelaksana");
    }

    [Fact]
    public async Task A_year_without_data_gives_an_empty_recap_that_says_so()
    {
        var body = await RekapAsync("oid-pptm", "year=2019", HttpStatusCode.OK);
        Assert.True(body.GetProperty("empty").GetBoolean());
        Assert.Equal("Belum ada kegiatan tercatat untuk Seluruh BPOM tahun 2019.", body.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("chartUnit").ValueKind);
    }

    [Fact]
    public async Task A_token_the_bot_must_not_trust_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("oid-kepala", null, Token("oid-kepala", key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = key.KeyId }))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("oid-kepala", null, Token("oid-kepala", audience: AppId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("oid-kepala", null, Token("oid-kepala", issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("oid-kepala", null, Token("oid-kepala", expires: DateTime.UtcNow.AddMinutes(-10)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("oid-not-on-roster", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync("oid-kepala", null)).StatusCode);
    }

    private async Task<JsonElement> RekapAsync(string oid, string? query, HttpStatusCode expected)
    {
        using var response = await SendAsync(oid, query);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> SendAsync(string oid, string? query, string? token = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/rekap/tab/api/rekap" + (query is null ? string.Empty : "?" + query));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token(oid));
        return http.SendAsync(request);
    }

    /// <summary>A Teams SSO token as Entra issues it for the tab (v2 issuer, audience = the tab's Application ID URI, oid).</summary>
    private string Token(string oid, string? issuer = null, string audience = Audience, SecurityKey? key = null, DateTime? expires = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(30);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? $"https://login.microsoftonline.com/{TenantId}/v2.0",
            Audience = audience,
            NotBefore = exp.AddHours(-1),
            IssuedAt = exp.AddHours(-1),
            Expires = exp,
            Subject = new ClaimsIdentity([new Claim("oid", oid), new Claim("scp", "access_as_user"), new Claim("tid", TenantId)]),
            SigningCredentials = new SigningCredentials(key ?? this.key, SecurityAlgorithms.RsaSha256),
        });
    }

    private static List<string> ScopeUnits(JsonElement body) =>
        [.. body.GetProperty("scopeUnits").EnumerateArray().Select(u => u.GetProperty("id").GetString()!)];

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}
