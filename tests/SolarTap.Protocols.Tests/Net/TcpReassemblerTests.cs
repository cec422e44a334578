using System.Text;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Net;

public class TcpReassemblerTests
{
    private const long Second = 1_000_000_000;
    private static readonly TcpFlowKey Flow = new(InetAddress.Parse("192.0.2.10"), 3051, InetAddress.Parse("198.51.100.20"), 22222);
    private static readonly TcpFlowKey Other = new(InetAddress.Parse("192.0.2.11"), 4000, InetAddress.Parse("198.51.100.20"), 22222);

    private readonly RecordingConsumer _consumer = new();

    [Fact]
    public void Process_InOrderSegments_AreDeliveredImmediately()
    {
        TcpReassembler reassembler = New();

        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1001, "abc");
        Assert.Equal(["data 3"], _consumer.Events);
        Send(reassembler, 1004, "de");

        Assert.Equal("abcde", Text(Flow));
    }

    [Fact]
    public void Process_OutOfOrderSegment_IsHeldUntilTheHoleCloses()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);

        Send(reassembler, 1004, "def");
        Assert.Empty(_consumer.Events);
        Send(reassembler, 1001, "abc");

        Assert.Equal(["data 3", "data 3"], _consumer.Events);
        Assert.Equal("abcdef", Text(Flow));
        Assert.Equal(1, reassembler.Statistics.OutOfOrderSegments);
    }

    [Fact]
    public void Process_ExactRetransmission_IsDropped()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1001, "abc");
        Send(reassembler, 1001, "abc");
        Send(reassembler, 1004, "d");

        Assert.Equal("abcd", Text(Flow));
        Assert.Equal(3, reassembler.Statistics.DuplicateBytes);
    }

    [Fact]
    public void Process_PartialRetransmissionOverlappingNewData_DeliversOnlyTheNewTail()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1001, "abcdef");
        Send(reassembler, 1004, "defGHI");

        Assert.Equal("abcdefGHI", Text(Flow));
        Assert.Equal(3, reassembler.Statistics.DuplicateBytes);
    }

    [Fact]
    public void Process_OverlappingBufferedSegments_KeepTheFirstCopyOfEachByte()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1011, "klmno");         // 1011..1016
        Send(reassembler, 1006, "fghijKLM");      // 1006..1014 overlaps the front of the buffered piece
        Send(reassembler, 1009, "ijklmnopq");     // 1009..1018 overlaps both, adds "pq"
        Send(reassembler, 1001, "abcdefg");       // fills the hole

        Assert.Equal("abcdefghijklmnopq", Text(Flow));
        Assert.Empty(_consumer.Gaps);
    }

    [Fact]
    public void Process_SegmentStartingBeforeTheIsn_IsTrimmedToTheStream()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 995, "xxxxxxabc"); // 995..1004: only 1001.. belongs to the stream

        Assert.Equal("abc", Text(Flow));
    }

    [Fact]
    public void Process_OldRetransmissionAfterProgress_NeverMovesTheStreamBackwards()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1001, "abcdefghij");
        Send(reassembler, 1001, "abc");      // se-logger bug (spec §5.4 rule 4): must not reset next to 1004
        Send(reassembler, 1011, "k");

        Assert.Equal("abcdefghijk", Text(Flow));
    }

    [Fact]
    public void Process_SequenceNumbersWrappingPast2To32_ReassembleInOrder()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 0xFFFF_FFF8, "", TcpControlBits.Syn);   // data starts at 0xfffffff9
        Send(reassembler, 0x0000_0002, "jklm");                    // after the wrap, early
        Send(reassembler, 0xFFFF_FFF9, "abcdefg");                 // up to 0xffffffff
        Send(reassembler, 0x0000_0000, "hi");                      // 0, 1

        Assert.Equal("abcdefghijklm", Text(Flow));
        Assert.Empty(_consumer.Gaps);
    }

    [Fact]
    public void Process_FlowWithoutSyn_StartsAtItsFirstSegment()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 5000, "mid");
        Send(reassembler, 4990, "earlier"); // before the start: not part of what we can rebuild
        Send(reassembler, 5003, "dle");

        Assert.Equal("middle", Text(Flow));
    }

    [Fact]
    public void AdvanceTime_HoleOlderThanTheGapTimeout_IsSkippedAndReported()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1001, "abc", time: 0);
        Send(reassembler, 1010, "xyz", time: 1 * Second);   // hole of 6 bytes (1004..1009)

        reassembler.AdvanceTime(60 * Second);
        Assert.Empty(_consumer.Gaps);                       // 59 s after the data behind the hole
        reassembler.AdvanceTime(61 * Second);

        Assert.Equal(["data 3", "gap 6", "data 3"], _consumer.Events);
        Assert.Equal((Flow, 6L), Assert.Single(_consumer.Gaps));
        Send(reassembler, 1004, "DEFGHI", time: 62 * Second); // too late: must not appear
        Send(reassembler, 1013, "!", time: 62 * Second);
        Assert.Equal("abcxyz!", Text(Flow));
    }

    [Fact]
    public void Process_ConfiguredGapTimeout_IsHonouredByOtherFlowsTraffic()
    {
        TcpReassembler reassembler = New(new TcpReassemblyOptions { GapTimeout = TimeSpan.FromSeconds(5) });
        Send(reassembler, 1000, "", TcpControlBits.Syn, time: 0);
        Send(reassembler, 1005, "efg", time: 0);
        Send(reassembler, 7, "other", time: 6 * Second, flow: Other);

        Assert.Equal((Flow, 4L), Assert.Single(_consumer.Gaps));
        Assert.Equal("efg", Text(Flow));
    }

    [Fact]
    public void Complete_BufferedDataAfterAHole_IsFlushedWithTheHoleReported()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1001, "ab");
        Send(reassembler, 1005, "ef");
        Send(reassembler, 1010, "jk");

        reassembler.Complete();

        Assert.Equal(["data 2", "gap 2", "data 2", "gap 3", "data 2", "closed EndOfCapture"], _consumer.Events);
        Assert.Equal(0, reassembler.OpenFlows);
    }

    [Fact]
    public void Process_Rst_FlushesAndClosesTheFlowAndIgnoresLaterSegments()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1001, "ab");
        Send(reassembler, 1005, "ef");
        Send(reassembler, 1007, "", TcpControlBits.Rst | TcpControlBits.Ack);
        Send(reassembler, 1003, "cd");

        Assert.Equal(["data 2", "gap 2", "data 2", "closed Reset"], _consumer.Events);
        Assert.Equal(1, reassembler.Statistics.IgnoredSegments);
    }

    [Fact]
    public void Process_FinBeforeMissingData_ClosesOnlyWhenTheStreamReachesIt()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1004, "def", TcpControlBits.Fin | TcpControlBits.Ack);
        Assert.Empty(_consumer.Closed);
        Send(reassembler, 1001, "abc");
        Send(reassembler, 1007, "late");        // beyond the FIN
        Send(reassembler, 1001, "abc");         // retransmission after close

        Assert.Equal(["data 3", "data 3", "closed Fin"], _consumer.Events);
        Assert.Equal(0, reassembler.OpenFlows);
    }

    [Fact]
    public void Process_FinAfterAHoleThatNeverFills_ReportsTheHoleThenCloses()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn, time: 0);
        Send(reassembler, 1001, "ab", time: 0);
        Send(reassembler, 1010, "", TcpControlBits.Fin, time: 0);

        reassembler.AdvanceTime(61 * Second);

        Assert.Equal(["data 2", "gap 7", "closed Fin"], _consumer.Events);
    }

    [Fact]
    public void Process_NewSynOnAClosedFlow_StartsANewStream()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1001, "one", TcpControlBits.Fin);
        Send(reassembler, 1000, "", TcpControlBits.Syn);    // retransmitted old SYN: ignored
        Send(reassembler, 9000, "", TcpControlBits.Syn);    // new connection, same ports
        Send(reassembler, 9001, "two");

        Assert.Equal("onetwo", Text(Flow));
        Assert.Equal(["data 3", "closed Fin", "data 3"], _consumer.Events);
    }

    [Fact]
    public void Process_BufferLimitReached_SkipsTheOldestHole()
    {
        TcpReassembler reassembler = New(new TcpReassemblyOptions { MaxBufferedBytesPerFlow = 8 });
        Send(reassembler, 1000, "", TcpControlBits.Syn);
        Send(reassembler, 1003, "cdef");  // hole 1001..1002
        Send(reassembler, 1009, "ijkl");  // hole 1007..1008; 8 bytes buffered
        Send(reassembler, 1014, "n");     // 9 > 8: skip the first hole

        Assert.Equal(["gap 2", "data 4"], _consumer.Events);
        Send(reassembler, 1007, "gh");
        Assert.Equal("cdefghijkl", Text(Flow));
    }

    [Fact]
    public void AdvanceTime_FlowIdleForAnHour_IsClosed()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1000, "", TcpControlBits.Syn, time: 0);
        Send(reassembler, 1001, "a", time: 0);

        reassembler.AdvanceTime(3599 * Second);
        Assert.Empty(_consumer.Closed);
        reassembler.AdvanceTime(3601 * Second);

        Assert.Equal((Flow, TcpCloseReason.Idle), Assert.Single(_consumer.Closed));
    }

    [Fact]
    public void Process_MoreFlowsThanTheLimit_EvictsTheLeastRecentlySeen()
    {
        TcpReassembler reassembler = New(new TcpReassemblyOptions { MaxFlows = 1 });
        Send(reassembler, 1, "a", time: 0);
        Send(reassembler, 1, "b", time: 1, flow: Other);

        Assert.Equal((Flow, TcpCloseReason.Evicted), Assert.Single(_consumer.Closed));
        Assert.Equal("b", Text(Other));
    }

    [Fact]
    public void Process_TimeGoingBackwards_DoesNotMoveTheClockBack()
    {
        TcpReassembler reassembler = New();
        Send(reassembler, 1, "a", time: 10 * Second);
        Send(reassembler, 2, "b", time: 5 * Second);

        Assert.Equal(10 * Second, reassembler.NowNanoseconds);
        Assert.Equal("ab", Text(Flow));
    }

    private TcpReassembler New(TcpReassemblyOptions? options = null) => new(_consumer, options);

    private string Text(TcpFlowKey flow) => Encoding.ASCII.GetString(_consumer.Stream(flow));

    internal static void Send(
        TcpReassembler reassembler, uint sequence, string payload, TcpControlBits flags = TcpControlBits.Ack, long time = 0, TcpFlowKey? flow = null)
    {
        TcpFlowKey key = flow ?? Flow;
        var packet = new TcpPacket
        {
            Source = key.Source,
            SourcePort = key.SourcePort,
            Destination = key.Destination,
            DestinationPort = key.DestinationPort,
            SequenceNumber = sequence,
            Flags = flags,
            PayloadLength = payload.Length,
        };
        reassembler.Process(packet, Encoding.ASCII.GetBytes(payload), time);
    }
}
