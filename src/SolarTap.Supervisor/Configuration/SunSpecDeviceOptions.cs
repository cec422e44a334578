using SolarTap.Devices.Serial;

namespace SolarTap.Supervisor.Configuration;

/// <summary>One entry of <c>sunspec.devices</c>: a Modbus TCP endpoint or a serial line, and the unit ids behind it.</summary>
public sealed class SunSpecDeviceOptions
{
    /// <summary>Modbus TCP: the inverter's host name or address (<c>host</c>, optionally <c>host:port</c>); null for a serial line.</summary>
    public string? Host { get; set; }

    /// <summary>Modbus TCP port (from <c>host</c>). Default 502; SolarEdge SetApp inverters use 1502.</summary>
    public int Port { get; set; } = 502;

    /// <summary>Modbus RTU: the serial device (<c>serial</c>), such as /dev/ttyUSB0; null for TCP.</summary>
    public string? SerialPort { get; set; }

    /// <summary>RTU baud rate (<c>baud</c>). Default 9600.</summary>
    public int BaudRate { get; set; } = 9600;

    /// <summary>RTU parity (<c>parity</c>). Default even, the Modbus serial default (Serial Line §2.5.1).</summary>
    public SerialParity Parity { get; set; } = SerialParity.Even;

    /// <summary>RTU stop bits (<c>stop_bits</c>), 1 or 2. Default 1.</summary>
    public int StopBits { get; set; } = 1;

    /// <summary>The unit ids to read (<c>units</c>), 1 to 247: the leader and its followers. Default [1].</summary>
    public IReadOnlyList<byte> Units { get; set; } = [1];

    /// <summary>This device's poll interval (<c>poll_interval</c>), or null for <see cref="SunSpecOptions.PollInterval"/>.</summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>This device's answer timeout (<c>timeout</c>), or null for <see cref="SunSpecOptions.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The serial settings of an RTU device.</summary>
    public SerialSettings SerialSettings => new(BaudRate, Parity, StopBits);

    /// <summary>How the status surfaces and logs name the link: <c>192.168.50.20:1502</c> or <c>/dev/ttyUSB0</c>.</summary>
    public string Name => SerialPort ?? (Host is { } host && host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{Port}" : $"{Host}:{Port}");
}
