using SolarTap.Devices.Leds;

namespace SolarTap.Devices.Tests.Leds;

public sealed class SysfsLedTests : IDisposable
{
    private readonly FakeLedTree _tree = new("solartap:link");

    [Fact]
    public void SetTimerTrigger_WritesTimerThenDelaysInMilliseconds()
    {
        var led = new SysfsLed(_tree.Root, "solartap:link");

        led.SetTimerTrigger(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

        Assert.Equal("timer\n", _tree.Read("solartap:link", "trigger"));
        Assert.Equal("100\n", _tree.Read("solartap:link", "delay_on"));
        Assert.Equal("1000\n", _tree.Read("solartap:link", "delay_off"));
    }

    [Fact]
    public void SetBrightness_ReplacesTheWholeValue()
    {
        var led = new SysfsLed(_tree.Root, "solartap:link");

        led.SetBrightness(255);
        led.SetBrightness(0);

        Assert.Equal("0\n", _tree.Read("solartap:link", "brightness"));
    }

    [Fact]
    public void MaxBrightness_IsReadFromTheKernel()
    {
        _tree.AddLed("dim", maxBrightness: 1);

        Assert.Equal(1, new SysfsLed(_tree.Root, "dim").MaxBrightness);
        Assert.Equal(255, new SysfsLed(_tree.Root, "solartap:link").MaxBrightness);
    }

    [Fact]
    public void Write_MissingLed_ThrowsIOExceptionAndCreatesNothing()
    {
        var led = new SysfsLed(_tree.Root, "absent");

        Assert.False(led.Exists);
        Assert.ThrowsAny<IOException>(() => led.SetTrigger(LedTriggers.Heartbeat));
        Assert.False(Directory.Exists(Path.Combine(_tree.Root, "absent")));
    }

    [Fact]
    public void Write_MissingAttribute_ThrowsInsteadOfCreatingIt()
    {
        File.Delete(Path.Combine(_tree.Root, "solartap:link", "delay_on"));
        var led = new SysfsLed(_tree.Root, "solartap:link");

        Assert.ThrowsAny<IOException>(() => led.SetTimerTrigger(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
        Assert.False(File.Exists(Path.Combine(_tree.Root, "solartap:link", "delay_on")));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    public void Constructor_NameThatIsNotOneFolder_Throws(string name)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SysfsLed(_tree.Root, name));
    }

    [Fact]
    public void SetTimerTrigger_ZeroTime_Throws()
    {
        var led = new SysfsLed(_tree.Root, "solartap:link");

        Assert.Throws<ArgumentOutOfRangeException>(() => led.SetTimerTrigger(TimeSpan.Zero, TimeSpan.FromSeconds(1)));
    }

    public void Dispose() => _tree.Dispose();
}
