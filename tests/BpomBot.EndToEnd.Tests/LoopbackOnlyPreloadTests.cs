using System.Diagnostics;
using BpomBot.EndToEnd.Tests.Infrastructure;

namespace BpomBot.EndToEnd.Tests;

/// <summary>scripts/loopback-only.cjs, the preload every Node tool (Playground, Azurite) runs with.</summary>
public sealed class LoopbackOnlyPreloadTests
{
    private const string Probe = """
        const net = require('net'), http = require('http'), dns = require('dns');
        const report = (name) => (err) => console.log(`${name}=${err ? err.code : 'ok'}`);
        const steps = [
          (done) => http.get('http://169.254.169.254/metadata/instance', () => done(report('imds')())).on('error', (e) => done(report('imds')(e))),
          (done) => fetch('https://westus-0.in.applicationinsights.azure.com/').then(() => done(report('telemetry')()), (e) => done(report('telemetry')(e.cause || e))),
          (done) => dns.lookup('example.com', (e) => done(report('lookup')(e))),
          (done) => dns.resolve4('example.com', (e) => done(report('resolve')(e))),
          (done) => net.connect(443, '10.1.2.3').on('error', (e) => done(report('private')(e))).on('connect', () => done(report('private')())),
          (done) => { const s = http.createServer((q, r) => r.end('hi')).listen(0, () => {
              console.log(`listen=${s.address().address}`);
              http.get(`http://localhost:${s.address().port}/`, (r) => { r.resume(); s.close(); done(report('localhost')()); }).on('error', (e) => { s.close(); done(report('localhost')(e)); });
            }); },
        ];
        const next = () => steps.length ? steps.shift()(next) : process.exit(0);
        next();
        """;

    [Fact]
    public async Task Preload_NonLoopbackDestinations_AreRefusedAndServersListenOnLoopback()
    {
        var repository = EndToEndEnvironment.FindRepositoryRoot();
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--require", Path.Combine(repository, "scripts", "loopback-only.cjs"), "-e", Probe })
        {
            info.ArgumentList.Add(argument);
        }

        using var node = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = await node.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = await node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] expected = ["imds=ECONNREFUSED", "telemetry=ECONNREFUSED", "lookup=ENOTFOUND", "resolve=ENOTFOUND", "private=ECONNREFUSED", "listen=127.0.0.1", "localhost=ok"];
        Assert.True(expected.SequenceEqual(lines), $"node printed:\n{output}\n{errors}");
    }
}
