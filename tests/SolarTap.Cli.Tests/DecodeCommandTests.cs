using System.Diagnostics;
using System.Text.Json;

namespace SolarTap.Cli.Tests;

public class DecodeCommandTests
{
    private static string Data(string name) => TestData.PathOf(Path.Combine("solaredge", name));

    private static readonly string Key = Path.Combine("solaredge", "7f104920.key");

    public static TheoryData<string, bool> SemonitorInputs() => new()
    {
        { "synth_inverter1ph_oldopt_issue8", false },
        { "synth_opt0080_issue11", false },
        { "synth_meter_s440_issue178", false },
        { "rs485_grant_and_meter_issue136", false },
        { "synth_encrypted_inverter1ph_issue8", true },
        { "synth_passive_capture.inverter_stream", true },
        { "key_exchange_and_encrypted_ack_issue8", true },
    };

    [Fact]
    public void SemonitorInputs_CoverEveryExpectedFileOfRawStreams()
    {
        string[] expected = Directory.GetFiles(Path.Combine(TestData.SharedTestData, "solaredge"), "*.semonitor.expected.json")
            .Select(f => Path.GetFileName(f).Replace(".semonitor.expected.json", "", StringComparison.Ordinal))
            .Where(name => File.Exists(Data(name + ".bin")))
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] covered = [.. SemonitorInputs().Select(row => (string)row[0]).Order(StringComparer.Ordinal)];
        Assert.Equal(expected, covered);
    }

    [Theory]
    [MemberData(nameof(SemonitorInputs))]
    public async Task Decode_SemonitorFormat_ReproducesSemonitorOutput(string name, bool encrypted)
    {
        string[] args = encrypted
            ? ["decode", "--format", "semonitor", "--key", TestData.PathOf(Key), Data(name + ".bin")]
            : ["decode", "--format", "semonitor", Data(name + ".bin")];

        ProcessResult result = await SolarTapProcess.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        string expected = File.ReadAllText(Data(name + ".semonitor.expected.json"));
        SemonitorJson.AssertEquivalent(expected, result.StandardOutput);
        Assert.Equal(expected, result.StandardOutput); // and byte for byte, as semonitor prints it
    }

    [Fact]
    public async Task Decode_EncryptedWithoutKey_SaysWhatToDoAndDecodesThePlainPost()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("decode", Data("synth_passive_capture.inverter_stream.bin"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(8, result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("no key was given", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("--key", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_SolartapFormat_MatchesSeLoggerRawValues()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("decode", Data("synth_opt0080_issue11.bin"));

        Assert.Equal(0, result.ExitCode);
        SeLogger.AssertOptimizerReadings(File.ReadAllText(Data("synth_opt0080_issue11.selogger.expected.json")), result.StandardOutput);
    }

    [Fact]
    public async Task Decode_Csv_WritesHeaderAndOneRowPerValue()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("decode", "--format", "csv", Data("synth_opt0080_issue11.bin"));

        string[] rows = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time,kind,device,parent,quantity,phase,value,unit", rows[0]);
        Assert.Contains("2016-06-08T12:19:53Z,optimizer,202374DA,7E1A06DB,DcVoltage,,26.875,V", rows);
        Assert.True(rows.Length > 8 * 5);
    }

    [Fact]
    public async Task Decode_StandardInputWithStats_CountsFramesAndDevices()
    {
        byte[] garbage = [0x00, 0x12, 0x34, 0x56, 0x79, 0xff];
        byte[] input = [.. garbage, .. File.ReadAllBytes(Data("synth_opt0080_issue11.bin")), .. garbage];

        ProcessResult result = await SolarTapProcess.RunAsync(["decode", "--stats", "-"], input);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("frames 1, bytes skipped 12", result.StandardError, StringComparison.Ordinal);
        Assert.Matches(@"7E1A06DB\s+1\s+1\s+8\s+8\s+0", result.StandardError);
    }

    [Fact]
    public async Task Decode_CorruptFramesInValidFile_AreCountedAndSkipped()
    {
        byte[] good = File.ReadAllBytes(Data("synth_opt0080_issue11.bin"));
        byte[] bad = [.. good];
        bad[40] ^= 0x55;
        string path = Path.GetTempFileName();
        File.WriteAllBytes(path, [.. bad, .. good, .. good.AsSpan(0, 30)]);

        ProcessResult result = await SolarTapProcess.RunAsync("decode", "--stats", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(8, result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("CRC errors 1", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("truncated 1", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing-file.bin", "no such file")]
    public async Task Decode_MissingFile_OneLineAndExitCode2(string file, string message)
    {
        ProcessResult result = await SolarTapProcess.RunAsync("decode", Path.Combine(Path.GetTempPath(), file));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Decode_MalformedKeyFile_OneLineAndExitCode2()
    {
        string key = Path.GetTempFileName();
        File.WriteAllText(key, "e19925 23f4\n");

        ProcessResult result = await SolarTapProcess.RunAsync("decode", "--key", key, Data("synth_opt0080_issue11.bin"));

        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"solartap: {key}: not a key file: expected 32 hexadecimal characters", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decode_Follow_PrintsPostsAppendedLaterAndStopsOnInterrupt()
    {
        string path = Path.GetTempFileName();
        byte[] post = File.ReadAllBytes(Data("synth_opt0080_issue11.bin"));
        File.WriteAllBytes(path, post.AsSpan(0, 50).ToArray());
        using var process = Process.Start(SolarTapProcess.StartInfo("decode", "--follow", path))!;
        var lines = new List<string>();
        Task reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }
            }
        });

        await using (var append = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
        {
            await append.WriteAsync(post.AsMemory(50));
        }

        await WaitUntil(() => Count(lines) == 8, TimeSpan.FromSeconds(20));
        await File.AppendAllBytesAsync(path, post);
        await WaitUntil(() => Count(lines) == 16, TimeSpan.FromSeconds(20));
        using (Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
        }

        Assert.True(process.WaitForExit(20_000), "solartap decode --follow did not stop on SIGINT");
        await reading;
        Assert.Equal(16, lines.Count);
        using JsonDocument last = JsonDocument.Parse(lines[^1]);
        Assert.Equal("optimizer", last.RootElement.GetProperty("kind").GetString());
    }

    private static int Count(List<string> lines)
    {
        lock (lines)
        {
            return lines.Count;
        }
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, "timed out waiting for solartap's output");
            await Task.Delay(50);
        }
    }
}
