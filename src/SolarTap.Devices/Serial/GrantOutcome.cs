namespace SolarTap.Devices.Serial;

/// <summary>How one grant of the bus ended (spec §6.2).</summary>
public enum GrantOutcome
{
    /// <summary>The slave sent nothing within the response timeout.</summary>
    NoAnswer,

    /// <summary>The slave answered and released the bus with 0x039A.</summary>
    Released,

    /// <summary>The slave answered but never sent 0x039A (newer firmware); the master took the bus back after a quiet interval or the grant timeout.</summary>
    AnsweredWithoutRelease,
}
