using SolarTap.Supervisor.Tests.Systemd;

namespace SolarTap.Supervisor.Tests.Hosting;

/// <summary><c>solartap run</c> and <c>solartap status</c> as real processes.</summary>
public sealed class SolarTapRunTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Socket => _temp.File("status.sock");

    [Fact]
    public async Task Run_BadConfig_StaysUpAndStatusShowsConfigurationErrorWithFileAndLine()
    {
        string config = _temp.Write("bad.yaml", $"\uFEFFstatus:\r\n  socket: {Socket}\r\nsolaredge:\r\n  ports: [22222, 0]\r\n");
        await using SupervisorProcess supervisor = await SupervisorProcess.StartAsync(config, Socket);
        await Task.Delay(500);

        var (exitCode, stdout, stderr) = await SupervisorProcess.RunAsync("status", "--socket", Socket);

        Assert.False(supervisor.HasExited, supervisor.Output);
        Assert.Equal(1, exitCode);
        Assert.Equal("", stderr);
        Assert.StartsWith("solartap: configuration error\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"  {config}:4: solaredge.ports[1]: expected a TCP port number from 1 to 65535, found \"0\"\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"<3>", supervisor.Output, StringComparison.Ordinal); // systemd priority prefix: error
        Assert.Equal(0, await supervisor.TerminateAsync());
    }

    [Fact]
    public async Task Status_Json_IsTheSnapshotOnOneLine()
    {
        string config = _temp.Write("solartap.yaml", $"status:\n  socket: {Socket}\njournal:\n  path: {_temp.File("journal.db")}\n");
        await using SupervisorProcess supervisor = await SupervisorProcess.StartAsync(config, Socket);

        // The socket opens before the last services have started; until then the state is "starting".
        var (exitCode, stdout, _) = await SupervisorProcess.RunAsync("status", "--socket", Socket, "--json");
        for (int i = 0; i < 20 && stdout.Contains("\"state\":\"starting\"", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            (exitCode, stdout, _) = await SupervisorProcess.RunAsync("status", "--socket", Socket, "--json");
        }

        Assert.Equal(0, exitCode);
        Assert.StartsWith("{\"time\":", stdout, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"running\"", stdout, StringComparison.Ordinal);
        Assert.Single(stdout.TrimEnd('\n').Split('\n'));
        await supervisor.TerminateAsync();
    }

    [Fact]
    public async Task Run_UnderSystemd_SendsReadyWatchdogAndStopping()
    {
        string config = _temp.Write("solartap.yaml", $"status:\n  socket: {Socket}\njournal:\n  path: {_temp.File("journal.db")}\n");
        using var systemd = new NotifySocket(_temp.File("notify"));
        var environment = new Dictionary<string, string> { ["NOTIFY_SOCKET"] = systemd.Address, ["WATCHDOG_USEC"] = "400000" };
        await using SupervisorProcess supervisor = await SupervisorProcess.StartAsync(config, Socket, environment);

        List<string> received = await systemd.ReceiveUntilAsync("READY=1", TimeSpan.FromSeconds(30));
        received.AddRange(await systemd.ReceiveForAsync(TimeSpan.FromSeconds(1.2)));

        Assert.Contains("READY=1\nSTATUS=running: 0 inverters, 0 readings", received);
        Assert.InRange(received.Count(m => m == "WATCHDOG=1"), 3, 20); // every 200 ms: half of WATCHDOG_USEC
        Assert.Equal(0, await supervisor.TerminateAsync());
        await systemd.ReceiveUntilAsync("STOPPING=1", TimeSpan.FromSeconds(5), received);
        Assert.False(File.Exists(Socket));
    }

    [Fact]
    public async Task Status_NoSupervisor_OneClearLineAndExitCode2()
    {
        var (exitCode, stdout, stderr) = await SupervisorProcess.RunAsync("status", "--socket", Socket);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Equal($"solartap: no supervisor at {Socket}: is solartap running?\n", stderr);
    }

    public void Dispose() => _temp.Dispose();
}
