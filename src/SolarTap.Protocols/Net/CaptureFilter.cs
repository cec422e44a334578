using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SolarTap.Protocols.Net;

/// <summary>
/// Chooses which TCP segments of a capture to reassemble. Every non-empty list must match: a source MAC prefix, a port
/// on either side, a host on either side. <see cref="SolarEdgeInverters"/> (spec §5.4 rule 3) keeps frames whose
/// Ethernet source is an inverter, which is the inverter→server direction only.
/// </summary>
public sealed record CaptureFilter
{
    /// <summary>Keeps frames whose source MAC starts with one of these; empty keeps all. Frames without MAC addresses
    /// (raw IP captures) never match a non-empty list.</summary>
    public IReadOnlyList<MacPrefix> SourceMacPrefixes { get; init; } = [];

    /// <summary>Keeps segments with one of these as source or destination port; empty keeps all.</summary>
    public IReadOnlyList<ushort> Ports { get; init; } = [];

    /// <summary>Keeps segments with one of these as source or destination address; empty keeps all.</summary>
    public IReadOnlyList<InetAddress> Hosts { get; init; } = [];

    /// <summary>Keeps every TCP segment.</summary>
    public static CaptureFilter Any { get; } = new();

    /// <summary>The default: frames sent by SolarEdge inverters (<see cref="InverterOuis.SolarEdge"/>).</summary>
    public static CaptureFilter SolarEdgeInverters { get; } = new() { SourceMacPrefixes = InverterOuis.SolarEdge };

    /// <summary>Whether <paramref name="packet"/> passes.</summary>
    public bool Matches(in TcpPacket packet)
    {
        if (SourceMacPrefixes.Count > 0)
        {
            if (!packet.HasMacAddresses || !AnyPrefix(packet.SourceMac))
            {
                return false;
            }
        }

        if (Ports.Count > 0 && !Contains(Ports, packet.SourcePort) && !Contains(Ports, packet.DestinationPort))
        {
            return false;
        }

        return Hosts.Count == 0 || Contains(Hosts, packet.Source) || Contains(Hosts, packet.Destination);
    }

    /// <summary>Parses a TCP port number 1-65535.</summary>
    /// <returns><see langword="false"/> with a message for a person in <paramref name="error"/> when the text is not a port.</returns>
    public static bool TryParsePort([NotNullWhen(true)] string? text, out ushort port, [NotNullWhen(false)] out string? error)
    {
        port = 0;
        if (!int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value is < 1 or > 65535)
        {
            error = $"'{text}' is not a TCP port: expected a whole number from 1 to 65535, e.g. 22222.";
            return false;
        }

        port = (ushort)value;
        error = null;
        return true;
    }

    private bool AnyPrefix(MacAddress address)
    {
        for (int i = 0; i < SourceMacPrefixes.Count; i++)
        {
            if (SourceMacPrefixes[i].Matches(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains<T>(IReadOnlyList<T> list, T value)
        where T : IEquatable<T>
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Equals(value))
            {
                return true;
            }
        }

        return false;
    }
}
