namespace SolarTap.Supervisor.Web;

/// <summary>One point of a power chart: the mean AC power of the readings in a five-minute bucket.</summary>
/// <param name="Time">The bucket's start.</param>
/// <param name="Watts">Mean AC power in W.</param>
public sealed record PowerPoint(DateTimeOffset Time, double Watts);
