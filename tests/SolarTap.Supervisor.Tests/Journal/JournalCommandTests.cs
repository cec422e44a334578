using SolarTap.Supervisor.Tests.Hosting;

namespace SolarTap.Supervisor.Tests.Journal;

/// <summary><c>solartap journal stats|export</c> against a journal written by the real executable.</summary>
public class JournalCommandTests
{
    [Fact]
    public async Task StatsAndExport_ShowWhatWasWritten()
    {
        using var temp = new TempFolder();
        string path = temp.File("journal.db");
        Assert.Equal(0, (await SupervisorProcess.RunAsync("journal", "write-test", "-j", path, "--batches", "3", "--batch-size", "4")).ExitCode);

        (int code, string stats, _) = await SupervisorProcess.RunAsync("journal", "stats", "-j", path);
        (int _, string jsonl, _) = await SupervisorProcess.RunAsync("journal", "export", "-j", path, "--since", "2025-01-01T00:00:02Z", "--until", "2025-01-01T00:00:04Z");
        (int _, string csv, _) = await SupervisorProcess.RunAsync("journal", "export", "-j", path, "--format", "csv");
        (int semonitorCode, string semonitor, _) = await SupervisorProcess.RunAsync("journal", "export", "-j", path, "--format", "semonitor");

        Assert.Equal(0, code);
        Assert.Contains("  readings: 12 (last sequence 12)\n  devices: 2\n  from: 2025-01-01 00:00:00Z\n  to: 2025-01-01 00:00:11Z\n", stats, StringComparison.Ordinal);
        Assert.Equal(
            "{\"time\":\"2025-01-01T00:00:02Z\",\"kind\":\"inverter\",\"device\":\"7F000001\",\"values\":{\"AcPower\":0,\"EnergyTotal\":2}}\n" +
            "{\"time\":\"2025-01-01T00:00:03Z\",\"kind\":\"optimizer\",\"device\":\"20000001\",\"values\":{\"AcPower\":0,\"EnergyTotal\":3}}\n",
            jsonl);
        Assert.Equal(1 + 24, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(0, semonitorCode);
        Assert.Equal("", semonitor); // write-test stores readings only, no raw posts
        Assert.Contains("  raw posts kept: 0\n", stats, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_NoJournal_SaysSo()
    {
        (int code, _, string error) = await SupervisorProcess.RunAsync("journal", "stats", "-j", "/tmp/st-no-such-journal.db");

        Assert.Equal(2, code);
        Assert.Equal("solartap: no journal at /tmp/st-no-such-journal.db\n", error);
    }
}
