using SolarTap.Protocols.SunSpec;
using SolarTap.Testing.Modbus;

namespace SolarTap.Protocols.Tests.SunSpec;

/// <summary>Decoders against the register images of <see cref="SunSpecSite"/> (values documented there).</summary>
public class SunSpecDecoderTests
{
    [Fact]
    public void TryDecodeCommon_SolarEdgeLikeImage_ReadsStrings()
    {
        ushort[] block = Block(1, SunSpecSite.Common("SolarEdge", "SE10K-RWB48", "", "0004.0018.0518", "7E1A06DB", 1));

        Assert.Equal(SunSpecDecodeStatus.Ok, SunSpecDecoder.TryDecodeCommon(block, out SunSpecCommon? common));

        Assert.Equal(new SunSpecCommon("SolarEdge", "SE10K-RWB48", null, "0004.0018.0518", "7E1A06DB", 1), common);
    }

    [Fact]
    public void TryDecodeCommon_SpacePaddedAndOldLength65_Accepted()
    {
        ushort[] body = SunSpecSite.Common("SolarEdge      ", "x", "", "", "  SN1  ", 0xFFFF)[..65];

        Assert.Equal(SunSpecDecodeStatus.Ok, SunSpecDecoder.TryDecodeCommon(Block(1, body), out SunSpecCommon? common));

        Assert.Equal("SolarEdge", common!.Manufacturer);
        Assert.Equal("SN1", common.SerialNumber);
        Assert.Null(common.DeviceAddress);
    }

    [Fact]
    public void TryDecodeInverter_Model103_ScalesAndLeavesOutMissing()
    {
        Assert.Equal(SunSpecDecodeStatus.Ok, SunSpecDecoder.TryDecodeInverter(Block(103, SunSpecSite.Inverter103()), out SunSpecInverter? inv));

        Assert.Equal(12.34, inv!.Current);
        Assert.Equal((4.12, 4.11, 4.11), (inv.PhaseCurrent.A!.Value, inv.PhaseCurrent.B!.Value, inv.PhaseCurrent.C!.Value));
        Assert.Equal((400.1, 400.2, 399.9), (inv.LineVoltage.AB!.Value, inv.LineVoltage.BC!.Value, inv.LineVoltage.CA!.Value));
        Assert.Equal(230.1, inv.PhaseVoltage.A);
        Assert.Equal(2845, inv.Power);
        Assert.Equal(50.012, inv.Frequency);
        Assert.Equal(2900, inv.ApparentPower);
        Assert.Equal(-120, inv.ReactivePower);
        Assert.Equal(98.1, inv.PowerFactorPercent);
        Assert.Equal(12_345_678, inv.Energy);
        Assert.Null(inv.DcCurrent);                      // 0xFFFF: not implemented
        Assert.Equal(650.2, inv.DcVoltage);
        Assert.Equal(2910, inv.DcPower);
        Assert.Equal((null, 45.12, null, null), inv.Temperature);
        Assert.Equal((ushort)4, inv.State);
        Assert.Equal(0u, inv.Events);
        Assert.False(inv.IsSinglePhase);
    }

    [Fact]
    public void TryDecodeInverter_MissingScaleFactorOrAccumulator_LeavesValuesOut()
    {
        ushort[] body = SunSpecSite.Inverter103();
        body[4] = 0x8000;           // A_SF not implemented: every current goes
        body[22] = body[23] = 0;     // WH acc32 0: not accumulated
        body[13] = 11;              // W_SF outside -10..10
        body[12] = 0x8000;

        SunSpecDecoder.TryDecodeInverter(Block(103, body), out SunSpecInverter? inv);

        Assert.Null(inv!.Current);
        Assert.Null(inv.PhaseCurrent.A);
        Assert.Null(inv.Energy);
        Assert.Null(inv.Power);
        Assert.Equal(230.1, inv.PhaseVoltage.A);
    }

    [Fact]
    public void TryDecodeInverter_Model113Floats_NaNLeftOut()
    {
        Assert.Equal(SunSpecDecodeStatus.Ok, SunSpecDecoder.TryDecodeInverter(Block(113, SunSpecSite.Inverter113()), out SunSpecInverter? inv));

        Assert.Equal(15.5, inv!.Current);
        Assert.Equal((5.25, 5.0, 5.25), (inv.PhaseCurrent.A!.Value, inv.PhaseCurrent.B!.Value, inv.PhaseCurrent.C!.Value));
        Assert.Null(inv.LineVoltage.AB);
        Assert.Equal(230.25, inv.PhaseVoltage.B);
        Assert.Equal(3500.5, inv.Power);
        Assert.Equal(49.75, inv.Frequency);
        Assert.Null(inv.ReactivePower);
        Assert.Equal(99.5, inv.PowerFactorPercent);
        Assert.Equal(98765, inv.Energy);
        Assert.Equal(380.5, inv.DcVoltage);
        Assert.Equal(38.5, inv.Temperature.Cabinet);
        Assert.Equal((ushort)5, inv.State);
        Assert.Null(inv.VendorState);
    }

    [Fact]
    public void TryDecodeInverter_Model101SinglePhase_SameLayoutAs103()
    {
        ushort[] body = SunSpecSite.Inverter103();
        body[2] = body[3] = 0xFFFF;

        SunSpecDecoder.TryDecodeInverter(Block(101, body), out SunSpecInverter? inv);

        Assert.True(inv!.IsSinglePhase);
        Assert.Null(inv.PhaseCurrent.B);
        Assert.Equal(2845, inv.Power);
    }

    [Fact]
    public void TryDecodeMeter_Model203_ScalesPerPhaseAndEnergies()
    {
        Assert.Equal(SunSpecDecodeStatus.Ok, SunSpecDecoder.TryDecodeMeter(Block(203, SunSpecSite.Meter203()), out SunSpecMeter? m));

        Assert.Equal((10.5, 3.5, 3.6, 3.4), (m!.Current.Total!.Value, m.Current.A!.Value, m.Current.B!.Value, m.Current.C!.Value));
        Assert.Equal((230.0, 230.1, 229.9, 230.0), (m.PhaseVoltage.Average!.Value, m.PhaseVoltage.A!.Value, m.PhaseVoltage.B!.Value, m.PhaseVoltage.C!.Value));
        Assert.Equal(398.5, m.LineVoltage.AB);
        Assert.Equal(50.01, m.Frequency);
        Assert.Equal((-1500.0, -500.0, -520.0, -480.0), (m.Power.Total!.Value, m.Power.A!.Value, m.Power.B!.Value, m.Power.C!.Value));
        Assert.Equal(-94.0, m.PowerFactorPercent.Total);
        Assert.Equal(5_000_000, m.EnergyExported.Total);
        Assert.Null(m.EnergyExported.A);                // acc32 0: not accumulated
        Assert.Equal(3_210_000, m.EnergyImported.Total);
        Assert.Null(m.Events);                          // L = 105 leaves Evt out
    }

    [Fact]
    public void TryDecodeBattery_Model802_ReadsStateOfChargeAndFlows()
    {
        Assert.Equal(SunSpecDecodeStatus.Ok, SunSpecDecoder.TryDecodeBattery(Block(802, SunSpecSite.Battery802()), out SunSpecBattery? b));

        Assert.Equal(65.5, b!.StateOfCharge);
        Assert.Equal(98, b.StateOfHealth);
        Assert.Equal(9700, b.RatedEnergy);
        Assert.Equal(401.2, b.Voltage);
        Assert.Equal(-5.23, b.Current);
        Assert.Equal(-2100, b.Power);
        Assert.Equal((ushort)4, b.ChargeStatus);
        Assert.Equal((ushort)3, b.State);
        Assert.Equal(0u, b.Events);
    }

    [Theory]
    [InlineData(new ushort[0], SunSpecDecodeStatus.TooShort)]
    [InlineData(new ushort[] { 103 }, SunSpecDecodeStatus.TooShort)]
    [InlineData(new ushort[] { 160, 50 }, SunSpecDecodeStatus.WrongModel)]
    [InlineData(new ushort[] { 103, 49 }, SunSpecDecodeStatus.TooShort)]
    [InlineData(new ushort[] { 113, 60, 0, 0 }, SunSpecDecodeStatus.TooShort)]
    public void TryDecodeInverter_BadBlocks_StatusNotThrow(ushort[] block, SunSpecDecodeStatus expected) =>
        Assert.Equal(expected, SunSpecDecoder.TryDecodeInverter(block, out _));

    [Fact]
    public void Decoders_WrongIds_WrongModel()
    {
        ushort[] meter = Block(203, SunSpecSite.Meter203());
        Assert.Equal(SunSpecDecodeStatus.WrongModel, SunSpecDecoder.TryDecodeCommon(meter, out _));
        Assert.Equal(SunSpecDecodeStatus.WrongModel, SunSpecDecoder.TryDecodeBattery(meter, out _));
        Assert.Equal(SunSpecDecodeStatus.WrongModel, SunSpecDecoder.TryDecodeMeter(Block(802, SunSpecSite.Battery802()), out _));
        Assert.Equal(SunSpecDecodeStatus.TooShort, SunSpecDecoder.TryDecodeMeter(meter.AsSpan(0, 100), out _));
    }

    [Theory]
    [InlineData((ushort)0x8000, null)]
    [InlineData((ushort)0xFFFE, -2)]
    [InlineData((ushort)10, 10)]
    [InlineData((ushort)11, null)]
    [InlineData((ushort)0xFFF6, -10)]
    public void ReadScaleFactor_Range_OutsideIsNotImplemented(ushort raw, int? expected) =>
        Assert.Equal(expected, SunSpecValues.ReadScaleFactor([raw], 0));

    [Fact]
    public void Sentinels_EachType_ReadAsNull()
    {
        Assert.Null(SunSpecValues.ReadInt16([0x8000], 0));
        Assert.Equal((short)-1, SunSpecValues.ReadInt16([0xFFFF], 0));
        Assert.Null(SunSpecValues.ReadUInt16([0xFFFF], 0));
        Assert.Null(SunSpecValues.ReadAcc32([0, 0], 0));
        Assert.Equal(0x80000000u, SunSpecValues.ReadAcc32([0x8000, 0], 0));
        Assert.Null(SunSpecValues.ReadUInt32([0xFFFF, 0xFFFF], 0));
        Assert.Null(SunSpecValues.ReadFloat32([0x7FC0, 0], 0));
        Assert.Null(SunSpecValues.ReadFloat32([0x7F80, 0], 0)); // +infinity
        Assert.Null(SunSpecValues.ReadString([0, 0, 0], 0, 3));
        Assert.Equal("A?B", SunSpecValues.ReadString([0x4101, 0x4200], 0, 2));
    }

    internal static ushort[] Block(ushort id, ushort[] body) => [id, (ushort)body.Length, .. body];
}
