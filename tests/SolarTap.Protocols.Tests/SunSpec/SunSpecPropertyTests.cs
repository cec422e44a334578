using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.SunSpec;
using SolarTap.Testing.Modbus;

namespace SolarTap.Protocols.Tests.SunSpec;

public class SunSpecPropertyTests
{
    private static readonly ushort[] Ids = [1, 101, 102, 103, 111, 112, 113, 124, 201, 202, 203, 204, 802, 0xFFFF];

    [Fact]
    public void Decoders_RandomRegistersUnderEveryId_NeverThrow()
    {
        Gen<(int Id, ushort[] Registers)> blocks =
            from id in Gen.Choose(0, Ids.Length - 1)
            from registers in Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(v => (ushort)v))
            select (id, registers);
        Prop.ForAll(blocks.ToArbitrary(), b => Survives(Ids[b.Id], b.Registers)).Check(Properties.Pinned(0x5005_0001, tests: 1000));
    }

    [Fact]
    public void Decoders_MutatedSiteImages_NeverThrowAndStayFinite()
    {
        byte[][] seeds = new[] { SunSpecSite.Leader(), SunSpecSite.Follower(), SunSpecSite.Hybrid() }
            .SelectMany(map => map.Models.Select(h => ToBytes(map.Block(h)))).ToArray();
        Properties.ForAllMutations(0x5005_0002, seeds, bytes =>
        {
            ushort[] registers = FromBytes(bytes);
            return registers.Length < 1 || Survives(registers[0], registers[1..]);
        }, tests: 2000);
    }

    [Fact]
    public void Discovery_RandomAnswers_AlwaysTerminates()
    {
        Gen<ushort[][]> answers = Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(v => (ushort)v)));
        Prop.ForAll(answers.ToArbitrary(), list =>
        {
            var discovery = new SunSpecDiscovery(maxModels: 16);
            int steps = 0;
            foreach (ushort[] answer in list)
            {
                if (discovery.State is not (SunSpecDiscoveryState.Probing or SunSpecDiscoveryState.Walking))
                {
                    break;
                }

                _ = discovery.NextRequest;
                if (answer.Length == 0)
                {
                    discovery.OnFailure();
                }
                else
                {
                    discovery.OnRegisters(answer);
                }

                steps++;
            }

            return discovery.Models.Count <= 16 && steps <= list.Length;
        }).Check(Properties.Pinned(0x5005_0003, tests: 500));
    }

    internal static bool Survives(ushort id, ushort[] body)
    {
        ushort[] block = [id, (ushort)body.Length, .. body];
        SunSpecDecoder.TryDecodeCommon(block, out _);
        SunSpecDecoder.TryDecodeInverter(block, out _);
        SunSpecDecoder.TryDecodeMeter(block, out _);
        SunSpecDecoder.TryDecodeBattery(block, out _);
        SunSpecDecoder.TryDecodeStorage(block, out _);
        var readings = SunSpecReadings.FromMap([new SunSpecBlock(new SunSpecModelHeader(1, 0, 66), block), new SunSpecBlock(new SunSpecModelHeader(id, 68, (ushort)body.Length), block)], DateTimeOffset.UnixEpoch, "u");
        return readings.All(r => r.Values.All(m => double.IsFinite(m.Value)));
    }

    private static byte[] ToBytes(ushort[] registers) => registers.SelectMany(r => new[] { (byte)(r >> 8), (byte)r }).ToArray();

    private static ushort[] FromBytes(byte[] bytes) =>
        Enumerable.Range(0, bytes.Length / 2).Select(i => (ushort)((bytes[2 * i] << 8) | bytes[(2 * i) + 1])).ToArray();
}
