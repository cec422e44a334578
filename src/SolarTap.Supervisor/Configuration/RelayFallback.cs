namespace SolarTap.Supervisor.Configuration;

/// <summary>What relay mode does when the real server cannot be reached (<c>solaredge.relay_fallback</c>).</summary>
public enum RelayFallback
{
    /// <summary><c>local</c>: answer the inverter locally (as in server mode) until the real server is back.</summary>
    Local,

    /// <summary><c>hold</c>: refuse the session, so the inverter keeps its data and sends it later.</summary>
    Hold,
}
