using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Protocols.Tests.SolarEdge;

public class SolarEdgeFrameWriterTests
{
    [Fact]
    public void Write_WorkedExample_ProducesTheCapturedBytes()
    {
        var header = new SolarEdgeHeader(0x003A, SolarEdgeAddress.Server, 0x7D1028E7, FunctionCode.CmdParamsGetSingle);

        byte[] message = SolarEdgeFrameWriter.ToArray(header, [0x29, 0x03]);

        Assert.Equal("123456790200fdff3a00feffffffe728107d12002903d8b9", Hex.Of(message));
    }

    [Fact]
    public void Write_EmptyAck_ProducesTheCapturedBytes()
    {
        // spec §1.3 second example (issue #178).
        var header = new SolarEdgeHeader(0x0549, SolarEdgeAddress.Server, 0x7415F893, FunctionCode.RespAck);

        Assert.Equal("123456790000ffff4905feffffff93f8157480006806", Hex.Of(SolarEdgeFrameWriter.ToArray(header, [])));
    }

    [Fact]
    public void Write_DestinationTooSmall_ThrowsWithSizes()
    {
        var header = new SolarEdgeHeader(1, 2, 3, FunctionCode.RespAck);
        var error = Assert.Throws<ArgumentException>(() => SolarEdgeFrameWriter.Write(new byte[21], header, []));
        Assert.Contains("22 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplyWith_SwapsAddressesAndKeepsSequence()
    {
        var post = new SolarEdgeHeader(0x01B6, 0x7F104A16, SolarEdgeAddress.Server, FunctionCode.CmdServerPostData);

        Assert.Equal(new SolarEdgeHeader(0x01B6, SolarEdgeAddress.Server, 0x7F104A16, FunctionCode.RespAck), post.ReplyWith(FunctionCode.RespAck));
    }

    [Theory]
    [InlineData(0x7F104920u, "7F104920")]
    [InlineData(0x7F904A16u, "7F104A16")]
    [InlineData(0x0102ABCDu, "102ABCD")]
    public void Format_DeviceId_MasksAndDropsLeadingZeros(uint id, string expected)
        => Assert.Equal(expected, SolarEdgeAddress.Format(id));
}
