namespace SolarTap.Cli.Tests;

public class PcapCommandTests
{
    private static string Data(string name) => TestData.PathOf(Path.Combine("solaredge", name));

    [Fact]
    public async Task Pcap_WithKey_SemonitorOutputEqualsTheReassembledStreamsExpectation()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("pcap", "--format", "semonitor", "--key", Data("7f104920.key"), Data("synth_passive_capture.pcap"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Data("synth_passive_capture.inverter_stream.semonitor.expected.json")), result.StandardOutput);
    }

    [Fact]
    public async Task Pcap_WithKey_MatchesSeLogger()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("pcap", "--key", Data("7f104920.key"), Data("synth_passive_capture.pcap"));

        Assert.Equal(0, result.ExitCode);
        SeLogger.AssertOptimizerReadings(File.ReadAllText(Data("synth_passive_capture.selogger.expected.json")), result.StandardOutput);
    }

    [Fact]
    public async Task Pcap_WithoutKey_MatchesSeLoggerAndSkipsTheEncryptedPost()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("pcap", Data("synth_passive_capture.pcap"));

        Assert.Equal(0, result.ExitCode);
        SeLogger.AssertOptimizerReadings(File.ReadAllText(Data("synth_passive_capture.nokey.selogger.expected.json")), result.StandardOutput);
        Assert.Contains("no key was given", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pcap_RawOut_WritesTheReassembledInverterStream()
    {
        string raw = Path.GetTempFileName();

        ProcessResult result = await SolarTapProcess.RunAsync("pcap", "--raw-out", raw, Data("synth_passive_capture.pcap"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllBytes(Data("synth_passive_capture.inverter_stream.bin")), File.ReadAllBytes(raw));
    }

    [Fact]
    public async Task Pcap_Directory_ReadsEveryCaptureInIt()
    {
        string directory = Directory.CreateTempSubdirectory().FullName;
        File.Copy(Data("synth_passive_capture.pcap"), Path.Combine(directory, "a.pcap"));
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "not a capture");

        ProcessResult result = await SolarTapProcess.RunAsync("pcap", "--stats", directory);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("packets 10,", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pcap_NotACapture_OneLineAndExitCode2()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("pcap", Data("README.md"));

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("not a pcap or pcapng file", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--mac-prefix", "00:27:zz")]
    [InlineData("--port", "70000")]
    [InlineData("--host", "192.0.2")]
    public async Task Pcap_BadFilter_OneLineAndExitCode2(string option, string value)
    {
        ProcessResult result = await SolarTapProcess.RunAsync("pcap", option, value, Data("synth_passive_capture.pcap"));

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"solartap: {option} {value}: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pcap_FilterMatchesNothing_SaysHowToWidenIt()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("pcap", "--mac-prefix", "aa:bb:cc", Data("synth_passive_capture.pcap"));

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.StandardOutput);
        Assert.Contains("--mac-prefix any", result.StandardError, StringComparison.Ordinal);
    }
}
