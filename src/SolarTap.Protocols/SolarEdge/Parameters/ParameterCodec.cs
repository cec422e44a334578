using System.Buffers.Binary;
using System.Text;

namespace SolarTap.Protocols.SolarEdge.Parameters;

/// <summary>
/// Payloads of the parameter functions (spec §2.3): 0x0012 get (list of IDs), 0x0090 reply (values), 0x0011 set.
/// </summary>
/// <remarks>
/// <code>
/// 0x0012  │ id u16 │ id u16 │ …                           (normally one ID)
/// 0x0090  │ value u32 │ type u16 │ [text … 00 if type 3] │ …  (one entry per requested ID)
/// 0x0011  │ id u16 │ value u32 │                         (semonitor layout; reply not documented)
/// </code>
/// </remarks>
public static class ParameterCodec
{
    /// <summary>Bytes of one 0x0090 entry before any string text.</summary>
    public const int EntryLength = 6;

    /// <summary>Bytes of a 0x0011 payload.</summary>
    public const int SetPayloadLength = 6;

    /// <summary>Writes a 0x0012 request payload for <paramref name="ids"/>.</summary>
    /// <returns>Bytes written: two per ID.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static int WriteGetRequest(Span<byte> destination, ReadOnlySpan<ushort> ids)
    {
        int size = 2 * ids.Length;
        if (destination.Length < size)
        {
            throw new ArgumentException($"The request needs {size} bytes; the buffer has {destination.Length}.", nameof(destination));
        }

        for (int i = 0; i < ids.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination[(2 * i)..], ids[i]);
        }

        return size;
    }

    /// <summary>Reads a 0x0012 request payload; an odd length is refused with a reason.</summary>
    public static bool TryReadGetRequest(ReadOnlySpan<byte> payload, out ushort[] ids, out string? error)
    {
        if (payload.Length % 2 != 0)
        {
            ids = [];
            error = $"a 0x0012 payload is a list of u16 parameter IDs; {payload.Length} bytes is not a whole number of them";
            return false;
        }

        ids = new ushort[payload.Length / 2];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = BinaryPrimitives.ReadUInt16LittleEndian(payload[(2 * i)..]);
        }

        error = null;
        return true;
    }

    /// <summary>
    /// Reads every value of a 0x0090 reply. Refuses, with a reason naming the offset, an entry cut short or a string
    /// without its terminating NUL; never throws.
    /// </summary>
    public static bool TryReadValues(ReadOnlySpan<byte> payload, out IReadOnlyList<ParameterValue> values, out string? error)
    {
        var list = new List<ParameterValue>();
        values = list;
        int offset = 0;
        while (offset < payload.Length)
        {
            if (payload.Length - offset < EntryLength)
            {
                error = $"a 0x0090 entry has {EntryLength} bytes (u32 value, u16 type); only {payload.Length - offset} remain at offset {offset}";
                return false;
            }

            uint raw = BinaryPrimitives.ReadUInt32LittleEndian(payload[offset..]);
            var type = (ParameterType)BinaryPrimitives.ReadUInt16LittleEndian(payload[(offset + 4)..]);
            offset += EntryLength;
            if (type != ParameterType.Text)
            {
                list.Add(new ParameterValue(type, raw));
                continue;
            }

            int end = payload[offset..].IndexOf((byte)0);
            if (end < 0)
            {
                error = $"the string value at offset {offset} has no terminating NUL";
                return false;
            }

            // spec §2.3: ASCII; Latin-1 keeps any other byte as one character instead of failing.
            list.Add(new ParameterValue(type, raw, Encoding.Latin1.GetString(payload.Slice(offset, end))));
            offset += end + 1;
        }

        error = null;
        return true;
    }

    /// <summary>Writes a 0x0090 reply payload holding <paramref name="values"/> (for simulators and tests).</summary>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static int WriteValues(Span<byte> destination, ReadOnlySpan<ParameterValue> values)
    {
        int offset = 0;
        foreach (ParameterValue value in values)
        {
            int textLength = value.Type == ParameterType.Text ? Encoding.Latin1.GetByteCount(value.Text ?? "") + 1 : 0;
            if (destination.Length - offset < EntryLength + textLength)
            {
                throw new ArgumentException($"The reply does not fit the {destination.Length}-byte buffer.", nameof(destination));
            }

            BinaryPrimitives.WriteUInt32LittleEndian(destination[offset..], value.Raw);
            BinaryPrimitives.WriteUInt16LittleEndian(destination[(offset + 4)..], (ushort)value.Type);
            offset += EntryLength;
            if (textLength > 0)
            {
                offset += Encoding.Latin1.GetBytes(value.Text ?? "", destination[offset..]);
                destination[offset++] = 0;
            }
        }

        return offset;
    }

    /// <summary>Writes a 0x0011 set payload: u16 ID + u32 value (spec §2.2; the value field of any numeric type).</summary>
    /// <returns><see cref="SetPayloadLength"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too small.</exception>
    public static int WriteSetRequest(Span<byte> destination, ushort id, uint value)
    {
        if (destination.Length < SetPayloadLength)
        {
            throw new ArgumentException($"The request needs {SetPayloadLength} bytes; the buffer has {destination.Length}.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt16LittleEndian(destination, id);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[2..], value);
        return SetPayloadLength;
    }

    /// <summary>Writes a 0x0011 set payload for a typed value; a string cannot be set this way.</summary>
    /// <exception cref="ArgumentException">The value is a string, or <paramref name="destination"/> is too small.</exception>
    public static int WriteSetRequest(Span<byte> destination, ushort id, ParameterValue value)
    {
        if (value.Type == ParameterType.Text)
        {
            throw new ArgumentException("A 0x0011 payload carries a u32 value field; a string parameter cannot be set with it.", nameof(value));
        }

        return WriteSetRequest(destination, id, value.Raw);
    }

    /// <summary>Reads a 0x0011 set payload; anything but 6 bytes is refused.</summary>
    public static bool TryReadSetRequest(ReadOnlySpan<byte> payload, out ushort id, out uint value)
    {
        id = 0;
        value = 0;
        if (payload.Length != SetPayloadLength)
        {
            return false;
        }

        id = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        value = BinaryPrimitives.ReadUInt32LittleEndian(payload[2..]);
        return true;
    }
}
