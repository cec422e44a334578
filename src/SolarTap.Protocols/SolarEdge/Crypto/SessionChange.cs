namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>What a 0x0503 announcement did to the session of its inverter (spec §4.1, §4.3).</summary>
public enum SessionChange
{
    /// <summary>The message was not a 0x0503.</summary>
    None,

    /// <summary>A new session key was derived; later wrappers use it.</summary>
    Started,

    /// <summary>The announcement was stored but no key is known for the inverter: its wrappers cannot be decrypted.</summary>
    StartedWithoutKey,

    /// <summary>A 0x0503 whose payload is not 34 bytes, or whose source is not an inverter; the session is unchanged.</summary>
    Rejected,
}
