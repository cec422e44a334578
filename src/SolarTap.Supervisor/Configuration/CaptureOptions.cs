namespace SolarTap.Supervisor.Configuration;

/// <summary>
/// The passive capture source (YAML section <c>capture</c>): SolarEdge traffic seen on an interface, typically the
/// bridge <c>br0</c> of bridge mode, decoded without answering (docs/configuration.md). Off while
/// <see cref="Interface"/> is null.
/// </summary>
public sealed class CaptureOptions
{
    /// <summary>The SolarEdge server ports a capture keeps by default (spec §5.1).</summary>
    public static readonly IReadOnlyList<int> DefaultPorts = [22222, 22221, 80];

    /// <summary>The interface to capture on (<c>interface</c>); null when the capture is off. Default none.</summary>
    public string? Interface { get; set; }

    /// <summary>TCP ports of the SolarEdge server (<c>ports</c>): segments to or from them are decoded. Default 22222, 22221, 80.</summary>
    public IReadOnlyList<int> Ports { get; set; } = DefaultPorts;

    /// <summary>Whether the capture source is on.</summary>
    public bool Enabled => Interface is not null;
}
