using System.Buffers.Binary;

namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// Reads the fields of a variable header and payload (MQTT 3.1.1 §1.5): two-byte integers, length-prefixed strings
/// and binary data. Every read checks the remaining length first and never throws.
/// </summary>
internal ref struct MqttFieldReader
{
    private readonly ReadOnlySpan<byte> _data;

    public MqttFieldReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        Position = 0;
    }

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public bool TryReadByte(out byte value)
    {
        value = 0;
        if (Remaining < 1)
        {
            return false;
        }

        value = _data[Position++];
        return true;
    }

    /// <summary>A big-endian two-byte integer (§1.5.2).</summary>
    public bool TryReadUInt16(out ushort value)
    {
        value = 0;
        if (Remaining < 2)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_data[Position..]);
        Position += 2;
        return true;
    }

    /// <summary>A two-byte length and that many bytes (strings §1.5.3, binary data §3.1.3.3).</summary>
    public bool TryReadPrefixed(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryReadUInt16(out ushort length))
        {
            return false;
        }

        if (Remaining < length)
        {
            Position -= 2;
            return false;
        }

        value = _data.Slice(Position, length);
        Position += length;
        return true;
    }
}
