using System.Buffers.Binary;

namespace SolarTap.Protocols.Modbus;

/// <summary>
/// The Modbus Application Protocol header that precedes every PDU on TCP (Modbus Messaging on TCP/IP Implementation
/// Guide v1.0b §3.1.3).
/// </summary>
/// <remarks>
/// <code>
/// | transaction id (2) | protocol id = 0 (2) | length (2) = unit id + PDU | unit id (1) | PDU ... |
/// </code>
/// </remarks>
/// <param name="TransactionId">Chosen by the client, echoed by the server: pairs a response with its request.</param>
/// <param name="ProtocolId">0 for Modbus.</param>
/// <param name="Length">Bytes that follow the length field: the unit id and the PDU.</param>
/// <param name="UnitId">The server behind a gateway (RTU address), or 0xFF / any value for a plain TCP device.</param>
public readonly record struct MbapHeader(ushort TransactionId, ushort ProtocolId, ushort Length, byte UnitId)
{
    /// <summary>Size of the PDU the header announces.</summary>
    public int PduLength => Length - 1;

    /// <summary>Reads a header from the first 7 bytes of <paramref name="source"/>.</summary>
    public static MbapHeader Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt16BigEndian(source),
        BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
        BinaryPrimitives.ReadUInt16BigEndian(source[4..]),
        source[6]);

    /// <summary>Writes the header into the first 7 bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        destination[6] = UnitId; // bounds check first
        BinaryPrimitives.WriteUInt16BigEndian(destination, TransactionId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], ProtocolId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], Length);
    }
}
