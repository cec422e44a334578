using static SolarTap.Protocols.SolarEdge.Telemetry.TelemetryValue;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Type 0x0043, daily record listing optimizers (spec §3.11, pysolaredge-wg only, UNVERIFIED).
/// <code>
///  0 time │ 4 u16 │ 6 u16 │ 8 u16 │ 10 u16 │ 12 { u32 optimizer ID │ u8 } repeated to the end
/// </code>
/// </summary>
public sealed record OptimizerListTelemetry
{
    /// <summary>Data length before the first entry.</summary>
    public const int HeaderLength = 12;

    /// <summary>Size of one entry.</summary>
    public const int EntryLength = 5;

    /// <summary>Device ID as sent.</summary>
    public uint DeviceId { get; init; }

    /// <summary>UTC Unix seconds.</summary>
    public uint Timestamp { get; init; }

    /// <summary>The four u16 after the timestamp, meaning unknown.</summary>
    public (ushort A, ushort B, ushort C, ushort D) Unknown { get; init; }

    /// <summary>The listed optimizers.</summary>
    public IReadOnlyList<OptimizerListEntry> Entries { get; init; } = [];

    /// <summary>Declared data length this record encodes to.</summary>
    public int DataLength => HeaderLength + (EntryLength * Entries.Count);

    /// <summary>Decodes a 0x0043 record.</summary>
    public static bool TryDecode(in TelemetryRecord record, out OptimizerListTelemetry? value)
    {
        value = null;
        return record.Type == TelemetryRecordType.OptimizerList && TryDecode(record.DeviceId, record.Data, out value);
    }

    /// <summary>Decodes the data of a 0x0043 record.</summary>
    /// <returns><see langword="false"/> unless the length is 12 plus a whole number of 5-byte entries.</returns>
    public static bool TryDecode(uint deviceId, ReadOnlySpan<byte> data, out OptimizerListTelemetry? value)
    {
        value = null;
        if (data.Length < HeaderLength || (data.Length - HeaderLength) % EntryLength != 0)
        {
            return false;
        }

        var entries = new OptimizerListEntry[(data.Length - HeaderLength) / EntryLength];
        for (int i = 0; i < entries.Length; i++)
        {
            int at = HeaderLength + (i * EntryLength);
            entries[i] = new OptimizerListEntry(U32(data, at), data[at + 4]);
        }

        value = new OptimizerListTelemetry
        {
            DeviceId = deviceId,
            Timestamp = U32(data, 0),
            Unknown = (U16(data, 4), U16(data, 6), U16(data, 8), U16(data, 10)),
            Entries = entries,
        };
        return true;
    }

    /// <summary>Writes the record.</summary>
    public bool TryWrite(Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (!TryStart(destination, TelemetryRecordType.OptimizerList, DeviceId, DataLength, out Span<byte> data))
        {
            return false;
        }

        Put(data, 0, Timestamp);
        Put(data, 4, Unknown.A);
        Put(data, 6, Unknown.B);
        Put(data, 8, Unknown.C);
        Put(data, 10, Unknown.D);
        for (int i = 0; i < Entries.Count; i++)
        {
            int at = HeaderLength + (i * EntryLength);
            Put(data, at, Entries[i].OptimizerId);
            data[at + 4] = Entries[i].Unknown;
        }

        bytesWritten = TelemetryRecordHeader.Size + DataLength;
        return true;
    }
}
