namespace SolarTap.Protocols.Modbus;

/// <summary>
/// RTU character timing (Modbus over Serial Line v1.02 §2.5.1.1). A character is 11 bits (start, 8 data, parity or a
/// second stop bit, stop). Frames are separated by at least 3.5 character times of silence; above 19200 baud the
/// specification fixes the silence at 1.750 ms and the inter-character limit at 0.750 ms.
/// </summary>
public static class ModbusRtuTiming
{
    /// <summary>Bits per RTU character (§2.5.1).</summary>
    public const int BitsPerCharacter = 11;

    /// <summary>The fixed t3.5 above 19200 baud.</summary>
    public static readonly TimeSpan FixedSilentInterval = TimeSpan.FromMicroseconds(1750);

    /// <summary>The fixed t1.5 above 19200 baud.</summary>
    public static readonly TimeSpan FixedInterCharacterTimeout = TimeSpan.FromMicroseconds(750);

    /// <summary>t3.5: 38.5 bit times at <paramref name="baudRate"/> ≤ 19200, else 1.75 ms.</summary>
    public static TimeSpan SilentInterval(int baudRate) => BitTimes(baudRate, 3.5 * BitsPerCharacter, FixedSilentInterval);

    /// <summary>t1.5: 16.5 bit times at <paramref name="baudRate"/> ≤ 19200, else 0.75 ms.</summary>
    public static TimeSpan InterCharacterTimeout(int baudRate) => BitTimes(baudRate, 1.5 * BitsPerCharacter, FixedInterCharacterTimeout);

    /// <summary>Time to send <paramref name="bytes"/> characters at <paramref name="baudRate"/>.</summary>
    public static TimeSpan TransmitTime(int baudRate, int bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baudRate);
        return TimeSpan.FromTicks((long)Math.Ceiling(bytes * BitsPerCharacter * (double)TimeSpan.TicksPerSecond / baudRate));
    }

    private static TimeSpan BitTimes(int baudRate, double bits, TimeSpan above19200)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(baudRate);
        return baudRate > 19200
            ? above19200
            : TimeSpan.FromTicks((long)Math.Ceiling(bits * TimeSpan.TicksPerSecond / baudRate));
    }
}
