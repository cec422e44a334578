namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// Reconnect delays: exponential from <see cref="Initial"/> by <see cref="Multiplier"/>, capped at
/// <see cref="Maximum"/>, then shortened by up to <see cref="JitterRatio"/> so that many appliances restarted by
/// one broker outage do not reconnect in step. The jitter value is a parameter (Protocols has no randomness).
/// </summary>
public sealed record MqttBackoff
{
    /// <summary>The delay before the first retry.</summary>
    public TimeSpan Initial { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap; no delay is longer.</summary>
    public TimeSpan Maximum { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The growth per failed attempt (≥ 1).</summary>
    public double Multiplier { get; init; } = 2;

    /// <summary>The largest fraction cut off by jitter, 0 to 1: 0.5 gives delays in (d/2, d].</summary>
    public double JitterRatio { get; init; } = 0.5;

    /// <summary>Everything wrong with these settings; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Initial <= TimeSpan.Zero || Maximum < Initial)
        {
            problems.Add("The backoff needs 0 < initial ≤ maximum.");
        }

        if (!(Multiplier >= 1) || double.IsInfinity(Multiplier))
        {
            problems.Add("The backoff multiplier must be a finite number ≥ 1.");
        }

        if (!(JitterRatio is >= 0 and <= 1))
        {
            problems.Add("The backoff jitter ratio must be between 0 and 1.");
        }

        return problems;
    }

    /// <summary>
    /// The delay before retry number <paramref name="attempt"/> (0 = first retry), given <paramref name="jitter"/>
    /// uniformly drawn from [0, 1) by the caller; values outside are clamped.
    /// </summary>
    public TimeSpan Delay(int attempt, double jitter)
    {
        double exponent = Math.Max(0, attempt);
        double ticks = Initial.Ticks * Math.Pow(Multiplier, exponent);
        double capped = double.IsFinite(ticks) ? Math.Min(ticks, Maximum.Ticks) : Maximum.Ticks;
        double cut = JitterRatio * (double.IsNaN(jitter) ? 0 : Math.Clamp(jitter, 0, 1));
        return TimeSpan.FromTicks((long)(capped * (1 - cut)));
    }
}
