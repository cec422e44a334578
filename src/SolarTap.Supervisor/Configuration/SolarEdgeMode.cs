namespace SolarTap.Supervisor.Configuration;

/// <summary>What the appliance does with a SolarEdge inverter's monitoring connection (<c>solaredge.mode</c>).</summary>
public enum SolarEdgeMode
{
    /// <summary><c>server</c>: the appliance is the monitoring server; the vendor portal gets nothing.</summary>
    Server,

    /// <summary><c>relay</c>: each session is relayed to the real server and a copy is decoded.</summary>
    Relay,

    /// <summary><c>off</c>: no SolarEdge server; DHCP and DNS still run.</summary>
    Off,
}
