using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.Tests.SolarEdge.Telemetry;

public class TelemetryRecordReaderTests
{
    private static readonly byte[] Optimizer = Hex.Bytes("8000da7423200d00690d58579f7dd73c944b8c0e14");

    [Fact]
    public void TryReadNext_TwoRecords_ReturnsBothThenEnd()
    {
        byte[] payload = [.. Optimizer, .. Optimizer];
        var reader = new TelemetryRecordReader(payload);

        Assert.True(reader.TryReadNext(out TelemetryRecord first));
        Assert.Equal(TelemetryRecordType.PackedOptimizer, first.Type);
        Assert.Equal(0x202374DAu, first.DeviceId);
        Assert.Equal(13, first.Data.Length);
        Assert.Equal(0, first.Offset);
        Assert.True(reader.TryReadNext(out TelemetryRecord second));
        Assert.Equal(21, second.Offset);
        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.IsTruncated);
        Assert.Equal(42, reader.Consumed);
    }

    [Fact]
    public void TryReadNext_DeclaredLengthPastEnd_StopsAndReportsTruncated()
    {
        byte[] payload = [.. Optimizer, .. Optimizer[..15]];
        var reader = new TelemetryRecordReader(payload);

        Assert.True(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _));
        Assert.True(reader.IsTruncated);
        Assert.Equal(21, reader.Consumed);
        Assert.Equal(15, reader.Remaining.Length);
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void TryReadNext_PartialHeader_ReportsTruncated()
    {
        var reader = new TelemetryRecordReader(Optimizer.AsSpan(0, 5));

        Assert.False(reader.TryReadNext(out _));
        Assert.True(reader.IsTruncated);
        Assert.Equal(0, reader.Consumed);
    }

    [Fact]
    public void TryReadNext_EmptyPayload_EndsWithoutTruncation()
    {
        var reader = new TelemetryRecordReader([]);

        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.IsTruncated);
    }

    [Fact]
    public void TryReadNext_RandomBytes_NeverReadsPastThePayload()
    {
        Properties.ForAllBytes(0x7E1E_0001, bytes =>
        {
            var reader = new TelemetryRecordReader(bytes);
            int sum = 0;
            while (reader.TryReadNext(out TelemetryRecord record))
            {
                if (record.Offset != sum)
                {
                    return false;
                }

                sum += record.WireLength;
            }

            return sum == reader.Consumed && reader.Consumed <= bytes.Length
                && (reader.IsTruncated ? reader.Consumed < bytes.Length : reader.Consumed == bytes.Length);
        });
    }
}
