using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Linux.Gpio;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Display;

namespace SolarTap.Supervisor.Tests.Display;

/// <summary>Opening the configured status devices: what is missing is a problem only when it was asked for.</summary>
public sealed class StatusDevicesTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly TimerClock _clock = new(DateTimeOffset.UnixEpoch);

    public void Dispose() => _temp.Dispose();

    private static OledOptions NoOled => new() { Bus = null };

    [Fact]
    public void Open_RequiredKernelLedMissing_ProblemNamesTheFolderAndTheOverlay()
    {
        using var leds = new FakeLedClass("solartap-power", "solartap-link", "solartap-upstream");
        var options = new LedsOptions { ClassDirectory = leds.Root, Required = true };

        using StatusDevices devices = StatusDevices.Open(options, NoOled, _clock, NullLoggerFactory.Instance);

        string problem = Assert.Single(devices.LedProblems);
        Assert.Contains("error LED solartap-error", problem, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(leds.Root, "solartap-error"), problem, StringComparison.Ordinal);
        Assert.Contains("dtoverlay=solartap-leds", problem, StringComparison.Ordinal);
        Assert.NotNull(devices.Leds);
        Assert.Equal("3 of 4 LEDs", devices.LedSummary);
    }

    [Fact]
    public void Open_DefaultsOnAMachineWithoutLeds_NoProblemAndNoLeds()
    {
        var options = new LedsOptions { ClassDirectory = _temp.Path };

        using StatusDevices devices = StatusDevices.Open(options, NoOled, _clock, NullLoggerFactory.Instance);

        Assert.Empty(devices.LedProblems);
        Assert.Null(devices.Leds);
    }

    [Fact]
    public void Open_GpioLedOnMissingChip_ProblemNamesTheChip()
    {
        var options = new LedsOptions
        {
            Required = true,
            Power = LedBinding.None,
            Link = LedBinding.Gpio(GpioLineAddress.At("gpiochip0", 27)),
            Upstream = LedBinding.None,
            Error = LedBinding.None,
        };

        using StatusDevices devices = StatusDevices.Open(options, NoOled, _clock, NullLoggerFactory.Instance, gpioDirectory: _temp.Path);

        string problem = Assert.Single(devices.LedProblems);
        Assert.StartsWith("link LED gpio:gpiochip0:27: ", problem, StringComparison.Ordinal);
        Assert.Contains(_temp.File("gpiochip0"), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RequiredOledBusMissing_ProblemSaysHowToEnableI2c()
    {
        var oled = new OledOptions { Bus = _temp.File("i2c-1"), Required = true };

        using StatusDevices devices = StatusDevices.Open(new LedsOptions { ClassDirectory = _temp.Path }, oled, _clock, NullLoggerFactory.Instance);

        string problem = Assert.Single(devices.OledProblems);
        Assert.StartsWith("OLED: ", problem, StringComparison.Ordinal);
        Assert.Contains("dtparam=i2c_arm=on", problem, StringComparison.Ordinal);
        Assert.Null(devices.Display);
    }

    [Fact]
    public void Open_OledNotConfiguredAndAbsent_NoProblem()
    {
        var oled = new OledOptions { Bus = _temp.File("i2c-1") };

        using StatusDevices devices = StatusDevices.Open(new LedsOptions { ClassDirectory = _temp.Path }, oled, _clock, NullLoggerFactory.Instance);

        Assert.Empty(devices.OledProblems);
        Assert.Null(devices.Display);
    }

    [Fact]
    public void Open_PngWithoutBus_SimulatedDisplayAndNoButton()
    {
        var oled = new OledOptions { Bus = null, PngFile = _temp.File("oled.png"), Required = true };

        using StatusDevices devices = StatusDevices.Open(new LedsOptions { ClassDirectory = _temp.Path }, oled, _clock, NullLoggerFactory.Instance);

        Assert.NotNull(devices.Display);
        Assert.True(devices.Display.IsOn);
        Assert.Null(devices.Button);
        Assert.Empty(devices.OledProblems);
        Assert.StartsWith("simulated", devices.DisplaySummary, StringComparison.Ordinal);
    }
}
