using System.Buffers.Text;
using System.Globalization;

namespace SolarTap.Protocols.Readings.Formats;

/// <summary>Writes doubles as JSON numbers that read back to exactly the same double.</summary>
internal static class JsonNumber
{
    private const int Decimals = 8;
    private const double Scale = 1e8;

    // Below this, value * 1e8 stays under 2^53, so the scaled integer and the division back are exact operations.
    private const double FastLimit = 9e7;

    /// <summary>The longest text <see cref="Write"/> produces.</summary>
    public const int MaxLength = 32;

    /// <summary>
    /// Writes <paramref name="value"/> (finite) into <paramref name="destination"/>. Values with at most eight
    /// decimals, which is what device scalings produce (1/8 V, 1/160 A, their products), take a fast integer path;
    /// the rest use the shortest round-trip form, from <see cref="ShortestDecimal"/> where it applies.
    /// </summary>
    public static int Write(Span<byte> destination, double value)
    {
        if (Math.Abs(value) < FastLimit)
        {
            long whole = (long)value;
            if (whole == value)
            {
                Utf8Formatter.TryFormat(whole, destination, out int length);
                return length;
            }

            long scaled = (long)Math.Round(value * Scale);
            // scaled / 1e8 is the double nearest the decimal "I.FFFFFFFF", so that text reads back as this value.
            if (scaled / Scale == value)
            {
                return WriteScaled(destination, scaled);
            }

            if (ShortestDecimal.TryWrite(destination, value, out int shortest))
            {
                return shortest;
            }
        }

        value.TryFormat(destination, out int written, "R", CultureInfo.InvariantCulture);
        return written;
    }

    private static int WriteScaled(Span<byte> destination, long scaled)
    {
        int at = 0;
        if (scaled < 0)
        {
            destination[at++] = (byte)'-';
            scaled = -scaled;
        }

        long whole = Math.DivRem(scaled, (long)Scale, out long fraction);
        Utf8Formatter.TryFormat(whole, destination[at..], out int digits);
        at += digits;
        if (fraction == 0)
        {
            return at;
        }

        destination[at++] = (byte)'.';
        int fractionDigits = Decimals;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            fractionDigits--;
        }

        // The remaining fraction has fractionDigits digits, some of them leading zeros.
        for (int i = at + fractionDigits - 1; i >= at; i--)
        {
            destination[i] = (byte)('0' + (fraction % 10));
            fraction /= 10;
        }

        return at + fractionDigits;
    }
}
