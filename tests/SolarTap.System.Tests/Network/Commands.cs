using System.Diagnostics;
using System.Text;

namespace SolarTap.System.Tests.Network;

/// <summary>Runs real programs for the system tier: bounded in time, output captured, never through a shell.</summary>
public static class Commands
{
    /// <summary>Fails with an install hint when <paramref name="program"/> is not on PATH.</summary>
    public static void Require(string program, string debianPackage)
    {
        bool found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Any(dir => File.Exists(Path.Combine(dir, program)));
        Assert.True(found, $"'{program}' is not installed; the system tier needs it: apt-get install -y {debianPackage} (.ci/run does this).");
    }

    /// <summary>Fails unless running as root (namespaces and raw sockets need it).</summary>
    public static void RequireRoot()
        => Assert.True(Environment.UserName == "root" || geteuidIsZero(), "The system tier needs root (network namespaces); run ./test.sh as root.");

    /// <summary>Runs <paramref name="program"/> to completion.</summary>
    public static async Task<CommandResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan? timeout = null, string? standardInput = null)
    {
        string[] args = [.. arguments];
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        string text = $"{program} {string.Join(' ', args)}";
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{text}' did not finish in time. stderr so far: {await stderr}");
        }

        return new CommandResult(text, process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running program; dispose the handle to stop it.</summary>
    public static RunningProcess Start(string program, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string arg in arguments)
        {
            info.ArgumentList.Add(arg);
        }

        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new RunningProcess(Process.Start(info)!, $"{program} {string.Join(' ', info.ArgumentList)}");
    }

    private static bool geteuidIsZero() => File.Exists("/proc/self/status")
        && File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0");
}
