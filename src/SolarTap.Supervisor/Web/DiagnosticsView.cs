using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Web;

/// <summary>The answer of <c>GET /api/diagnostics</c>: link and journal details beyond the status snapshot.</summary>
/// <param name="DnsNames">Names devices on the inverter port asked, oldest first.</param>
/// <param name="Journal">The journal's statistics, or null when it is not open.</param>
/// <param name="JournalProblem">Why there are no statistics, or null.</param>
/// <param name="SessionsFile">The SolarEdge session-key file, or null when the SolarEdge server is off.</param>
public sealed record DiagnosticsView(IReadOnlyList<DnsNameStatus> DnsNames, JournalStats? Journal, string? JournalProblem, string? SessionsFile);
