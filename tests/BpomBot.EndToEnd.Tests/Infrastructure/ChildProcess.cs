using System.Diagnostics;
using System.Text;

namespace BpomBot.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A child process whose output is kept (last lines) for failure messages and which is always
/// stopped together with every process it started.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int MaxKeptLines = 400;
    private static readonly List<ChildProcess> Live = [];
    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];

    static ChildProcess()
    {
        // Last line of defence: a test host that exits without disposing its fixtures still kills the children.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            ChildProcess[] live;
            lock (Live)
            {
                live = [.. Live];
            }

            foreach (var child in live)
            {
                child.Kill();
            }
        };
    }

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>Sends a signal (e.g. "INT", as Ctrl-C does) to the process itself, not its children.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("could not run kill");
        await kill.WaitForExitAsync();
    }

    /// <summary>The exit code, or null when the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: could not start {fileName}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (Live)
        {
            Live.Add(child);
        }

        return child;
    }

    /// <summary>Waits until a line of output matches; fails early and clearly when the process exits first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _lines.FirstOrDefault(match);
            if (seen is not null)
            {
                return seen;
            }

            _waiters.Add((match, done));
        }

        var exited = _process.WaitForExitAsync();
        var finished = await Task.WhenAny(done.Task, exited, Task.Delay(timeout));
        if (finished == done.Task)
        {
            return await done.Task;
        }

        var reason = finished == exited ? $"exited with code {_process.ExitCode}" : $"did not report it within {timeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"{Name} {reason} while waiting for {what}.\n{Output()}");
    }

    /// <summary>The last lines the process wrote (stdout and stderr interleaved).</summary>
    public string Output()
    {
        lock (_gate)
        {
            return $"----- {Name} (last {_lines.Count} lines) -----\n{string.Join('\n', _lines)}\n----- end of {Name} -----";
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Reported by the process table, nothing more to do here.
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        lock (Live)
        {
            Live.Remove(this);
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<string>> matched = [];
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > MaxKeptLines)
            {
                _lines.Dequeue();
            }

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    matched.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in matched)
        {
            done.TrySetResult(line);
        }
    }
}
