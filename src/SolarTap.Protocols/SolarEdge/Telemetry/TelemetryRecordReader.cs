namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Walks the records of a 0x0500 payload (spec §3.1) without allocating. Never throws and never reads past the
/// payload: a record whose header or declared data runs past the end stops the walk and sets
/// <see cref="IsTruncated"/>; <see cref="Remaining"/> then holds its bytes.
/// </summary>
public ref struct TelemetryRecordReader
{
    private readonly ReadOnlySpan<byte> _payload;
    private int _position;

    /// <summary>A reader at the start of <paramref name="payload"/>.</summary>
    public TelemetryRecordReader(ReadOnlySpan<byte> payload)
    {
        _payload = payload;
        _position = 0;
        IsTruncated = false;
    }

    /// <summary>Bytes of the payload taken by the records read so far.</summary>
    public readonly int Consumed => _position;

    /// <summary>True once a record that runs past the end of the payload has been met.</summary>
    public bool IsTruncated { get; private set; }

    /// <summary>The bytes not yet read: after a truncation, the truncated record (header and what data there is).</summary>
    public readonly ReadOnlySpan<byte> Remaining => _payload[_position..];

    /// <summary>Reads the next complete record.</summary>
    /// <returns><see langword="false"/> at the end of the payload or at a truncated record.</returns>
    public bool TryReadNext(out TelemetryRecord record)
    {
        record = default;
        if (IsTruncated || _position >= _payload.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> rest = _payload[_position..];
        if (!TelemetryRecordHeader.TryRead(rest, out TelemetryRecordHeader header)
            || rest.Length - TelemetryRecordHeader.Size < header.Length)
        {
            IsTruncated = true; // spec §3.1: a declared L past the payload end is truncated/corrupt
            return false;
        }

        record = new TelemetryRecord(header.Type, header.DeviceId, rest.Slice(TelemetryRecordHeader.Size, header.Length), _position);
        _position += TelemetryRecordHeader.Size + header.Length;
        return true;
    }
}
