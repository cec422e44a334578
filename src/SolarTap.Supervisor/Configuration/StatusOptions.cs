namespace SolarTap.Supervisor.Configuration;

/// <summary>The local status socket (YAML section <c>status</c>).</summary>
public sealed class StatusOptions
{
    /// <summary>Default path of the status socket.</summary>
    public const string DefaultSocket = "/run/solartap/status.sock";

    /// <summary>Unix socket that <c>solartap status</c> asks (<c>socket</c>), absolute. Default /run/solartap/status.sock.</summary>
    public string Socket { get; set; } = DefaultSocket;
}
