namespace SolarTap.Protocols.Pcap;

/// <summary>
/// pcapng timestamp units (draft-ietf-opsawg-pcapng §4.2, option if_tsresol): when the most significant bit of the
/// resolution byte is 0, a unit is 10^-v seconds; when it is 1, a unit is 2^-(v &amp; 0x7f) seconds. Default: 6 (µs).
/// </summary>
internal static class CaptureTimestamps
{
    public const byte Microseconds = 6;
    public const byte Nanoseconds = 9;
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>Nanoseconds since the epoch of <paramref name="units"/> at <paramref name="resolution"/>, plus if_tsoffset; saturates.</summary>
    public static long ToNanoseconds(ulong units, byte resolution, long offsetSeconds)
    {
        int exponent = resolution & 0x7F;
        Int128 nanoseconds;
        if ((resolution & 0x80) != 0)
        {
            nanoseconds = (Int128)(((UInt128)units * NanosecondsPerSecond) >> exponent);
        }
        else if (exponent <= 9)
        {
            nanoseconds = (Int128)units * Pow10(9 - exponent);
        }
        else
        {
            nanoseconds = exponent - 9 > 19 ? 0 : (Int128)(units / Pow10(exponent - 9));
        }

        nanoseconds += (Int128)offsetSeconds * NanosecondsPerSecond;
        return nanoseconds > long.MaxValue ? long.MaxValue : nanoseconds < long.MinValue ? long.MinValue : (long)nanoseconds;
    }

    /// <summary>Units at <paramref name="resolution"/> for a non-negative time in nanoseconds (the writer's inverse).</summary>
    public static ulong FromNanoseconds(long nanoseconds, byte resolution)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nanoseconds);
        int exponent = resolution & 0x7F;
        UInt128 units;
        if ((resolution & 0x80) != 0)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(exponent, 64, nameof(resolution));
            units = ((UInt128)(ulong)nanoseconds << exponent) / NanosecondsPerSecond;
        }
        else if (exponent <= 9)
        {
            units = (ulong)nanoseconds / Pow10(9 - exponent);
        }
        else
        {
            units = exponent - 9 > 19 ? UInt128.MaxValue : (UInt128)(ulong)nanoseconds * Pow10(exponent - 9);
        }

        return units > ulong.MaxValue ? throw new ArgumentOutOfRangeException(nameof(nanoseconds), "The time does not fit 64 bits at this resolution.") : (ulong)units;
    }

    /// <summary>10^<paramref name="exponent"/> for 0..19 (10^19 still fits 64 unsigned bits).</summary>
    private static ulong Pow10(int exponent)
    {
        ulong value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
