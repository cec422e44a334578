using SolarTap.Devices.Serial;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Testing.Modbus;

/// <summary>
/// Modbus RTU servers on one serial line for tests (Modbus over Serial Line v1.02 §2.5.1): a background thread reads
/// requests from the port with the Protocols framer, answers every unit the <see cref="ModbusRegisterServer"/> has
/// (other addresses stay silent, as on a bus) and can be told to be silent or to corrupt its answers.
/// </summary>
public sealed class ModbusRtuSlave : IDisposable
{
    private readonly ISerialPort _port;
    private readonly ModbusRtuFramer _framer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    /// <summary>Starts answering on <paramref name="port"/> from <paramref name="registers"/>.</summary>
    public ModbusRtuSlave(ISerialPort port, ModbusRegisterServer registers)
    {
        ArgumentNullException.ThrowIfNull(port);
        _port = port;
        Registers = registers;
        _framer = new ModbusRtuFramer(ModbusRtuRole.Requests, ModbusRtuTiming.SilentInterval(port.Settings.BaudRate));
        _thread = new Thread(Run) { IsBackground = true, Name = "modbus-rtu-slave" };
        _thread.Start();
    }

    /// <summary>The register tables served.</summary>
    public ModbusRegisterServer Registers { get; }

    /// <summary>The next this many requests get no answer (as if the slave missed them).</summary>
    public int SilentRequests { get; set; }

    /// <summary>The next this many answers get one byte flipped before the CRC, so the CRC fails.</summary>
    public int CorruptAnswers { get; set; }

    /// <summary>Bytes of noise written before each answer (a different device's stray traffic); null for none.</summary>
    public byte[]? NoiseBeforeAnswer { get; set; }

    /// <summary>Requests framed with a good CRC.</summary>
    public int Requests { get; private set; }

    /// <summary>Stops the thread.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }

    private void Run()
    {
        var buffer = new byte[ModbusWire.MaxRtuAduSize];
        var pdu = new byte[ModbusWire.MaxPduSize];
        var frame = new byte[ModbusWire.MaxRtuAduSize];
        while (!_stop.IsCancellationRequested)
        {
            int count = _port.Read(buffer, TimeSpan.FromMilliseconds(20));
            if (count == 0)
            {
                _framer.Silence(TimeSpan.MaxValue);
                continue;
            }

            int offset = 0;
            while (offset < count)
            {
                // A read may return part of a frame; only a read that timed out (Silence below) ends one.
                ModbusRtuStatus status = _framer.Push(buffer.AsSpan(offset, count - offset), TimeSpan.Zero, out int consumed);
                offset += Math.Max(consumed, 1);
                if (status != ModbusRtuStatus.Frame)
                {
                    continue;
                }

                Requests++;
                byte unit = _framer.Unit;
                int length = Registers.Respond(unit, _framer.Pdu, pdu);
                if (length == 0 || unit == ModbusRtu.BroadcastAddress)
                {
                    continue;
                }

                if (SilentRequests > 0)
                {
                    SilentRequests--;
                    continue;
                }

                int size = ModbusRtu.WriteFrame(unit, pdu.AsSpan(0, length), frame);
                if (CorruptAnswers > 0)
                {
                    CorruptAnswers--;
                    frame[size - 3] ^= 0x5A;
                }

                if (NoiseBeforeAnswer is { } noise)
                {
                    _port.Write(noise);
                }

                _port.Write(frame.AsSpan(0, size));
            }
        }
    }
}
