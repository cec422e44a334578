namespace SolarTap.Supervisor.SolarEdge;

/// <summary>
/// Whether the appliance clock is synchronised, asked before a 0x0501 time request is answered (spec §5.2: a wrong
/// answer sets the inverter clock wrong). A seam, so tests and the demo can say "synchronised".
/// </summary>
public interface IClockSyncCheck
{
    /// <summary>Whether the clock is synchronised now.</summary>
    bool IsSynchronized();
}
