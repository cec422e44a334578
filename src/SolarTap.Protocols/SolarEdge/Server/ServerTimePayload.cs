using System.Buffers.Binary;

namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// The 8-byte payload of 0x0580 (and of 0x0303 RTC set): u32 LE UTC Unix seconds, i32 LE local offset in seconds,
/// local − UTC (spec §2.2). Real example: <c>18 0a 36 56 80 8f ff ff</c> = 0x56360A18, −28800 (UTC−8).
/// </summary>
public static class ServerTimePayload
{
    /// <summary>Payload length.</summary>
    public const int Length = 8;

    /// <summary>Writes <paramref name="utcNow"/> (whole seconds, clamped to u32) and <paramref name="offset"/> (whole seconds).</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 8 bytes.</exception>
    public static void Write(Span<byte> destination, DateTimeOffset utcNow, TimeSpan offset)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"The time payload needs {Length} bytes; the buffer has {destination.Length}.", nameof(destination));
        }

        long seconds = Math.Clamp(utcNow.ToUnixTimeSeconds(), 0, uint.MaxValue);
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)seconds);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], (int)Math.Round(offset.TotalSeconds));
    }

    /// <summary>Reads a 0x0580 payload.</summary>
    /// <returns><see langword="false"/> unless <paramref name="payload"/> has exactly 8 bytes.</returns>
    public static bool TryRead(ReadOnlySpan<byte> payload, out DateTimeOffset utc, out TimeSpan offset)
    {
        if (payload.Length != Length)
        {
            utc = default;
            offset = default;
            return false;
        }

        utc = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32LittleEndian(payload));
        offset = TimeSpan.FromSeconds(BinaryPrimitives.ReadInt32LittleEndian(payload[4..]));
        return true;
    }
}
