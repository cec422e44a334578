namespace SolarTap.Protocols.Dhcp;

/// <summary>
/// Walks the options of a message: the options field, then 'file' (overload bit 1) and then 'sname' (bit 2),
/// as RFC 2131 §4.1 orders them. Each field ends at End (255) or at its last byte. Never reads outside the packet.
/// </summary>
public ref struct DhcpOptionEnumerator
{
    // Option layout (RFC 2132 §2): | code | len | value (len bytes) |; Pad (0) and End (255) are a single byte.
    private readonly ReadOnlySpan<byte> _packet;
    private readonly byte _overload;
    private int _region; // 0 = options field, 1 = file, 2 = sname, 3 = done
    private int _position;
    private int _end;
    private byte _code;
    private int _valueStart;
    private int _valueLength;

    internal DhcpOptionEnumerator(ReadOnlySpan<byte> packet, byte overload)
    {
        _packet = packet;
        _overload = overload;
        _region = 0;
        _position = DhcpMessage.FixedLength;
        _end = packet.Length;
    }

    /// <summary>The option at the current position.</summary>
    public readonly DhcpOption Current => new(_code, _packet.Slice(_valueStart, _valueLength));

    /// <summary>Returns this enumerator (for <c>foreach</c>).</summary>
    public readonly DhcpOptionEnumerator GetEnumerator() => this;

    /// <summary>Advances to the next option; <see langword="false"/> after the last one.</summary>
    public bool MoveNext()
    {
        while (_region < 3)
        {
            if (Next(_packet, ref _position, _end, out _code, out _valueStart, out _valueLength))
            {
                return true;
            }

            NextRegion();
        }

        return false;
    }

    private void NextRegion()
    {
        while (++_region < 3)
        {
            if (_region == 1 && (_overload & 1) != 0 && _packet.Length >= DhcpMessage.FileOffset + DhcpMessage.FileLength)
            {
                (_position, _end) = (DhcpMessage.FileOffset, DhcpMessage.FileOffset + DhcpMessage.FileLength);
                return;
            }

            if (_region == 2 && (_overload & 2) != 0 && _packet.Length >= DhcpMessage.SnameOffset + DhcpMessage.SnameLength)
            {
                (_position, _end) = (DhcpMessage.SnameOffset, DhcpMessage.SnameOffset + DhcpMessage.SnameLength);
                return;
            }
        }
    }

    /// <summary>
    /// The next option in <paramref name="field"/>[<paramref name="position"/>..<paramref name="end"/>), skipping Pad;
    /// <see langword="false"/> at End, at the end of the field, or at a truncated option (which ends the field;
    /// <see cref="DhcpMessage.TryRead"/> refuses such messages anyway).
    /// </summary>
    private static bool Next(ReadOnlySpan<byte> field, ref int position, int end, out byte code, out int valueStart, out int valueLength)
    {
        end = Math.Min(end, field.Length);
        while (position < end && field[position] == DhcpOptionCodes.Pad)
        {
            position++;
        }

        code = 0;
        valueStart = 0;
        valueLength = 0;
        if (position >= end || field[position] == DhcpOptionCodes.End || position + 2 > end || position + 2 + field[position + 1] > end)
        {
            position = end;
            return false;
        }

        code = field[position];
        valueStart = position + 2;
        valueLength = field[position + 1];
        position = valueStart + valueLength;
        return true;
    }

    /// <summary>Whether every option in <paramref name="field"/> fits before End or the end of the field.</summary>
    internal static bool IsWellFormed(ReadOnlySpan<byte> field)
    {
        int position = 0;
        while (position < field.Length)
        {
            byte code = field[position];
            if (code == DhcpOptionCodes.End)
            {
                return true;
            }

            if (code == DhcpOptionCodes.Pad)
            {
                position++;
                continue;
            }

            if (position + 2 > field.Length || position + 2 + field[position + 1] > field.Length)
            {
                return false;
            }

            position += 2 + field[position + 1];
        }

        return true;
    }

    /// <summary>The first option <paramref name="code"/> in one field.</summary>
    internal static bool TryFind(ReadOnlySpan<byte> field, byte code, out ReadOnlySpan<byte> value)
    {
        int position = 0;
        while (Next(field, ref position, field.Length, out byte found, out int start, out int length))
        {
            if (found == code)
            {
                value = field.Slice(start, length);
                return true;
            }
        }

        value = default;
        return false;
    }
}
