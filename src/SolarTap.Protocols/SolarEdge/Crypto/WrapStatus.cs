namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>Outcome of wrapping a reply for an inverter (spec §4.4, encryption).</summary>
public enum WrapStatus
{
    /// <summary>The whole 0x003D message was written.</summary>
    Written,

    /// <summary>The stream's inverter is not known yet.</summary>
    UnknownInverter,

    /// <summary>The inverter has not announced a session.</summary>
    NoSession,

    /// <summary>The inverter announced a session but its key is not known.</summary>
    NoKey,

    /// <summary>The destination cannot hold the message, or the inner message is too long for a wrapper.</summary>
    DestinationTooSmall,
}
