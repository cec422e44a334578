using System.Buffers;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Protocols.Tests.Modbus;

public class ModbusClientEngineTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Next_TcpFirstRequest_ConnectsThenSendsMbapFrame()
    {
        var engine = new ModbusClientEngine(new ModbusClientOptions());
        long ticket = engine.Enqueue(1, ModbusRequest.ReadHolding(40000, 2));

        Assert.Equal(ModbusClientActionKind.Connect, engine.Next(TimeSpan.Zero).Kind);
        Assert.Equal(ModbusClientActionKind.Wait, engine.Next(TimeSpan.Zero).Kind);
        engine.OnConnected(TimeSpan.Zero);
        ModbusClientAction send = engine.Next(TimeSpan.Zero);

        Assert.Equal(ModbusClientActionKind.Send, send.Kind);
        Assert.Equal("0001 0000 0006 01 03 9c40 0002".Replace(" ", "", StringComparison.Ordinal), Hex.Of(send.Frame.Span));
        Assert.Equal(TimeSpan.FromSeconds(2), engine.Next(TimeSpan.Zero).WakeAt);

        Assert.Equal(ModbusPduStatus.Ok, engine.OnTcpFrame(Second, Tcp("0001 0000 0007 01 03 04 5375 6e53")));
        Assert.True(engine.TryTakeCompletion(out ModbusCompletion? done));
        Assert.Equal(ticket, done.Ticket);
        Assert.Equal(ModbusOutcome.Ok, done.Outcome);
        Assert.Equal(new ushort[] { 0x5375, 0x6E53 }, done.Registers);
    }

    [Fact]
    public void Next_TwoRequests_OnlyOneOutstanding()
    {
        ModbusClientEngine engine = Connected();
        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1));
        engine.Enqueue(2, ModbusRequest.ReadHolding(0, 1));

        Assert.Equal(ModbusClientActionKind.Send, engine.Next(TimeSpan.Zero).Kind);
        Assert.Equal(ModbusClientActionKind.Wait, engine.Next(TimeSpan.Zero).Kind);
        Assert.Equal(2, engine.Pending);
        engine.OnTcpFrame(TimeSpan.Zero, Tcp("0001 0000 0005 01 03 02 0007"));
        ModbusClientAction second = engine.Next(TimeSpan.Zero);
        Assert.Equal(ModbusClientActionKind.Send, second.Kind);
        Assert.Equal("0002", Hex.Of(second.Frame.Span[..2]));
        Assert.Equal(2, second.Frame.Span[6]); // unit 2
    }

    [Fact]
    public void OnTcpFrame_WrongTransactionOrUnit_IgnoredAsStale()
    {
        ModbusClientEngine engine = Connected();
        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1));
        engine.Next(TimeSpan.Zero);

        Assert.Equal(ModbusPduStatus.Mismatch, engine.OnTcpFrame(TimeSpan.Zero, Tcp("0009 0000 0005 01 03 02 0007")));
        Assert.Equal(ModbusPduStatus.Mismatch, engine.OnTcpFrame(TimeSpan.Zero, Tcp("0001 0000 0005 02 03 02 0007")));
        Assert.False(engine.TryTakeCompletion(out _));
        Assert.Equal(2, engine.Statistics.Unmatched);
    }

    [Fact]
    public void Next_Timeout_RetriesWithNewTransactionIdThenGivesUp()
    {
        ModbusClientEngine engine = Connected(new ModbusClientOptions { MaxAttempts = 2, TimeoutsBeforeReconnect = 5 });
        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1));
        Assert.Equal("0001", Hex.Of(engine.Next(TimeSpan.Zero).Frame.Span[..2]));

        ModbusClientAction retry = engine.Next(TimeSpan.FromSeconds(2));
        Assert.Equal(ModbusClientActionKind.Send, retry.Kind);
        Assert.Equal("0002", Hex.Of(retry.Frame.Span[..2]));
        // A late answer to the first attempt no longer counts.
        Assert.Equal(ModbusPduStatus.Mismatch, engine.OnTcpFrame(TimeSpan.FromSeconds(3), Tcp("0001 0000 0005 01 03 02 0007")));

        Assert.Equal(ModbusClientActionKind.Wait, engine.Next(TimeSpan.FromSeconds(4)).Kind);
        Assert.True(engine.TryTakeCompletion(out ModbusCompletion? done));
        Assert.Equal(ModbusOutcome.Timeout, done.Outcome);
        Assert.Equal(2, done.Attempts);
    }

    [Fact]
    public void Next_RepeatedTimeoutsOnTcp_DisconnectsAndReconnectsAfterDelay()
    {
        ModbusClientEngine engine = Connected(new ModbusClientOptions { MaxAttempts = 5, TimeoutsBeforeReconnect = 2 });
        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1));
        engine.Next(TimeSpan.Zero);
        Assert.Equal(ModbusClientActionKind.Send, engine.Next(TimeSpan.FromSeconds(2)).Kind);

        Assert.Equal(ModbusClientActionKind.Disconnect, engine.Next(TimeSpan.FromSeconds(4)).Kind);
        Assert.False(engine.IsConnected);
        Assert.Equal(TimeSpan.FromSeconds(5), engine.Next(TimeSpan.FromSeconds(4)).WakeAt);
        Assert.Equal(ModbusClientActionKind.Connect, engine.Next(TimeSpan.FromSeconds(5)).Kind);
    }

    [Fact]
    public void OnConnectFailed_BacksOffExponentiallyWithJitterAndFailsQueue()
    {
        var engine = new ModbusClientEngine(new ModbusClientOptions { ReconnectDelay = Second, MaxReconnectDelay = TimeSpan.FromSeconds(5), JitterFraction = 0.5 });
        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1));
        engine.Next(TimeSpan.Zero);
        engine.OnConnectFailed(TimeSpan.Zero, jitter: 0);
        Assert.True(engine.TryTakeCompletion(out ModbusCompletion? failed));
        Assert.Equal(ModbusOutcome.NotConnected, failed.Outcome);

        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1));
        Assert.Equal(Second, engine.Next(TimeSpan.Zero).WakeAt);
        engine.Next(Second);
        engine.OnConnectFailed(Second, jitter: 0.5); // second failure: 2 s minus a quarter of it
        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1));
        Assert.Equal(TimeSpan.FromSeconds(2.5), engine.Next(Second).WakeAt);

        var options = new ModbusClientOptions { ReconnectDelay = Second, MaxReconnectDelay = TimeSpan.FromSeconds(5), JitterFraction = 0.5 };
        Assert.Equal(TimeSpan.FromSeconds(4), options.Backoff(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(5), options.Backoff(10, 0));
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Backoff(10, 1));
        Assert.Equal(TimeSpan.FromSeconds(5), options.Backoff(int.MaxValue, double.NaN));
    }

    [Fact]
    public void OnConnectionLost_OutstandingRequest_ResentAfterReconnect()
    {
        ModbusClientEngine engine = Connected();
        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1));
        engine.Next(TimeSpan.Zero);

        engine.OnConnectionLost(TimeSpan.Zero, 0);

        Assert.Equal(1, engine.Pending);
        Assert.Equal(ModbusClientActionKind.Connect, engine.Next(Second).Kind);
        engine.OnConnected(Second);
        Assert.Equal(ModbusClientActionKind.Send, engine.Next(Second).Kind);
    }

    [Fact]
    public void OnTcpFrame_ExceptionResponse_CompletesWithCode()
    {
        ModbusClientEngine engine = Connected();
        engine.Enqueue(1, ModbusRequest.ReadHolding(40000, 2));
        engine.Next(TimeSpan.Zero);

        Assert.Equal(ModbusPduStatus.Exception, engine.OnTcpFrame(TimeSpan.Zero, Tcp("0001 0000 0003 01 83 02")));

        Assert.True(engine.TryTakeCompletion(out ModbusCompletion? done));
        Assert.Equal(ModbusOutcome.Exception, done.Outcome);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, done.Exception);
    }

    [Fact]
    public void OnTcpFrame_MalformedAnswer_RetriedThenBadResponse()
    {
        ModbusClientEngine engine = Connected(new ModbusClientOptions { MaxAttempts = 2 });
        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 2));
        engine.Next(TimeSpan.Zero);
        Assert.Equal(ModbusPduStatus.Mismatch, engine.OnTcpFrame(TimeSpan.Zero, Tcp("0001 0000 0005 01 03 02 0007")));
        engine.Next(TimeSpan.Zero);
        engine.OnTcpFrame(TimeSpan.Zero, Tcp("0002 0000 0005 01 03 02 0007"));

        Assert.True(engine.TryTakeCompletion(out ModbusCompletion? done));
        Assert.Equal(ModbusOutcome.BadResponse, done.Outcome);
    }

    [Fact]
    public void Rtu_RequestResponse_KeepsInterFrameSilence()
    {
        TimeSpan t35 = ModbusRtuTiming.SilentInterval(9600);
        var engine = new ModbusClientEngine(new ModbusClientOptions { Transport = ModbusTransport.Rtu, InterFrameDelay = t35 });
        engine.Enqueue(1, ModbusRequest.ReadHolding(0, 10));
        engine.Enqueue(2, ModbusRequest.ReadHolding(0, 1));

        ModbusClientAction send = engine.Next(TimeSpan.Zero);
        Assert.Equal("01030000000ac5cd", Hex.Of(send.Frame.Span));
        Assert.Equal(ModbusPduStatus.Mismatch, engine.OnRtuFrame(TimeSpan.Zero, 2, Hex.Bytes("03 02 0001")));
        var registers = new ushort[10];
        byte[] pdu = new byte[22];
        ModbusPdu.WriteReadResponse(ModbusFunction.ReadHoldingRegisters, registers, pdu);
        Assert.Equal(ModbusPduStatus.Ok, engine.OnRtuFrame(Second, 1, pdu));

        Assert.Equal(Second + t35, engine.Next(Second).WakeAt);
        Assert.Equal(ModbusClientActionKind.Send, engine.Next(Second + t35).Kind);
    }

    [Fact]
    public void Rtu_Broadcast_CompletesWithoutWaiting()
    {
        var engine = new ModbusClientEngine(new ModbusClientOptions { Transport = ModbusTransport.Rtu });
        engine.Enqueue(ModbusRtu.BroadcastAddress, ModbusRequest.WriteSingle(1, 2));

        Assert.Equal(ModbusClientActionKind.Send, engine.Next(TimeSpan.Zero).Kind);

        Assert.True(engine.TryTakeCompletion(out ModbusCompletion? done));
        Assert.Equal(ModbusOutcome.Ok, done.Outcome);
        Assert.Equal(0, engine.Pending);
    }

    [Fact]
    public void Enqueue_FullQueue_Refused()
    {
        var engine = new ModbusClientEngine(new ModbusClientOptions { MaxQueueLength = 1 });

        Assert.Equal(1, engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1)));
        Assert.Equal(-1, engine.Enqueue(1, ModbusRequest.ReadHolding(0, 1)));
        Assert.Throws<ArgumentException>(() => engine.Enqueue(1, default));
    }

    private static ModbusClientEngine Connected(ModbusClientOptions? options = null)
    {
        var engine = new ModbusClientEngine(options ?? new ModbusClientOptions());
        engine.OnConnected(TimeSpan.Zero);
        return engine;
    }

    private static ModbusTcpFrame Tcp(string hex)
    {
        var buffer = new ReadOnlySequence<byte>(Hex.Bytes(hex));
        Assert.Equal(OperationStatus.Done, ModbusTcpFramer.TryReadFrame(ref buffer, out ModbusTcpFrame frame));
        return frame;
    }
}
