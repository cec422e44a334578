using System.Diagnostics;
using System.Text;

namespace SolarTap.Cli.Tests;

/// <summary>The result of one run of the real executable.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>Starts <c>solartap</c> (the built assembly, through the dotnet host) with arguments.</summary>
internal static class SolarTapProcess
{
    private static string Assembly => Path.Combine(AppContext.BaseDirectory, "solartap.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Assembly);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["TZ"] = "UTC";
        info.Environment["NO_COLOR"] = "1";
        return info;
    }

    public static async Task<ProcessResult> RunAsync(string[] args, byte[]? standardInput = null, TimeSpan? timeout = null)
    {
        using var process = Process.Start(StartInfo(args))!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"solartap {string.Join(' ', args)} did not finish in time. stderr: {await stderr}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    public static Task<ProcessResult> RunAsync(params string[] args) => RunAsync(args, null);
}
