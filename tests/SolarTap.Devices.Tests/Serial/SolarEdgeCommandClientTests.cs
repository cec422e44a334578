using System.Buffers.Binary;
using SolarTap.Devices.Serial;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Parameters;
using SolarTap.Testing.Simulators;

namespace SolarTap.Devices.Tests.Serial;

public sealed class SolarEdgeCommandClientTests
{
    private const uint Inverter = 0x7F10_4920;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Request_KeyParameter_ReturnsTheValueWithTheRequestsSequence(bool rs485)
    {
        var slave = new SolarEdgeRs485Slave(Inverter);
        slave.SetKey(Hex.Bytes("e1992523f4ddbb47d5336f6f177e3278")); // spec §4.2 test key
        var line = new SimulatedBusLine(new SolarEdgeRs485Bus(slave));
        var client = new SolarEdgeCommandClient(line.Master, line.Clock, firstSequence: 0x07FF) { GrantAfterCommand = rs485 };
        Span<byte> request = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(request, 0x023A);

        SolarEdgeSerialMessage? answer = client.Request(Inverter, FunctionCode.CmdParamsGetSingle, request, TimeSpan.FromSeconds(2));

        Assert.NotNull(answer);
        Assert.Equal(new SolarEdgeHeader(0x07FF, Inverter, SolarEdgeAddress.Server, FunctionCode.RespParamsSingle), answer.Header);
        Assert.True(ParameterCodec.TryReadValues(answer.Payload, out IReadOnlyList<ParameterValue> values, out _));
        Assert.Equal(0x47BB_DDF4u, values[0].Raw); // key bytes 4..7, f4 dd bb 47, as a little-endian u32
        Assert.Equal(rs485 ? 1 : 0, slave.Grants);
    }

    [Fact]
    public void Request_SilentInverter_ReturnsNullAfterExactlyTheTimeout()
    {
        var slave = new SolarEdgeRs485Slave(Inverter) { Silent = true };
        var line = new SimulatedBusLine(new SolarEdgeRs485Bus(slave));
        var client = new SolarEdgeCommandClient(line.Master, line.Clock);

        SolarEdgeSerialMessage? answer = client.Request(Inverter, FunctionCode.CmdParamsGetSingle, [0x29, 0x03], TimeSpan.FromSeconds(2));

        Assert.Null(answer);
        Assert.Equal(TimeSpan.FromSeconds(2), line.Clock.Elapsed);
    }

    [Fact]
    public void Request_WrittenBytes_AreSemonitorsRequestLayout()
    {
        var line = new SimulatedBusLine(new SolarEdgeRs485Bus(new SolarEdgeRs485Slave(0x7D10_28E7)));
        var client = new SolarEdgeCommandClient(line.Master, line.Clock, firstSequence: 0x003A);

        client.Request(0x7D10_28E7, FunctionCode.CmdParamsGetSingle, [0x29, 0x03], TimeSpan.FromSeconds(1));

        // spec §1.3: semonitor -c 0012,H0329 to 7D1028E7 with sequence 0x003A.
        Assert.Equal(Hex.Bytes("12345679 0200 fdff 3a00 feffffff e728107d 1200 2903 d8b9"), line.Line.A.Written.ToArray());
    }
}
