using System.Buffers;

namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>
/// Follows the encryption of one connection (spec §4): fed every message of the connection in arrival order (both
/// directions if it has them), it starts sessions on 0x0503 announcements and opens 0x003D wrappers with the session
/// of the right inverter, kept in a shared <see cref="InverterSessions"/>. Never throws on bad input.
/// </summary>
/// <remarks>
/// Which session opens a wrapper:
/// <list type="bullet">
/// <item>an inverter's wrapper (source = its ID): that inverter's session;</item>
/// <item>a server wrapper (0xFFFFFFFD → 0xFFFFFFFF carries no inverter ID): the session of the connection's inverter,
/// <see cref="StreamInverter"/>, learned from the connection's own messages or set by the caller; when it is not known
/// yet, every known session is tried and the one that yields a valid inner message names the inverter.</item>
/// </list>
/// </remarks>
public sealed class SessionTracker
{
    // A server wrapper on a stream of unknown inverter is tried with at most this many sessions.
    private const int MaxSessionsToTry = 32;

    /// <summary>A tracker for one connection, sharing <paramref name="sessions"/> with the others.</summary>
    public SessionTracker(InverterSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        Sessions = sessions;
    }

    /// <summary>The shared per-inverter sessions.</summary>
    public InverterSessions Sessions { get; }

    /// <summary>
    /// The inverter at the other end of this connection: learned from the first message with an inverter address
    /// (source, or destination of a server message) and from every 0x0503; may be set by a caller that knows it.
    /// </summary>
    public uint? StreamInverter { get; set; }

    /// <summary>Whether <paramref name="address"/> can be an inverter: not 0 and not one of the server/tool/broadcast addresses (spec §2.1).</summary>
    public static bool IsInverterAddress(uint address)
        => address is not (0 or SolarEdgeAddress.Server or SolarEdgeAddress.ConfigurationTool or SolarEdgeAddress.Broadcast);

    /// <summary>
    /// Processes one message from a <see cref="SolarEdgeFrameReader"/>.
    /// </summary>
    /// <param name="frame">The message.</param>
    /// <param name="receivedAt">When it arrived; stored with a 0x0503 (spec §4.6).</param>
    /// <param name="scratch">
    /// Working space, at least as long as the frame's payload (<see cref="SolarEdgeWire.MaxPayloadLength"/> always
    /// suffices); receives a decrypted inner message and, for a payload split over segments, a copy of it.
    /// </param>
    public TrackedMessage Process(scoped in SolarEdgeFrame frame, DateTimeOffset receivedAt, Span<byte> scratch)
    {
        ReadOnlySequence<byte> payload = frame.Payload;
        if (payload.IsSingleSegment)
        {
            return Process(frame.Header, payload.FirstSpan, receivedAt, scratch);
        }

        if (scratch.Length < payload.Length)
        {
            return new TrackedMessage(DecryptionStatus.BufferTooSmall, frame.Header, frame.Header, [], 0, default, SessionChange.None);
        }

        Span<byte> copy = scratch[..(int)payload.Length];
        payload.CopyTo(copy);
        return Process(frame.Header, copy, receivedAt, scratch);
    }

    /// <summary>Processes one message given as header and payload.</summary>
    /// <param name="header">The message's header.</param>
    /// <param name="payload">
    /// The message's payload; either at the very start of <paramref name="scratch"/> (it is then decrypted in place) or
    /// not overlapping it.
    /// </param>
    /// <param name="receivedAt">When it arrived; stored with a 0x0503 (spec §4.6).</param>
    /// <param name="scratch">Working space at least as long as <paramref name="payload"/>.</param>
    public TrackedMessage Process(scoped in SolarEdgeHeader header, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt, Span<byte> scratch)
    {
        if (header.Function != FunctionCode.EncryptedWrapper)
        {
            SessionChange change = Observe(header, payload, receivedAt);
            uint inverter = change == SessionChange.None ? StreamInverter ?? 0 : header.Source;
            return new TrackedMessage(DecryptionStatus.Plain, header, header, payload, inverter, default, change);
        }

        if (scratch.Length < payload.Length)
        {
            return new TrackedMessage(DecryptionStatus.BufferTooSmall, header, header, payload, 0, default, SessionChange.None);
        }

        // Decrypt into scratch[22..] so that a payload at the start of scratch is decrypted in place.
        Span<byte> destination = payload.Length >= EncryptedWrapper.InnerMessageOffset
            ? scratch[EncryptedWrapper.InnerMessageOffset..payload.Length]
            : scratch;
        uint target = IsInverterAddress(header.Source) ? header.Source : StreamInverter ?? 0;
        DecryptionStatus status;
        DecryptedWrapper wrapper;
        SolarEdgeHeader inner;
        Range innerPayload;
        if (target != 0)
        {
            status = Sessions.Unwrap(target, payload, destination, out wrapper, out inner, out innerPayload);
        }
        else
        {
            status = TryEverySession(payload, destination, out target, out wrapper, out inner, out innerPayload);
        }

        if (status != DecryptionStatus.Decrypted)
        {
            return new TrackedMessage(status, header, header, payload, target, wrapper, SessionChange.None);
        }

        ReadOnlySpan<byte> innerBytes = destination[..wrapper.InnerLength][innerPayload];
        if (target == header.Source || StreamInverter is null)
        {
            StreamInverter = target;
        }

        // spec §4.1: a 0x0503 inside a wrapper starts a new session too.
        SessionChange innerChange = Observe(inner, innerBytes, receivedAt);
        return new TrackedMessage(DecryptionStatus.Decrypted, header, inner, innerBytes, target, wrapper, innerChange);
    }

    /// <summary>
    /// Wraps a reply for this connection's inverter with its current session: a whole 0x003D message from 0xFFFFFFFD to
    /// 0xFFFFFFFF (spec §4.4). The caller supplies fresh random <paramref name="counter0"/> (16 bytes) and
    /// <paramref name="mask"/> (4 bytes).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="counter0"/> or <paramref name="mask"/> has the wrong size.</exception>
    public WrapStatus TryWrapReply(Span<byte> destination, ushort outerSequence, ReadOnlySpan<byte> innerMessage, ushort innerSequence,
        ReadOnlySpan<byte> counter0, ReadOnlySpan<byte> mask, out int written)
    {
        if (StreamInverter is not uint inverter)
        {
            written = 0;
            return WrapStatus.UnknownInverter;
        }

        return Sessions.TryWrap(inverter, destination, outerSequence, innerMessage, innerSequence, counter0, mask, out written);
    }

    private SessionChange Observe(in SolarEdgeHeader header, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt)
    {
        if (header.Function == FunctionCode.ServerSessionKey)
        {
            SessionChange change = Sessions.Announce(header.Source, payload, receivedAt);
            if (change != SessionChange.Rejected)
            {
                StreamInverter = header.Source;
            }

            return change;
        }

        if (StreamInverter is null)
        {
            if (IsInverterAddress(header.Source))
            {
                StreamInverter = header.Source;
            }
            else if (IsInverterAddress(header.Destination))
            {
                StreamInverter = header.Destination;
            }
        }

        return SessionChange.None;
    }

    private DecryptionStatus TryEverySession(ReadOnlySpan<byte> payload, Span<byte> destination, out uint inverter,
        out DecryptedWrapper wrapper, out SolarEdgeHeader inner, out Range innerPayload)
    {
        inverter = 0;
        wrapper = default;
        inner = default;
        innerPayload = default;
        IReadOnlyList<uint> candidates = Sessions.Inverters;
        if (candidates.Count == 0 || candidates.Count > MaxSessionsToTry)
        {
            return DecryptionStatus.UnknownInverter;
        }

        // Decryption writes into destination, which may overlap the payload: every attempt reads a copy.
        byte[] copy = payload.ToArray();
        foreach (uint candidate in candidates)
        {
            DecryptionStatus status = Sessions.Unwrap(candidate, copy, destination, out wrapper, out inner, out innerPayload);
            if (status == DecryptionStatus.Decrypted)
            {
                inverter = candidate;
                return status;
            }

            if (status is DecryptionStatus.Malformed or DecryptionStatus.BufferTooSmall)
            {
                return status;
            }
        }

        return DecryptionStatus.UnknownInverter;
    }
}
