using System.Text;
using SolarTap.Linux.Interop;
using static SolarTap.Linux.Interop.GpioUapi;

namespace SolarTap.Linux.Gpio;

/// <summary>
/// A GPIO chip character device (<c>/dev/gpiochipN</c>, &lt;linux/gpio.h&gt; v2 uAPI): its info, its lines' info,
/// and line requests. Line lookup by name across every chip is <see cref="GpioLines"/>.
/// </summary>
public sealed unsafe class GpioChip : IDisposable
{
    /// <summary>The consumer label the kernel shows for our lines (gpioinfo, /sys/kernel/debug/gpio).</summary>
    public const string Consumer = "solartap";

    private readonly FileDescriptorHandle _fd;

    private GpioChip(FileDescriptorHandle fd, string path, string name, string label, int lineCount)
    {
        _fd = fd;
        Path = path;
        Name = name;
        Label = label;
        LineCount = lineCount;
    }

    /// <summary>The device path.</summary>
    public string Path { get; }

    /// <summary>The kernel's name for the chip (<c>gpiochip0</c>).</summary>
    public string Name { get; }

    /// <summary>The chip's label (<c>pinctrl-bcm2711</c>, <c>gpio-sim.0-node0</c>).</summary>
    public string Label { get; }

    /// <summary>Lines on the chip.</summary>
    public int LineCount { get; }

    /// <summary>Opens the chip at <paramref name="path"/> and reads its info (GPIO_GET_CHIPINFO_IOCTL).</summary>
    /// <exception cref="FileNotFoundException">No such device.</exception>
    /// <exception cref="UnauthorizedAccessException">Not permitted.</exception>
    /// <exception cref="IOException">It is not a GPIO chip, or the kernel refused.</exception>
    public static GpioChip Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FileDescriptorHandle fd = FileDescriptorHandle.Open(path, LibC.O_RDWR);
        try
        {
            gpiochip_info info = default;
            if (LibC.ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &info) == -1)
            {
                int errno = Errno.Last;
                throw errno == LibC.ENOTTY
                    ? new IOException($"{path} is not a GPIO chip character device (GPIO_GET_CHIPINFO_IOCTL: errno {errno}).", errno)
                    : Errno.Exception(errno, "GPIO_GET_CHIPINFO_IOCTL", path);
            }

            return new GpioChip(fd, path, Text(info.name, GPIO_MAX_NAME_SIZE), Text(info.label, GPIO_MAX_NAME_SIZE), (int)info.lines);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>The line at <paramref name="offset"/> (GPIO_V2_GET_LINEINFO_IOCTL).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The chip has no such line.</exception>
    /// <exception cref="IOException">The kernel refused.</exception>
    public GpioLineInfo GetLineInfo(int offset)
    {
        CheckOffset(offset);
        gpio_v2_line_info info = default;
        info.offset = (uint)offset;
        Errno.Check(LibC.ioctl(_fd, GPIO_V2_GET_LINEINFO_IOCTL, &info), $"GPIO_V2_GET_LINEINFO_IOCTL line {offset}", Path);
        return new GpioLineInfo(
            offset,
            Text(info.name, GPIO_MAX_NAME_SIZE),
            Text(info.consumer, GPIO_MAX_NAME_SIZE),
            (info.flags & GPIO_V2_LINE_FLAG_USED) != 0,
            (info.flags & GPIO_V2_LINE_FLAG_OUTPUT) != 0,
            (info.flags & GPIO_V2_LINE_FLAG_ACTIVE_LOW) != 0);
    }

    /// <summary>The offset of the line called <paramref name="name"/> on this chip, or null.</summary>
    public int? FindLine(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        for (int offset = 0; offset < LineCount; offset++)
        {
            if (GetLineInfo(offset).Name == name)
            {
                return offset;
            }
        }

        return null;
    }

    /// <summary>
    /// Requests the line at <paramref name="offset"/> as <paramref name="request"/> says (GPIO_V2_GET_LINE_IOCTL)
    /// and returns the line's own fd, which lives on when the chip is closed.
    /// </summary>
    /// <exception cref="IOException">The line is busy (EBUSY: another program or a kernel driver has it) or the
    /// kernel refused the configuration.</exception>
    internal FileDescriptorHandle RequestLine(int offset, GpioLineRequest request)
    {
        CheckOffset(offset);
        gpio_v2_line_request req = BuildRequest(offset, request);
        Errno.Check(LibC.ioctl(_fd, GPIO_V2_GET_LINE_IOCTL, &req), $"GPIO_V2_GET_LINE_IOCTL line {offset}", Path);
        return FileDescriptorHandle.Adopt(req.fd);
    }

    /// <summary>The struct gpio_v2_line_request for one line at <paramref name="offset"/>, configured as <paramref name="request"/> says.</summary>
    internal static gpio_v2_line_request BuildRequest(int offset, GpioLineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        gpio_v2_line_request req = default;
        req.offsets[0] = (uint)offset;
        req.num_lines = 1;
        ReadOnlySpan<byte> consumer = Encoding.ASCII.GetBytes(Consumer);
        consumer.CopyTo(new Span<byte>(req.consumer, GPIO_MAX_NAME_SIZE - 1)); // the rest stays NUL
        ulong flags = request.Output ? GPIO_V2_LINE_FLAG_OUTPUT : GPIO_V2_LINE_FLAG_INPUT;
        if (request.ActiveLow)
        {
            flags |= GPIO_V2_LINE_FLAG_ACTIVE_LOW;
        }

        if (!request.Output && request.PullUp)
        {
            flags |= GPIO_V2_LINE_FLAG_BIAS_PULL_UP;
        }

        if (!request.Output && request.RisingEdge)
        {
            flags |= GPIO_V2_LINE_FLAG_EDGE_RISING;
        }

        req.config.flags = flags;
        uint attributes = 0;
        if (request.Output)
        {
            // The output value from the moment of the request, so an LED does not flash on start (bit 0 = line 0 of the request).
            ref gpio_v2_line_config_attribute values = ref req.config.attrs[(int)attributes++];
            values.attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
            values.attr.values = request.InitialValue ? 1UL : 0UL;
            values.mask = 1;
        }
        else if (request.Debounce > TimeSpan.Zero)
        {
            ref gpio_v2_line_config_attribute debounce = ref req.config.attrs[(int)attributes++];
            debounce.attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
            debounce.attr.debounce_period_us = (uint)Math.Min(request.Debounce.Ticks / TimeSpan.TicksPerMicrosecond, uint.MaxValue);
            debounce.mask = 1;
        }

        req.config.num_attrs = attributes;
        return req;
    }

    /// <summary>Closes the chip; requested lines stay requested until their own objects are disposed.</summary>
    public void Dispose() => _fd.Dispose();

    private void CheckOffset(int offset)
    {
        if ((uint)offset >= (uint)LineCount)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"{Path} ({Label}) has lines 0 to {LineCount - 1}, not {offset}.");
        }
    }
}
