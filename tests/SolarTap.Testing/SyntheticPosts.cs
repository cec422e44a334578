using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Testing;

/// <summary>Builds plausible SolarEdge telemetry posts with our own encoders (for tests and benchmarks).</summary>
public static class SyntheticPosts
{
    /// <summary>A whole 0x0500 message from <paramref name="inverter"/> with <paramref name="optimizers"/> packed optimizer records.</summary>
    public static byte[] OptimizerPost(uint inverter, ushort sequence, int optimizers, uint timestamp, int variation = 0)
    {
        var payload = new byte[optimizers * (TelemetryRecordHeader.Size + PackedOptimizerTelemetry.DataLength)];
        int offset = 0;
        for (int i = 0; i < optimizers; i++)
        {
            var record = new PackedOptimizerTelemetry(
                DeviceId: 0x2023_0000u + (uint)i,
                Timestamp: timestamp + (uint)i,
                Uptime: (ushort)(30000 + i),
                ModuleVoltageRaw: (ushort)(210 + ((i + variation) % 20)),
                OutputVoltageRaw: (ushort)(270 + (i % 7)),
                ModuleCurrentRaw: (ushort)(1200 + ((i * 13 + variation) % 100)),
                EnergyRaw: (ushort)(3700 + i + variation),
                TemperatureRaw: (sbyte)(20 + (i % 3)));
            record.TryWrite(payload.AsSpan(offset), out int written);
            offset += written;
        }

        var header = new SolarEdgeHeader(sequence, inverter, SolarEdgeAddress.Server, FunctionCode.CmdServerPostData);
        return SolarEdgeFrameWriter.ToArray(header, payload);
    }
}
