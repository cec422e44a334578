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
    public async Task Demo_BundledSession_ShowsEveryDeviceAndTheDecryptedPost()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("7F404A16", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("202374DA", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("5 telemetry posts (1 decrypted), 0 CRC errors", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(result.StandardError);
    }

    [Fact]
    public async Task UnknownCommand_ExitsNonZeroWithUsage()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("decodee");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("decodee", result.StandardError, StringComparison.Ordinal);
    }
}
