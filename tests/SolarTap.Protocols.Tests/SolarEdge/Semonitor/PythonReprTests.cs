using SolarTap.Protocols.SolarEdge.Semonitor;

namespace SolarTap.Protocols.Tests.SolarEdge.Semonitor;

public class PythonReprTests
{
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(285.0, "285.0")]
    [InlineData(17590816.0, "17590816.0")]
    [InlineData(7.675000000000001, "7.675000000000001")]
    [InlineData(0.581250011920929, "0.581250011920929")]
    [InlineData(3.0845691755866703e-32, "3.0845691755866703e-32")]
    [InlineData(-3.4028234663852886e+38, "-3.4028234663852886e+38")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(0.000123, "0.000123")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e16, "1.5e+16")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(1e100, "1e+100")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(0.1, "0.1")]
    [InlineData(100.0, "100.0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Format_Value_MatchesPythonRepr(double value, string expected)
        => Assert.Equal(expected, PythonRepr.Format(value));

    [Fact]
    public void Format_AnyDouble_RoundTripsThroughDoubleParse()
    {
        Properties.ForAllBytes(0x5E30_0002, bytes =>
        {
            if (bytes.Length < 8)
            {
                return true;
            }

            double value = BitConverter.ToDouble(bytes);
            string text = PythonRepr.Format(value);
            return double.IsNaN(value) ? text == "NaN"
                : double.IsInfinity(value) || double.Parse(text, System.Globalization.CultureInfo.InvariantCulture).Equals(value);
        });
    }
}
