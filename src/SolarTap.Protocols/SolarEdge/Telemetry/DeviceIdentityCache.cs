using System.Collections.Concurrent;
using SolarTap.Protocols.Readings;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Identities of SolarEdge devices, made once per (kind, device, parent). A site has a few dozen devices that
/// report every few minutes, so each reading reuses its identity instead of formatting two hex IDs again.
/// Bounded: past <see cref="Capacity"/> entries new identities are made but not kept.
/// </summary>
internal static class DeviceIdentityCache
{
    public const int Capacity = 65_536;

    private static readonly ConcurrentDictionary<(DeviceKind Kind, uint Device, uint Parent), DeviceIdentity> Identities = new();

    /// <summary>The identity of <paramref name="deviceId"/>, reporting through <paramref name="parentAddress"/> when that is a device.</summary>
    public static DeviceIdentity Get(DeviceKind kind, uint deviceId, uint? parentAddress)
    {
        uint parent = parentAddress is { } p && TelemetryReadings.DeviceSerial(p) is not null ? SolarEdgeAddress.Unmask(p) : 0;
        var key = (kind, SolarEdgeAddress.Unmask(deviceId), parent);
        if (Identities.TryGetValue(key, out DeviceIdentity? identity))
        {
            return identity;
        }

        string serial = SolarEdgeAddress.Format(deviceId);
        string? parentSerial = parent == 0 || parent == key.Item2 ? null : SolarEdgeAddress.Format(parent);
        identity = new DeviceIdentity(kind, serial, parentSerial, TelemetryReadings.Manufacturer);
        if (Identities.Count < Capacity)
        {
            Identities.TryAdd(key, identity);
        }

        return identity;
    }
}
