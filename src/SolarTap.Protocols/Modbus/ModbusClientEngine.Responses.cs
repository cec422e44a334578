using System.Buffers;

namespace SolarTap.Protocols.Modbus;

/// <summary>Matching received frames to the outstanding request.</summary>
public sealed partial class ModbusClientEngine
{
    /// <summary>
    /// A TCP ADU arrived. It answers the outstanding request only when transaction id and unit id match (Modbus
    /// Messaging on TCP/IP §4.4.1.2); a stale answer to an earlier attempt is ignored.
    /// </summary>
    /// <returns>How the PDU parsed; <see cref="ModbusPduStatus.Mismatch"/> when it answered nothing outstanding.</returns>
    public ModbusPduStatus OnTcpFrame(TimeSpan now, in ModbusTcpFrame frame)
    {
        if (_options.Transport != ModbusTransport.Tcp || _inFlight is not { } current
            || frame.Header.TransactionId != current.TransactionId || frame.Header.UnitId != current.Unit
            || frame.Pdu.Length > ModbusWire.MaxPduSize)
        {
            Statistics.Unmatched++;
            return ModbusPduStatus.Mismatch;
        }

        Span<byte> pdu = stackalloc byte[(int)frame.Pdu.Length];
        frame.Pdu.CopyTo(pdu);
        return Answer(now, current, pdu);
    }

    /// <summary>
    /// An RTU frame (good CRC) arrived from <paramref name="unit"/>. It answers the outstanding request only when the
    /// address and the function (with or without the exception bit) match; anything else is another device's traffic.
    /// </summary>
    /// <returns>How the PDU parsed; <see cref="ModbusPduStatus.Mismatch"/> when it answered nothing outstanding.</returns>
    public ModbusPduStatus OnRtuFrame(TimeSpan now, byte unit, ReadOnlySpan<byte> pdu)
    {
        if (_options.Transport != ModbusTransport.Rtu || _inFlight is not { } current || unit != current.Unit
            || pdu.IsEmpty || (pdu[0] & 0x7F) != (byte)current.Request.Function)
        {
            Statistics.Unmatched++;
            return ModbusPduStatus.Mismatch;
        }

        return Answer(now, current, pdu);
    }

    private ModbusPduStatus Answer(TimeSpan now, Queued current, ReadOnlySpan<byte> pdu)
    {
        ushort[] registers = current.Request.IsRead ? new ushort[current.Request.Count] : [];
        ModbusPduStatus status = ModbusPdu.TryParseResponse(current.Request, pdu, registers, out ModbusResponse response);
        _inFlight = null;
        _quietUntil = now + _options.InterFrameDelay;
        _consecutiveTimeouts = 0;
        switch (status)
        {
            case ModbusPduStatus.Ok:
                Complete(current, ModbusOutcome.Ok, ModbusExceptionCode.None, registers);
                break;
            case ModbusPduStatus.Exception:
                Statistics.Exceptions++;
                Complete(current, ModbusOutcome.Exception, response.Exception, []);
                break;
            default:
                Statistics.BadResponses++;
                Retry(current, ModbusOutcome.BadResponse);
                break;
        }

        return status;
    }
}
