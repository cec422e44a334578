using SolarTap.Linux.Gpio;
using SolarTap.Protocols.Display;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

/// <summary>The <c>leds</c> and <c>oled</c> sections.</summary>
public class StatusDevicesOptionsTests
{
    [Fact]
    public void Parse_EveryLedsAndOledKey_MapsEachValue()
    {
        const string yaml = """
            leds:
              class_directory: /tmp/leds
              power: ACT
              link: gpio:GPIO6
              upstream: gpio:gpiochip0:13
              error: none
              active_low: true
            oled:
              bus: /dev/i2c-3
              address: 0x3D
              controller: sh1106
              rotate: true
              button: gpiochip4:26
              page_interval: 8s
              blank_after: never
              night: 23:30-7:00
              png: /run/solartap/oled.png
            """;

        ConfigLoadResult result = ConfigLoader.Parse(yaml, "solartap.yaml");

        Assert.Empty(result.Errors);
        LedsOptions leds = result.Options.Leds;
        Assert.True(leds.Required);
        Assert.Equal("/tmp/leds", leds.ClassDirectory);
        Assert.Equal(LedBinding.Kernel("ACT"), leds.Power);
        Assert.Equal(LedBinding.Gpio(GpioLineAddress.Named("GPIO6")), leds.Link);
        Assert.Equal(LedBinding.Gpio(GpioLineAddress.At("gpiochip0", 13)), leds.Upstream);
        Assert.True(leds.Error.IsNone);
        Assert.True(leds.ActiveLow);
        OledOptions oled = result.Options.Oled;
        Assert.True(oled.Required);
        Assert.Equal(("/dev/i2c-3", 0x3D, OledController.Sh1106, true), (oled.Bus, oled.Address, oled.Controller, oled.Rotate180));
        Assert.Equal(GpioLineAddress.At("gpiochip4", 26), oled.Button);
        Assert.Equal(TimeSpan.FromSeconds(8), oled.PageInterval);
        Assert.Null(oled.BlankAfter);
        Assert.Equal((new TimeOnly(23, 30), new TimeOnly(7, 0)), (oled.NightStart, oled.NightEnd));
        Assert.Equal("/run/solartap/oled.png", oled.PngFile);
    }

    [Fact]
    public void Parse_NoSections_DefaultsAndNotRequired()
    {
        ConfigLoadResult result = ConfigLoader.Parse("journal:\n  max_age: 30d\n", "solartap.yaml");

        Assert.False(result.Options.Leds.Required);
        Assert.False(result.Options.Oled.Required);
        Assert.Equal(LedBinding.Kernel("solartap-link"), result.Options.Leds.Link);
        Assert.Equal("/dev/i2c-1", result.Options.Oled.Bus);
        Assert.Equal(GpioLineAddress.Named("GPIO26"), result.Options.Oled.Button);
    }

    [Fact]
    public void Parse_OffValues_TurnThingsOff()
    {
        ConfigLoadResult result = ConfigLoader.Parse("oled:\n  bus: none\n  button: none\n  night: off\n", "solartap.yaml");

        Assert.Empty(result.Errors);
        Assert.Null(result.Options.Oled.Bus);
        Assert.Null(result.Options.Oled.Button);
        Assert.Null(result.Options.Oled.NightStart);
        Assert.Null(result.Options.Oled.ToSchedule().NightEnd);
    }

    [Theory]
    [InlineData("leds:\n  link: gpio:GPIO 6\n", "leds.link")]
    [InlineData("leds:\n  link: ../../etc\n", "leds.link")]
    [InlineData("leds:\n  class_directory: sys/class/leds\n", "leds.class_directory")]
    [InlineData("oled:\n  address: 0x78\n", "oled.address")]
    [InlineData("oled:\n  address: 60x\n", "oled.address")]
    [InlineData("oled:\n  controller: sh1107\n", "oled.controller")]
    [InlineData("oled:\n  button: gpiochip0:x\n", "oled.button")]
    [InlineData("oled:\n  page_interval: 0s\n", "oled.page_interval")]
    [InlineData("oled:\n  blank_after: 5s\n", "oled.blank_after")]
    [InlineData("oled:\n  night: 22:00\n", "oled.night")]
    [InlineData("oled:\n  night: 22:00-22:00\n", "oled.night")]
    [InlineData("oled:\n  bus: i2c-1\n", "oled.bus")]
    public void Parse_BadValue_OneErrorNamingTheKey(string yaml, string key)
    {
        ConfigLoadResult result = ConfigLoader.Parse(yaml, "solartap.yaml");

        ConfigError error = Assert.Single(result.Errors);
        Assert.Equal(key, error.Key);
        Assert.StartsWith("expected ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DecimalAddress_IsAccepted()
    {
        ConfigLoadResult result = ConfigLoader.Parse("oled:\n  address: 60\n", "solartap.yaml");

        Assert.Empty(result.Errors);
        Assert.Equal(0x3C, result.Options.Oled.Address);
    }
}
