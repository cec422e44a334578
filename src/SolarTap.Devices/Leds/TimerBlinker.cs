using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SolarTap.Devices.Leds;

/// <summary>
/// The fallback when an LED is a plain GPIO line rather than a kernel LED: an <see cref="ILed"/> that runs the
/// timer and heartbeat triggers in software from a <see cref="TimeProvider"/> timer, switching an
/// <see cref="IOnOffOutput"/>. One timer callback per edge; thread-safe. A write that fails in a timer callback is
/// logged (once until one succeeds) and the pattern carries on; it never escapes onto the timer thread.
/// </summary>
public sealed partial class TimerBlinker : ILed, IDisposable
{
    /// <summary>Software heartbeat: two 70 ms flashes per 1.26 s, like ledtrig-heartbeat on an idle system.</summary>
    public static readonly IReadOnlyList<(bool On, TimeSpan Duration)> HeartbeatSteps =
    [
        (true, TimeSpan.FromMilliseconds(70)),
        (false, TimeSpan.FromMilliseconds(245)),
        (true, TimeSpan.FromMilliseconds(70)),
        (false, TimeSpan.FromMilliseconds(875)),
    ];

    private readonly IOnOffOutput _output;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private IReadOnlyList<(bool On, TimeSpan Duration)> _steps = [];
    private int _step;
    private ITimer? _timer;
    private object? _run;
    private bool _disposed;
    private bool _failing;

    /// <summary>A blinker for <paramref name="output"/>, dark until told otherwise.</summary>
    public TimerBlinker(IOnOffOutput output, TimeProvider time, string name, ILogger<TimerBlinker>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _output = output;
        _time = time;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>1: a GPIO line is on or off.</summary>
    public int MaxBrightness => 1;

    /// <inheritdoc/>
    public void SetBrightness(int brightness)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(brightness);
        lock (_lock)
        {
            StopLocked();
            _output.Write(brightness > 0);
        }
    }

    /// <summary>Supports "none" (off, as removing a kernel trigger), "default-on", "heartbeat" and "timer" (500/500 ms).</summary>
    /// <exception cref="NotSupportedException">Any other trigger.</exception>
    public void SetTrigger(string trigger)
    {
        switch (trigger)
        {
            case LedTriggers.None:
                SetBrightness(0);
                break;
            case LedTriggers.DefaultOn:
                SetBrightness(1);
                break;
            case LedTriggers.Heartbeat:
                Run(HeartbeatSteps);
                break;
            case LedTriggers.Timer:
                SetTimerTrigger(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));
                break;
            default:
                throw new NotSupportedException($"A GPIO LED has no \"{trigger}\" trigger.");
        }
    }

    /// <inheritdoc/>
    public void SetTimerTrigger(TimeSpan onTime, TimeSpan offTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(onTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(offTime, TimeSpan.Zero);
        Run([(true, onTime), (false, offTime)]);
    }

    /// <summary>Stops blinking and darkens the LED.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            StopLocked();
            _disposed = true;
            _output.Write(false);
        }
    }

    private void Run(IReadOnlyList<(bool On, TimeSpan Duration)> steps)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            StopLocked();
            var run = new object();
            _run = run;
            _steps = steps;
            _step = 0;
            _output.Write(steps[0].On);
            _timer = _time.CreateTimer(OnTimer, run, steps[0].Duration, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer(object? run)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(run, _run) || _timer is null)
            {
                return; // a callback of a run that has since been stopped
            }

            _step = (_step + 1) % _steps.Count;
            _timer.Change(_steps[_step].Duration, Timeout.InfiniteTimeSpan);
            try
            {
                _output.Write(_steps[_step].On);
                _failing = false;
            }
            catch (IOException e)
            {
                if (!_failing)
                {
                    _failing = true;
                    LogWriteFailed(e, Name);
                }
            }
        }
    }

    private void StopLocked()
    {
        _run = null;
        _timer?.Dispose();
        _timer = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GPIO LED {Led} could not be switched; the pattern carries on")]
    private partial void LogWriteFailed(Exception exception, string led);
}
