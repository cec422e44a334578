namespace SolarTap.Supervisor.Configuration;

/// <summary>One problem in a configuration file, located for a person to fix.</summary>
/// <param name="File">The file's path.</param>
/// <param name="Line">1-based line of the offending key or value.</param>
/// <param name="Key">Dotted key, e.g. <c>network.pool_start</c>.</param>
/// <param name="Message">What is expected and what was found.</param>
public sealed record ConfigError(string File, int Line, string Key, string Message)
{
    /// <summary><c>file:line: key: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}: {Key}: {Message}";
}
