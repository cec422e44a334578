using System.Buffers.Binary;

namespace SolarTap.Protocols.Dns;

/// <summary>
/// Writes a message into a caller span, front to back, never past <see cref="Limit"/>; every Try method writes
/// all or nothing. Names are compressed against names written before (RFC 1035 §4.1.4), matching case exactly so
/// the bytes read back are the bytes written. The caller writes the header last, when the counts are known.
/// </summary>
internal ref struct DnsMessageWriter
{
    private const int MaxPointerTarget = 0x3FFF;
    private readonly Span<byte> _buffer;
    private DnsNameOffsets _names;
    private int _nameCount;

    /// <summary>A writer over <paramref name="buffer"/> that stops at <paramref name="limit"/> bytes; the header is left to write last.</summary>
    public DnsMessageWriter(Span<byte> buffer, int limit)
    {
        _buffer = buffer[..Math.Clamp(limit, 0, buffer.Length)];
        Limit = _buffer.Length;
        Position = Math.Min(DnsHeader.Size, _buffer.Length);
    }

    /// <summary>Bytes written so far, header included.</summary>
    public int Position { get; private set; }

    /// <summary>Where writing stops; lowered to keep room for a record that must come last (the OPT record).</summary>
    public int Limit { get; set; }

    /// <summary>Size of the whole buffer given to the writer (after the caller's limit).</summary>
    public readonly int Capacity => _buffer.Length;

    /// <summary>The bytes written so far.</summary>
    public readonly Span<byte> Written => _buffer[..Position];

    /// <summary>Position and compression state, to roll back a record that did not fit.</summary>
    public readonly (int Position, int Names) Mark() => (Position, _nameCount);

    /// <summary>Rolls back to a <see cref="Mark"/>.</summary>
    public void Reset((int Position, int Names) mark) => (Position, _nameCount) = mark;

    /// <summary>Writes the header at the start of the buffer.</summary>
    public readonly bool TryWriteHeader(in DnsHeader header)
    {
        if (_buffer.Length < DnsHeader.Size)
        {
            return false;
        }

        header.WriteTo(_buffer);
        return true;
    }

    /// <summary>Writes a 16-bit number in network order.</summary>
    public bool TryWriteUInt16(ushort value)
    {
        if (Position + 2 > Limit)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer[Position..], value);
        Position += 2;
        return true;
    }

    /// <summary>Writes a 32-bit number in network order.</summary>
    public bool TryWriteUInt32(uint value)
    {
        if (Position + 4 > Limit)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(_buffer[Position..], value);
        Position += 4;
        return true;
    }

    /// <summary>Writes bytes as they are.</summary>
    public bool TryWriteBytes(scoped ReadOnlySpan<byte> bytes)
    {
        if (Position + bytes.Length > Limit)
        {
            return false;
        }

        bytes.CopyTo(_buffer[Position..]);
        Position += bytes.Length;
        return true;
    }

    /// <summary>Overwrites a 16-bit number already written (RDLENGTH once the RDATA is known).</summary>
    public readonly void PatchUInt16(int at, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(_buffer[at..], value);

    /// <summary>
    /// Writes an uncompressed name. With <paramref name="compress"/>, the longest suffix already in the message is
    /// replaced by a pointer and the name is remembered as a target for later names.
    /// </summary>
    public bool TryWriteName(scoped ReadOnlySpan<byte> name, bool compress)
    {
        if (!compress)
        {
            return TryWriteBytes(name);
        }

        int suffixAt = name.Length - 1;
        int target = -1;
        for (int at = 0; at < name.Length - 1; at += 1 + name[at])
        {
            target = FindWritten(name[at..]);
            if (target >= 0)
            {
                suffixAt = at;
                break;
            }
        }

        int needed = suffixAt + (target >= 0 ? 2 : 1);
        if (Position + needed > Limit)
        {
            return false;
        }

        int start = Position;
        name[..suffixAt].CopyTo(_buffer[Position..]);
        Position += suffixAt;
        if (target >= 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_buffer[Position..], (ushort)(0xC000 | target));
            Position += 2;
        }
        else
        {
            _buffer[Position++] = 0;
        }

        if (suffixAt > 0 && start <= MaxPointerTarget && _nameCount < DnsNameOffsets.Capacity)
        {
            _names[_nameCount++] = (ushort)start;
        }

        return true;
    }

    /// <summary>Offset of a position in the message where <paramref name="suffix"/> is written (byte for byte), or -1.</summary>
    private readonly int FindWritten(scoped ReadOnlySpan<byte> suffix)
    {
        for (int i = 0; i < _nameCount; i++)
        {
            // Walk every label of the remembered name (following our own backward pointers): each is a target.
            int position = _names[i];
            while (true)
            {
                byte octet = _buffer[position];
                if ((octet & 0xC0) == 0xC0)
                {
                    position = ((octet & 0x3F) << 8) | _buffer[position + 1];
                    continue;
                }

                if (octet == 0)
                {
                    break;
                }

                if (position <= MaxPointerTarget && MatchesAt(position, suffix))
                {
                    return position;
                }

                position += 1 + octet;
            }
        }

        return -1;
    }

    private readonly bool MatchesAt(int position, scoped ReadOnlySpan<byte> suffix)
    {
        int at = 0;
        while (at < suffix.Length)
        {
            byte octet = _buffer[position];
            if ((octet & 0xC0) == 0xC0)
            {
                position = ((octet & 0x3F) << 8) | _buffer[position + 1];
                continue;
            }

            int span = octet + 1;
            if (at + span > suffix.Length || !_buffer.Slice(position, span).SequenceEqual(suffix.Slice(at, span)))
            {
                return false;
            }

            if (octet == 0)
            {
                return at + 1 == suffix.Length;
            }

            at += span;
            position += span;
        }

        return false;
    }
}
