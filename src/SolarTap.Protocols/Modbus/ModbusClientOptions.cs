namespace SolarTap.Protocols.Modbus;

/// <summary>Timeouts and retry policy of a <see cref="ModbusClientEngine"/>. All times are data; the engine has no clock.</summary>
public sealed record ModbusClientOptions
{
    /// <summary>TCP or RTU framing.</summary>
    public ModbusTransport Transport { get; init; } = ModbusTransport.Tcp;

    /// <summary>How long to wait for a response after sending (including an RTU frame's transmit time).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Sends of one request before it completes as <see cref="ModbusOutcome.Timeout"/> (1 = no retry).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Silence kept after a response before the next request (RTU: at least t3.5; TCP: usually zero).</summary>
    public TimeSpan InterFrameDelay { get; init; } = TimeSpan.Zero;

    /// <summary>First reconnect delay; doubles per consecutive failure up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Fraction (0–1) of a delay that jitter may remove, so many clients do not reconnect in step.</summary>
    public double JitterFraction { get; init; } = 0.2;

    /// <summary>TCP: consecutive timeouts after which the connection is dropped and made again.</summary>
    public int TimeoutsBeforeReconnect { get; init; } = 2;

    /// <summary>Requests that may wait in the queue; more are refused.</summary>
    public int MaxQueueLength { get; init; } = 256;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ResponseTimeout, TimeSpan.Zero, nameof(ResponseTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(InterFrameDelay, TimeSpan.Zero, nameof(InterFrameDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectDelay, TimeSpan.Zero, nameof(ReconnectDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxReconnectDelay, ReconnectDelay, nameof(MaxReconnectDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(JitterFraction, 0, nameof(JitterFraction));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JitterFraction, 1, nameof(JitterFraction));
        ArgumentOutOfRangeException.ThrowIfLessThan(TimeoutsBeforeReconnect, 1, nameof(TimeoutsBeforeReconnect));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueueLength, 1, nameof(MaxQueueLength));
    }

    /// <summary>
    /// Delay before reconnect attempt number <paramref name="failures"/> (1-based): the base delay doubled per failure,
    /// capped, minus up to <see cref="JitterFraction"/> of it chosen by <paramref name="jitter"/> in [0, 1).
    /// </summary>
    public TimeSpan Backoff(int failures, double jitter)
    {
        double factor = Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        double ticks = Math.Min(MaxReconnectDelay.Ticks, ReconnectDelay.Ticks * factor);
        double cut = JitterFraction * (double.IsFinite(jitter) ? Math.Clamp(jitter, 0, 1) : 0);
        return TimeSpan.FromTicks((long)(ticks * (1 - cut)));
    }
}
