using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SolarTap.Linux.Interop;

// <linux/gpio.h>: the GPIO character device uAPI, version 2 (Documentation/userspace-api/gpio/chardev.rst).
// C names are kept (ARCHITECTURE §4.5). __aligned_u64 is 8-aligned on every ABI; on x86-64 and arm64 a ulong
// already is, and the layout tests pin every size and offset.
#pragma warning disable CA1707, IDE1006, CS8981, CA1815, CA1051 // C names and plain C structs

/// <summary>The structs, flags and ioctl numbers of the GPIO v2 character-device uAPI.</summary>
internal static unsafe class GpioUapi
{
    /// <summary>GPIO_MAX_NAME_SIZE: length of the name, label and consumer strings, NUL included.</summary>
    internal const int GPIO_MAX_NAME_SIZE = 32;

    /// <summary>GPIO_V2_LINES_MAX: lines per request.</summary>
    internal const int GPIO_V2_LINES_MAX = 64;

    /// <summary>GPIO_V2_LINE_NUM_ATTRS_MAX: configuration attributes per request.</summary>
    internal const int GPIO_V2_LINE_NUM_ATTRS_MAX = 10;

    /// <summary>enum gpio_v2_line_flag (_BITULL(n)).</summary>
    internal const ulong GPIO_V2_LINE_FLAG_USED = 1UL << 0, GPIO_V2_LINE_FLAG_ACTIVE_LOW = 1UL << 1,
        GPIO_V2_LINE_FLAG_INPUT = 1UL << 2, GPIO_V2_LINE_FLAG_OUTPUT = 1UL << 3,
        GPIO_V2_LINE_FLAG_EDGE_RISING = 1UL << 4, GPIO_V2_LINE_FLAG_EDGE_FALLING = 1UL << 5,
        GPIO_V2_LINE_FLAG_OPEN_DRAIN = 1UL << 6, GPIO_V2_LINE_FLAG_OPEN_SOURCE = 1UL << 7,
        GPIO_V2_LINE_FLAG_BIAS_PULL_UP = 1UL << 8, GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN = 1UL << 9,
        GPIO_V2_LINE_FLAG_BIAS_DISABLED = 1UL << 10;

    /// <summary>enum gpio_v2_line_attr_id.</summary>
    internal const uint GPIO_V2_LINE_ATTR_ID_FLAGS = 1, GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES = 2, GPIO_V2_LINE_ATTR_ID_DEBOUNCE = 3;

    /// <summary>enum gpio_v2_line_event_id.</summary>
    internal const uint GPIO_V2_LINE_EVENT_RISING_EDGE = 1, GPIO_V2_LINE_EVENT_FALLING_EDGE = 2;

    /// <summary>GPIO_GET_CHIPINFO_IOCTL = _IOR(0xB4, 0x01, struct gpiochip_info): dir 2, size 68.</summary>
    internal const uint GPIO_GET_CHIPINFO_IOCTL = 0x8044B401;

    /// <summary>GPIO_V2_GET_LINEINFO_IOCTL = _IOWR(0xB4, 0x05, struct gpio_v2_line_info): dir 3, size 256.</summary>
    internal const uint GPIO_V2_GET_LINEINFO_IOCTL = 0xC100B405;

    /// <summary>GPIO_V2_GET_LINE_IOCTL = _IOWR(0xB4, 0x07, struct gpio_v2_line_request): dir 3, size 592.</summary>
    internal const uint GPIO_V2_GET_LINE_IOCTL = 0xC250B407;

    /// <summary>GPIO_V2_LINE_GET_VALUES_IOCTL = _IOWR(0xB4, 0x0E, struct gpio_v2_line_values): dir 3, size 16.</summary>
    internal const uint GPIO_V2_LINE_GET_VALUES_IOCTL = 0xC010B40E;

    /// <summary>GPIO_V2_LINE_SET_VALUES_IOCTL = _IOWR(0xB4, 0x0F, struct gpio_v2_line_values): dir 3, size 16.</summary>
    internal const uint GPIO_V2_LINE_SET_VALUES_IOCTL = 0xC010B40F;

    /// <summary>struct gpiochip_info: 68 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct gpiochip_info
    {
        public fixed byte name[GPIO_MAX_NAME_SIZE];
        public fixed byte label[GPIO_MAX_NAME_SIZE];
        public uint lines;
    }

    /// <summary>struct gpio_v2_line_values: bit n is the line at index n of the request; 16 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct gpio_v2_line_values
    {
        public ulong bits;
        public ulong mask;
    }

    /// <summary>struct gpio_v2_line_attribute: an id, padding, and a union of flags / values / debounce_period_us; 16 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    internal struct gpio_v2_line_attribute
    {
        [FieldOffset(0)]
        public uint id;

        [FieldOffset(4)]
        public uint padding;

        [FieldOffset(8)]
        public ulong flags;

        [FieldOffset(8)]
        public ulong values;

        [FieldOffset(8)]
        public uint debounce_period_us;
    }

    /// <summary>struct gpio_v2_line_config_attribute: an attribute and the lines (by request index) it applies to; 24 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct gpio_v2_line_config_attribute
    {
        public gpio_v2_line_attribute attr;
        public ulong mask;
    }

    /// <summary>attrs[GPIO_V2_LINE_NUM_ATTRS_MAX] of struct gpio_v2_line_config.</summary>
    [InlineArray(GPIO_V2_LINE_NUM_ATTRS_MAX)]
    internal struct gpio_v2_line_config_attributes
    {
        private gpio_v2_line_config_attribute _first;
    }

    /// <summary>attrs[GPIO_V2_LINE_NUM_ATTRS_MAX] of struct gpio_v2_line_info.</summary>
    [InlineArray(GPIO_V2_LINE_NUM_ATTRS_MAX)]
    internal struct gpio_v2_line_attributes
    {
        private gpio_v2_line_attribute _first;
    }

    /// <summary>struct gpio_v2_line_config: default flags for every line, then per-line attributes; 272 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct gpio_v2_line_config
    {
        public ulong flags;
        public uint num_attrs;
        public fixed uint padding[5];
        public gpio_v2_line_config_attributes attrs;
    }

    /// <summary>struct gpio_v2_line_request: which lines, who asks, how; the kernel fills <c>fd</c>; 592 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct gpio_v2_line_request
    {
        public fixed uint offsets[GPIO_V2_LINES_MAX];
        public fixed byte consumer[GPIO_MAX_NAME_SIZE];
        public gpio_v2_line_config config;
        public uint num_lines;
        public uint event_buffer_size;
        public fixed uint padding[5];
        public int fd;
    }

    /// <summary>struct gpio_v2_line_info: one line's name, consumer and flags; 256 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct gpio_v2_line_info
    {
        public fixed byte name[GPIO_MAX_NAME_SIZE];
        public fixed byte consumer[GPIO_MAX_NAME_SIZE];
        public uint offset;
        public uint num_attrs;
        public ulong flags;
        public gpio_v2_line_attributes attrs;
        public fixed uint padding[4];
    }

    /// <summary>struct gpio_v2_line_event: one edge, read(2) from a line request fd; 48 bytes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct gpio_v2_line_event
    {
        public ulong timestamp_ns;
        public uint id;
        public uint offset;
        public uint seqno;
        public uint line_seqno;
        public fixed uint padding[6];
    }

    /// <summary>A NUL-terminated C string of at most <paramref name="length"/> bytes, as UTF-8 text.</summary>
    internal static string Text(byte* chars, int length)
    {
        var bytes = new ReadOnlySpan<byte>(chars, length);
        int nul = bytes.IndexOf((byte)0);
        return System.Text.Encoding.UTF8.GetString(nul >= 0 ? bytes[..nul] : bytes);
    }
}
