using SolarTap.Devices.Serial;
using SolarTap.Linux.Serial;
using SolarTap.System.Tests.Network;
using SolarTap.Testing.Simulators;

namespace SolarTap.System.Tests.Serial;

/// <summary>The RS485 master and sniffer on kernel terminals: a socat pty pair and a pty bus (spec §6.2).</summary>
public sealed class Rs485BusTests
{
    private const uint Good = 0x7F10_4920, Silent = 0x7F10_4A16, Noisy = 0x7F10_5000;
    private static readonly string SolarTapDll = Path.Combine(AppContext.BaseDirectory, "solartap.dll");

    private static readonly SolarEdgeRs485MasterOptions Options = new()
    {
        Slaves = [Good, Silent, Noisy],
        ResponseTimeout = TimeSpan.FromMilliseconds(300),
        Retries = 1,
        OfflineAfter = 2,
        BackoffInitial = TimeSpan.FromMinutes(1),
        BackoffMax = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public async Task Master_ThreeSlavesOverSocat_OneSilentOneNoisy_PollsOnWithoutStalling()
    {
        await using SocatPtyPair pair = await SocatPtyPair.StartAsync();
        using LinuxSerialPort masterPort = LinuxSerialPort.Open(pair.A, new SerialSettings(115200));
        using LinuxSerialPort busPort = LinuxSerialPort.Open(pair.B, new SerialSettings(115200));
        (SolarEdgeRs485Bus bus, SolarEdgeRs485Slave good, SolarEdgeRs485Slave noisy) = Bus();
        SolarEdgeRs485Slave silent = bus.Slaves[1];
        using var stop = new CancellationTokenSource();
        Task serving = Task.Run(() => bus.Serve(busPort, stop.Token));
        var posts = new List<Rs485Post>();
        var master = new SolarEdgeRs485Master(masterPort, Options, (post, _) =>
        {
            posts.Add(post);
            return ValueTask.FromResult(true);
        }, TimeProvider.System);

        for (int cycle = 0; cycle < 4; cycle++)
        {
            await master.PollCycleAsync(default);
        }

        int grantsToSilent = silent.Grants;
        await master.PollCycleAsync(default); // the silent slave is backing off now: not granted, nobody waits for it
        await stop.CancelAsync();
        await serving;

        Assert.Equal(5, good.Acknowledged);
        Assert.InRange(noisy.Acknowledged, 3, 5);
        Assert.All(posts, p => Assert.Equal(4, p.Telemetry.Readings.Count));
        Rs485SlaveStatus[] status = [.. master.Slaves];
        Assert.True(status[0].Online);
        Assert.False(status[1].Online);
        Assert.NotNull(status[1].NextAttempt);
        Assert.Equal(4, status[1].Timeouts); // two polls of two grants each, then backoff
        Assert.True(status[2].CrcErrors > 0);
        Assert.Equal(grantsToSilent, silent.Grants);
        Assert.Equal(4, silent.Grants);
    }

    [Fact]
    public async Task Sniff_TappedBusAsRealProcess_DecodesBothDirectionsAndNeverTransmits()
    {
        using var hub = new PtyHub(3);
        await using RunningProcess sniffer = Network.Commands.Start("dotnet", [SolarTapDll, "serial", "sniff", "--port", hub.DevicePath(2), "--duration", "8s", "--stats"]);
        await sniffer.WaitForOutputAsync("listening on", TimeSpan.FromSeconds(30));
        using LinuxSerialPort masterPort = LinuxSerialPort.Open(hub.DevicePath(0), new SerialSettings(115200));
        using LinuxSerialPort busPort = LinuxSerialPort.Open(hub.DevicePath(1), new SerialSettings(115200));
        (SolarEdgeRs485Bus bus, SolarEdgeRs485Slave good, SolarEdgeRs485Slave noisy) = Bus();
        using var stop = new CancellationTokenSource();
        Task serving = Task.Run(() => bus.Serve(busPort, stop.Token));
        var master = new SolarEdgeRs485Master(masterPort, Options, (_, _) => ValueTask.FromResult(true), TimeProvider.System);
        for (int cycle = 0; cycle < 3; cycle++)
        {
            await master.PollCycleAsync(default);
        }

        await stop.CancelAsync();
        await serving;
        await sniffer.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(0, sniffer.Process.ExitCode);
        Assert.Equal(0, hub.Sent(2)); // the sniffer's terminal never put a byte on the bus
        string[] readings = [.. sniffer.Output.Split('\n').Where(l => l.StartsWith("{\"time\"", StringComparison.Ordinal))];
        int posts = good.Acknowledged + noisy.Acknowledged;
        Assert.True(posts >= 5, $"only {posts} posts were acknowledged");
        Assert.True(readings.Length >= 4 * posts, $"{readings.Length} readings for {posts} posts:\n{sniffer.Output}");
        Assert.Contains(readings, r => r.Contains("\"parent\":\"7F104920\"", StringComparison.Ordinal));
        Assert.Contains(readings, r => r.Contains("\"parent\":\"7F105000\"", StringComparison.Ordinal));
        Assert.Matches(@"CRC errors [1-9]", sniffer.Output); // the noisy slave's corrupt messages, counted not decoded
        Assert.Contains("7F104920", sniffer.Output, StringComparison.Ordinal);
    }

    private static (SolarEdgeRs485Bus Bus, SolarEdgeRs485Slave Good, SolarEdgeRs485Slave Noisy) Bus()
    {
        var good = new SolarEdgeRs485Slave(Good);
        var noisy = new SolarEdgeRs485Slave(Noisy) { CorruptEvery = 3 };
        return (new SolarEdgeRs485Bus(good, new SolarEdgeRs485Slave(Silent) { Silent = true }, noisy), good, noisy);
    }
}
