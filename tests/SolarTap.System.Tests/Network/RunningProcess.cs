using System.Diagnostics;
using System.Text;

namespace SolarTap.System.Tests.Network;

/// <summary>A started program whose output is collected as it runs; disposing kills it (and its children).</summary>
public sealed class RunningProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Task _pump;

    internal RunningProcess(Process process, string command)
    {
        Process = process;
        Command = command;
        _pump = Task.WhenAll(Collect(process.StandardOutput), Collect(process.StandardError));
    }

    public Process Process { get; }

    public string Command { get; }

    /// <summary>Standard output and error so far, interleaved by line.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails with the output after <paramref name="timeout"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (Process.HasExited)
            {
                // The pipes may still hold its last lines: read them all before judging.
                await OutputComplete().ConfigureAwait(false);
                Assert.True(Output.Contains(text, StringComparison.Ordinal), $"'{Command}' exited ({Process.ExitCode}) before printing '{text}'.\n{Output}"); // ExitCode only once exited
                return;
            }

            Assert.True(clock.Elapsed < timeout, $"'{Command}' did not print '{text}' within {timeout.TotalSeconds} s.\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Completes once the process has exited and all its output has been read.</summary>
    public async Task OutputComplete()
    {
        await Process.WaitForExitAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
    }

    /// <summary>Sends SIGKILL: the process gets no chance to clean up (crash tests).</summary>
    public void KillHard() => Process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync();
        await _pump;
        Process.Dispose();
    }

    private async Task Collect(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
