using SolarTap.Devices.Modbus;
using SolarTap.Protocols.SunSpec;
using SolarTap.Testing.Modbus;

namespace SolarTap.Devices.Tests.Modbus;

/// <summary>
/// The whole read path (discovery, 125-register block reads, decoding, mapping) over mutated SunSpec maps served by
/// the in-memory server: it always ends, and every reading it returns is finite.
/// </summary>
public class SunSpecUnitReaderPropertyTests
{
    [Fact]
    public void ReadAsync_MutatedMaps_EndsWithFiniteReadings()
    {
        byte[][] seeds = [.. new[] { SunSpecSite.Leader(), SunSpecSite.Follower(0), SunSpecSite.Hybrid(50000) }.Select(m => ToBytes(m.BaseAddress, m.Registers))];
        Properties.ForAllMutations(0x5005_0101, seeds, bytes =>
        {
            if (bytes.Length < 2)
            {
                return true;
            }

            ushort baseAddress = SunSpecDiscovery.BaseAddresses[bytes[0] % 3];
            ushort[] registers = [.. Enumerable.Range(0, (bytes.Length - 1) / 2).Select(i => (ushort)((bytes[1 + (2 * i)] << 8) | bytes[2 + (2 * i)]))];
            var server = new ModbusRegisterServer().Set(1, baseAddress, registers.Take(0x10000 - baseAddress).ToArray());
            var loopback = new ModbusLoopback(server);

            SunSpecUnitResult result = SunSpecUnitReader.ReadAsync(loopback.ExecuteAsync, 1, DateTimeOffset.UnixEpoch).GetAwaiter().GetResult();

            return result.Discovery.State is SunSpecDiscoveryState.Found or SunSpecDiscoveryState.NotFound
                && result.Readings.All(r => r.Values.All(m => double.IsFinite(m.Value)));
        }, tests: 300);
    }

    private static byte[] ToBytes(ushort baseAddress, IReadOnlyList<ushort> registers) =>
        [(byte)SunSpecDiscovery.BaseAddresses.ToList().IndexOf(baseAddress), .. registers.SelectMany(r => new[] { (byte)(r >> 8), (byte)r })];
}
