using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Decoding;

namespace SolarTap.Cli;

/// <summary>The --stats summary: framing totals, then one row per device.</summary>
internal static class StatisticsReport
{
    public static void Write(TextWriter output, DecodeStatistics statistics)
    {
        output.WriteLine(
            $"frames {statistics.Frames}, bytes skipped {statistics.BytesSkipped}, CRC errors {statistics.CrcErrors}, " +
            $"length mismatches {statistics.LengthMismatches}, oversized {statistics.OversizedCandidates}, truncated {statistics.TruncatedCandidates}");
        if (statistics.Devices.Count == 0)
        {
            output.WriteLine("no messages from any device");
            return;
        }

        output.WriteLine($"{"device",-10} {"messages",8} {"posts",6} {"records",8} {"readings",8} {"unknown",7} {"truncated",9} {"decrypted",9} {"encrypted-skipped",17} {"key-msgs",8}");
        foreach ((uint id, DeviceCounters c) in statistics.Devices)
        {
            string device = id == 0 ? "(unknown)" : SolarEdgeAddress.Format(id);
            output.WriteLine($"{device,-10} {c.Messages,8} {c.Posts,6} {c.Records,8} {c.Readings,8} {c.UnknownRecords,7} {c.TruncatedPosts,9} {c.Decrypted,9} {c.NotDecrypted,17} {c.SessionAnnouncements,8}");
        }
    }
}
