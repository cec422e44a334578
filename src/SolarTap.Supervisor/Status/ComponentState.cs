using System.Text.Json.Serialization;

namespace SolarTap.Supervisor.Status;

/// <summary>State of one source or sink.</summary>
public enum ComponentState
{
    /// <summary>Starting up.</summary>
    [JsonStringEnumMemberName("starting")]
    Starting,

    /// <summary>Working.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>Working, waiting for a peer (no inverter connected yet, broker unreachable, retrying).</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,

    /// <summary>Failed; the detail says why.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Stopped or disabled.</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped,
}
