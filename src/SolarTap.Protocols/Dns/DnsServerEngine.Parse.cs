using System.Buffers.Binary;

namespace SolarTap.Protocols.Dns;

public sealed partial class DnsServerEngine
{
    /// <summary>
    /// Reads the question and looks for the OPT record without allocating. Answer and authority records in a
    /// query are skipped (checked for shape only); bytes after the last record are ignored.
    /// </summary>
    private static DnsQueryShape Parse(ReadOnlySpan<byte> query, in DnsHeader header, Span<byte> name)
    {
        var shape = default(DnsQueryShape);
        if (header.QuestionCount != 1)
        {
            shape.Malformed = true; // RFC 1035 §4.1.2 allows more, but no server answers several; QDCOUNT 0 has nothing to answer
            return shape;
        }

        // RFC 1035 §4.1.2: QNAME, QTYPE, QCLASS.
        if (!DnsNameWire.TryRead(query, DnsHeader.Size, name, out shape.NameLength, out int position) || position + 4 > query.Length)
        {
            shape.Malformed = true;
            return shape;
        }

        shape.HasQuestion = true;
        shape.Type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(query[position..]);
        shape.Class = (DnsClass)BinaryPrimitives.ReadUInt16BigEndian(query[(position + 2)..]);
        position += 4;

        Span<byte> owner = stackalloc byte[DnsNameWire.MaxLength];
        int records = header.AnswerCount + header.AuthorityCount + header.AdditionalCount;
        for (int i = 0; i < records; i++)
        {
            // RFC 1035 §4.1.3: NAME, TYPE, CLASS, TTL, RDLENGTH, RDATA.
            if (!DnsNameWire.TryRead(query, position, owner, out int ownerLength, out position) || position + 10 > query.Length)
            {
                shape.Malformed = true;
                return shape;
            }

            var type = (DnsType)BinaryPrimitives.ReadUInt16BigEndian(query[position..]);
            ushort rawClass = BinaryPrimitives.ReadUInt16BigEndian(query[(position + 2)..]);
            uint ttl = BinaryPrimitives.ReadUInt32BigEndian(query[(position + 4)..]);
            int length = BinaryPrimitives.ReadUInt16BigEndian(query[(position + 8)..]);
            int dataStart = position + 10;
            if (dataStart + length > query.Length)
            {
                shape.Malformed = true;
                return shape;
            }

            position = dataStart + length;
            if (type != DnsType.OPT)
            {
                continue;
            }

            // RFC 6891 §6.1.1: one OPT at most, in the additional section, owned by the root; options well formed.
            bool inAdditional = i >= header.AnswerCount + header.AuthorityCount;
            if (shape.HasEdns || !inAdditional || ownerLength != 1 || !DnsEdns.AreOptionsWellFormed(query.Slice(dataStart, length)))
            {
                shape.HasEdns = false;
                shape.Malformed = true;
                return shape;
            }

            // RFC 6891 §6.1.3: TTL = EXTENDED-RCODE (8) | VERSION (8) | DO (1) | Z (15).
            shape.HasEdns = true;
            shape.UdpPayloadSize = rawClass;
            shape.EdnsVersion = (byte)(ttl >> 16);
            shape.DnssecOk = (ttl & DnsEdns.DnssecOkFlag) != 0;
        }

        return shape;
    }
}
