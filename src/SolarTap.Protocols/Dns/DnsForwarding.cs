using System.Buffers.Binary;

namespace SolarTap.Protocols.Dns;

/// <summary>
/// Helpers for relaying a query to the upstream resolver (<see cref="DnsDecisionKind.Forward"/>). The service
/// sends the client's bytes unchanged except the ID, which it replaces with a fresh random one (RFC 5452 §9.2;
/// randomness is the service's, not ours), accepts only a reply that <see cref="IsReplyTo"/> the bytes it sent,
/// puts the client's ID back with <see cref="WriteId"/>, and returns the reply otherwise untouched.
/// </summary>
public static class DnsForwarding
{
    /// <summary>The ID of a message (its first two bytes); 0 when there are fewer.</summary>
    public static ushort ReadId(ReadOnlySpan<byte> message) =>
        message.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(message) : (ushort)0;

    /// <summary>Replaces the ID of a message in place (nothing else changes).</summary>
    /// <exception cref="ArgumentException">The message is shorter than a header.</exception>
    public static void WriteId(Span<byte> message, ushort id)
    {
        if (message.Length < DnsHeader.Size)
        {
            throw new ArgumentException("A DNS message has at least a 12-byte header.", nameof(message));
        }

        BinaryPrimitives.WriteUInt16BigEndian(message, id);
    }

    /// <summary>
    /// Whether <paramref name="reply"/> answers <paramref name="sentQuery"/> (the bytes sent upstream): QR set, same
    /// ID and opcode, and the same question (name ignoring case, type, class; RFC 5452 §9.1). An error reply
    /// without a question (FORMERR, SERVFAIL, NOTIMP, REFUSED) is accepted on the ID alone, as some servers send those.
    /// </summary>
    public static bool IsReplyTo(ReadOnlySpan<byte> sentQuery, ReadOnlySpan<byte> reply)
    {
        if (!DnsHeader.TryRead(sentQuery, out DnsHeader query) || !DnsHeader.TryRead(reply, out DnsHeader answer)
            || !answer.IsResponse || answer.Id != query.Id || answer.Opcode != query.Opcode || query.QuestionCount != 1)
        {
            return false;
        }

        if (answer.QuestionCount == 0)
        {
            return answer.ResponseCode is (int)DnsResponseCode.FormErr or (int)DnsResponseCode.ServFail
                or (int)DnsResponseCode.NotImp or (int)DnsResponseCode.Refused;
        }

        Span<byte> asked = stackalloc byte[DnsNameWire.MaxLength];
        Span<byte> answered = stackalloc byte[DnsNameWire.MaxLength];
        if (answer.QuestionCount != 1
            || !DnsNameWire.TryRead(sentQuery, DnsHeader.Size, asked, out int askedLength, out int askedEnd) || askedEnd + 4 > sentQuery.Length
            || !DnsNameWire.TryRead(reply, DnsHeader.Size, answered, out int answeredLength, out int answeredEnd) || answeredEnd + 4 > reply.Length)
        {
            return false;
        }

        return DnsNameWire.EqualsIgnoreCase(asked[..askedLength], answered[..answeredLength])
            && sentQuery.Slice(askedEnd, 4).SequenceEqual(reply.Slice(answeredEnd, 4));
    }
}
