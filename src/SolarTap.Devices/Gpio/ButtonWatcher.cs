using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SolarTap.Devices.Gpio;

/// <summary>
/// Watches an <see cref="IButton"/> on a thread of its own (a button wait blocks in poll(2)) and calls
/// <c>pressed</c> for each press. When the button fails, <c>failed</c> is called once and watching ends; it never
/// throws onto the thread. <see cref="Dispose"/> stops it within one poll interval.
/// </summary>
public sealed partial class ButtonWatcher : IDisposable
{
    /// <summary>How long one wait lasts before the watcher checks whether it should stop.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly IButton _button;
    private readonly Action _pressed;
    private readonly Action<Exception> _failed;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <summary>Starts watching <paramref name="button"/>.</summary>
    public ButtonWatcher(IButton button, Action pressed, Action<Exception> failed, ILogger<ButtonWatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(button);
        ArgumentNullException.ThrowIfNull(pressed);
        ArgumentNullException.ThrowIfNull(failed);
        _button = button;
        _pressed = pressed;
        _failed = failed;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _thread = new Thread(Watch) { IsBackground = true, Name = "solartap-button" };
        _thread.Start();
    }

    /// <summary>Whether the watcher still runs (false after a failure or <see cref="Dispose"/>).</summary>
    public bool IsRunning => _thread.IsAlive;

    /// <summary>Stops watching and waits for the thread (at most a few poll intervals).</summary>
    public void Dispose()
    {
        _stopping = true;
        if (Thread.CurrentThread != _thread)
        {
            _thread.Join(4 * PollInterval);
        }
    }

    private void Watch()
    {
        try
        {
            while (!_stopping)
            {
                if (_button.WaitForPress(PollInterval) && !_stopping)
                {
                    LogPressed(_button.Name);
                    _pressed();
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            if (!_stopping)
            {
                LogFailed(e, _button.Name);
                _failed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Button {Button} pressed")]
    private partial void LogPressed(string button);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Button {Button} can no longer be read; it is ignored from now on")]
    private partial void LogFailed(Exception exception, string button);
}
