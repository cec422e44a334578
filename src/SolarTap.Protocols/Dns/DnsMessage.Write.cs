namespace SolarTap.Protocols.Dns;

public sealed partial class DnsMessage
{
    /// <summary>
    /// Writes the message into <paramref name="destination"/>, at most <paramref name="maxSize"/> bytes (the
    /// client's limit: 512 over UDP without EDNS, its EDNS payload size, or 65535 over TCP), compressing names.
    /// When an answer or authority record does not fit, TC is set and that record and everything after it are cut
    /// whole (RFC 1035 §4.1.1); additional records that do not fit are left out without TC
    /// (RFC 2181 §9). The OPT record is always kept (RFC 6891 §7).
    /// </summary>
    /// <returns><see langword="false"/> when not even the header, the questions and the OPT record fit.</returns>
    public bool TryWrite(Span<byte> destination, out int written, int maxSize = MaxSize)
    {
        written = 0;
        var writer = new DnsMessageWriter(destination, Math.Min(maxSize, MaxSize));
        if (writer.Capacity < DnsHeader.Size)
        {
            return false;
        }

        int optSize = Edns is null ? 0 : DnsEdns.EmptySize + Edns.Options.Length;
        writer.Limit -= optSize;
        foreach (DnsQuestion question in Questions)
        {
            if (!writer.TryWriteName(question.Name.Wire, compress: true)
                || !writer.TryWriteUInt16((ushort)question.Type) || !writer.TryWriteUInt16((ushort)question.Class))
            {
                return false;
            }
        }

        bool truncated = IsTruncated;
        int answers = WriteSection(ref writer, Answers, ref truncated);
        int authorities = truncated ? 0 : WriteSection(ref writer, Authorities, ref truncated);
        bool additionalCut = truncated;
        int additionals = truncated ? 0 : WriteSection(ref writer, Additionals, ref additionalCut);

        writer.Limit = writer.Capacity;
        if (Edns is not null)
        {
            if (!TryWriteOpt(ref writer, Edns, (int)ResponseCode >> 4))
            {
                return false;
            }

            additionals++;
        }

        var header = new DnsHeader(
            Id,
            (ushort)(HeaderFlags() | (truncated ? DnsHeader.TruncatedFlag : 0)),
            (ushort)Questions.Count,
            (ushort)answers,
            (ushort)authorities,
            (ushort)additionals);
        writer.TryWriteHeader(header);
        written = writer.Position;
        return true;
    }

    /// <summary>Writes the message into a new array of its exact size (no size limit, for tests and tools).</summary>
    /// <exception cref="InvalidOperationException">The message is larger than 65535 bytes.</exception>
    public byte[] ToArray()
    {
        var buffer = new byte[MaxSize];
        return TryWrite(buffer, out int written) ? buffer[..written] : throw new InvalidOperationException("The message does not fit in 65535 bytes.");
    }

    /// <summary>Writes an OPT record (RFC 6891 §6.1.2) with the upper 8 bits of the response code.</summary>
    internal static bool TryWriteOpt(ref DnsMessageWriter writer, DnsEdns edns, int extendedRcode)
    {
        uint ttl = ((uint)(extendedRcode & 0xFF) << 24) | ((uint)edns.Version << 16) | (edns.DnssecOk ? DnsEdns.DnssecOkFlag : 0u);
        var mark = writer.Mark();
        if (writer.TryWriteName([0], compress: false) && writer.TryWriteUInt16((ushort)DnsType.OPT)
            && writer.TryWriteUInt16(edns.UdpPayloadSize) && writer.TryWriteUInt32(ttl)
            && writer.TryWriteUInt16((ushort)edns.Options.Length) && writer.TryWriteBytes(edns.Options.Span))
        {
            return true;
        }

        writer.Reset(mark);
        return false;
    }

    /// <summary>Writes one record, compressing its owner and, for RFC 1035 types, the names in its data; all or nothing.</summary>
    internal static bool TryWriteRecord(ref DnsMessageWriter writer, DnsRecord record)
    {
        var mark = writer.Mark();
        if (!writer.TryWriteName(record.Name.Wire, compress: true) || !writer.TryWriteUInt16((ushort)record.Type)
            || !writer.TryWriteUInt16((ushort)record.Class) || !writer.TryWriteUInt32(record.Ttl) || !writer.TryWriteUInt16(0))
        {
            writer.Reset(mark);
            return false;
        }

        int lengthAt = writer.Position - 2;
        int dataStart = writer.Position;
        bool ok = DnsRecord.HasCompressibleNames(record.Type) && IsCanonical(record.Type, record.Data.Span)
            ? TryWriteDataWithNames(ref writer, record.Type, record.Data.Span)
            : writer.TryWriteBytes(record.Data.Span);
        if (!ok || writer.Position - dataStart > ushort.MaxValue)
        {
            writer.Reset(mark);
            return false;
        }

        writer.PatchUInt16(lengthAt, (ushort)(writer.Position - dataStart));
        return true;
    }

    private static int WriteSection(ref DnsMessageWriter writer, IList<DnsRecord> records, ref bool cut)
    {
        int count = 0;
        foreach (DnsRecord record in records)
        {
            if (!TryWriteRecord(ref writer, record))
            {
                cut = true;
                break;
            }

            count++;
        }

        return count;
    }

    private static bool TryWriteDataWithNames(ref DnsMessageWriter writer, DnsType type, ReadOnlySpan<byte> data)
    {
        int at = 0;
        if (type == DnsType.MX)
        {
            if (!writer.TryWriteBytes(data[..2]))
            {
                return false;
            }

            at = 2;
        }

        int names = type == DnsType.SOA ? 2 : 1;
        for (int i = 0; i < names; i++)
        {
            int length = NameLength(data[at..]);
            if (!writer.TryWriteName(data.Slice(at, length), compress: true))
            {
                return false;
            }

            at += length;
        }

        return writer.TryWriteBytes(data[at..]);
    }

    /// <summary>Whether data of a name-bearing type has the shape its type says, so its names can be compressed.</summary>
    private static bool IsCanonical(DnsType type, ReadOnlySpan<byte> data)
    {
        int at = type == DnsType.MX ? 2 : 0;
        int names = type == DnsType.SOA ? 2 : 1;
        for (int i = 0; i < names; i++)
        {
            int length = at < data.Length ? NameLength(data[at..]) : -1;
            if (length < 0 || !DnsNameWire.IsValid(data.Slice(at, length)))
            {
                return false;
            }

            at += length;
        }

        return data.Length - at == (type == DnsType.SOA ? 20 : 0);
    }

    /// <summary>Length of the uncompressed name at the start of <paramref name="data"/>, or -1.</summary>
    private static int NameLength(ReadOnlySpan<byte> data)
    {
        int at = 0;
        while (at < data.Length && at < DnsNameWire.MaxLength)
        {
            int label = data[at];
            if (label == 0)
            {
                return at + 1;
            }

            if (label > DnsNameWire.MaxLabelLength)
            {
                return -1;
            }

            at += 1 + label;
        }

        return -1;
    }
}
