using SolarTap.Linux.I2c;

namespace SolarTap.Linux.Tests.I2c;

/// <summary>
/// i2c-dev against what this machine has. Its kernel has no i2c-dev or i2c-stub (no modules), so no bus exists;
/// these are the error paths a user meets.
/// </summary>
public class LinuxI2cDeviceTests
{
    [Fact]
    public void Open_MissingBus_SaysHowToEnableIt()
    {
        FileNotFoundException e = Assert.Throws<FileNotFoundException>(() => LinuxI2cDevice.Open("/dev/solartap-no-i2c-9", 0x3C));

        Assert.Contains("/dev/solartap-no-i2c-9", e.Message, StringComparison.Ordinal);
        Assert.Contains("dtparam=i2c_arm=on", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotAnI2cBus_SaysSo()
    {
        IOException e = Assert.Throws<IOException>(() => LinuxI2cDevice.Open("/dev/null", 0x3C));

        Assert.Contains("/dev/null is not an I2C bus", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x07)]
    [InlineData(0x78)]
    [InlineData(0x7F)]
    public void Open_AddressOutsideSevenBits_IsRejected(int address)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinuxI2cDevice.Open("/dev/null", address));
    }
}
