using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.Tests.SolarEdge.Telemetry;

public class TelemetryDecoderTests
{
    private static readonly byte[] Optimizer = Hex.Bytes("8000da7423200d00690d58579f7dd73c944b8c0e14");

    [Theory]
    [InlineData("synth_inverter1ph_oldopt_issue8", 5)]
    [InlineData("synth_opt0080_issue11", 8)]
    [InlineData("synth_meter_s440_issue178", 6)]
    [InlineData("rs485_grant_and_meter_issue136", 1)]
    public void Decode_PlaintextCapture_OneReadingPerRecordAndNothingUnknown(string name, int readings)
    {
        (var header, byte[] payload) = TelemetrySamples.Posts(name).Single(p => p.Payload.Length > 0);

        TelemetryDecodeResult result = TelemetryDecoder.Decode(payload, header.Source);

        Assert.Equal(readings, result.Readings.Count);
        Assert.Empty(result.UnknownRecords);
        Assert.False(result.IsTruncated);
        Assert.Equal(payload.Length, result.Consumed);
    }

    [Fact]
    public void Decode_PackedOptimizers_ParentIsTheMessageSource()
    {
        (var header, byte[] payload) = TelemetrySamples.Posts("synth_opt0080_issue11").Single();

        TelemetryDecodeResult result = TelemetryDecoder.Decode(payload, header.Source);

        Assert.All(result.Readings, r => Assert.Equal(new DeviceIdentity(DeviceKind.Optimizer, r.Device.Serial, "7E1A06DB", "SolarEdge"), r.Device));
    }

    [Fact]
    public void Decode_UnknownTypeBetweenRecords_ReportedAndTheRestDecoded()
    {
        byte[] unknown = TelemetrySamples.Payload((TelemetryRecordType)0x0017, 0x7F104920, [1, 2, 3, 4, 5]);
        byte[] payload = [.. Optimizer, .. unknown, .. Optimizer];

        TelemetryDecodeResult result = TelemetryDecoder.Decode(payload, 0x7E1A06DB);

        Assert.Equal(2, result.Readings.Count);
        UnknownTelemetryRecord report = Assert.Single(result.UnknownRecords);
        Assert.Equal(new UnknownTelemetryRecord((TelemetryRecordType)0x0017, 0x7F104920, 5, report.Data, 21, UnknownRecordReason.UnknownType), report);
        Assert.Equal([1, 2, 3, 4, 5], report.Data.ToArray());
        Assert.Equal(3, result.RecordCount);
    }

    [Fact]
    public void Decode_KnownTypeWithUnusableLength_ReportedAsUnusable()
    {
        byte[] shortOptimizer = TelemetrySamples.Payload(TelemetryRecordType.PackedOptimizer, 0x202374DA, new byte[12]);
        byte[] shortInverter = TelemetrySamples.Payload(TelemetryRecordType.SinglePhaseInverter, 0x7F104920, new byte[100]);

        TelemetryDecodeResult result = TelemetryDecoder.Decode([.. shortOptimizer, .. shortInverter, .. Optimizer], 0);

        Assert.Single(result.Readings);
        Assert.Equal([UnknownRecordReason.UnusableLength, UnknownRecordReason.UnusableLength], result.UnknownRecords.Select(u => u.Reason));
    }

    [Fact]
    public void Decode_LastRecordTruncated_KeepsEarlierReadingsAndFlagsTruncation()
    {
        byte[] payload = [.. Optimizer, .. Optimizer[..17]];

        TelemetryDecodeResult result = TelemetryDecoder.Decode(payload, 0);

        Assert.True(result.IsTruncated);
        Assert.Single(result.Readings);
        UnknownTelemetryRecord cut = Assert.Single(result.UnknownRecords);
        Assert.Equal((TelemetryRecordType.PackedOptimizer, 13, 9, 21), (cut.Type, cut.DeclaredLength, cut.Data.Length, cut.Offset));
    }

    [Fact]
    public void Decode_HeaderCutOff_ReportsRemainingBytes()
    {
        TelemetryDecodeResult result = TelemetryDecoder.Decode([.. Optimizer, 0x80, 0x00, 0xda], 0);

        Assert.True(result.IsTruncated);
        Assert.Equal((-1, 3), (result.UnknownRecords[0].DeclaredLength, result.UnknownRecords[0].Data.Length));
    }

    [Fact]
    public void Decode_MeterFlowsOfOneTimestamp_MergedIntoOneReading()
    {
        var grid = new MeterTelemetry(0x7415F893, 1570868647, MeterFlow.Grid, 1, default, default, default, default, 300, 5, 40, 60f, 480f);
        var load = grid with { Flow = MeterFlow.Consumption, EnergyFromX = 90, PowerFromX = 1080f };
        var later = grid with { Timestamp = grid.Timestamp + 300 };
        var payload = new byte[3 * 66];
        Assert.True(grid.TryWrite(payload, out _));
        Assert.True(load.TryWrite(payload.AsSpan(66), out _));
        Assert.True(later.TryWrite(payload.AsSpan(132), out _));

        TelemetryDecodeResult result = TelemetryDecoder.Decode(payload, 0x7415F893);

        Assert.Equal(2, result.Readings.Count);
        Reading first = result.Readings[0];
        Assert.Equal(DeviceKind.Meter, first.Device.Kind);
        Assert.Equal(480.0, first.Get(Quantity.GridImportPower));
        Assert.Equal(420.0, first.Get(Quantity.GridPower));
        Assert.Equal(1080.0, first.Get(Quantity.LoadPower));
        Assert.Equal(90.0, first.Get(Quantity.LoadEnergyInterval));
        Assert.Equal(later.Time, result.Readings[1].Timestamp);
    }

    [Fact]
    public void Decode_EventsAndOptimizerLists_ReturnedTypedWithoutReadings()
    {
        byte[] ev = TelemetrySamples.Payload(TelemetryRecordType.PolestarEvent, 0x7F104920, Hex.Bytes("df81ef5600000000df81ef56ef8fef5601000000000000000f206800"));
        byte[] list = TelemetrySamples.Payload(TelemetryRecordType.OptimizerList, 0x7F104920, Hex.Bytes("df81ef56 0100 0200 0300 0400 da742320 07 5d762320 08"));

        TelemetryDecodeResult result = TelemetryDecoder.Decode([.. ev, .. list], 0x7F104920);

        Assert.Empty(result.Readings);
        Assert.Equal(0u, Assert.Single(result.Events).EventType);
        Assert.Equal([0x202374DAu, 0x2023765Du], Assert.Single(result.OptimizerLists).Entries.Select(e => e.OptimizerId));
    }

    [Fact]
    public void Decode_RandomBytes_NeverThrowsNorConsumesMoreThanGiven()
        => Properties.ForAllBytes(0x7E1E_2001, bytes => Consistent(bytes, TelemetryDecoder.Decode(bytes, 0x7F104920)));

    [Fact]
    public void Decode_MutatedRealRecords_NeverThrowsNorConsumesMoreThanGiven()
        => Properties.ForAllMutations(0x7E1E_2002, TelemetrySamples.Seeds(), bytes => Consistent(bytes, TelemetryDecoder.Decode(bytes, 0x7F104920)), tests: 1000);

    private static bool Consistent(byte[] input, TelemetryDecodeResult result)
        => result.Consumed <= input.Length
            && result.IsTruncated == (result.Consumed < input.Length)
            && result.UnknownRecords.All(u => u.Data.Length <= input.Length)
            && result.Readings.All(r => r.Values.All(m => double.IsFinite(m.Value)));
}
