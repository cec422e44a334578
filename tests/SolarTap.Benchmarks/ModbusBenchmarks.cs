using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Benchmarks;

/// <summary>
/// Modbus RTU throughput: CRC-16/MODBUS over a large buffer, and writing then framing full-size read responses
/// (125 registers, 255-byte frames) as an RS485 poller would.
/// </summary>
[MemoryDiagnoser]
public class ModbusBenchmarks
{
    private readonly ModbusRtuFramer _framer = new(ModbusRtuRole.Responses, ModbusRtuTiming.SilentInterval(9600));
    private readonly ushort[] _registers = new ushort[ModbusWire.MaxReadRegisters];
    private byte[] _data = [];
    private byte[] _frames = [];

    /// <summary>Frames in the stream; throughput = frames × 255 bytes / mean time.</summary>
    [Params(4096)]
    public int Frames { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _data = new byte[1 << 20];
        random.NextBytes(_data);
        var pdu = new byte[ModbusWire.MaxPduSize];
        var frame = new byte[ModbusWire.MaxRtuAduSize];
        var stream = new List<byte>(Frames * 255);
        for (int i = 0; i < Frames; i++)
        {
            for (int r = 0; r < _registers.Length; r++)
            {
                _registers[r] = (ushort)random.Next();
            }

            int n = ModbusPdu.WriteReadResponse(ModbusFunction.ReadHoldingRegisters, _registers, pdu);
            stream.AddRange(frame.AsSpan(0, ModbusRtu.WriteFrame(1, pdu.AsSpan(0, n), frame)).ToArray());
        }

        _frames = [.. stream];
    }

    [Benchmark]
    public ushort CrcOneMiB() => ModbusCrc.Compute(_data);

    [Benchmark]
    public int FrameAndParseResponses()
    {
        var request = ModbusRequest.ReadHolding(40000, ModbusWire.MaxReadRegisters);
        ReadOnlySpan<byte> rest = _frames;
        int frames = 0;
        _framer.Reset();
        while (!rest.IsEmpty)
        {
            if (_framer.Push(rest, TimeSpan.Zero, out int consumed) == ModbusRtuStatus.Frame
                && ModbusPdu.TryParseResponse(request, _framer.Pdu, _registers, out _) == ModbusPduStatus.Ok)
            {
                frames++;
            }

            rest = rest[consumed..];
        }

        return frames;
    }
}
