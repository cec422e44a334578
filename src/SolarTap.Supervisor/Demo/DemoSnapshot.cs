using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Demo;

/// <summary>The demo at one moment: the simulated inverters, the newest stored reading per device, the status model.</summary>
/// <param name="Elapsed">Real time since the start.</param>
/// <param name="SiteTime">The simulated site's local time (the demo runs its sun 60 times faster).</param>
/// <param name="Inverters">The simulated inverters.</param>
/// <param name="Latest">The newest reading of each device, from the supervisor's journal, ordered by device.</param>
/// <param name="ReadingsStored">Readings in the journal.</param>
/// <param name="Status">The supervisor's status model.</param>
public sealed record DemoSnapshot(
    TimeSpan Elapsed, DateTime SiteTime, IReadOnlyList<DemoInverterState> Inverters, IReadOnlyList<Reading> Latest, int ReadingsStored, StatusSnapshot Status)
{
    /// <summary>Problems of all inverters.</summary>
    public int Problems => Inverters.Sum(i => i.Problems.Count);
}
