namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>Outcome of opening one 0x003D wrapper with a session key (spec §4.4).</summary>
public enum WrapperStatus
{
    /// <summary>Decrypted; the inner bytes start with a whole message that passes its CRC.</summary>
    Decrypted,

    /// <summary>The wrapper payload is shorter than its 22-byte overhead.</summary>
    PayloadTooShort,

    /// <summary>The caller's buffer cannot hold the inner message.</summary>
    DestinationTooSmall,

    /// <summary>Decrypted, but the result is not a valid message: a wrong or stale session key, or corruption.</summary>
    NotAMessage,
}
