using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Devices.Serial;

/// <summary>
/// Sends single SolarEdge commands to one inverter and waits for the answer with the same sequence (spec §1.4,
/// §6.3): over RS232 the inverter answers at once; on an RS485 bus (<see cref="GrantAfterCommand"/>) each command
/// is followed by a 0x0302 grant so the slave may answer.
/// </summary>
public sealed class SolarEdgeCommandClient
{
    private readonly ISerialPort _port;
    private readonly TimeProvider _time;
    private readonly byte[] _scratch = new byte[SolarEdgeWire.FrameSize(SolarEdgeWire.MaxPayloadLength)];
    private ushort _sequence;

    /// <summary>A client on <paramref name="port"/>.</summary>
    /// <param name="port">The serial line to the inverter.</param>
    /// <param name="time">The clock for timeouts.</param>
    /// <param name="firstSequence">The first sequence number to use (1..65535); spec §1.4 asks for one that does not repeat quickly.</param>
    public SolarEdgeCommandClient(ISerialPort port, TimeProvider time, ushort firstSequence = 1)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(time);
        _port = port;
        _time = time;
        _sequence = (ushort)(firstSequence == 0 ? 0 : firstSequence - 1);
        Receiver = new SolarEdgeSerialReceiver(port, time);
    }

    /// <summary>The address commands come from: the master/server (default, as semonitor) or the configuration tool.</summary>
    public uint Source { get; init; } = SolarEdgeAddress.Server;

    /// <summary>Follow each command with a 0x0302 grant, as an RS485 master must (spec §6.3).</summary>
    public bool GrantAfterCommand { get; init; }

    /// <summary>The receiver, for its framing counters.</summary>
    public SolarEdgeSerialReceiver Receiver { get; }

    /// <summary>
    /// Sends <paramref name="function"/> with <paramref name="payload"/> to <paramref name="inverter"/> and returns the
    /// inverter's answer carrying the command's sequence, or null when none came within <paramref name="timeout"/>
    /// (or the slave released the bus without answering).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="IOException">The port failed.</exception>
    public SolarEdgeSerialMessage? Request(uint inverter, FunctionCode function, ReadOnlySpan<byte> payload, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ushort sequence = NextSequence();
        ushort? grant = null;
        Send(new SolarEdgeHeader(sequence, Source, inverter, function), payload);
        if (GrantAfterCommand)
        {
            grant = NextSequence();
            Send(new SolarEdgeHeader(grant.Value, SolarEdgeAddress.Server, inverter, FunctionCode.CmdPolestarMasterGrant), []);
        }

        long started = _time.GetTimestamp();
        while (true)
        {
            TimeSpan remaining = timeout - _time.GetElapsedTime(started);
            SolarEdgeSerialMessage? message = remaining > TimeSpan.Zero ? Receiver.Receive(remaining, cancellationToken) : null;
            if (message is null)
            {
                return null;
            }

            if (message.Header.Source != inverter)
            {
                continue; // an echo of our own request, or another node
            }

            if (message.Header.Sequence == sequence && message.Header.Function != FunctionCode.RespPolestarMasterGrantAck)
            {
                return message;
            }

            if (message.Header.Function == FunctionCode.RespPolestarMasterGrantAck && message.Header.Sequence == grant)
            {
                return null; // the slave gave the bus back without answering
            }
        }
    }

    /// <summary>The sequence number the last request used.</summary>
    public ushort LastSequence => _sequence;

    private ushort NextSequence()
    {
        _sequence = _sequence == ushort.MaxValue ? (ushort)1 : (ushort)(_sequence + 1);
        return _sequence;
    }

    private void Send(in SolarEdgeHeader header, ReadOnlySpan<byte> payload)
    {
        int size = SolarEdgeFrameWriter.Write(_scratch, header, payload);
        _port.Write(_scratch.AsSpan(0, size));
    }
}
