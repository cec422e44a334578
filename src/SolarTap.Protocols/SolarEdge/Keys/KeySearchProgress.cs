using System.Globalization;

namespace SolarTap.Protocols.SolarEdge.Keys;

/// <summary>How far a <see cref="KeyFinder"/> got for one inverter.</summary>
/// <param name="InverterId">The inverter.</param>
/// <param name="Found">Key parameters whose value was seen, in key order.</param>
/// <param name="Missing">Key parameters still missing, in key order.</param>
/// <param name="Key">The key once all four parts were seen.</param>
public sealed record KeySearchProgress(uint InverterId, IReadOnlyList<ushort> Found, IReadOnlyList<ushort> Missing, InverterKey? Key)
{
    /// <summary>Whether all four parts were seen.</summary>
    public bool IsComplete => Key is not null;

    /// <summary>A line for the user, e.g. "7F104920: found 0x0239, 0x023A; missing 0x023B, 0x023C".</summary>
    public override string ToString()
    {
        string id = SolarEdgeAddress.Format(InverterId);
        return IsComplete
            ? $"{id}: key complete (0x0239..0x023C)"
            : $"{id}: found {List(Found)}; missing {List(Missing)}";
    }

    private static string List(IReadOnlyList<ushort> ids)
        => ids.Count == 0 ? "none" : string.Join(", ", ids.Select(id => "0x" + id.ToString("X4", CultureInfo.InvariantCulture)));
}
