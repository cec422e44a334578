using SolarTap.Linux.Gpio;

namespace SolarTap.Linux.Tests.Gpio;

public class GpioLineAddressTests
{
    [Theory]
    [InlineData("gpiochip0:17", "gpiochip0", 17)]
    [InlineData("/dev/gpiochip4:27", "/dev/gpiochip4", 27)]
    [InlineData("gpio-sim.0:0", "gpio-sim.0", 0)]
    public void TryParse_ChipAndOffset_ReadsBoth(string text, string chip, int offset)
    {
        Assert.True(GpioLineAddress.TryParse(text, out GpioLineAddress address));
        Assert.Equal(GpioLineAddress.At(chip, offset), address);
        Assert.Equal(text, address.ToString());
    }

    [Fact]
    public void TryParse_LineName_ReadsTheName()
    {
        Assert.True(GpioLineAddress.TryParse("GPIO17", out GpioLineAddress address));
        Assert.Equal(GpioLineAddress.Named("GPIO17"), address);
        Assert.Equal("GPIO17", address.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("gpiochip0:")]
    [InlineData("gpiochip0:x")]
    [InlineData("gpiochip0:-1")]
    [InlineData("gpio chip:1")]
    [InlineData("GPIO 17")]
    [InlineData("a-line-name-that-is-much-too-long-for-the-kernel")]
    public void TryParse_Nonsense_IsRejected(string text)
    {
        Assert.False(GpioLineAddress.TryParse(text, out _));
    }
}
