using BpomBot.Domain.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Relay;

/// <summary>
/// The background side of the outbox (docs/outbox.md): a sweep at start-up and then every <see cref="Interval"/>, or at
/// once after <see cref="Nudge"/> (e.g. a roster import that may have added a missing leader). Each pass runs
/// <see cref="OutboxRelay.SweepAsync"/> in its own scope; a failing pass (storage down) is logged and tried again next
/// time, so the host never stops for it.
/// </summary>
public sealed partial class OutboxRelayService(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxRelayService> logger) : BackgroundService
{
    /// <summary>Time between two passes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _nudged = new(0, 1);

    /// <summary>Runs the next pass now instead of waiting for the interval.</summary>
    public void Nudge()
    {
        try
        {
            _nudged.Release();
        }
        catch (SemaphoreFullException)
        {
            // a pass is already due
        }
    }

    /// <summary>One pass (also for tests and the CLI).</summary>
    public async Task<RelaySweep> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sweep = await scope.ServiceProvider.GetRequiredService<OutboxRelay>().SweepAsync(cancellationToken);
        if (sweep.Done > 0 || sweep.Failed > 0) LogSwept(logger, sweep.Markers, sweep.Done, sweep.Pending, sweep.Failed);
        if (sweep.FirstError is { } error) LogEffectFailed(logger, error.GetType().Name, error.Message);
        return sweep;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPassFailed(logger, ex.GetType().Name, ex.Message);
            }

            try
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var nudge = _nudged.WaitAsync(wait.Token);
                await Task.WhenAny(nudge, Task.Delay(Interval, time, wait.Token));
                await wait.CancelAsync();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        _nudged.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 3120, Level = LogLevel.Information, Message = "Outbox relay pass: {Markers} kegiatan, {Done} effects done, {Pending} pending, {Failed} failed")]
    private static partial void LogSwept(ILogger logger, int markers, int done, int pending, int failed);

    [LoggerMessage(EventId = 3121, Level = LogLevel.Warning, Message = "Outbox effect will be retried: {Error}: {Reason}")]
    private static partial void LogEffectFailed(ILogger logger, string error, string reason);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "Outbox relay pass failed, retried next time: {Error}: {Reason}")]
    private static partial void LogPassFailed(ILogger logger, string error, string reason);
}
