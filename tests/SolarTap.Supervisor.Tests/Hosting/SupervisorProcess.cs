using System.Diagnostics;
using System.Text;

namespace SolarTap.Supervisor.Tests.Hosting;

/// <summary>The real <c>solartap</c> executable (through the dotnet host), started as the service would be.</summary>
internal sealed class SupervisorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SupervisorProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Standard output and error so far.</summary>
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

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "solartap.dll"));
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        info.Environment.Remove("NOTIFY_SOCKET");
        info.Environment.Remove("WATCHDOG_USEC");
        info.Environment.Remove("WATCHDOG_PID");
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Starts <c>solartap run --config CONFIG</c> and waits until its status socket exists.</summary>
    public static async Task<SupervisorProcess> StartAsync(string config, string socket, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = new SupervisorProcess(Process.Start(StartInfo(environment, "run", "--config", config))!);
        var clock = Stopwatch.StartNew();
        while (!File.Exists(socket))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                string output = process.Output;
                await process.DisposeAsync();
                throw new InvalidOperationException($"solartap run did not open {socket}. Output:\n{output}");
            }

            await Task.Delay(50);
        }

        return process;
    }

    /// <summary>Runs a short command (e.g. <c>status</c>) to completion.</summary>
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs a short command to completion with <paramref name="environment"/> added to its environment (e.g. TZ).</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Sends SIGTERM, as systemctl stop does, and waits for the exit.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
