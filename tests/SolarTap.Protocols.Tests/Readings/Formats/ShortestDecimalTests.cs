using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Protocols.Tests.Readings.Formats;

public class ShortestDecimalTests
{
    [Theory]
    [InlineData(263.28125000000006, "263.28125000000006")]
    [InlineData(7.675000000000001, "7.675000000000001")]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.30000000000000004, "-0.30000000000000004")]
    [InlineData(0.0012345, "0.0012345")]
    [InlineData(9999999.999999998, "9999999.999999998")]
    public void TryWrite_KnownValues_WritesTheShortestRoundTripText(double value, string expected)
    {
        Assert.Equal(expected, Format(value));
        Assert.Equal(value, double.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(0.0009)] // below the range
    [InlineData(1e7)] // at the limit
    [InlineData(42.0)] // whole
    [InlineData(0.5)] // a power of two
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TryWrite_OutsideWhatItHandles_WritesNothing(double value)
    {
        Span<byte> buffer = stackalloc byte[64];
        Assert.False(ShortestDecimal.TryWrite(buffer, value, out int written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void TryWrite_OptimizerPowers_MatchDotNetsRoundTripFormat()
    {
        // Every panel power a 0x0080 record can carry in the usual range: (n × 0.125 V) × (m × 0.00625 A).
        int handled = 0;
        for (int volts = 0; volts < 1024; volts += 3)
        {
            for (int amps = 0; amps < 4096; amps += 5)
            {
                double power = (0.125 * volts) * (0.00625 * amps);
                handled += CheckAgainstDotNet(power) ? 1 : 0;
            }
        }

        Assert.True(handled > 200_000, $"only {handled} values took the fast path");
    }

    [Fact]
    public void TryWrite_RandomDoublesInRange_MatchDotNetsRoundTripFormat()
    {
        Gen<double> inRange =
            from mantissa in Gen.Choose(0, int.MaxValue)
            from low in Gen.Choose(0, int.MaxValue)
            from exponent in Gen.Choose(-10, 23)
            from negative in ArbMap.Default.GeneratorFor<bool>()
            let fraction = (((ulong)mantissa << 21) ^ (ulong)low) & ((1UL << 52) - 1)
            let bits = ((ulong)(1023 + exponent) << 52) | fraction
            let value = BitConverter.UInt64BitsToDouble(bits)
            select negative ? -value : value;
        int handled = 0;
        Prop.ForAll(inRange.ToArbitrary(), value =>
        {
            handled += CheckAgainstDotNet(value) ? 1 : 0;
            return true;
        }).Check(SolarTap.Testing.Properties.Pinned(0x5D0C_1A55, tests: 20_000));

        Assert.True(handled > 10_000, $"only {handled} of 20 000 values took the fast path");
    }

    [Fact]
    public void TryWrite_ShortDecimalsNearTheirNeighbours_MatchDotNetsRoundTripFormat()
    {
        // Values one unit in the last place away from short decimals: the hardest cases for a shortest search.
        int handled = 0;
        for (int i = 1; i < 20_000; i++)
        {
            double near = i * 0.001;
            handled += CheckAgainstDotNet(Math.BitIncrement(near)) ? 1 : 0;
            handled += CheckAgainstDotNet(Math.BitDecrement(near)) ? 1 : 0;
            handled += CheckAgainstDotNet(near) ? 1 : 0;
        }

        Assert.True(handled > 55_000, $"only {handled} values took the fast path");
    }

    private static bool CheckAgainstDotNet(double value)
    {
        Span<byte> buffer = stackalloc byte[64];
        if (!ShortestDecimal.TryWrite(buffer, value, out int written))
        {
            return false;
        }

        string expected = value.ToString("R", CultureInfo.InvariantCulture);
        string actual = Encoding.ASCII.GetString(buffer[..written]);
        Assert.True(expected == actual, $"{BitConverter.DoubleToInt64Bits(value):x16}: .NET writes {expected}, ShortestDecimal {actual}");
        return true;
    }

    private static string Format(double value)
    {
        Span<byte> buffer = stackalloc byte[64];
        Assert.True(ShortestDecimal.TryWrite(buffer, value, out int written));
        return Encoding.ASCII.GetString(buffer[..written]);
    }
}
