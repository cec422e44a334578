using SolarTap.Linux.Interop;

namespace SolarTap.Linux.Tests.Interop;

/// <summary>The i2c-dev numbers against &lt;linux/i2c-dev.h&gt;, &lt;linux/i2c.h&gt; and &lt;asm-generic/errno.h&gt;.</summary>
public class I2cDevTests
{
    [Fact]
    public void IoctlNumbers_AreThePlainHeaderValues()
    {
        // #define I2C_SLAVE 0x0703, #define I2C_FUNCS 0x0705: not _IOC-encoded.
        Assert.Equal((nuint)0x0703, I2cDev.I2C_SLAVE);
        Assert.Equal((nuint)0x0705, I2cDev.I2C_FUNCS);
    }

    [Fact]
    public void FunctionalityAndErrno_MatchTheHeaders()
    {
        Assert.Equal(0x1UL, I2cDev.I2C_FUNC_I2C);
        Assert.Equal(121, I2cDev.EREMOTEIO);
    }
}
