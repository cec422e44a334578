using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

namespace SolarTap.Protocols.Dns;

public sealed partial class DnsMessage
{
    /// <summary>
    /// Reads a whole message. Never throws: bad input gives <see langword="false"/> and the reason. Bytes after the
    /// last record are ignored. Names in NS, CNAME, SOA, PTR and MX data are decompressed (RFC 3597 §4).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, [NotNullWhen(true)] out DnsMessage? message, out DnsReadError error)
    {
        message = null;
        if (!DnsHeader.TryRead(data, out DnsHeader header))
        {
            error = DnsReadError.HeaderTooShort;
            return false;
        }

        var result = new DnsMessage
        {
            Id = header.Id,
            IsResponse = header.IsResponse,
            Opcode = header.Opcode,
            IsAuthoritative = header.Has(DnsHeader.AuthoritativeFlag),
            IsTruncated = header.Has(DnsHeader.TruncatedFlag),
            RecursionDesired = header.Has(DnsHeader.RecursionDesiredFlag),
            RecursionAvailable = header.Has(DnsHeader.RecursionAvailableFlag),
            AuthenticData = header.Has(DnsHeader.AuthenticDataFlag),
            CheckingDisabled = header.Has(DnsHeader.CheckingDisabledFlag),
        };

        Span<byte> name = stackalloc byte[DnsNameWire.MaxLength];
        int position = DnsHeader.Size;
        for (int i = 0; i < header.QuestionCount; i++)
        {
            // RFC 1035 §4.1.2: QNAME, QTYPE (16), QCLASS (16).
            if (!DnsNameWire.TryRead(data, position, name, out int nameLength, out position))
            {
                error = DnsReadError.BadName;
                return false;
            }

            if (position + 4 > data.Length)
            {
                error = DnsReadError.Truncated;
                return false;
            }

            DnsName.TryFromWire(name[..nameLength], out DnsName questionName);
            result.Questions.Add(new DnsQuestion(
                questionName,
                (DnsType)BinaryPrimitives.ReadUInt16BigEndian(data[position..]),
                (DnsClass)BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..])));
            position += 4;
        }

        int extendedRcode = 0;
        int total = header.AnswerCount + header.AuthorityCount + header.AdditionalCount;
        for (int i = 0; i < total; i++)
        {
            error = ReadRecord(data, ref position, name, out DnsRecord? record, out DnsEdns? edns, out int extended);
            if (error != DnsReadError.None)
            {
                return false;
            }

            if (edns is not null)
            {
                // RFC 6891 §6.1.1: at most one OPT, only in the additional section.
                if (result.Edns is not null || i < header.AnswerCount + header.AuthorityCount)
                {
                    error = DnsReadError.BadOpt;
                    return false;
                }

                result.Edns = edns;
                extendedRcode = extended;
                continue;
            }

            (i < header.AnswerCount ? result.Answers : i < header.AnswerCount + header.AuthorityCount ? result.Authorities : result.Additionals)
                .Add(record!);
        }

        result.ResponseCode = (DnsResponseCode)((extendedRcode << 4) | header.ResponseCode);
        message = result;
        error = DnsReadError.None;
        return true;
    }

    private static DnsReadError ReadRecord(
        ReadOnlySpan<byte> data, ref int position, Span<byte> name, out DnsRecord? record, out DnsEdns? edns, out int extendedRcode)
    {
        record = null;
        edns = null;
        extendedRcode = 0;

        // RFC 1035 §4.1.3: NAME, TYPE (16), CLASS (16), TTL (32), RDLENGTH (16), RDATA.
        if (!DnsNameWire.TryRead(data, position, name, out int nameLength, out position))
        {
            return DnsReadError.BadName;
        }

        if (position + 10 > data.Length)
        {
            return DnsReadError.Truncated;
        }

        var type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
        ushort rawClass = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
        uint ttl = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 4)..]);
        int dataLength = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 8)..]);
        int dataStart = position + 10;
        if (dataStart + dataLength > data.Length)
        {
            return DnsReadError.Truncated;
        }

        position = dataStart + dataLength;
        ReadOnlySpan<byte> rdata = data.Slice(dataStart, dataLength);
        if (type == DnsType.OPT)
        {
            // RFC 6891 §6.1.2, §6.1.3: owner is the root; CLASS = payload size; TTL = ext-rcode, version, DO, Z.
            if (nameLength != 1 || !DnsEdns.AreOptionsWellFormed(rdata))
            {
                return DnsReadError.BadOpt;
            }

            extendedRcode = (int)(ttl >> 24);
            edns = new DnsEdns(rawClass, (byte)(ttl >> 16), (ttl & DnsEdns.DnssecOkFlag) != 0, rdata.ToArray());
            return DnsReadError.None;
        }

        ReadOnlyMemory<byte> canonical = rdata.ToArray();
        if (DnsRecord.HasCompressibleNames(type) && !TryDecompressData(data, dataStart, dataLength, type, out canonical))
        {
            return DnsReadError.BadRecordData;
        }

        DnsName.TryFromWire(name[..nameLength], out DnsName owner);
        record = new DnsRecord(owner, type, (DnsClass)rawClass, ttl, canonical);
        return DnsReadError.None;
    }

    /// <summary>RDATA of NS/CNAME/PTR (a name), MX (16 bits and a name) or SOA (two names and 20 bytes), names expanded.</summary>
    private static bool TryDecompressData(ReadOnlySpan<byte> data, int start, int length, DnsType type, out ReadOnlyMemory<byte> canonical)
    {
        canonical = default;
        int end = start + length;
        int fixedBefore = type == DnsType.MX ? 2 : 0;
        int names = type == DnsType.SOA ? 2 : 1;
        int fixedAfter = type == DnsType.SOA ? 20 : 0;
        if (length < fixedBefore)
        {
            return false;
        }

        Span<byte> output = stackalloc byte[2 + (2 * DnsNameWire.MaxLength) + 20];
        data.Slice(start, fixedBefore).CopyTo(output);
        int written = fixedBefore;
        int position = start + fixedBefore;
        for (int i = 0; i < names; i++)
        {
            // A name in RDATA must not run past RDLENGTH, even though the message goes on.
            if (!DnsNameWire.TryRead(data[..end], position, output[written..], out int nameLength, out position))
            {
                return false;
            }

            written += nameLength;
        }

        if (position + fixedAfter != end)
        {
            return false;
        }

        data.Slice(position, fixedAfter).CopyTo(output[written..]);
        canonical = output[..(written + fixedAfter)].ToArray();
        return true;
    }
}
