namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>Whether wrappers of one inverter can be decrypted (spec §4).</summary>
public enum SessionState
{
    /// <summary>No 0x0503 seen or restored for the inverter.</summary>
    None,

    /// <summary>A 0x0503 is known but the inverter's key is not ("encrypted, no key").</summary>
    NoKey,

    /// <summary>A session key is derived and in use.</summary>
    Active,
}
