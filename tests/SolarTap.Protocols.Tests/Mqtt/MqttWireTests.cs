using System.Buffers;
using SolarTap.Protocols.Mqtt;

namespace SolarTap.Protocols.Tests.Mqtt;

public class MqttWireTests
{
    // MQTT 3.1.1 §2.2.3 Table 2.4: the edges of each Remaining Length size.
    [Theory]
    [InlineData(0, "00")]
    [InlineData(127, "7f")]
    [InlineData(128, "8001")]
    [InlineData(16_383, "ff7f")]
    [InlineData(16_384, "808001")]
    [InlineData(2_097_151, "ffff7f")]
    [InlineData(2_097_152, "80808001")]
    [InlineData(268_435_455, "ffffff7f")]
    public void RemainingLength_TableEdges_WriteAndReadBack(int value, string hex)
    {
        Span<byte> buffer = stackalloc byte[4];
        int written = MqttWire.WriteRemainingLength(buffer, value);

        Assert.Equal(hex, Hex.Of(buffer[..written]));
        Assert.Equal(written, MqttWire.RemainingLengthSize(value));
        Assert.Equal(OperationStatus.Done, MqttWire.TryReadRemainingLength(Hex.Bytes(hex + "ff"), out int read, out int consumed));
        Assert.Equal(value, read);
        Assert.Equal(written, consumed);
    }

    [Fact]
    public void RemainingLength_OneTooMany_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttWire.RemainingLengthSize(268_435_456));
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttWire.WriteRemainingLength(new byte[5], 268_435_456));
        Assert.Throws<ArgumentOutOfRangeException>(() => MqttWire.RemainingLengthSize(-1));
    }

    [Fact]
    public void TryReadRemainingLength_FifthByte_IsInvalid()
    {
        Assert.Equal(OperationStatus.InvalidData, MqttWire.TryReadRemainingLength(Hex.Bytes("ffffffff01"), out _, out int consumed));
        Assert.Equal(0, consumed);
        Assert.Equal(OperationStatus.InvalidData, MqttWire.TryReadRemainingLength(Hex.Bytes("80808080"), out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("ffff")]
    [InlineData("ffffff")]
    public void TryReadRemainingLength_Incomplete_NeedsMoreData(string hex) =>
        Assert.Equal(OperationStatus.NeedMoreData, MqttWire.TryReadRemainingLength(Hex.Bytes(hex), out _, out _));

    [Fact]
    public void TryReadRemainingLength_NonMinimalEncoding_IsAccepted()
    {
        // 3.1.1 (unlike 5.0) does not require the shortest encoding; 0x80 0x00 is 0 in two bytes.
        Assert.Equal(OperationStatus.Done, MqttWire.TryReadRemainingLength(Hex.Bytes("8000"), out int value, out int consumed));
        Assert.Equal((0, 2), (value, consumed));
    }

    [Fact]
    public void WriteRemainingLength_ShortDestination_Throws() =>
        Assert.Throws<ArgumentException>(() => MqttWire.WriteRemainingLength(new byte[1], 128));

    [Theory]
    [InlineData(MqttConnectReturnCode.Accepted, "connection accepted", "MQTT: connected")]
    [InlineData(MqttConnectReturnCode.UnacceptableProtocolVersion, "unacceptable protocol version", "MQTT: refused (unacceptable protocol version)")]
    [InlineData(MqttConnectReturnCode.IdentifierRejected, "identifier rejected", "MQTT: refused (identifier rejected)")]
    [InlineData(MqttConnectReturnCode.ServerUnavailable, "server unavailable", "MQTT: refused (server unavailable)")]
    [InlineData(MqttConnectReturnCode.BadUserNameOrPassword, "bad user name or password", "MQTT: authentication failed")]
    [InlineData(MqttConnectReturnCode.NotAuthorized, "not authorized", "MQTT: authentication failed")]
    [InlineData((MqttConnectReturnCode)6, "reserved return code 6", "MQTT: refused (reserved return code 6)")]
    public void ConnectReturnCodes_EachCode_HasPlainMeaningAndStatus(MqttConnectReturnCode code, string meaning, string status)
    {
        Assert.Equal(meaning, MqttConnectReturnCodes.Describe(code));
        Assert.Equal(status, MqttConnectReturnCodes.StatusText(code));
    }
}
