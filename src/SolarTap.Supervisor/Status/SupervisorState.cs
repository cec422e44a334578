using System.Text.Json.Serialization;

namespace SolarTap.Supervisor.Status;

/// <summary>The supervisor's overall state, shown first on every status surface.</summary>
public enum SupervisorState
{
    /// <summary>Starting up.</summary>
    [JsonStringEnumMemberName("starting")]
    Starting,

    /// <summary>All configured services are running.</summary>
    [JsonStringEnumMemberName("running")]
    Running,

    /// <summary>The configuration file has errors; only the status surfaces run until it is fixed and the supervisor restarted.</summary>
    [JsonStringEnumMemberName("configuration_error")]
    ConfigurationError,

    /// <summary>Something the appliance needs failed (the journal cannot be opened, a port cannot be bound); see the messages.</summary>
    [JsonStringEnumMemberName("fault")]
    Fault,

    /// <summary>Shutting down.</summary>
    [JsonStringEnumMemberName("stopping")]
    Stopping,
}
