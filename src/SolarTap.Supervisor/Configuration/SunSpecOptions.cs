namespace SolarTap.Supervisor.Configuration;

/// <summary>
/// The SunSpec Modbus source (YAML section <c>sunspec</c>): inverters, meters and batteries read over Modbus TCP or
/// RTU (docs/modbus.md). Off while <see cref="Devices"/> is empty.
/// </summary>
public sealed class SunSpecOptions
{
    /// <summary>The links to poll (<c>devices</c>): one TCP connection or serial line each, with its unit ids. Default none.</summary>
    public IReadOnlyList<SunSpecDeviceOptions> Devices { get; set; } = [];

    /// <summary>How often each unit is read (<c>poll_interval</c>), unless a device sets its own. Default 10 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for each answer (<c>timeout</c>), unless a device sets its own. Default 2 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether the source is on.</summary>
    public bool Enabled => Devices.Count > 0;
}
