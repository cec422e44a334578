namespace SolarTap.Protocols.SolarEdge.Decoding;

/// <summary>What was decoded from one device (the inverter that sent or is addressed by the messages).</summary>
public sealed class DeviceCounters
{
    /// <summary>Messages of any function, counted after unwrapping.</summary>
    public long Messages { get; internal set; }

    /// <summary>0x0500 telemetry posts, empty ones included.</summary>
    public long Posts { get; internal set; }

    /// <summary>Telemetry records in those posts.</summary>
    public long Records { get; internal set; }

    /// <summary>Readings made from them.</summary>
    public long Readings { get; internal set; }

    /// <summary>Records of an unknown type or unusable length (reported, skipped).</summary>
    public long UnknownRecords { get; internal set; }

    /// <summary>Posts whose last record ran past the payload.</summary>
    public long TruncatedPosts { get; internal set; }

    /// <summary>0x003D wrappers decrypted.</summary>
    public long Decrypted { get; internal set; }

    /// <summary>0x003D wrappers that could not be decrypted (no key, no session, wrong key).</summary>
    public long NotDecrypted { get; internal set; }

    /// <summary>0x0503 session-key announcements.</summary>
    public long SessionAnnouncements { get; internal set; }
}
