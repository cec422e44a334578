namespace SolarTap.Linux.Interop;

// <linux/i2c-dev.h> and <linux/i2c.h>: the i2c-dev character device (Documentation/i2c/dev-interface.rst).
// These ioctl numbers predate the _IOC encoding: they are plain numbers. C names are kept (ARCHITECTURE §4.5).
#pragma warning disable CA1707, IDE1006 // C names

/// <summary>The ioctl numbers, functionality bits and errno values of i2c-dev.</summary>
internal static class I2cDev
{
    /// <summary>I2C_SLAVE: use this 7-bit address for the following read(2)/write(2) (EBUSY when a kernel driver has it).</summary>
    internal const nuint I2C_SLAVE = 0x0703;

    /// <summary>I2C_FUNCS: get the adapter's functionality mask (an unsigned long).</summary>
    internal const nuint I2C_FUNCS = 0x0705;

    /// <summary>I2C_FUNC_I2C: the adapter does plain I2C transfers (needed for write(2) of more than an SMBus block).</summary>
    internal const ulong I2C_FUNC_I2C = 0x00000001;

    /// <summary>EREMOTEIO from &lt;asm-generic/errno.h&gt;: what most adapters (i2c-bcm2835, i2c-designware) return for a NACK.</summary>
    internal const int EREMOTEIO = 121;
}
