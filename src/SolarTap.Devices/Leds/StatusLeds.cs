using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SolarTap.Devices.Leds;

/// <summary>
/// The four status LEDs. <see cref="Show"/> maps the appliance state through <see cref="LedPatterns"/> and touches
/// only the LEDs whose action changed, so it can be called on every status change. An LED that fails (missing
/// sysfs folder, permission) is logged once and retried on the next call; it never stops the others. Any LED may be
/// absent (null). Thread-safe.
/// </summary>
public sealed partial class StatusLeds
{
    private readonly ILed?[] _leds;
    private readonly LedAction?[] _applied = new LedAction?[4];
    private readonly bool[] _failing = new bool[4];
    private readonly ILogger _logger;
    private readonly Lock _lock = new();

    /// <summary>The LEDs by role; pass null for an LED the board does not have.</summary>
    public StatusLeds(ILed? power, ILed? link, ILed? upstream, ILed? error, ILogger<StatusLeds>? logger = null)
    {
        _leds = [power, link, upstream, error];
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The actions last applied successfully, by role (null: not yet, or failing).</summary>
    public LedActions? Current { get; private set; }

    /// <summary>Shows <paramref name="indication"/>.</summary>
    public void Show(ApplianceIndication indication) => Apply(LedPatterns.For(indication));

    /// <summary>Applies <paramref name="actions"/>, changing only LEDs whose action differs from the last one applied.</summary>
    public void Apply(LedActions actions)
    {
        lock (_lock)
        {
            LedAction[] wanted = [actions.Power, actions.Link, actions.Upstream, actions.Error];
            bool allApplied = true;
            for (int i = 0; i < _leds.Length; i++)
            {
                allApplied &= ApplyOne(i, wanted[i]);
            }

            Current = allApplied ? actions : null;
        }
    }

    /// <summary>Turns every LED off (on shutdown), whatever was applied before.</summary>
    public void AllOff()
    {
        lock (_lock)
        {
            Array.Clear(_applied);
            Apply(new LedActions(LedAction.Off, LedAction.Off, LedAction.Off, LedAction.Off));
        }
    }

    private bool ApplyOne(int index, LedAction action)
    {
        ILed? led = _leds[index];
        if (led is null || _applied[index] == action)
        {
            return true;
        }

        try
        {
            action.ApplyTo(led);
            _applied[index] = action;
            if (_failing[index])
            {
                _failing[index] = false;
                LogRecovered(led.Name);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _applied[index] = null;
            if (!_failing[index])
            {
                _failing[index] = true;
                LogFailed(e, led.Name, action.ToString());
            }

            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LED {Led} could not be set to {Action}; will retry on the next change")]
    private partial void LogFailed(Exception exception, string led, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "LED {Led} works again")]
    private partial void LogRecovered(string led);
}
