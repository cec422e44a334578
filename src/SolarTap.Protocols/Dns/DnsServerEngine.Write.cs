namespace SolarTap.Protocols.Dns;

public sealed partial class DnsServerEngine
{
    private const uint SoaSerial = 1;
    private const uint SoaRefresh = 3600;
    private const uint SoaRetry = 600;
    private const uint SoaExpire = 86400;

    /// <summary>
    /// Writes a response: the query's question (its case kept), up to two answers owned by the question's name,
    /// optionally the SOA of the zone starting at <paramref name="soaAt"/> in the name, and an OPT record when the
    /// query had one (RFC 6891 §7). A record that does not fit the client's limit sets TC and ends the response.
    /// </summary>
    private DnsDecision Reply(
        in DnsReplyContext reply,
        ReadOnlySpan<byte> name,
        Span<byte> response,
        DnsResponseCode code,
        bool authoritative = false,
        DnsLocalRecord first = default,
        DnsLocalRecord second = default,
        int soaAt = -1,
        uint ttl = 0)
    {
        DnsQueryShape shape = reply.Shape;
        var writer = new DnsMessageWriter(response, reply.Limit);
        if (shape.HasEdns)
        {
            writer.Limit -= DnsEdns.EmptySize;
        }

        bool truncated = false;
        int questions = 0, answers = 0, authorities = 0;
        if (shape.HasQuestion)
        {
            // RFC 1035 §4.1.2: the question is copied, byte for byte; the answers point at it, so they keep its case.
            if (writer.TryWriteName(name, compress: true) && writer.TryWriteUInt16((ushort)shape.Type) && writer.TryWriteUInt16((ushort)shape.Class))
            {
                questions = 1;
            }
            else
            {
                truncated = true;
            }
        }

        foreach (DnsLocalRecord record in (ReadOnlySpan<DnsLocalRecord>)[first, second])
        {
            if (truncated || record.Type == DnsType.None)
            {
                continue;
            }

            bool ok = record.Type == DnsType.SOA ? TryWriteSoa(ref writer, name, ttl) : TryWriteRecord(ref writer, name, record, ttl);
            truncated = !ok;
            answers += ok ? 1 : 0;
        }

        if (!truncated && soaAt >= 0)
        {
            // RFC 2308 §3: the SOA's TTL is the negative-caching time; both are our TTL here.
            truncated = !TryWriteSoa(ref writer, name[soaAt..], _ttl);
            authorities += truncated ? 0 : 1;
        }

        writer.Limit = writer.Capacity;
        int additionals = 0;
        if (shape.HasEdns)
        {
            // RFC 6891 §6.1.2/§6.1.3: root, OPT, our payload size, TTL = ext-rcode | version 0 | DO copied (RFC 3225 §3).
            uint optTtl = ((uint)((int)code >> 4) << 24) | (shape.DnssecOk ? DnsEdns.DnssecOkFlag : 0u);
            writer.TryWriteName([0], compress: false);
            writer.TryWriteUInt16((ushort)DnsType.OPT);
            writer.TryWriteUInt16((ushort)_maxUdp);
            writer.TryWriteUInt32(optTtl);
            writer.TryWriteUInt16(0);
            additionals = 1;
        }

        DnsHeader query = reply.Query;
        ushort flags = DnsHeader.MakeFlags(
            response: true,
            query.Opcode,
            (int)code,
            (ushort)((authoritative ? DnsHeader.AuthoritativeFlag : 0) | (truncated ? DnsHeader.TruncatedFlag : 0)
                | (query.Flags & (DnsHeader.RecursionDesiredFlag | DnsHeader.CheckingDisabledFlag)) | DnsHeader.RecursionAvailableFlag));
        writer.TryWriteHeader(new DnsHeader(query.Id, flags, (ushort)questions, (ushort)answers, (ushort)authorities, (ushort)additionals));
        return new DnsDecision(DnsDecisionKind.Answer, writer.Position, code, shape.Type);
    }

    /// <summary>An A, AAAA or PTR record owned by the question's name (compressed to a pointer at it).</summary>
    private static bool TryWriteRecord(ref DnsMessageWriter writer, ReadOnlySpan<byte> owner, in DnsLocalRecord record, uint ttl)
    {
        var mark = writer.Mark();
        if (writer.TryWriteName(owner, compress: true) && writer.TryWriteUInt16((ushort)record.Type) && writer.TryWriteUInt16((ushort)DnsClass.IN)
            && writer.TryWriteUInt32(ttl))
        {
            int lengthAt = writer.Position;
            bool ok;
            if (record.Type == DnsType.PTR)
            {
                ok = writer.TryWriteUInt16(0) && writer.TryWriteName(record.Target, compress: true);
            }
            else
            {
                Span<byte> address = stackalloc byte[16];
                int length = record.Address.WriteTo(address);
                ok = writer.TryWriteUInt16((ushort)length) && writer.TryWriteBytes(address[..length]);
            }

            if (ok)
            {
                writer.PatchUInt16(lengthAt, (ushort)(writer.Position - lengthAt - 2));
                return true;
            }
        }

        writer.Reset(mark);
        return false;
    }

    /// <summary>The made-up SOA of a zone we answer for (RFC 1035 §3.3.13): primary = our host name, mailbox = hostmaster.host.</summary>
    private bool TryWriteSoa(ref DnsMessageWriter writer, ReadOnlySpan<byte> zone, uint ttl)
    {
        var mark = writer.Mark();
        if (writer.TryWriteName(zone, compress: true) && writer.TryWriteUInt16((ushort)DnsType.SOA) && writer.TryWriteUInt16((ushort)DnsClass.IN)
            && writer.TryWriteUInt32(ttl) && writer.TryWriteUInt16(0))
        {
            int lengthAt = writer.Position - 2;
            if (writer.TryWriteName(_hostWire, compress: true) && writer.TryWriteName(_hostmasterWire, compress: true)
                && writer.TryWriteUInt32(SoaSerial) && writer.TryWriteUInt32(SoaRefresh) && writer.TryWriteUInt32(SoaRetry)
                && writer.TryWriteUInt32(SoaExpire) && writer.TryWriteUInt32(_ttl))
            {
                writer.PatchUInt16(lengthAt, (ushort)(writer.Position - lengthAt - 2));
                return true;
            }
        }

        writer.Reset(mark);
        return false;
    }
}
