using SolarTap.Linux.Gpio;
using SolarTap.Linux.Interop;
using static SolarTap.Linux.Interop.GpioUapi;

namespace SolarTap.Linux.Tests.Gpio;

/// <summary>
/// The event path of the button (poll(2), then read(2) of struct gpio_v2_line_event records) over a regular file
/// of records: poll reports a regular file readable at once, and read returns the records as the kernel would.
/// </summary>
public sealed unsafe class GpioInputLineTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"solartap-events-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(_file);

    private GpioInputLine LineWith(params uint[] ids)
    {
        byte[] bytes = new byte[ids.Length * sizeof(gpio_v2_line_event)];
        fixed (byte* p = bytes)
        {
            var events = (gpio_v2_line_event*)p;
            for (int i = 0; i < ids.Length; i++)
            {
                events[i] = new gpio_v2_line_event { timestamp_ns = (ulong)(i + 1) * 1_000_000, id = ids[i], offset = 26, seqno = (uint)i + 1, line_seqno = (uint)i + 1 };
            }
        }

        File.WriteAllBytes(_file, bytes);
        return new GpioInputLine(FileDescriptorHandle.Open(_file, LibC.O_RDONLY), "test:26");
    }

    [Fact]
    public void WaitForPress_RisingEdgeQueued_True()
    {
        using GpioInputLine line = LineWith(GPIO_V2_LINE_EVENT_RISING_EDGE);

        Assert.True(line.WaitForPress(TimeSpan.Zero));
    }

    [Fact]
    public void WaitForPress_ReleaseOnly_False()
    {
        using GpioInputLine line = LineWith(GPIO_V2_LINE_EVENT_FALLING_EDGE);

        Assert.False(line.WaitForPress(TimeSpan.Zero));
    }

    [Fact]
    public void WaitForPress_SeveralPressesQueued_OneWaitTakesThemAll()
    {
        using GpioInputLine line = LineWith(GPIO_V2_LINE_EVENT_RISING_EDGE, GPIO_V2_LINE_EVENT_FALLING_EDGE, GPIO_V2_LINE_EVENT_RISING_EDGE);

        Assert.True(line.WaitForPress(TimeSpan.Zero));
        Assert.False(line.WaitForPress(TimeSpan.Zero)); // end of file: nothing more queued
    }

    [Fact]
    public void WaitForPress_AfterDispose_Throws()
    {
        GpioInputLine line = LineWith(GPIO_V2_LINE_EVENT_RISING_EDGE);
        line.Dispose();

        Assert.Throws<ObjectDisposedException>(() => line.WaitForPress(TimeSpan.Zero));
    }

    [Fact]
    public void Name_IsTheChipAndOffset()
    {
        using GpioInputLine line = LineWith();

        Assert.Equal("test:26", line.Name);
    }
}
