namespace SolarTap.Supervisor.Status;

/// <summary>One source of readings (SolarEdge server, capture, RS485 master, ...) at the time of a snapshot.</summary>
/// <param name="Name">Stable name, e.g. "solaredge-server".</param>
/// <param name="State">Its state.</param>
/// <param name="Detail">One line for a person (why it failed, what it waits for), or null.</param>
/// <param name="Counters">Named counters, e.g. "connections", "posts", "readings", "decode_errors".</param>
/// <param name="LastActivity">When a counter last moved, or null.</param>
public sealed record SourceStatus(string Name, ComponentState State, string? Detail, IReadOnlyDictionary<string, long> Counters, DateTimeOffset? LastActivity);
