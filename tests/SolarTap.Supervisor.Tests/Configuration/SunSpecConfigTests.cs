using SolarTap.Devices.Serial;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

/// <summary>The <c>sunspec</c> section: devices over TCP or RTU, unit lists, and each mistake with file, line and key.</summary>
public class SunSpecConfigTests
{
    private const string File = "solartap.yaml";

    [Fact]
    public void Parse_NoSection_SourceOff()
    {
        SunSpecOptions options = ConfigLoader.Parse("", File).Options.SunSpec;

        Assert.False(options.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(10), options.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Timeout);
    }

    [Fact]
    public void Parse_TcpAndSerialDevices_EveryValueApplied()
    {
        const string yaml = """
            sunspec:
              poll_interval: 30s
              devices:
                - host: 192.168.50.20:1502
                  units: [1, 2, 3]
                  timeout: 3s
                - host: inverter.local
                - serial: /dev/ttyUSB0
                  baud: 19200
                  parity: none
                  stop_bits: 2
                  units: 7
                  poll_interval: 5s
            """;

        ConfigLoadResult result = ConfigLoader.Parse(yaml, File);

        Assert.Empty(result.Errors);
        SunSpecOptions options = result.Options.SunSpec;
        Assert.True(options.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(30), options.PollInterval);
        Assert.Equal(3, options.Devices.Count);
        SunSpecDeviceOptions tcp = options.Devices[0];
        Assert.Equal(("192.168.50.20", 1502), (tcp.Host, tcp.Port));
        Assert.Equal([1, 2, 3], tcp.Units);
        Assert.Equal(TimeSpan.FromSeconds(3), tcp.Timeout);
        Assert.Equal("192.168.50.20:1502", tcp.Name);
        Assert.Equal(("inverter.local", 502), (options.Devices[1].Host, options.Devices[1].Port));
        Assert.Equal([1], options.Devices[1].Units);
        SunSpecDeviceOptions rtu = options.Devices[2];
        Assert.Equal("/dev/ttyUSB0", rtu.SerialPort);
        Assert.Equal(new SerialSettings(19200, SerialParity.None, 2), rtu.SerialSettings);
        Assert.Equal([7], rtu.Units);
        Assert.Equal(TimeSpan.FromSeconds(5), rtu.PollInterval);
        Assert.Equal("/dev/ttyUSB0", rtu.Name);
    }

    [Theory]
    [InlineData("sunspec:\n  devices:\n    - host: 10.0.0.5\n      serial: /dev/ttyUSB0\n", 3, "sunspec.devices[0]",
        "expected a device with either host: (Modbus TCP) or serial: (Modbus RTU), found both")]
    [InlineData("sunspec:\n  devices:\n    - units: [1]\n", 3, "sunspec.devices[0]",
        "expected a device with either host: (Modbus TCP) or serial: (Modbus RTU), found neither")]
    [InlineData("sunspec:\n  devices:\n    - host: 10.0.0.5\n      units: [1, 248]\n", 4, "sunspec.devices[0].units[1]",
        "expected a unit id from 1 to 247, found \"248\"")]
    [InlineData("sunspec:\n  devices:\n    - host: 10.0.0.5\n      units: 0\n", 4, "sunspec.devices[0].units",
        "expected a unit id from 1 to 247, found \"0\"")]
    [InlineData("sunspec:\n  devices:\n    - host: 10.0.0.5:99999\n", 3, "sunspec.devices[0].host",
        "expected a host name or address, optionally with a port, such as 192.168.50.20 or 192.168.50.20:1502, found \"10.0.0.5:99999\"")]
    [InlineData("sunspec:\n  devices:\n    - serial: ttyUSB0\n", 3, "sunspec.devices[0].serial",
        "expected an absolute path (starting with /), found \"ttyUSB0\"")]
    [InlineData("sunspec:\n  devices:\n    - serial: /dev/ttyUSB0\n      baud: 9601\n", 4, "sunspec.devices[0].baud",
        "expected a standard baud rate such as 9600, 19200 or 115200, found \"9601\"")]
    [InlineData("sunspec:\n  devices:\n    - serial: /dev/ttyUSB0\n      parity: mark\n", 4, "sunspec.devices[0].parity",
        "expected one of even, none, odd, found \"mark\"")]
    [InlineData("sunspec:\n  devices:\n    - host: 10.0.0.5\n      port: 1502\n", 4, "sunspec.devices[0].port",
        "unknown key, expected one of: host, serial, baud, parity, stop_bits, units, poll_interval, timeout")]
    [InlineData("sunspec:\n  poll_interval: 0s\n", 2, "sunspec.poll_interval",
        "expected a duration such as 30s, 10m, 12h, 1d or 1h30m, from 1s to 1d, found \"0s\"")]
    [InlineData("sunspec:\n  devices: 10.0.0.5\n", 2, "sunspec.devices",
        "expected a list of devices (host: or serial:, with units:), found \"10.0.0.5\"")]
    public void Parse_Mistake_IsReportedWithLineAndKey(string yaml, int line, string key, string message)
    {
        ConfigLoadResult result = ConfigLoader.Parse(yaml, File);

        ConfigError error = Assert.Single(result.Errors);
        Assert.Equal(new ConfigError(File, line, key, message), error);
    }
}
