using System.Globalization;
using System.Text;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>Text export and tolerant import of leases, so the service can keep them across restarts.</summary>
public sealed partial class DhcpLeaseStore
{
    /// <summary>First line of an export; identifies the format.</summary>
    public const string ExportHeader = "# solartap dhcp leases v1: address client mac expires-utc state hostname";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>
    /// Bound, released and expired leases (offers and declines are short-lived and not written), one per line after
    /// <see cref="ExportHeader"/>, e.g.
    /// <c>172.31.254.10 hw:01:00:27:02:1a:08:23 00:27:02:1a:08:23 2025-06-01T12:00:00.0000000Z bound SE-inverter</c>;
    /// the host name is <c>-</c> when unknown.
    /// </summary>
    public string Export()
    {
        var text = new StringBuilder(ExportHeader).Append('\n');
        foreach (DhcpLease lease in Snapshot())
        {
            if (lease.State == DhcpLeaseState.Offered)
            {
                continue;
            }

            text.Append(lease.Address.ToString()).Append(' ')
                .Append(lease.Client.ToString()).Append(' ')
                .Append(lease.Mac.ToString()).Append(' ')
                .Append(lease.ExpiresAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)).Append(' ')
                .Append(lease.State.ToString().ToLowerInvariant()).Append(' ')
                .Append(string.IsNullOrEmpty(lease.HostName) ? "-" : lease.HostName)
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Restores leases from <see cref="Export"/> text. Each good line replaces the binding at its address; each bad
    /// line (wrong fields, an address outside the pool that is not reserved for that MAC, a duplicate address) is
    /// skipped and reported with its line number. Blank lines and lines starting with '#' are ignored.
    /// </summary>
    public DhcpImportResult Import(string? text)
    {
        var errors = new List<string>();
        var seen = new HashSet<uint>();
        int imported = 0;
        string[] lines = (text ?? "").Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!TryParseLine(line, out DhcpLease? lease, out string? problem))
            {
                errors.Add($"line {n + 1}: {problem}");
                continue;
            }

            uint address = Ipv4.ToUInt32(lease!.Address);
            bool reservedForIt = _reservedByAddress.TryGetValue(address, out MacAddress owner) && owner == lease.Mac;
            if (!reservedForIt && (!InPool(address) || _reservedByAddress.ContainsKey(address)))
            {
                errors.Add($"line {n + 1}: {lease.Address} is not in the pool (or is reserved for another MAC); the configuration changed, lease dropped");
                continue;
            }

            if (!seen.Add(address))
            {
                errors.Add($"line {n + 1}: {lease.Address} is listed twice; the first line was kept");
                continue;
            }

            Put(lease);
            imported++;
        }

        return new DhcpImportResult(imported, errors);
    }

    private static bool TryParseLine(string line, out DhcpLease? lease, out string? problem)
    {
        lease = null;
        string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 6)
        {
            problem = $"expected 6 fields (address client mac expires-utc state hostname), found {f.Length}";
            return false;
        }

        if (!InetAddress.TryParse(f[0], out InetAddress address, out _) || !address.IsIPv4)
        {
            problem = $"expected an IPv4 address, found '{f[0]}'";
            return false;
        }

        if (!DhcpClientId.TryParse(f[1], out DhcpClientId client))
        {
            problem = $"expected a client id like hw:01:00:27:02:1a:08:23 or id:ff…, found '{f[1]}'";
            return false;
        }

        if (!MacAddress.TryParse(f[2], out MacAddress mac, out _))
        {
            problem = $"expected a MAC address, found '{f[2]}'";
            return false;
        }

        if (!DateTimeOffset.TryParseExact(f[3], TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset expires))
        {
            problem = $"expected a UTC time like 2025-06-01T12:00:00.0000000Z, found '{f[3]}'";
            return false;
        }

        DhcpLeaseState state;
        switch (f[4])
        {
            case "bound": state = DhcpLeaseState.Bound; break;
            case "released": state = DhcpLeaseState.Released; break;
            case "expired": state = DhcpLeaseState.Expired; break;
            default:
                problem = $"expected state bound, released or expired, found '{f[4]}'";
                return false;
        }

        string? hostName = f[5] == "-" ? null : DhcpText.Sanitise(Encoding.ASCII.GetBytes(f[5]));
        lease = new DhcpLease(address, client, mac, hostName, expires, state);
        problem = null;
        return true;
    }
}
