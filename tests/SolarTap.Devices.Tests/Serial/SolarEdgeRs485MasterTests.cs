using SolarTap.Devices.Serial;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Testing.Simulators;

namespace SolarTap.Devices.Tests.Serial;

public sealed class SolarEdgeRs485MasterTests
{
    private const uint Good = 0x7F10_4920, Silent = 0x7F10_4A16, Noisy = 0x7F10_5000;

    private static readonly SolarEdgeRs485MasterOptions Options = new()
    {
        Slaves = [Good, Silent, Noisy],
        ResponseTimeout = TimeSpan.FromSeconds(1),
        Retries = 2,
        OfflineAfter = 3,
        BackoffInitial = TimeSpan.FromSeconds(10),
        BackoffMax = TimeSpan.FromSeconds(40),
    };

    private readonly List<Rs485Post> _posts = [];

    [Fact]
    public async Task PollCycle_ThreeSlavesOneSilentOneNoisy_GoodPostsAreAckedAndErrorsCounted()
    {
        SimulatedBusLine line = Bus(out SolarEdgeRs485Slave good, out SolarEdgeRs485Slave silent, out SolarEdgeRs485Slave noisy);
        SolarEdgeRs485Master master = Master(line, Options);

        int answered = await master.PollCycleAsync(default);

        Assert.Equal(2, answered);
        Assert.Equal(1, good.Acknowledged);
        Assert.Equal(1, noisy.Acknowledged); // its corrupt post was lost, its retry came through
        Assert.Equal(0, silent.Acknowledged);
        Assert.Equal([Good, Noisy], _posts.Select(p => p.Slave));
        Assert.All(_posts, p => Assert.Equal(4, p.Telemetry.Readings.Count));
        Rs485SlaveStatus[] status = [.. master.Slaves];
        Assert.True(status[0].Online);
        Assert.Equal(0, status[0].Timeouts);
        Assert.False(status[1].Online);
        Assert.Equal(3, status[1].Timeouts); // first grant and two retries
        Assert.Null(status[1].LastAnswer);
        Assert.True(status[2].Online);
        Assert.Equal(2, status[2].CrcErrors); // its first post and its release
        Assert.Equal(1, status[2].Timeouts);
        Assert.NotNull(status[2].LastAnswer);
    }

    [Fact]
    public async Task PollCycle_PostAcked_AckEchoesThePostSequenceAndComesFromTheMaster()
    {
        SimulatedBusLine line = Bus(out SolarEdgeRs485Slave good, out _, out _);
        SolarEdgeRs485Master master = Master(line, Options with { Slaves = [Good] });

        await master.PollCycleAsync(default);

        SolarEdgeHeader post = good.SentHeaders.Single(h => h.Function == FunctionCode.CmdServerPostData);
        SolarEdgeHeader release = good.SentHeaders.Single(h => h.Function == FunctionCode.RespPolestarMasterGrantAck);
        List<SolarEdgeHeader> sent = MasterSent(line);
        Assert.Equal([FunctionCode.CmdPolestarMasterGrant, FunctionCode.RespAck], sent.Select(h => h.Function));
        Assert.Equal(new SolarEdgeHeader(post.Sequence, SolarEdgeAddress.Server, Good, FunctionCode.RespAck), sent[1]); // spec §6.2
        Assert.Equal(sent[0].Sequence, release.Sequence);
    }

    [Fact]
    public async Task PollCycle_SilentSlave_GoesOfflineAfterThreePollsThenBacksOffDoubling()
    {
        SimulatedBusLine line = Bus(out _, out SolarEdgeRs485Slave silent, out SolarEdgeRs485Slave noisy);
        noisy.CorruptEvery = 0; // so the time after the silent slave's poll is zero and its due times are exact
        SolarEdgeRs485Master master = Master(line, Options);
        for (int i = 0; i < 3; i++)
        {
            await master.PollCycleAsync(default);
        }

        Rs485SlaveStatus offline = master.Slaves[1];
        Assert.Equal(3, offline.ConsecutiveFailures);
        Assert.Equal(line.Clock.GetUtcNow() + TimeSpan.FromSeconds(10), offline.NextAttempt);
        int grants = silent.Grants;

        await master.PollCycleAsync(default); // not due yet: skipped
        Assert.Equal(grants, silent.Grants);

        line.Clock.Advance(TimeSpan.FromSeconds(10));
        await master.PollCycleAsync(default); // due: exactly one grant, then the wait doubles
        Assert.Equal(grants + 1, silent.Grants);
        Assert.Equal(line.Clock.GetUtcNow() + TimeSpan.FromSeconds(20), master.Slaves[1].NextAttempt);

        line.Clock.Advance(TimeSpan.FromSeconds(20));
        await master.PollCycleAsync(default);
        Assert.Equal(line.Clock.GetUtcNow() + TimeSpan.FromSeconds(40), master.Slaves[1].NextAttempt);

        line.Clock.Advance(TimeSpan.FromSeconds(40));
        await master.PollCycleAsync(default);
        Assert.Equal(line.Clock.GetUtcNow() + TimeSpan.FromSeconds(40), master.Slaves[1].NextAttempt); // capped at BackoffMax
    }

    [Fact]
    public async Task PollCycle_OfflineSlaveBackingOff_CostsTheOthersNoTime()
    {
        SimulatedBusLine line = Bus(out SolarEdgeRs485Slave good, out _, out SolarEdgeRs485Slave noisy);
        noisy.CorruptEvery = 0;
        SolarEdgeRs485Master master = Master(line, Options);
        for (int i = 0; i < 3; i++)
        {
            await master.PollCycleAsync(default);
        }

        TimeSpan before = line.Clock.Elapsed;
        await master.PollCycleAsync(default);
        TimeSpan skipped = line.Clock.Elapsed - before;

        line.Clock.Advance(TimeSpan.FromSeconds(10));
        before = line.Clock.Elapsed;
        await master.PollCycleAsync(default);
        TimeSpan retried = line.Clock.Elapsed - before;

        Assert.Equal(TimeSpan.Zero, skipped); // the answering slaves release the bus at once
        Assert.Equal(TimeSpan.FromSeconds(1), retried); // one response timeout for the due attempt, no retries
        Assert.Equal(5, good.Acknowledged);
        Assert.Equal(5, noisy.Acknowledged);
    }

    [Fact]
    public async Task PollCycle_OfflineSlaveAnswersAgain_IsOnlineWithFailuresReset()
    {
        SimulatedBusLine line = Bus(out _, out SolarEdgeRs485Slave silent, out _);
        SolarEdgeRs485Master master = Master(line, Options);
        for (int i = 0; i < 3; i++)
        {
            await master.PollCycleAsync(default);
        }

        silent.Silent = false;
        line.Clock.Advance(TimeSpan.FromSeconds(10));
        await master.PollCycleAsync(default);

        Rs485SlaveStatus back = master.Slaves[1];
        Assert.True(back.Online);
        Assert.Equal(0, back.ConsecutiveFailures);
        Assert.Null(back.NextAttempt);
        Assert.Equal(1, silent.Acknowledged);
    }

    [Fact]
    public async Task PollCycle_HandlerRefusesThePost_NoAckAndTheSlaveSendsItAgain()
    {
        SimulatedBusLine line = Bus(out SolarEdgeRs485Slave good, out _, out _);
        bool commit = false;
        var master = new SolarEdgeRs485Master(line.Master, Options with { Slaves = [Good] }, (post, _) =>
        {
            _posts.Add(post);
            return ValueTask.FromResult(commit);
        }, line.Clock);

        await master.PollCycleAsync(default);
        commit = true;
        await master.PollCycleAsync(default);

        Assert.Equal(2, _posts.Count);
        Assert.Equal(_posts[0].Header.Sequence, _posts[1].Header.Sequence);
        Assert.Equal(_posts[0].Payload, _posts[1].Payload);
        Assert.Equal(1, good.Acknowledged);
        Assert.Single(MasterSent(line), h => h.Function == FunctionCode.RespAck);
    }

    [Fact]
    public async Task PollCycle_SlaveNeverReleasesTheBus_MasterTakesItBackAfterAQuietInterval()
    {
        SimulatedBusLine line = Bus(out SolarEdgeRs485Slave good, out _, out _);
        good.ReleasesBus = false; // newer firmware, spec §6.2
        SolarEdgeRs485Master master = Master(line, Options with { Slaves = [Good] });

        TimeSpan before = line.Clock.Elapsed;
        int answered = await master.PollCycleAsync(default);

        Assert.Equal(1, answered);
        Assert.Equal(1, good.Acknowledged);
        Assert.Equal(TimeSpan.FromSeconds(1), line.Clock.Elapsed - before);
        Assert.True(master.Slaves[0].Online);
    }

    [Fact]
    public async Task PollCycle_AdapterEchoesTheMastersBytes_EchoesAreIgnored()
    {
        SimulatedBusLine line = Bus(out SolarEdgeRs485Slave good, out _, out _, echo: true);
        SolarEdgeRs485Master master = Master(line, Options with { Slaves = [Good] });

        await master.PollCycleAsync(default);

        Assert.Equal(1, good.Acknowledged);
        Assert.Equal(0, master.Slaves[0].Timeouts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    public async Task PollCycle_WireTimeCharged_TakesExactlyTheWireTimeOfItsBytes(int slaves)
    {
        // Issue 5 §6: the master adds no waits of its own; a cycle of answering slaves costs only bytes × 10 / baud.
        var bus = new SolarEdgeRs485Bus([.. Enumerable.Range(0, slaves).Select(i => new SolarEdgeRs485Slave(0x7F10_4900u + (uint)i))]);
        var line = new SimulatedBusLine(bus, chargeWireTime: true);
        SolarEdgeRs485Master master = Master(line, Options with { Slaves = [.. bus.Slaves.Select(s => s.Id)] });

        await master.PollCycleAsync(default);

        int bytes = line.TapLine.A.Written.Count; // both directions
        Assert.Equal(172 * slaves, bytes); // grant 22 + post 22 + 4 × 21 + ACK 22 + release 22
        Assert.Equal(new SerialSettings(115200).WireTime(bytes).Ticks, line.Clock.Elapsed.Ticks, tolerance: slaves * 4);
    }

    [Fact]
    public void Constructor_NoSlaves_IsRefused()
    {
        SimulatedBusLine line = Bus(out _, out _, out _);
        Assert.Throws<ArgumentException>(() => Master(line, Options with { Slaves = [] }));
    }

    private static SimulatedBusLine Bus(out SolarEdgeRs485Slave good, out SolarEdgeRs485Slave silent, out SolarEdgeRs485Slave noisy, bool echo = false)
    {
        good = new SolarEdgeRs485Slave(Good);
        silent = new SolarEdgeRs485Slave(Silent) { Silent = true };
        noisy = new SolarEdgeRs485Slave(Noisy) { CorruptEvery = 2 }; // messages 1, 3, 5, ... are corrupt
        return new SimulatedBusLine(new SolarEdgeRs485Bus(good, silent, noisy), echo);
    }

    private SolarEdgeRs485Master Master(SimulatedBusLine line, SolarEdgeRs485MasterOptions options) =>
        new(line.Master, options, (post, _) =>
        {
            _posts.Add(post);
            return ValueTask.FromResult(true);
        }, line.Clock);

    private static List<SolarEdgeHeader> MasterSent(SimulatedBusLine line)
    {
        var headers = new List<SolarEdgeHeader>();
        byte[] written = [.. line.Line.A.Written];
        for (int offset = 0; offset < written.Length;)
        {
            Assert.True(SolarEdgeFrameReader.TryParse(written.AsSpan(offset), out SolarEdgeHeader header, out Range payload));
            headers.Add(header);
            offset += payload.End.Value + SolarEdgeWire.CrcSize;
        }

        return headers;
    }
}
