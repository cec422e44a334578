namespace SolarTap.Supervisor.Status;

/// <summary>One sink (MQTT, PVOutput, files, ...) at the time of a snapshot.</summary>
/// <param name="Name">Stable name, e.g. "mqtt".</param>
/// <param name="State">Its state.</param>
/// <param name="Detail">One line for a person, or null.</param>
/// <param name="Backlog">Readings in the journal it has not delivered yet.</param>
/// <param name="LastDelivery">When it last delivered, or null.</param>
public sealed record SinkStatus(string Name, ComponentState State, string? Detail, long Backlog, DateTimeOffset? LastDelivery);
