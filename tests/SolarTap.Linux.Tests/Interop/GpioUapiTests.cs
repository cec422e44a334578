using SolarTap.Linux.Interop;
using static SolarTap.Linux.Interop.GpioUapi;

namespace SolarTap.Linux.Tests.Interop;

/// <summary>
/// The GPIO v2 uAPI structs and ioctl numbers against &lt;linux/gpio.h&gt; (ARCHITECTURE §4.6). Expected sizes and
/// offsets are worked out by hand from the header's declarations; the ioctl numbers are recomputed here from
/// &lt;asm-generic/ioctl.h&gt;'s formula: dir &lt;&lt; 30 | size &lt;&lt; 16 | type &lt;&lt; 8 | nr.
/// </summary>
public unsafe class GpioUapiTests
{
    private const uint IocWrite = 1, IocRead = 2; // _IOC_WRITE, _IOC_READ
    private const uint GpioMagic = 0xB4;

    private static uint Ioc(uint dir, uint nr, int size) => (dir << 30) | ((uint)size << 16) | (GpioMagic << 8) | nr;

    [Fact]
    public void StructSizes_MatchTheHeader()
    {
        Assert.Equal(32 + 32 + 4, sizeof(gpiochip_info));
        Assert.Equal(8 + 8, sizeof(gpio_v2_line_values));
        Assert.Equal(4 + 4 + 8, sizeof(gpio_v2_line_attribute));
        Assert.Equal(16 + 8, sizeof(gpio_v2_line_config_attribute));
        Assert.Equal(8 + 4 + (5 * 4) + (10 * 24), sizeof(gpio_v2_line_config));
        Assert.Equal((64 * 4) + 32 + 272 + 4 + 4 + (5 * 4) + 4, sizeof(gpio_v2_line_request));
        Assert.Equal(32 + 32 + 4 + 4 + 8 + (10 * 16) + (4 * 4), sizeof(gpio_v2_line_info));
        Assert.Equal(8 + (4 * 4) + (6 * 4), sizeof(gpio_v2_line_event));
    }

    [Fact]
    public void LineAttribute_UnionStartsAtEight()
    {
        gpio_v2_line_attribute a = default;
        byte* b = (byte*)&a;
        Assert.Equal(4, (byte*)&a.padding - b);
        Assert.Equal(8, (byte*)&a.flags - b);
        Assert.Equal(8, (byte*)&a.values - b);
        Assert.Equal(8, (byte*)&a.debounce_period_us - b);
        gpio_v2_line_config_attribute c = default;
        Assert.Equal(16, (byte*)&c.mask - (byte*)&c);
    }

    [Fact]
    public void LineRequest_FieldOffsets_MatchTheHeader()
    {
        gpio_v2_line_request r = default;
        byte* b = (byte*)&r;
        Assert.Equal(256, (byte*)r.consumer - b);
        Assert.Equal(288, (byte*)&r.config - b);
        Assert.Equal(288 + 8, (byte*)&r.config.num_attrs - b);
        Assert.Equal(288 + 32, (byte*)&r.config.attrs - b);
        Assert.Equal(288 + 32 + 24, (byte*)&r.config.attrs[1] - b);
        Assert.Equal(560, (byte*)&r.num_lines - b);
        Assert.Equal(564, (byte*)&r.event_buffer_size - b);
        Assert.Equal(588, (byte*)&r.fd - b);
    }

    [Fact]
    public void LineInfoAndEvent_FieldOffsets_MatchTheHeader()
    {
        gpio_v2_line_info i = default;
        byte* b = (byte*)&i;
        Assert.Equal(32, (byte*)i.consumer - b);
        Assert.Equal(64, (byte*)&i.offset - b);
        Assert.Equal(68, (byte*)&i.num_attrs - b);
        Assert.Equal(72, (byte*)&i.flags - b);
        Assert.Equal(80, (byte*)&i.attrs - b);
        Assert.Equal(240, (byte*)i.padding - b);

        gpio_v2_line_event e = default;
        byte* eb = (byte*)&e;
        Assert.Equal(8, (byte*)&e.id - eb);
        Assert.Equal(12, (byte*)&e.offset - eb);
        Assert.Equal(16, (byte*)&e.seqno - eb);
        Assert.Equal(20, (byte*)&e.line_seqno - eb);

        gpiochip_info c = default;
        Assert.Equal(32, c.label - c.name);
        Assert.Equal(64, (byte*)&c.lines - (byte*)&c);
    }

    [Fact]
    public void IoctlNumbers_FollowTheIocFormula()
    {
        Assert.Equal(GPIO_GET_CHIPINFO_IOCTL, Ioc(IocRead, 0x01, 68));
        Assert.Equal(GPIO_V2_GET_LINEINFO_IOCTL, Ioc(IocRead | IocWrite, 0x05, 256));
        Assert.Equal(GPIO_V2_GET_LINE_IOCTL, Ioc(IocRead | IocWrite, 0x07, 592));
        Assert.Equal(GPIO_V2_LINE_GET_VALUES_IOCTL, Ioc(IocRead | IocWrite, 0x0E, 16));
        Assert.Equal(GPIO_V2_LINE_SET_VALUES_IOCTL, Ioc(IocRead | IocWrite, 0x0F, 16));
    }

    [Fact]
    public void IoctlNumbers_ReachIoctlZeroExtended()
    {
        // ioctl(2)'s request is an unsigned long: the number must not be sign-extended on the way.
        nuint request = GPIO_V2_GET_LINE_IOCTL;
        Assert.Equal(0xC250B407UL, (ulong)request);
    }

    [Fact]
    public void FlagsAndIds_MatchTheHeader()
    {
        Assert.Equal(0x2UL, GPIO_V2_LINE_FLAG_ACTIVE_LOW);
        Assert.Equal(0x4UL, GPIO_V2_LINE_FLAG_INPUT);
        Assert.Equal(0x8UL, GPIO_V2_LINE_FLAG_OUTPUT);
        Assert.Equal(0x10UL, GPIO_V2_LINE_FLAG_EDGE_RISING);
        Assert.Equal(0x100UL, GPIO_V2_LINE_FLAG_BIAS_PULL_UP);
        Assert.Equal(2u, GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES);
        Assert.Equal(3u, GPIO_V2_LINE_ATTR_ID_DEBOUNCE);
        Assert.Equal(1u, GPIO_V2_LINE_EVENT_RISING_EDGE);
    }

    [Fact]
    public void Text_StopsAtTheFirstNul()
    {
        byte* chars = stackalloc byte[8] { (byte)'G', (byte)'P', (byte)'I', (byte)'O', (byte)'4', 0, (byte)'x', 0 };
        Assert.Equal("GPIO4", Text(chars, 8));
        Assert.Equal("GPI", Text(chars, 3));
    }
}
