namespace SolarTap.Protocols.Modbus;

/// <summary>
/// Writes Modbus RTU ADUs (Modbus over Serial Line v1.02 §2.5.1): the server address, the PDU, the CRC low byte first.
/// </summary>
/// <remarks>
/// <code>
/// | address (1) | PDU: function (1) + data (0..252) | CRC lo | CRC hi |     at most 256 bytes
/// </code>
/// Address 0 is broadcast (writes only, no answer); 1–247 are servers; 248–255 are reserved (§2.2).
/// </remarks>
public static class ModbusRtu
{
    /// <summary>The broadcast address (§2.2).</summary>
    public const byte BroadcastAddress = 0;

    /// <summary>Highest individual server address (§2.2).</summary>
    public const byte MaxServerAddress = 247;

    /// <summary>Address byte and CRC around a PDU.</summary>
    public const int Overhead = 3;

    /// <summary>Writes <paramref name="request"/> to <paramref name="unit"/> as one RTU frame.</summary>
    /// <returns>Bytes written.</returns>
    public static int WriteRequest(byte unit, in ModbusRequest request, Span<byte> destination)
    {
        int pdu = ModbusPdu.WriteRequest(request, destination[1..]);
        destination[0] = unit;
        return AppendCrc(destination, 1 + pdu);
    }

    /// <summary>Wraps a PDU already written at <paramref name="destination"/>[1..] with the address and the CRC.</summary>
    /// <returns>Bytes of the whole frame.</returns>
    public static int WriteFrame(byte unit, ReadOnlySpan<byte> pdu, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pdu.Length, ModbusWire.MaxPduSize, nameof(pdu));
        pdu.CopyTo(destination[1..]);
        destination[0] = unit;
        return AppendCrc(destination, 1 + pdu.Length);
    }

    private static int AppendCrc(Span<byte> frame, int length)
    {
        ushort crc = ModbusCrc.Compute(frame[..length]);
        frame[length] = (byte)crc; // Serial Line §2.5.1.2: low-order byte first
        frame[length + 1] = (byte)(crc >> 8);
        return length + 2;
    }
}
