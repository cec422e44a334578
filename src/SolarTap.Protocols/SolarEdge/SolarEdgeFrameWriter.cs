using System.Buffers.Binary;

namespace SolarTap.Protocols.SolarEdge;

/// <summary>Writes SolarEdge messages into caller-owned buffers (spec §1.6).</summary>
public static class SolarEdgeFrameWriter
{
    /// <summary>
    /// Writes header, payload and CRC into <paramref name="destination"/>.
    /// </summary>
    /// <returns>The number of bytes written: <see cref="SolarEdgeWire.FrameSize"/> of the payload.</returns>
    /// <exception cref="ArgumentException">The payload is longer than 65535 bytes or the destination is too small.</exception>
    public static int Write(Span<byte> destination, in SolarEdgeHeader header, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > SolarEdgeWire.MaxPayloadLength)
        {
            throw new ArgumentException($"A SolarEdge payload holds at most {SolarEdgeWire.MaxPayloadLength} bytes; this one has {payload.Length}.", nameof(payload));
        }

        int size = SolarEdgeWire.FrameSize(payload.Length);
        if (destination.Length < size)
        {
            throw new ArgumentException($"The message needs {size} bytes; the buffer has {destination.Length}.", nameof(destination));
        }

        ushort length = (ushort)payload.Length;
        SolarEdgeWire.Barker.CopyTo(destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[4..], length);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[6..], (ushort)~length);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], header.Sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[10..], header.Source);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[14..], header.Destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[18..], (ushort)header.Function);
        payload.CopyTo(destination[SolarEdgeWire.HeaderSize..]);
        ushort crc = SolarEdgeCrc.Compute(header, payload);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[(SolarEdgeWire.HeaderSize + payload.Length)..], crc);
        return size;
    }

    /// <summary>Allocates and writes one message; for tools and tests, not hot paths.</summary>
    public static byte[] ToArray(in SolarEdgeHeader header, ReadOnlySpan<byte> payload)
    {
        var message = new byte[SolarEdgeWire.FrameSize(payload.Length)];
        Write(message, header, payload);
        return message;
    }
}
