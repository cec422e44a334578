using System.Buffers.Binary;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Protocols.Tests.SolarEdge.Crypto;
using SolarTap.Supervisor.Simulation;
using SolarTap.Testing.Simulators;
using static SolarTap.Protocols.Tests.SolarEdge.Server.ServerTestKit;

namespace SolarTap.Protocols.Tests.SolarEdge.Server;

public class SolarEdgeServerTimeTests
{
    private static readonly TimeZoneInfo India = TimeZoneInfo.CreateCustomTimeZone("test/+05:30", new TimeSpan(5, 30, 0), "+05:30", "+05:30");
    private static readonly TimeZoneInfo Newfoundland = TimeZoneInfo.CreateCustomTimeZone("test/-03:30", new TimeSpan(-3, -30, 0), "-03:30", "-03:30");
    private readonly ScriptedRandom _random = new();

    public static TheoryData<string, string, int> Instants => new()
    {
        // UTC instant, zone, expected offset in seconds. semonitor's (local hour − UTC hour)·3600 is wrong for all of these (spec §5.2).
        { "2024-03-10T23:45:00Z", "+05:30", 19800 },  // local 05:15 the next day
        { "2024-03-10T12:00:00Z", "+05:30", 19800 },
        { "2024-03-11T01:15:00Z", "-03:30", -12600 }, // local 21:45 the day before
        { "2024-03-11T00:00:00Z", "UTC", 0 },
    };

    [Theory]
    [MemberData(nameof(Instants))]
    public void Receive_TimeRequest_RepliesUtcAndRealOffset(string instant, string zone, int expectedOffset)
    {
        DateTimeOffset now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        TimeZoneInfo tz = zone switch { "+05:30" => India, "-03:30" => Newfoundland, _ => TimeZoneInfo.Utc };
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions, new SolarEdgeServerOptions { UtcOffset = SolarEdgeServerOptions.OffsetOf(tz) });

        var send = Assert.Single(Feed(server, Message(0x0123, FunctionCode.CmdServerGetGmt), now, _random.Fill).OfType<SolarEdgeSend>());

        Assert.Equal(new SolarEdgeHeader(0x0123, SolarEdgeAddress.Server, CryptoVectors.Inverter, FunctionCode.RespServerGmt), HeaderOf(send.Bytes));
        byte[] payload = PayloadOf(send.Bytes);
        Assert.Equal(8, payload.Length);
        Assert.Equal((uint)now.ToUnixTimeSeconds(), BinaryPrimitives.ReadUInt32LittleEndian(payload));
        Assert.Equal(expectedOffset, BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4)));
    }

    [Fact]
    public void ServerTimePayload_SpecExample_WritesRealCaptureBytes()
    {
        var payload = new byte[8];
        ServerTimePayload.Write(payload, DateTimeOffset.FromUnixTimeSeconds(0x56360A18), TimeSpan.FromHours(-8));

        Assert.Equal("180a3656808fffff", Hex.Of(payload)); // spec §2.2
    }

    [Fact]
    public void Receive_TimeRequestInDaylightSavingZone_OffsetAtThatInstant()
    {
        // A +09:30 zone with one hour of daylight saving from October to April (southern hemisphere, like Adelaide).
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 10, 1, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0), 4, 1, DayOfWeek.Sunday));
        TimeZoneInfo zone = TimeZoneInfo.CreateCustomTimeZone("test/+09:30dst", new TimeSpan(9, 30, 0), "+09:30", "+09:30", "+10:30", [rule]);
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions, new SolarEdgeServerOptions { UtcOffset = SolarEdgeServerOptions.OffsetOf(zone) });

        int Offset(DateTimeOffset now) => BinaryPrimitives.ReadInt32LittleEndian(
            PayloadOf(Assert.Single(Feed(server, Message(7, FunctionCode.CmdServerGetGmt), now, _random.Fill).OfType<SolarEdgeSend>()).Bytes).AsSpan(4));

        Assert.Equal(37800, Offset(new DateTimeOffset(2024, 1, 15, 20, 0, 0, TimeSpan.Zero))); // summer: +10:30
        Assert.Equal(34200, Offset(new DateTimeOffset(2024, 7, 15, 20, 0, 0, TimeSpan.Zero))); // winter: +09:30
    }

    [Fact]
    public void Receive_TimeRequestClockNotSynchronised_NoReplyAndEvent()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions);

        var actions = Feed(server, Message(9, FunctionCode.CmdServerGetGmt), Noon, _random.Fill, synchronized: false);

        Assert.Empty(actions.OfType<SolarEdgeSend>());
        var refusal = Assert.Single(actions.OfType<SolarEdgeServerEvent>(), e => e.Kind == SolarEdgeServerEventKind.ClockNotSynchronised);
        Assert.Equal((ushort?)9, refusal.Sequence);
        Assert.Equal(1, server.Statistics.TimeRefusals);
    }

    [Fact]
    public void Receive_TimeRequestClockNotSynchronisedButNotRequired_Replies()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var server = new SolarEdgeServerSession(sessions, new SolarEdgeServerOptions { RequireSynchronizedClock = false });

        Assert.Single(Feed(server, Message(9, FunctionCode.CmdServerGetGmt), Noon, _random.Fill, synchronized: false).OfType<SolarEdgeSend>());
    }

    [Fact]
    public void Receive_SimulatorWithWrongClock_TimeReplyCorrectsItsTimestamps()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        var options = new SimulatedInverterOptions { InverterId = CryptoVectors.Inverter, Optimizers = 1, TimeRequestEveryPosts = 1, ClockError = TimeSpan.FromHours(1) };
        using var inverter = new SolarEdgeInverterSimulator(options, Noon);
        var server = new SolarEdgeServerSession(sessions, new SolarEdgeServerOptions { UtcOffset = SolarEdgeServerOptions.OffsetOf(India) });
        var link = new SolarEdgeServerLoopback(server, inverter, _random.Fill);

        link.Run(Noon, Noon.AddMinutes(5), TimeSpan.FromMinutes(5));

        Assert.Empty(inverter.Problems);
        Assert.Equal((Noon.AddMinutes(5), new TimeSpan(5, 30, 0)), inverter.LastServerTime);
        Assert.Equal(TimeSpan.Zero, inverter.ClockCorrection);
        Assert.Equal(Noon.AddHours(1), link.Journal[0].Readings[0].Timestamp); // made before the first answer arrived
        Assert.Equal(Noon.AddMinutes(5), link.Journal[1].Readings[0].Timestamp); // corrected
    }

    [Fact]
    public void Receive_EncryptedTimeRequest_AnsweredInsideWrapper()
    {
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var inverter = new SolarEdgeInverterSimulator(Encrypted(timeRequests: 1), Noon);
        var link = new SolarEdgeServerLoopback(new SolarEdgeServerSession(sessions), inverter, _random.Fill);

        link.Step(Noon); // key exchange
        link.Step(Noon.AddSeconds(1)); // wrapped 0x0501 and first post

        Assert.True(inverter.SessionAcknowledged);
        Assert.Empty(inverter.Problems);
        Assert.Equal(1, inverter.TimeRequestsAnswered);
        Assert.Equal(1, link.Server.Statistics.TimeReplies);
        Assert.All(link.Sent, m => Assert.Equal(FunctionCode.EncryptedWrapper, HeaderOf(m).Function));
    }
}
