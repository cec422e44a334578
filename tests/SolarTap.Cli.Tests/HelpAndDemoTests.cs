using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SolarTap.Cli.Tests;

public class HelpAndDemoTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("demo", "--help")]
    [InlineData("decode", "--help")]
    [InlineData("pcap", "--help")]
    [InlineData("key", "--help")]
    [InlineData("key", "find", "--help")]
    [InlineData("key", "check", "--help")]
    [InlineData("key", "read", "--help")]
    [InlineData("serial", "--help")]
    [InlineData("serial", "command", "--help")]
    [InlineData("serial", "sniff", "--help")]
    [InlineData("simulate", "--help")]
    public async Task Help_EveryCommand_DescribesItselfAndEveryOption(params string[] args)
    {
        ProcessResult result = await SolarTapProcess.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Description:", result.StandardOutput, StringComparison.Ordinal);
        // Every option line has a description after its name (no bare "  --option" line).
        foreach (string line in result.StandardOutput.Split('\n').Where(l => l.TrimStart().StartsWith('-')))
        {
            Assert.Matches(@"^\s+\S.*\S\s{2,}\S", line);
        }
    }

    [Fact]
    public async Task Demo_TwoPosts_BothInvertersDecodedIncludingTheEncryptedOneWithNoProblems()
    {
        string png = Path.Combine(Path.GetTempPath(), $"solartap-demo-oled-{Guid.NewGuid():N}.png");
        ProcessResult result = await SolarTapProcess.RunAsync(["demo", "--posts", "2", "--oled-png", png], timeout: TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        AssertInverter(result.StandardOutput, "7E100001", "single-phase, plain", 8);
        AssertInverter(result.StandardOutput, "7F104920", "three-phase, encrypted", 20);
        Assert.Matches(@"\d+ readings stored in \d+ s; 0 problems\.", result.StandardOutput);
        Assert.Contains("Encrypted", result.StandardOutput, StringComparison.Ordinal); // the status model saw the encrypted firmware
        Assert.Empty(result.StandardError);
        byte[] oled = File.ReadAllBytes(png); // the simulated OLED's page (docs/status.md)
        File.Delete(png);
        Assert.True(oled.AsSpan().StartsWith(SolarTap.Protocols.Display.PngWriter.Signature));
    }

    [Fact]
    public async Task Demo_CtrlC_StopsCleanlyWithASummary()
    {
        using var process = Process.Start(SolarTapProcess.StartInfo("demo"))!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(7));
        using (Process kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cancel.Token);
        string output = await stdout;
        Assert.True(process.ExitCode == 0, output);
        AssertInverter(output, "7F104920", "three-phase, encrypted", 20);
    }

    [Fact]
    public async Task Simulate_NoServer_FailsWithExitCode1()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("simulate", "--server", "127.0.0.1:9", "--id", "7E100001", "--posts", "1", "--timeout", "2s");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("7E100001: 0 of 1 posts acknowledged", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("FAILED: not every post was acknowledged in time", result.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The demo's summary line of one inverter: posts acknowledged, every optimizer decoded, real power, no problems.</summary>
    private static void AssertInverter(string output, string serial, string description, int optimizers)
    {
        Match line = Regex.Match(output, $@"{serial} \({description}\): (\d+) posts acknowledged, {optimizers} of {optimizers} optimizers decoded, AC power ([\d.]+) W, energy total ([\d.]+) Wh, 0 problems");
        Assert.True(line.Success, output);
        Assert.True(int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture) >= 1);
        Assert.True(double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture) > 0); // the site is in daylight
        Assert.True(double.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture) > 12_345_678); // lifetime energy grew
    }

    [Fact]
    public async Task UnknownCommand_ExitsNonZeroWithUsage()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("decodee");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("decodee", result.StandardError, StringComparison.Ordinal);
    }
}
