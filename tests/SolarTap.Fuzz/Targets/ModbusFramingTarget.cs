using System.Buffers;
using SolarTap.Protocols.Modbus;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// The Modbus RTU framer (both roles, input cut in three chunks with gaps taken from the input), the TCP framer over
/// a split sequence, and the PDU parsers on every frame found; the client engine must reject or accept every TCP
/// frame without throwing.
/// </summary>
internal sealed class ModbusFramingTarget : IFuzzTarget
{
    private static readonly TimeSpan T35 = ModbusRtuTiming.SilentInterval(9600);
    private readonly ushort[] _registers = new ushort[ModbusWire.MaxReadRegisters];

    public string Name => "modbus-framing";

    public IEnumerable<byte[]> Seeds()
    {
        yield return Rtu(Hex.Bytes("01 03 06 02 2B 00 00 00 64"));
        yield return Rtu(Hex.Bytes("01 83 02"));
        yield return Rtu(Hex.Bytes("11 10 0001 0002 04 000A 0102"));
        yield return Rtu(Hex.Bytes("11 03 006B 0003"));
        yield return Hex.Bytes("0001 0000 0007 01 03 04 5375 6e53 0002 0000 0003 01 83 02");
        yield return Hex.Bytes("0102 0000 0006 01 03 9C40 0002 0103 0000 0006 01 06 0001 0003");
    }

    public void Run(byte[] input)
    {
        foreach (ModbusRtuRole role in (ReadOnlySpan<ModbusRtuRole>)[ModbusRtuRole.Responses, ModbusRtuRole.Requests])
        {
            var framer = new ModbusRtuFramer(role, T35);
            int third = input.Length / 3;
            int[] cuts = [0, third, 2 * third, input.Length];
            for (int c = 0; c < 3; c++)
            {
                ReadOnlySpan<byte> chunk = input.AsSpan(cuts[c], cuts[c + 1] - cuts[c]);
                TimeSpan gap = chunk.IsEmpty || (chunk[0] & 1) == 0 ? TimeSpan.Zero : T35;
                while (!chunk.IsEmpty)
                {
                    ModbusRtuStatus status = framer.Push(chunk, gap, out int consumed);
                    if (consumed < 1 || consumed > chunk.Length)
                    {
                        throw new InvalidOperationException($"RTU framer consumed {consumed} of {chunk.Length}.");
                    }

                    if (status == ModbusRtuStatus.Frame)
                    {
                        ReadOnlySpan<byte> pdu = framer.Pdu;
                        if (pdu.IsEmpty || pdu.Length > ModbusWire.MaxPduSize)
                        {
                            throw new InvalidOperationException("RTU frame with an impossible PDU length.");
                        }

                        ModbusPdu.TryParseRequest(pdu, out _, out _);
                        ModbusPdu.TryParseResponse(ModbusRequest.ReadHolding(0, 125), pdu, _registers, out _);
                    }

                    chunk = chunk[consumed..];
                    gap = TimeSpan.Zero;
                }
            }

            framer.Silence(T35);
        }

        var engine = new ModbusClientEngine(new ModbusClientOptions());
        engine.OnConnected(TimeSpan.Zero);
        engine.Enqueue(1, ModbusRequest.ReadHolding(40000, 2));
        engine.Next(TimeSpan.Zero);
        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 2);
        while (ModbusTcpFramer.TryReadFrame(ref buffer, out ModbusTcpFrame frame) == OperationStatus.Done)
        {
            if (frame.Pdu.Length is < 1 or > ModbusWire.MaxPduSize)
            {
                throw new InvalidOperationException("TCP frame with an impossible PDU length.");
            }

            engine.OnTcpFrame(TimeSpan.Zero, frame);
            ModbusPdu.TryParseRequest(frame.Pdu.ToArray(), out _, out _);
        }
    }

    private static byte[] Rtu(byte[] addressAndPdu)
    {
        var frame = new byte[addressAndPdu.Length + 2];
        ModbusRtu.WriteFrame(addressAndPdu[0], addressAndPdu.AsSpan(1), frame);
        return frame;
    }
}
