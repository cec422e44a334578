namespace SolarTap.Supervisor.Configuration;

/// <summary>The outcome of loading the configuration.</summary>
/// <param name="Options">
/// The options: every value that parsed, defaults for the rest. Usable for the status surfaces even when
/// <see cref="Errors"/> is not empty; the appliance services must not start then.
/// </param>
/// <param name="Errors">Every problem found, in file order; empty when the configuration is valid.</param>
/// <param name="Path">The file read, or null when none was found and the defaults apply.</param>
public sealed record ConfigLoadResult(SupervisorOptions Options, IReadOnlyList<ConfigError> Errors, string? Path)
{
    /// <summary>True when there are no errors.</summary>
    public bool IsValid => Errors.Count == 0;
}
