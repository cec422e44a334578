using System.Net;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>Where the SolarEdge service listens, once started (port 0 in the options is resolved here).</summary>
public sealed class SolarEdgeEndpoints
{
    private volatile IReadOnlyList<IPEndPoint> _listening = [];

    /// <summary>The bound listening endpoints, in the order of the configured ports.</summary>
    public IReadOnlyList<IPEndPoint> Listening
    {
        get => _listening;
        internal set => _listening = value;
    }
}
