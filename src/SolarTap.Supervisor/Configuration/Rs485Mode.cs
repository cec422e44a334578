namespace SolarTap.Supervisor.Configuration;

/// <summary>What the RS485 source does on its line (<c>rs485.mode</c>).</summary>
public enum Rs485Mode
{
    /// <summary>Poll the configured SolarEdge slaves as the bus master (spec §6.2).</summary>
    Master,

    /// <summary>Listen to a bus that has another master, never transmitting.</summary>
    Sniff,
}
