namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>What a <see cref="SessionTracker"/> made of one message (spec §4).</summary>
public enum DecryptionStatus
{
    /// <summary>Not a wrapper: the message is used as it is (this includes a 0x0503 announcement).</summary>
    Plain,

    /// <summary>A wrapper, decrypted; header and payload are the inner message's.</summary>
    Decrypted,

    /// <summary>A wrapper of an inverter that announced a session, but no key is known for it.</summary>
    NoKey,

    /// <summary>A wrapper of an inverter whose 0x0503 was not seen (nor restored): it cannot be decrypted (spec §4.1).</summary>
    NoSession,

    /// <summary>A wrapper that decrypts to no valid message: a wrong key, a missed 0x0503, or corruption.</summary>
    WrongKeyOrCorrupt,

    /// <summary>A wrapper whose payload is shorter than the 22-byte wrapper overhead.</summary>
    Malformed,

    /// <summary>The caller's scratch buffer is shorter than the wrapper payload.</summary>
    BufferTooSmall,

    /// <summary>A server wrapper (0xFFFFFFFD → 0xFFFFFFFF) on a stream whose inverter is not known, and no known session opened it.</summary>
    UnknownInverter,
}
