namespace SolarTap.Supervisor.Status;

/// <summary>
/// Everything the status surfaces show (LEDs, OLED, web page, <c>solartap status</c>), at one moment. Immutable;
/// serialised as JSON by <see cref="StatusJson"/>.
/// </summary>
/// <param name="Time">When the snapshot was taken.</param>
/// <param name="Started">When the supervisor started.</param>
/// <param name="State">The overall state.</param>
/// <param name="Summary">One line for a person: the state and the gist (also sent to systemd as STATUS=).</param>
/// <param name="Messages">Why the state is what it is: configuration errors as file:line: key: message, or faults.</param>
/// <param name="ConfigPath">The configuration file in use, or null when none was found and the defaults apply.</param>
/// <param name="Sources">Sources of readings, by name.</param>
/// <param name="Inverters">Inverters seen, in the order they were first seen.</param>
/// <param name="Sinks">Sinks, by name.</param>
public sealed record StatusSnapshot(
    DateTimeOffset Time,
    DateTimeOffset Started,
    SupervisorState State,
    string Summary,
    IReadOnlyList<string> Messages,
    string? ConfigPath,
    IReadOnlyList<SourceStatus> Sources,
    IReadOnlyList<InverterStatus> Inverters,
    IReadOnlyList<SinkStatus> Sinks)
{
    /// <summary>Modbus units the SunSpec source polls, by link and unit id (empty when it is off).</summary>
    public IReadOnlyList<ModbusUnitStatus> ModbusUnits { get; init; } = [];
}
