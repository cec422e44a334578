namespace SolarTap.Protocols.Dhcp;

/// <summary>Outcome of <see cref="DhcpLeaseStore.Import"/>: good lines are restored, bad ones reported and skipped.</summary>
/// <param name="Imported">Leases restored.</param>
/// <param name="Errors">One message per skipped line, e.g. <c>line 3: expected 6 fields …</c>.</param>
public sealed record DhcpImportResult(int Imported, IReadOnlyList<string> Errors);
