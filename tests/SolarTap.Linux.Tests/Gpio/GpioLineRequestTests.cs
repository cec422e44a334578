using SolarTap.Linux.Gpio;
using static SolarTap.Linux.Interop.GpioUapi;

namespace SolarTap.Linux.Tests.Gpio;

/// <summary>
/// The struct gpio_v2_line_request handed to GPIO_V2_GET_LINE_IOCTL, checked field by field against
/// Documentation/userspace-api/gpio/gpio-v2-get-line-ioctl.rst (this kernel has no gpio-sim to take it).
/// </summary>
public unsafe class GpioLineRequestTests
{
    private static string Consumer(gpio_v2_line_request r) => Text(r.consumer, GPIO_MAX_NAME_SIZE);

    [Fact]
    public void BuildRequest_ActiveLowOutput_OneLineOutputActiveLowStartingDark()
    {
        gpio_v2_line_request r = GpioChip.BuildRequest(27, new GpioLineRequest(Output: true, ActiveLow: true));

        Assert.Equal(1u, r.num_lines);
        Assert.Equal(27u, r.offsets[0]);
        Assert.Equal(0u, r.offsets[1]);
        Assert.Equal("solartap", Consumer(r));
        Assert.Equal(GPIO_V2_LINE_FLAG_OUTPUT | GPIO_V2_LINE_FLAG_ACTIVE_LOW, r.config.flags);
        Assert.Equal(1u, r.config.num_attrs);
        Assert.Equal(GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES, r.config.attrs[0].attr.id);
        Assert.Equal(0UL, r.config.attrs[0].attr.values);
        Assert.Equal(1UL, r.config.attrs[0].mask);
        Assert.Equal(0u, r.event_buffer_size); // the kernel's default
        Assert.Equal(0, r.fd);
    }

    [Fact]
    public void BuildRequest_OutputInitiallyOn_ValuesBitSet()
    {
        gpio_v2_line_request r = GpioChip.BuildRequest(4, new GpioLineRequest(Output: true, InitialValue: true));

        Assert.Equal(GPIO_V2_LINE_FLAG_OUTPUT, r.config.flags);
        Assert.Equal(1UL, r.config.attrs[0].attr.values);
    }

    [Fact]
    public void BuildRequest_Button_InputPullUpActiveLowRisingEdgeWithDebounceInMicroseconds()
    {
        gpio_v2_line_request r = GpioChip.BuildRequest(26, new GpioLineRequest(Output: false, ActiveLow: true, PullUp: true, RisingEdge: true, Debounce: TimeSpan.FromMilliseconds(10)));

        Assert.Equal(
            GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_ACTIVE_LOW | GPIO_V2_LINE_FLAG_BIAS_PULL_UP | GPIO_V2_LINE_FLAG_EDGE_RISING,
            r.config.flags);
        Assert.Equal(1u, r.config.num_attrs);
        Assert.Equal(GPIO_V2_LINE_ATTR_ID_DEBOUNCE, r.config.attrs[0].attr.id);
        Assert.Equal(10_000u, r.config.attrs[0].attr.debounce_period_us);
        Assert.Equal(1UL, r.config.attrs[0].mask);
    }

    [Fact]
    public void BuildRequest_InputWithoutDebounce_NoAttributes()
    {
        gpio_v2_line_request r = GpioChip.BuildRequest(3, new GpioLineRequest(Output: false));

        Assert.Equal(GPIO_V2_LINE_FLAG_INPUT, r.config.flags);
        Assert.Equal(0u, r.config.num_attrs);
    }

    [Fact]
    public void BuildRequest_OutputWithInputOnlyOptions_IgnoresThem()
    {
        gpio_v2_line_request r = GpioChip.BuildRequest(3, new GpioLineRequest(Output: true, PullUp: true, RisingEdge: true, Debounce: TimeSpan.FromMilliseconds(5)));

        // The kernel rejects edge detection and debounce on outputs (EINVAL); they are not sent.
        Assert.Equal(GPIO_V2_LINE_FLAG_OUTPUT, r.config.flags);
        Assert.Equal(GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES, r.config.attrs[0].attr.id);
        Assert.Equal(1u, r.config.num_attrs);
    }
}
