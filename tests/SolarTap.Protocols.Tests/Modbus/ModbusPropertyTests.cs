using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Protocols.Tests.Modbus;

public class ModbusPropertyTests
{
    private static readonly byte[][] Seeds =
    [
        ModbusRtuFramerTests.Frame(1, "03 06 02 2B 00 00 00 64"),
        ModbusRtuFramerTests.Frame(1, "83 02"),
        ModbusRtuFramerTests.Frame(0x11, "10 0001 0002 04 000A 0102"),
        ModbusRtuFramerTests.Frame(1, "06 0001 0003"),
        Hex.Bytes("0102 0000 0006 01 03 9C40 0002"),
        Hex.Bytes("0001 0000 0007 01 03 04 5375 6e53 0001 0000 0003 01 83 02"),
    ];

    [Fact]
    public void Decoders_RandomBytes_NeverThrowNorOverConsume() =>
        Properties.ForAllBytes(0x40D8_0001, Survives, tests: 1000);

    [Fact]
    public void Decoders_MutatedFrames_NeverThrowNorOverConsume() =>
        Properties.ForAllMutations(0x40D8_0002, Seeds, Survives, tests: 2000);

    [Fact]
    public void RequestRoundTrip_GeneratedRequests_ParseBackOverRtuAndTcp()
    {
        Gen<ModbusRequest> requests =
            from kind in Gen.Choose(0, 3)
            from address in Gen.Choose(0, 0xFFFF - 125)
            from count in Gen.Choose(1, 123)
            from seed in Gen.Choose(0, int.MaxValue)
            select Build(kind, (ushort)address, count, seed);
        Prop.ForAll(requests.ToArbitrary(), RoundTrips).Check(Properties.Pinned(0x40D8_0003, tests: 500));
    }

    [Fact]
    public void ResponseRoundTrip_GeneratedRegisters_ParseBackThroughRtuFramer()
    {
        Gen<ushort[]> registers = Gen.Choose(1, 125).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(v => (ushort)v), n));
        Prop.ForAll(registers.ToArbitrary(), values =>
        {
            var request = ModbusRequest.ReadInput(100, values.Length);
            var pdu = new byte[ModbusWire.MaxPduSize];
            int n = ModbusPdu.WriteReadResponse(ModbusFunction.ReadInputRegisters, values, pdu);
            var adu = new byte[ModbusWire.MaxRtuAduSize];
            int length = ModbusRtu.WriteFrame(7, pdu.AsSpan(0, n), adu);
            var framer = new ModbusRtuFramer(ModbusRtuRole.Responses, TimeSpan.FromMilliseconds(2));
            Assert.Equal(ModbusRtuStatus.Frame, framer.Push(adu.AsSpan(0, length), TimeSpan.MaxValue, out _));
            var back = new ushort[values.Length];
            Assert.Equal(ModbusPduStatus.Ok, ModbusPdu.TryParseResponse(request, framer.Pdu, back, out _));
            return back.AsSpan().SequenceEqual(values);
        }).Check(Properties.Pinned(0x40D8_0004, tests: 300));
    }

    internal static bool Survives(byte[] input)
    {
        foreach (ModbusRtuRole role in new[] { ModbusRtuRole.Responses, ModbusRtuRole.Requests })
        {
            var framer = new ModbusRtuFramer(role, TimeSpan.FromMilliseconds(2));
            ReadOnlySpan<byte> rest = input;
            int rounds = 0;
            while (!rest.IsEmpty)
            {
                ModbusRtuStatus status = framer.Push(rest, rounds++ == 0 ? TimeSpan.MaxValue : TimeSpan.Zero, out int consumed);
                Assert.InRange(consumed, 1, rest.Length);
                if (status == ModbusRtuStatus.Frame)
                {
                    Assert.True(framer.Pdu.Length <= ModbusWire.MaxPduSize);
                    ModbusPdu.TryParseRequest(framer.Pdu, out _, out _);
                    ModbusPdu.TryParseResponse(ModbusRequest.ReadHolding(0, 125), framer.Pdu, new ushort[125], out _);
                }

                rest = rest[consumed..];
            }

            framer.Silence(TimeSpan.MaxValue);
        }

        var buffer = new ReadOnlySequence<byte>(input);
        while (ModbusTcpFramer.TryReadFrame(ref buffer, out ModbusTcpFrame frame) == OperationStatus.Done)
        {
            Assert.InRange(frame.Pdu.Length, 1, ModbusWire.MaxPduSize);
        }

        Assert.InRange(buffer.Length, 0, input.Length);
        ModbusPdu.TryParseRequest(input, out _, out _);
        foreach (ModbusRequest request in new[] { ModbusRequest.ReadHolding(40000, 2), ModbusRequest.WriteSingle(1, 2), ModbusRequest.WriteMultiple(1, new ushort[] { 1, 2 }) })
        {
            ModbusPdu.TryParseResponse(request, input, new ushort[2], out _);
        }

        return true;
    }

    private static ModbusRequest Build(int kind, ushort address, int count, int seed)
    {
        var values = new ushort[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (ushort)((seed * 31) + (i * 7919));
        }

        return kind switch
        {
            0 => ModbusRequest.ReadHolding(address, Math.Min(count, 125)),
            1 => ModbusRequest.ReadInput(address, Math.Min(count, 125)),
            2 => ModbusRequest.WriteSingle(address, values[0]),
            _ => ModbusRequest.WriteMultiple(address, values),
        };
    }

    private static bool RoundTrips(ModbusRequest request)
    {
        var adu = new byte[ModbusWire.MaxTcpAduSize];
        int length = ModbusRtu.WriteRequest(9, request, adu);
        var framer = new ModbusRtuFramer(ModbusRtuRole.Requests, TimeSpan.FromMilliseconds(2));
        Assert.Equal(ModbusRtuStatus.Frame, framer.Push(adu.AsSpan(0, length), TimeSpan.MaxValue, out int consumed));
        Assert.Equal(length, consumed);
        Assert.Equal(ModbusPduStatus.Ok, ModbusPdu.TryParseRequest(framer.Pdu, out ModbusRequest back, out _));
        Same(request, back);

        length = ModbusTcp.WriteRequest(0xBEEF, 9, request, adu);
        var buffer = new ReadOnlySequence<byte>(adu, 0, length);
        Assert.Equal(OperationStatus.Done, ModbusTcpFramer.TryReadFrame(ref buffer, out ModbusTcpFrame frame));
        Assert.Equal(0xBEEF, frame.Header.TransactionId);
        Assert.Equal(ModbusPduStatus.Ok, ModbusPdu.TryParseRequest(frame.Pdu.ToArray(), out back, out _));
        Same(request, back);
        return true;
    }

    private static void Same(ModbusRequest expected, ModbusRequest actual)
    {
        Assert.Equal(expected.Function, actual.Function);
        Assert.Equal(expected.Address, actual.Address);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray());
    }
}
