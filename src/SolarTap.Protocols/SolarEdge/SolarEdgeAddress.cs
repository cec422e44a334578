using System.Globalization;

namespace SolarTap.Protocols.SolarEdge;

/// <summary>Well-known addresses and the device-ID text form (spec §2.1).</summary>
public static class SolarEdgeAddress
{
    /// <summary>The monitoring server or RS485 master.</summary>
    public const uint Server = 0xFFFF_FFFE;

    /// <summary>The configuration tool / portal command source.</summary>
    public const uint ConfigurationTool = 0xFFFF_FFFD;

    /// <summary>Destination of the server's encrypted wrapper.</summary>
    public const uint Broadcast = 0xFFFF_FFFF;

    /// <summary>Bit that is sometimes set in IDs inside telemetry and must be cleared for display and keys.</summary>
    public const uint MaskedBit = 0x0080_0000;

    /// <summary>Clears <see cref="MaskedBit"/> from a device ID.</summary>
    public static uint Unmask(uint id) => id & ~MaskedBit;

    /// <summary>
    /// The ID as semonitor prints it: masked, upper-case hexadecimal without leading zeros
    /// (0x0102ABCD → "102ABCD").
    /// </summary>
    public static string Format(uint id) => Unmask(id).ToString("X", CultureInfo.InvariantCulture);

    /// <summary>Writes <see cref="Format(uint)"/> into <paramref name="destination"/> without allocating.</summary>
    public static bool TryFormat(uint id, Span<char> destination, out int charsWritten)
        => Unmask(id).TryFormat(destination, out charsWritten, "X", CultureInfo.InvariantCulture);
}
