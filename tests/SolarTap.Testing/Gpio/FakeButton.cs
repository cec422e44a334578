using SolarTap.Devices.Gpio;

namespace SolarTap.Testing.Gpio;

/// <summary>
/// A button the test presses: presses queue up like the kernel's edge events; a wait returns at once when one is
/// queued. <see cref="Fail"/> makes the next wait throw, as a line whose chip went away.
/// </summary>
public sealed class FakeButton(string name = "fake button") : IButton, IDisposable
{
    private readonly SemaphoreSlim _presses = new(0);
    private volatile IOException? _failure;

    /// <inheritdoc/>
    public string Name { get; } = name;

    /// <summary>Waits made so far.</summary>
    public int Waits { get; private set; }

    /// <summary>Queues a press.</summary>
    public void Press() => _presses.Release();

    /// <summary>The next wait throws <paramref name="failure"/>.</summary>
    public void Fail(IOException failure)
    {
        _failure = failure;
        _presses.Release();
    }

    /// <inheritdoc/>
    public bool WaitForPress(TimeSpan timeout)
    {
        Waits++;
        bool pressed = _presses.Wait(timeout);
        if (_failure is { } failure)
        {
            throw failure;
        }

        // Several queued presses count as one, as the kernel's queued events do for IButton.
        while (pressed && _presses.Wait(0))
        {
        }

        return pressed;
    }

    /// <inheritdoc/>
    public void Dispose() => _presses.Dispose();
}
