using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>
/// The session of every inverter, keyed by inverter ID: its last 0x0503 with the receive time, and the cipher
/// derived from it with the key the caller's lookup provides (spec §4.3, §4.6). Sessions outlive connections
/// (an inverter reconnects with the same session), so one instance serves all streams; each stream has its own
/// <see cref="SessionTracker"/>. All members are safe to call from several connections at once.
/// </summary>
public sealed partial class InverterSessions : IDisposable
{
    private readonly Func<uint, InverterKey?> _keyLookup;
    private readonly Dictionary<uint, InverterSession> _sessions = [];
    private readonly Lock _gate = new();

    /// <summary>Sessions whose keys come from <paramref name="keyLookup"/> (inverter ID → key, or null when unknown).</summary>
    /// <remarks>
    /// The lookup is asked again whenever a session without a key is needed, so a key found later
    /// (for example by <see cref="Keys.KeyFinder"/>) opens wrappers of a session announced earlier.
    /// </remarks>
    public InverterSessions(Func<uint, InverterKey?> keyLookup)
    {
        ArgumentNullException.ThrowIfNull(keyLookup);
        _keyLookup = keyLookup;
    }

    /// <summary>The inverters with a session, in ascending ID order.</summary>
    public IReadOnlyList<uint> Inverters
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions.Keys.Order()];
            }
        }
    }

    /// <summary>
    /// Starts a new session for <paramref name="inverterId"/> from a 0x0503 payload received at <paramref name="receivedAt"/>
    /// (spec §4.1). The previous session of the inverter ends.
    /// </summary>
    public SessionChange Announce(uint inverterId, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt)
    {
        if (!SessionTracker.IsInverterAddress(inverterId)
            || !SessionKeyAnnouncement.TryParse(payload, out SessionKeyAnnouncement? announcement, out _))
        {
            return SessionChange.Rejected;
        }

        lock (_gate)
        {
            var session = new InverterSession(announcement!, receivedAt);
            Replace(inverterId, session);
            return TryDerive(inverterId, session) ? SessionChange.Started : SessionChange.StartedWithoutKey;
        }
    }

    /// <summary>Whether wrappers of <paramref name="inverterId"/> can be decrypted now.</summary>
    public SessionState StateOf(uint inverterId)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(inverterId, out InverterSession? session))
            {
                return SessionState.None;
            }

            return TryDerive(inverterId, session) ? SessionState.Active : SessionState.NoKey;
        }
    }

    /// <summary>When the current 0x0503 of <paramref name="inverterId"/> was received, if it has a session.</summary>
    public DateTimeOffset? AnnouncedAt(uint inverterId)
    {
        lock (_gate)
        {
            return _sessions.TryGetValue(inverterId, out InverterSession? session) ? session.ReceivedAt : null;
        }
    }

    /// <summary>Ends the session of <paramref name="inverterId"/>.</summary>
    /// <returns><see langword="false"/> when it had none.</returns>
    public bool Forget(uint inverterId)
    {
        lock (_gate)
        {
            if (!_sessions.Remove(inverterId, out InverterSession? session))
            {
                return false;
            }

            session.Dispose();
            return true;
        }
    }

    /// <summary>
    /// Opens the wrapper payload <paramref name="payload"/> with the session of <paramref name="inverterId"/> and checks the
    /// inner message (spec §4.4). Never throws on bad input.
    /// </summary>
    /// <param name="inverterId">The inverter whose session applies.</param>
    /// <param name="payload">The 0x003D payload.</param>
    /// <param name="destination">Receives the inner message; may be <c>payload[22..]</c> itself.</param>
    /// <param name="wrapper">Inner sequence, mask and length once decrypted.</param>
    /// <param name="innerHeader">The inner header when <see cref="DecryptionStatus.Decrypted"/>.</param>
    /// <param name="innerPayload">The inner payload's range in <paramref name="destination"/>.</param>
    public DecryptionStatus Unwrap(uint inverterId, ReadOnlySpan<byte> payload, Span<byte> destination,
        out DecryptedWrapper wrapper, out SolarEdgeHeader innerHeader, out Range innerPayload)
    {
        wrapper = default;
        innerHeader = default;
        innerPayload = default;
        lock (_gate)
        {
            if (!_sessions.TryGetValue(inverterId, out InverterSession? session))
            {
                return DecryptionStatus.NoSession;
            }

            if (!TryDerive(inverterId, session))
            {
                return DecryptionStatus.NoKey;
            }

            return session.Cipher!.TryUnwrap(payload, destination, out wrapper, out innerHeader, out innerPayload) switch
            {
                WrapperStatus.Decrypted => DecryptionStatus.Decrypted,
                WrapperStatus.PayloadTooShort => DecryptionStatus.Malformed,
                WrapperStatus.DestinationTooSmall => DecryptionStatus.BufferTooSmall,
                _ => DecryptionStatus.WrongKeyOrCorrupt,
            };
        }
    }

    /// <summary>
    /// Writes a whole server wrapper (0x003D from 0xFFFFFFFD to 0xFFFFFFFF, spec §4.4) around <paramref name="innerMessage"/>
    /// with the current session of <paramref name="inverterId"/>.
    /// </summary>
    /// <param name="inverterId">The inverter the reply is for.</param>
    /// <param name="destination">Receives 44 + inner length bytes.</param>
    /// <param name="outerSequence">Sequence of the outer 0x003D message.</param>
    /// <param name="innerMessage">The complete reply, barker to CRC.</param>
    /// <param name="innerSequence">The inner sequence counter.</param>
    /// <param name="counter0">16 random bytes.</param>
    /// <param name="mask">4 random bytes.</param>
    /// <param name="written">Bytes written when <see cref="WrapStatus.Written"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="counter0"/> or <paramref name="mask"/> has the wrong size.</exception>
    public WrapStatus TryWrap(uint inverterId, Span<byte> destination, ushort outerSequence, ReadOnlySpan<byte> innerMessage,
        ushort innerSequence, ReadOnlySpan<byte> counter0, ReadOnlySpan<byte> mask, out int written)
    {
        written = 0;
        if (innerMessage.Length > EncryptedWrapper.MaxInnerMessageLength
            || destination.Length < SolarEdgeWire.FrameSize(EncryptedWrapper.PayloadLength(innerMessage.Length)))
        {
            return WrapStatus.DestinationTooSmall;
        }

        lock (_gate)
        {
            if (!_sessions.TryGetValue(inverterId, out InverterSession? session))
            {
                return WrapStatus.NoSession;
            }

            if (!TryDerive(inverterId, session))
            {
                return WrapStatus.NoKey;
            }

            written = session.Cipher!.WriteMessage(destination, EncryptedWrapper.ServerHeader(outerSequence), innerMessage, innerSequence, counter0, mask);
            return WrapStatus.Written;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (InverterSession session in _sessions.Values)
            {
                session.Dispose();
            }

            _sessions.Clear();
        }
    }

    // Callers hold _gate.
    private bool TryDerive(uint inverterId, InverterSession session)
    {
        if (session.Cipher is not null)
        {
            return true;
        }

        InverterKey? key = _keyLookup(inverterId);
        if (key is null)
        {
            return false;
        }

        session.Cipher = SessionCipher.FromAnnouncement(key, session.Announcement);
        return true;
    }

    // Callers hold _gate.
    private void Replace(uint inverterId, InverterSession session)
    {
        if (_sessions.Remove(inverterId, out InverterSession? previous))
        {
            previous.Dispose();
        }

        _sessions[inverterId] = session;
    }
}
