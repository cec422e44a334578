namespace SolarTap.Protocols.Modbus;

/// <summary>Writes Modbus TCP ADUs: MBAP header then PDU (Modbus Messaging on TCP/IP Implementation Guide v1.0b §3.1.3).</summary>
public static class ModbusTcp
{
    /// <summary>The registered Modbus TCP port (display-model SolarEdge inverters); SetApp models default to 1502.</summary>
    public const int DefaultPort = 502;

    /// <summary>Writes <paramref name="request"/> for <paramref name="unit"/> with <paramref name="transactionId"/>.</summary>
    /// <returns>Bytes written.</returns>
    public static int WriteRequest(ushort transactionId, byte unit, in ModbusRequest request, Span<byte> destination)
    {
        int pdu = ModbusPdu.WriteRequest(request, destination[ModbusWire.MbapHeaderSize..]);
        new MbapHeader(transactionId, 0, (ushort)(pdu + 1), unit).Write(destination);
        return ModbusWire.MbapHeaderSize + pdu;
    }

    /// <summary>Writes an ADU around <paramref name="pdu"/> (a server's response).</summary>
    /// <returns>Bytes written.</returns>
    public static int WriteFrame(ushort transactionId, byte unit, ReadOnlySpan<byte> pdu, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pdu.Length, ModbusWire.MaxPduSize, nameof(pdu));
        pdu.CopyTo(destination[ModbusWire.MbapHeaderSize..]);
        new MbapHeader(transactionId, 0, (ushort)(pdu.Length + 1), unit).Write(destination);
        return ModbusWire.MbapHeaderSize + pdu.Length;
    }
}
