namespace SolarTap.Protocols.Readings.Formats;

/// <summary>
/// The shortest decimal that reads back as a given double, and of those the closest: the text .NET's "R" format
/// writes, computed here with exact 128-bit integer arithmetic for the range device values live in. Derived values
/// such as panel power (V × A, both scaled integers) rarely have a short exact decimal, and .NET's general
/// formatter costs several times more than this for them.
/// </summary>
/// <remarks>
/// A double is <c>M / 2^s</c> with a 53-bit <c>M</c>. A decimal <c>m / 10^k</c> reads back as it when it lies
/// strictly inside half a unit in the last place: <c>|m·2^s − M·10^k| · 2 &lt; 10^k</c>. For a digit count, the
/// closest candidate is <c>m = round(M·10^k / 2^s)</c>; the fewest digits whose candidate reads back are found by
/// bisection. In the
/// range handled, <c>M·10^k</c> stays below 2^117 and <c>m·2^s</c> below 2^120, so nothing overflows. Exact ties
/// (a value halfway between two candidates that both read back, or a candidate on the boundary) and powers of two (whose lower gap is
/// half the upper one) are left to the caller's general formatter.
/// </remarks>
internal static class ShortestDecimal
{
    /// <summary>The smallest magnitude handled.</summary>
    public const double Minimum = 1e-3;

    /// <summary>Magnitudes handled are below this.</summary>
    public const double Limit = 1e7;

    private const int MaxDigits = 17; // every double has a round-trip form of 17 significant digits
    private const int MaxFractionDigits = MaxDigits + 2; // 17 digits of a value at least 1e-3

    private static readonly UInt128[] PowersOfTen = BuildPowersOfTen(MaxFractionDigits + 8);

    /// <summary>
    /// Writes the shortest round-trip text of <paramref name="value"/> in plain notation ("263.28125000000006").
    /// </summary>
    /// <returns>
    /// <see langword="false"/>, with nothing written, when the value is outside [1e-3, 1e7) in magnitude, is a
    /// whole number, is a power of two, or meets an exact tie; the caller formats those another way.
    /// </returns>
    public static bool TryWrite(Span<byte> destination, double value, out int written)
    {
        written = 0;
        double magnitude = Math.Abs(value);
        if (!(magnitude >= Minimum && magnitude < Limit) || magnitude == Math.Floor(magnitude) || destination.Length < MaxFractionDigits + 12)
        {
            return false;
        }

        ulong bits = BitConverter.DoubleToUInt64Bits(magnitude);
        ulong fraction = bits & ((1UL << 52) - 1);
        if (fraction == 0)
        {
            return false;
        }

        ulong mantissa = fraction | (1UL << 52);
        int shift = 1075 - (int)(bits >> 52); // magnitude = mantissa / 2^shift, shift in [29, 62] for this range
        int exponent = DecimalExponent(mantissa, shift);

        // If d digits read back, so do d + 1 (every d-digit decimal is also a (d + 1)-digit one), so the fewest is
        // found by bisection. Fewer digits than the integer part has cannot read back as a non-integer value, and
        // 17 always do.
        int fewest = Math.Max(1, exponent + 1), most = MaxDigits;
        while (fewest < most)
        {
            int digits = (fewest + most) / 2;
            Candidate trial = Closest(mantissa, shift, digits - 1 - exponent);
            if (trial.OnBoundary)
            {
                return false; // whether it reads back depends on round-half-even
            }

            if (trial.ReadsBack)
            {
                most = digits;
            }
            else
            {
                fewest = digits + 1;
            }
        }

        int fractionDigits = fewest - 1 - exponent;
        Candidate best = Closest(mantissa, shift, fractionDigits);
        if (!best.ReadsBack || best.OnBoundary || best.Tied)
        {
            return false; // a tie between two candidates that both read back
        }

        written = Write(destination, value < 0, (ulong)best.Value, fractionDigits);
        return true;
    }

    /// <summary>The decimal with <paramref name="fractionDigits"/> fraction digits closest to mantissa / 2^shift.</summary>
    private static Candidate Closest(ulong mantissa, int shift, int fractionDigits)
    {
        UInt128 power = PowersOfTen[fractionDigits];
        UInt128 scaled = (UInt128)mantissa * power;
        UInt128 half = UInt128.One << (shift - 1);
        UInt128 value = (scaled + half) >> shift;
        UInt128 back = value << shift;
        UInt128 distance = back > scaled ? back - scaled : scaled - back;
        UInt128 twice = distance << 1;
        return new Candidate(value, ReadsBack: twice < power, OnBoundary: twice == power, Tied: distance == half);
    }

    /// <summary>The e with 10^e ≤ mantissa / 2^shift &lt; 10^(e+1): estimated from the binary exponent, corrected exactly.</summary>
    private static int DecimalExponent(ulong mantissa, int shift)
    {
        // log10(2) ≈ 78913 / 2^18; the estimate is at most one too small or too large.
        int exponent = ((52 - shift) * 78913) >> 18;
        while (CompareWithPowerOfTen(mantissa, shift, exponent) < 0)
        {
            exponent--;
        }

        while (CompareWithPowerOfTen(mantissa, shift, exponent + 1) >= 0)
        {
            exponent++;
        }

        return exponent;
    }

    /// <summary>The sign of mantissa / 2^shift − 10^exponent, computed exactly.</summary>
    private static int CompareWithPowerOfTen(ulong mantissa, int shift, int exponent)
    {
        UInt128 left, right;
        if (exponent >= 0)
        {
            left = mantissa;
            right = PowersOfTen[exponent] << shift;
        }
        else
        {
            left = (UInt128)mantissa * PowersOfTen[-exponent];
            right = UInt128.One << shift;
        }

        return left.CompareTo(right);
    }

    // "[-]I.FFFF" with the fraction's trailing zeros dropped.
    private static int Write(Span<byte> destination, bool negative, ulong candidate, int fractionDigits)
    {
        while (fractionDigits > 0 && candidate % 10 == 0)
        {
            candidate /= 10;
            fractionDigits--;
        }

        ulong unit = (ulong)PowersOfTen[fractionDigits];
        ulong whole = candidate / unit;
        ulong fraction = candidate - (whole * unit);
        int at = 0;
        if (negative)
        {
            destination[at++] = (byte)'-';
        }

        at += WriteDigits(destination[at..], whole, minimumDigits: 1);
        if (fractionDigits > 0)
        {
            destination[at++] = (byte)'.';
            at += WriteDigits(destination[at..], fraction, minimumDigits: fractionDigits);
        }

        return at;
    }

    private static int WriteDigits(Span<byte> destination, ulong number, int minimumDigits)
    {
        int count = 1;
        for (ulong rest = number / 10; rest != 0; rest /= 10)
        {
            count++;
        }

        count = Math.Max(count, minimumDigits);
        for (int i = count - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (int)(number % 10));
            number /= 10;
        }

        return count;
    }

    private readonly record struct Candidate(UInt128 Value, bool ReadsBack, bool OnBoundary, bool Tied);

    private static UInt128[] BuildPowersOfTen(int count)
    {
        var powers = new UInt128[count];
        powers[0] = UInt128.One;
        for (int i = 1; i < count; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
