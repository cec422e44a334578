using SolarTap.Devices.Serial;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Testing.Simulators;

namespace SolarTap.Devices.Tests.Serial;

public sealed class SolarEdgeSnifferTests : ISolarEdgeMessageSink
{
    private readonly List<(SolarEdgeHeader Header, int Readings)> _seen = [];

    [Fact]
    public async Task Run_TappedBusWithAMaster_DecodesBothDirectionsAndNeverWrites()
    {
        var good = new SolarEdgeRs485Slave(0x7F10_4920);
        var noisy = new SolarEdgeRs485Slave(0x7F10_5000) { CorruptEvery = 2 };
        var line = new SimulatedBusLine(new SolarEdgeRs485Bus(good, noisy));
        var master = new SolarEdgeRs485Master(line.Master, new SolarEdgeRs485MasterOptions { Slaves = [good.Id, noisy.Id] },
            (_, _) => ValueTask.FromResult(true), line.Clock);
        await master.PollCycleAsync(default);
        await master.PollCycleAsync(default);
        using var done = new CancellationTokenSource();
        var tap = new CancelWhenDrainedPort(line.TapLine.B, done);
        using var sessions = new InverterSessions(_ => null);
        var statistics = new DecodeStatistics();
        var sniffer = new SolarEdgeSniffer(tap, new SolarEdgeStreamDecoder(new SessionTracker(sessions), this, statistics), line.Clock);

        sniffer.Run(done.Token);

        Assert.Equal(0, tap.Writes); // never transmits, never even drains
        Assert.Equal(line.TapLine.A.Written.Count, sniffer.BytesRead);
        Assert.Equal(5, _seen.Count(m => m.Header.Function == FunctionCode.CmdPolestarMasterGrant && m.Header.Source == SolarEdgeAddress.Server));
        Assert.Equal(4, _seen.Count(m => m.Header.Function == FunctionCode.RespAck));
        Assert.Equal(4, _seen.Count(m => m.Header.Function == FunctionCode.CmdServerPostData && m.Readings == 4));
        Assert.Equal(3, statistics.CrcErrors); // the noisy slave's corrupt messages, seen as the master saw them
        Assert.Equal(2, _seen.Count(m => m.Header.Function == FunctionCode.RespPolestarMasterGrantAck && m.Header.Source == good.Id));
    }

    void ISolarEdgeMessageSink.OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry) =>
        _seen.Add((message.Header, telemetry?.Readings.Count ?? 0));
}
