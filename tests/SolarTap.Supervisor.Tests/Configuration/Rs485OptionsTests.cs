using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

/// <summary>The <c>rs485</c> section: values, defaults, and each mistake with its line and key.</summary>
public class Rs485OptionsTests
{
    [Fact]
    public void Parse_FullSection_SetsEveryValue()
    {
        const string yaml = """
            rs485:
              port: /dev/ttyUSB0
              baud: 57600
              mode: master
              slaves: [7F104920, 0x7f104a16]
              poll_interval: 10s
              response_timeout: 2s
              grant_timeout: 20s
              retries: 1
              offline_after: 5
              backoff_max: 10m
              de_gpio: gpiochip0:17
            """;

        ConfigLoadResult result = ConfigLoader.Parse(yaml, "solartap.yaml");

        Assert.Empty(result.Errors);
        Rs485Options r = result.Options.Rs485;
        Assert.True(r.Enabled);
        Assert.Equal("/dev/ttyUSB0", r.Port);
        Assert.Equal(57600, r.Baud);
        Assert.Equal(Rs485Mode.Master, r.Mode);
        Assert.Equal([0x7F10_4920u, 0x7F10_4A16u], r.Slaves);
        Assert.Equal(TimeSpan.FromSeconds(10), r.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), r.ResponseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), r.GrantTimeout);
        Assert.Equal(1, r.Retries);
        Assert.Equal(5, r.OfflineAfter);
        Assert.Equal(TimeSpan.FromMinutes(10), r.BackoffMax);
        Assert.Equal(new GpioLine("gpiochip0", 17), r.DriverEnableGpio);
    }

    [Fact]
    public void Defaults_AreOffAt115200MasterWithoutGpio()
    {
        var r = new Rs485Options();

        Assert.False(r.Enabled);
        Assert.Equal(115200, r.Baud);
        Assert.Equal(Rs485Mode.Master, r.Mode);
        Assert.Null(r.DriverEnableGpio);
        Assert.Equal(TimeSpan.FromSeconds(5), r.PollInterval);
    }

    [Theory]
    [InlineData("rs485:\n  port: ttyUSB0\n", 2, "rs485.port", "expected an absolute path (starting with /), found \"ttyUSB0\"")]
    [InlineData("rs485:\n  port: /dev/ttyUSB0\n  slaves: [7F104920]\n  baud: 12345\n", 4, "rs485.baud",
        "expected a standard baud rate such as 9600, 19200, 57600 or 115200, found \"12345\"")]
    [InlineData("rs485:\n  port: /dev/ttyUSB0\n  slaves: [7F104920, inverter2]\n", 3, "rs485.slaves[1]",
        "expected an inverter ID in hexadecimal such as 7F104920, found \"inverter2\"")]
    [InlineData("rs485:\n  port: /dev/ttyUSB0\n  mode: slave\n", 3, "rs485.mode", "expected one of master, sniff, found \"slave\"")]
    [InlineData("rs485:\n  port: /dev/ttyUSB0\n", 2, "rs485.port",
        "expected rs485.slaves to list at least one inverter ID in master mode (or rs485.mode: sniff)")]
    [InlineData("rs485:\n  port: /dev/ttyUSB0\n  slaves: [7F104920, 7f104920]\n", 3, "rs485.slaves", "expected each inverter ID once")]
    [InlineData("rs485:\n  port: /dev/ttyUSB0\n  slaves: [7F104920]\n  response_timeout: 5s\n  grant_timeout: 2s\n", 5, "rs485.grant_timeout",
        "expected rs485.grant_timeout to be at least rs485.response_timeout")]
    [InlineData("rs485:\n  port: /dev/ttyUSB0\n  slaves: [7F104920]\n  de_gpio: 17\n", 4, "rs485.de_gpio",
        "expected none, or a GPIO chip and line such as gpiochip0:17, found \"17\"")]
    [InlineData("rs485:\n  port: /dev/ttyUSB0\n  slaves: [7F104920]\n  retries: 11\n", 4, "rs485.retries", "expected a number of retries from 0 to 10, found \"11\"")]
    public void Parse_Mistake_IsReportedWithLineAndKey(string yaml, int line, string key, string message)
    {
        ConfigLoadResult result = ConfigLoader.Parse(yaml, "solartap.yaml");

        ConfigError error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Equal(key, error.Key);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_SniffWithoutSlaves_IsValid()
    {
        ConfigLoadResult result = ConfigLoader.Parse("rs485:\n  port: /dev/ttyAMA0\n  mode: sniff\n", "solartap.yaml");

        Assert.Empty(result.Errors);
        Assert.Equal(Rs485Mode.Sniff, result.Options.Rs485.Mode);
    }
}
