using System.Buffers.Binary;
using SolarTap.Protocols.SolarEdge.Crypto;

namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>Replies: plain or wrapped (spec §4.4 encryption, §5.2), and the ACK after a commit.</summary>
public sealed partial class SolarEdgeServerSession
{
    // Random bytes drawn per wrapped reply: C0 then the mask (spec §4.4 encryption step 2).
    private const int WrapRandomLength = EncryptedWrapper.CounterLength + EncryptedWrapper.MaskLength;

    // semonitor's outer sequence: counter before the increment + 1000 (spec §4.4 encryption step 4).
    private const int OuterSequenceOffset = 1000;

    private ushort _innerCounter;
    private uint _counterInverter;
    private DateTimeOffset? _counterSession;

    /// <summary>
    /// The post named by <paramref name="token"/> is durable: returns its ACK (0x0080, seq echoed, wrapped when the
    /// inverter has a session) to send now. Calling it again for the same token returns a fresh copy of the ACK.
    /// </summary>
    /// <param name="token">From a <see cref="SolarEdgeCommit"/> of this session.</param>
    /// <param name="now">Now.</param>
    /// <param name="random">Source of C0, mask and inner-counter start (spec §4.4).</param>
    /// <returns>The bytes to send; empty when no reply can be made (the inverter re-keyed and its key is unknown).</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> comes from another session.</exception>
    public ReadOnlyMemory<byte> Committed(SolarEdgeCommitToken token, DateTimeOffset now, RandomBytes random)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(random);
        if (!ReferenceEquals(token.Owner, this))
        {
            throw new ArgumentException("The commit token belongs to another connection's session.", nameof(token));
        }

        if (!token.IsCommitted)
        {
            token.IsCommitted = true;
            PendingCommits--;
        }

        LastActivity ??= now;
        byte[]? ack = BuildReply(token.AckHeader, [], random);
        if (ack is null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        Statistics.Acks++;
        return ack;
    }

    /// <returns>Whether a reply was added.</returns>
    private bool AddReply(List<SolarEdgeServerAction> actions, in SolarEdgeHeader header, ReadOnlySpan<byte> payload, RandomBytes random)
    {
        byte[]? reply = BuildReply(header, payload, random);
        if (reply is null)
        {
            return false;
        }

        if (header.Function == FunctionCode.RespAck)
        {
            Statistics.Acks++;
        }

        actions.Add(new SolarEdgeSend(reply, header.Function, header.Sequence));
        return true;
    }

    /// <summary>
    /// The whole reply message: plain while the inverter has no session, wrapped in 0x003D with its current session
    /// key once it has one (spec §5.2 rules), null when it has a session whose key is unknown.
    /// </summary>
    private byte[]? BuildReply(in SolarEdgeHeader header, ReadOnlySpan<byte> payload, RandomBytes random)
    {
        byte[] inner = SolarEdgeFrameWriter.ToArray(header, payload);
        uint inverter = header.Destination;
        InverterSessions sessions = _tracker.Sessions;
        switch (sessions.StateOf(inverter))
        {
            case SessionState.None:
                return inner;
            case SessionState.NoKey:
                Statistics.RepliesWithheld++;
                return null;
        }

        // spec §4.4 encryption step 2: the inner counter starts at a random value per session, +1 per message.
        DateTimeOffset? announced = sessions.AnnouncedAt(inverter);
        if (_counterInverter != inverter || _counterSession != announced)
        {
            Span<byte> start = stackalloc byte[sizeof(ushort)];
            random(start);
            _innerCounter = BinaryPrimitives.ReadUInt16LittleEndian(start);
            _counterInverter = inverter;
            _counterSession = announced;
        }

        ushort before = _innerCounter++;
        Span<byte> counterAndMask = stackalloc byte[WrapRandomLength];
        random(counterAndMask);
        var wrapped = new byte[SolarEdgeWire.FrameSize(EncryptedWrapper.PayloadLength(inner.Length))];
        WrapStatus status = sessions.TryWrap(inverter, wrapped, unchecked((ushort)(before + OuterSequenceOffset)), inner, _innerCounter,
            counterAndMask[..EncryptedWrapper.CounterLength], counterAndMask[EncryptedWrapper.CounterLength..], out int written);
        if (status != WrapStatus.Written)
        {
            Statistics.RepliesWithheld++;
            return null;
        }

        Statistics.WrappedReplies++;
        return written == wrapped.Length ? wrapped : wrapped[..written];
    }
}
