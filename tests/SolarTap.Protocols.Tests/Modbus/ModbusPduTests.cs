using SolarTap.Protocols.Modbus;

namespace SolarTap.Protocols.Tests.Modbus;

public class ModbusPduTests
{
    [Fact]
    public void WriteRequest_ReadHolding_MatchesSpecExample()
    {
        var buffer = new byte[8];

        int n = ModbusPdu.WriteRequest(ModbusRequest.ReadHolding(0x006B, 3), buffer);

        Assert.Equal("03006b0003", Hex.Of(buffer.AsSpan(0, n))); // Application Protocol §6.3 example
    }

    [Fact]
    public void WriteRequest_WriteMultiple_MatchesSpecExample()
    {
        var buffer = new byte[16];

        int n = ModbusPdu.WriteRequest(ModbusRequest.WriteMultiple(0x0001, new ushort[] { 0x000A, 0x0102 }), buffer);

        Assert.Equal("100001000204000a0102", Hex.Of(buffer.AsSpan(0, n))); // §6.12 example
    }

    [Fact]
    public void TryParseResponse_SpecReadExample_CopiesRegisters()
    {
        var registers = new ushort[3];

        ModbusPduStatus status = ModbusPdu.TryParseResponse(ModbusRequest.ReadHolding(0x006B, 3), Hex.Bytes("03 06 02 2B 00 00 00 64"), registers, out ModbusResponse response);

        Assert.Equal(ModbusPduStatus.Ok, status);
        Assert.Equal(new ushort[] { 555, 0, 100 }, registers); // §6.3 example: 0x022B = 555
        Assert.Equal(3, response.Count);
        Assert.False(response.IsException);
    }

    [Theory]
    [InlineData("83 02", ModbusExceptionCode.IllegalDataAddress)]
    [InlineData("83 0B", ModbusExceptionCode.GatewayTargetDeviceFailedToRespond)]
    [InlineData("83 06", ModbusExceptionCode.ServerDeviceBusy)]
    public void TryParseResponse_ExceptionPdu_ReportsCode(string pdu, ModbusExceptionCode code)
    {
        ModbusPduStatus status = ModbusPdu.TryParseResponse(ModbusRequest.ReadHolding(40000, 2), Hex.Bytes(pdu), new ushort[2], out ModbusResponse response);

        Assert.Equal(ModbusPduStatus.Exception, status);
        Assert.True(response.IsException);
        Assert.Equal(code, response.Exception);
        Assert.StartsWith(code == ModbusExceptionCode.IllegalDataAddress ? "illegal data address" : "", ModbusExceptions.Describe(code), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("03 06 02 2B 00 00", ModbusPduStatus.Truncated)]
    [InlineData("03", ModbusPduStatus.Truncated)]
    [InlineData("03 04 02 2B 00 00", ModbusPduStatus.Mismatch)]        // two registers for a read of three
    [InlineData("03 06 02 2B 00 00 00 64 FF", ModbusPduStatus.Malformed)]
    [InlineData("03 05 02 2B 00 00 00", ModbusPduStatus.Malformed)]    // odd byte count
    [InlineData("04 06 02 2B 00 00 00 64", ModbusPduStatus.Mismatch)] // another function
    [InlineData("84 02", ModbusPduStatus.Mismatch)]
    [InlineData("83 02 00", ModbusPduStatus.Malformed)]
    [InlineData("83 00", ModbusPduStatus.Malformed)]
    public void TryParseResponse_BadPdus_SaySo(string pdu, ModbusPduStatus expected) =>
        Assert.Equal(expected, ModbusPdu.TryParseResponse(ModbusRequest.ReadHolding(0x006B, 3), Hex.Bytes(pdu), new ushort[3], out _));

    [Fact]
    public void TryParseResponse_WriteEchoes_CheckedAgainstRequest()
    {
        ModbusRequest single = ModbusRequest.WriteSingle(0x0001, 0x0003);
        Assert.Equal(ModbusPduStatus.Ok, ModbusPdu.TryParseResponse(single, Hex.Bytes("06 0001 0003"), default, out ModbusResponse r));
        Assert.Equal(3, r.Value);
        Assert.Equal(ModbusPduStatus.Mismatch, ModbusPdu.TryParseResponse(single, Hex.Bytes("06 0001 0004"), default, out _));

        ModbusRequest multiple = ModbusRequest.WriteMultiple(0x0001, new ushort[] { 10, 258 });
        Assert.Equal(ModbusPduStatus.Ok, ModbusPdu.TryParseResponse(multiple, Hex.Bytes("10 0001 0002"), default, out r));
        Assert.Equal(2, r.Count);
        Assert.Equal(ModbusPduStatus.Mismatch, ModbusPdu.TryParseResponse(multiple, Hex.Bytes("10 0001 0003"), default, out _));
        Assert.Equal(ModbusPduStatus.Truncated, ModbusPdu.TryParseResponse(multiple, Hex.Bytes("10 0001 00"), default, out _));
    }

    [Theory]
    [InlineData("03 9C40 0002", ModbusPduStatus.Ok, ModbusExceptionCode.None)]
    [InlineData("04 0000 007D", ModbusPduStatus.Ok, ModbusExceptionCode.None)]
    [InlineData("03 0000 007E", ModbusPduStatus.Malformed, ModbusExceptionCode.IllegalDataValue)] // 126 > 125 (§6.3)
    [InlineData("03 0000 0000", ModbusPduStatus.Malformed, ModbusExceptionCode.IllegalDataValue)]
    [InlineData("03 FFFF 0002", ModbusPduStatus.Malformed, ModbusExceptionCode.IllegalDataAddress)]
    [InlineData("01 0000 0001", ModbusPduStatus.UnsupportedFunction, ModbusExceptionCode.IllegalFunction)]
    [InlineData("10 0001 0002 04 000A", ModbusPduStatus.Truncated, ModbusExceptionCode.IllegalDataValue)]
    [InlineData("10 0001 0002 03 000A01", ModbusPduStatus.Malformed, ModbusExceptionCode.IllegalDataValue)]
    [InlineData("06 0001", ModbusPduStatus.Truncated, ModbusExceptionCode.IllegalDataValue)]
    public void TryParseRequest_Pdus_GiveStatusAndServerException(string pdu, ModbusPduStatus status, ModbusExceptionCode exception)
    {
        Assert.Equal(status, ModbusPdu.TryParseRequest(Hex.Bytes(pdu), out _, out ModbusExceptionCode code));
        Assert.Equal(exception, code);
    }

    [Fact]
    public void TryParseRequest_WriteMultiple_CopiesValues()
    {
        Assert.Equal(ModbusPduStatus.Ok, ModbusPdu.TryParseRequest(Hex.Bytes("10 0001 0002 04 000A 0102"), out ModbusRequest request, out _));

        Assert.Equal(ModbusFunction.WriteMultipleRegisters, request.Function);
        Assert.Equal(new ushort[] { 10, 258 }, request.Values.ToArray());
    }

    [Fact]
    public void ServerWriters_ReadWriteAndException_ProduceSpecBytes()
    {
        var buffer = new byte[16];
        Assert.Equal("0306022b00000064", Hex.Of(buffer.AsSpan(0, ModbusPdu.WriteReadResponse(ModbusFunction.ReadHoldingRegisters, new ushort[] { 555, 0, 100 }, buffer))));
        Assert.Equal("1000010002", Hex.Of(buffer.AsSpan(0, ModbusPdu.WriteWriteResponse(ModbusFunction.WriteMultipleRegisters, 1, 2, buffer))));
        Assert.Equal("8302", Hex.Of(buffer.AsSpan(0, ModbusPdu.WriteException(0x03, ModbusExceptionCode.IllegalDataAddress, buffer))));
    }

    [Fact]
    public void Factories_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequest.ReadHolding(0, 126));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequest.ReadInput(0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequest.ReadHolding(0xFFFF, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequest.WriteMultiple(0, new ushort[124]));
    }

    [Fact]
    public void Describe_EveryDefinedCode_HasPlainText()
    {
        foreach (byte code in new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 0x0A, 0x0B })
        {
            Assert.True(ModbusExceptions.IsDefined(code));
            Assert.DoesNotContain("unknown", ModbusExceptions.Describe((ModbusExceptionCode)code), StringComparison.Ordinal);
        }

        Assert.False(ModbusExceptions.IsDefined(9));
        Assert.Equal("unknown exception code 0x09", ModbusExceptions.Describe((ModbusExceptionCode)9));
    }
}
