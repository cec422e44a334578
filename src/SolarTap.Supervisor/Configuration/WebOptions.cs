using System.Net;

namespace SolarTap.Supervisor.Configuration;

/// <summary>The local web page (YAML section <c>web</c>, docs/web.md).</summary>
public sealed class WebOptions
{
    /// <summary>The port the page is served on when the SolarEdge server does not use it: 80.</summary>
    public const int DefaultPort = 80;

    /// <summary>The port used instead while the SolarEdge server listens on port 80 (its default): 8080.</summary>
    public const int AlternatePort = 8080;

    /// <summary>Whether the page is served (<c>port: off</c> turns it off). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The address to listen on (<c>address</c>). Default 0.0.0.0 (every IPv4 address).</summary>
    public IPAddress Address { get; set; } = IPAddress.Any;

    /// <summary>The TCP port (<c>port</c>); null for the default (<see cref="EffectivePort"/>). 0 picks a free port (tests, the demo).</summary>
    public int? Port { get; set; }

    /// <summary>
    /// The PBKDF2 hash of the password that allows changes (<c>password_hash</c>, made by
    /// <c>solartap web hash-password</c>); null (the default): no password, every change is refused.
    /// </summary>
    public string? PasswordHash { get; set; }

    /// <summary>How the panel map is drawn (<c>layout</c>): rows of optimizer serials. Empty (the default): one row per inverter.</summary>
    public IReadOnlyList<WebLayoutRow> Layout { get; set; } = [];

    /// <summary>
    /// The port the page is served on: <see cref="Port"/> when set, else 80, or 8080 while the SolarEdge server
    /// listens on port 80 (the inverter connects there, so the page cannot share it).
    /// </summary>
    public int EffectivePort(SolarEdgeOptions solarEdge)
    {
        ArgumentNullException.ThrowIfNull(solarEdge);
        if (Port is int port)
        {
            return port;
        }

        return solarEdge.Mode != SolarEdgeMode.Off && solarEdge.Ports.Contains(DefaultPort) ? AlternatePort : DefaultPort;
    }
}
