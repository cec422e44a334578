using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.SunSpec;
using SolarTap.Testing.Modbus;

namespace SolarTap.Protocols.Tests.SunSpec;

public class SunSpecDiscoveryTests
{
    [Theory]
    [InlineData(40000, 1)]
    [InlineData(0, 2)]
    [InlineData(50000, 3)]
    public void Discover_MapAtEachBase_FindsModelsAfterTryingEarlierBases(int baseAddress, int probes)
    {
        SunSpecMap map = SunSpecSite.Leader((ushort)baseAddress);

        (SunSpecDiscovery discovery, List<ModbusRequest> reads) = Run(map);

        Assert.Equal(SunSpecDiscoveryState.Found, discovery.State);
        Assert.Equal(baseAddress, discovery.BaseAddress);
        Assert.True(discovery.ReachedEndMarker);
        Assert.Equal(map.Models, discovery.Models);
        Assert.Equal([1, 103, 1, 203], discovery.Models.Select(m => (int)m.Id));
        Assert.Equal(baseAddress + 2, discovery.Models[0].Address);  // 40002 on a SolarEdge inverter
        Assert.Equal(baseAddress + 2 + 68, discovery.Models[1].Address);
        Assert.Equal(probes, reads.Count(r => r.Count == 4));
        Assert.Equal(probes + 4, reads.Count); // the probe reads the first header; 3 more headers and the end marker
    }

    [Fact]
    public void Discover_NoMarkerAnywhere_NotFound()
    {
        var map = new SunSpecMap(40000);
        map.Add(1, new ushort[66]);

        var discovery = new SunSpecDiscovery();
        foreach (ushort[]? answer in new ushort[]?[] { [1, 2, 3, 4], null, [0x5375, 0x6E54, 1, 66] })
        {
            Assert.Equal(SunSpecDiscoveryState.Probing, discovery.State);
            if (answer is null)
            {
                discovery.OnFailure();
            }
            else
            {
                discovery.OnRegisters(answer);
            }
        }

        Assert.Equal(SunSpecDiscoveryState.NotFound, discovery.State);
        Assert.Throws<InvalidOperationException>(() => discovery.NextRequest);
    }

    [Fact]
    public void Discover_MapWithoutEndMarker_EndsAtFailedRead()
    {
        (SunSpecDiscovery discovery, _) = Run(SunSpecSite.Leader(close: false));

        Assert.Equal(SunSpecDiscoveryState.Found, discovery.State);
        Assert.False(discovery.ReachedEndMarker);
        Assert.Equal(4, discovery.Models.Count);
    }

    [Fact]
    public void Discover_ModelIdZero_TreatedAsEnd()
    {
        var map = new SunSpecMap(40000).Add(1, new ushort[66]).Add(0, new ushort[4]);

        (SunSpecDiscovery discovery, _) = Run(map);

        Assert.Single(discovery.Models);
        Assert.False(discovery.ReachedEndMarker);
    }

    [Fact]
    public void Discover_EndlessChain_StopsAtModelLimit()
    {
        var discovery = new SunSpecDiscovery(maxModels: 3);
        discovery.OnRegisters([0x5375, 0x6E53, 7, 0]);
        while (discovery.State == SunSpecDiscoveryState.Walking)
        {
            discovery.OnRegisters([7, 0]);
        }

        Assert.Equal(3, discovery.Models.Count);
        Assert.Equal([40002, 40004, 40006], discovery.Models.Select(m => (int)m.Address));
    }

    [Fact]
    public void Discover_ChainRunningPastLastAddress_Stops()
    {
        var discovery = new SunSpecDiscovery();
        discovery.OnFailure();
        discovery.OnFailure();
        discovery.OnRegisters([0x5375, 0x6E53, 1, 15000]); // at 50002, next header would be at 65004
        discovery.OnRegisters([2, 600]);                    // 65004 + 602 > 65535

        Assert.Equal(SunSpecDiscoveryState.Found, discovery.State);
        Assert.Equal(2, discovery.Models.Count);
    }

    [Fact]
    public void Reads_LongModel_SplitInto125RegisterReads()
    {
        IReadOnlyList<ModbusRequest> reads = SunSpecBlock.Reads(new SunSpecModelHeader(64, 40100, 300));

        Assert.Equal([(40100, 125), (40225, 125), (40350, 52)], reads.Select(r => ((int)r.Address, (int)r.Count)));
    }

    internal static (SunSpecDiscovery Discovery, List<ModbusRequest> Reads) Run(SunSpecMap map)
    {
        var discovery = new SunSpecDiscovery();
        var reads = new List<ModbusRequest>();
        while (discovery.State is SunSpecDiscoveryState.Probing or SunSpecDiscoveryState.Walking)
        {
            ModbusRequest request = discovery.NextRequest;
            reads.Add(request);
            if (map.Answer(request, out ushort[] registers) == ModbusExceptionCode.None)
            {
                discovery.OnRegisters(registers);
            }
            else
            {
                discovery.OnFailure();
            }
        }

        return (discovery, reads);
    }
}
