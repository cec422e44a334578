using SolarTap.Devices.Gpio;
using SolarTap.Testing.Gpio;

namespace SolarTap.Devices.Tests.Gpio;

/// <summary>
/// The watcher runs on its own thread; these tests wait for its callbacks with events (a generous bound only
/// guards against a hang, it is not what is tested).
/// </summary>
public sealed class ButtonWatcherTests : IDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private readonly FakeButton _button = new("GPIO26");

    public void Dispose() => _button.Dispose();

    [Fact]
    public void Press_CallsPressed()
    {
        using var pressed = new SemaphoreSlim(0);
        using var watcher = new ButtonWatcher(_button, () => pressed.Release(), _ => { });

        _button.Press();

        Assert.True(pressed.Wait(Guard));
        _button.Press();
        Assert.True(pressed.Wait(Guard));
    }

    [Fact]
    public void Failure_CallsFailedOnceAndStops()
    {
        using var failed = new ManualResetEventSlim();
        Exception? seen = null;
        var watcher = new ButtonWatcher(_button, () => { }, e =>
        {
            seen = e;
            failed.Set();
        });

        _button.Fail(new IOException("GPIO_V2_LINE read: No such device"));

        Assert.True(failed.Wait(Guard));
        watcher.Dispose();
        Assert.False(watcher.IsRunning);
        Assert.Equal("GPIO_V2_LINE read: No such device", seen!.Message);
    }

    [Fact]
    public void Dispose_StopsTheThread()
    {
        var watcher = new ButtonWatcher(_button, () => { }, _ => { });

        watcher.Dispose();

        Assert.False(watcher.IsRunning);
    }
}
