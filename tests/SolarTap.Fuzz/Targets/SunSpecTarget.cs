using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SunSpec;
using SolarTap.Testing.Modbus;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// The SunSpec decoders and mapping on register blocks made from the input (big-endian pairs), seeded with every
/// model block of the test site images; discovery walks the input as if it were a device's register space.
/// </summary>
internal sealed class SunSpecTarget : IFuzzTarget
{
    public string Name => "sunspec";

    public IEnumerable<byte[]> Seeds()
    {
        foreach (SunSpecMap map in new[] { SunSpecSite.Leader(), SunSpecSite.Follower(), SunSpecSite.Hybrid() })
        {
            yield return Bytes(map.Registers);
            foreach (SunSpecModelHeader header in map.Models)
            {
                yield return Bytes(map.Block(header));
            }
        }
    }

    public void Run(byte[] input)
    {
        ushort[] registers = new ushort[input.Length / 2];
        for (int i = 0; i < registers.Length; i++)
        {
            registers[i] = (ushort)((input[2 * i] << 8) | input[(2 * i) + 1]);
        }

        SunSpecDecoder.TryDecodeCommon(registers, out _);
        SunSpecDecoder.TryDecodeInverter(registers, out _);
        SunSpecDecoder.TryDecodeMeter(registers, out _);
        SunSpecDecoder.TryDecodeBattery(registers, out _);
        SunSpecDecoder.TryDecodeStorage(registers, out _);
        ushort id = registers.Length > 0 ? registers[0] : (ushort)0;
        var block = new SunSpecBlock(new SunSpecModelHeader(id, 2, (ushort)Math.Max(0, registers.Length - 2)), registers);
        foreach (Reading reading in SunSpecReadings.FromMap([block], DateTimeOffset.UnixEpoch, "fuzz"))
        {
            if (reading.Values.Any(m => !double.IsFinite(m.Value)))
            {
                throw new InvalidOperationException("A reading holds a value that is not finite.");
            }
        }

        // The input as a register space at base 0: discovery must end, whatever the chain says.
        var discovery = new SunSpecDiscovery(maxModels: 32);
        int steps = 0;
        while (discovery.State is SunSpecDiscoveryState.Probing or SunSpecDiscoveryState.Walking)
        {
            if (++steps > 40)
            {
                throw new InvalidOperationException("Discovery did not end.");
            }

            var request = discovery.NextRequest;
            if (request.Address + request.Count <= registers.Length)
            {
                discovery.OnRegisters(registers.AsSpan(request.Address, request.Count));
            }
            else
            {
                discovery.OnFailure();
            }
        }
    }

    private static byte[] Bytes(IReadOnlyList<ushort> registers) => registers.SelectMany(r => new[] { (byte)(r >> 8), (byte)r }).ToArray();
}
