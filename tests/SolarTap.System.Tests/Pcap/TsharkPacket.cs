using System.Globalization;
using System.Text.Json;

namespace SolarTap.System.Tests.Pcap;

/// <summary>What tshark reports for one frame: exact time, lengths, raw bytes and the TCP fields it dissected.</summary>
internal sealed record TsharkPacket(long Nanoseconds, long OriginalLength, string FrameHex, string? TcpSequence, string TcpPayloadHex)
{
    /// <summary>Every frame of <paramref name="file"/>, read by <c>tshark -T json -x</c>.</summary>
    public static List<TsharkPacket> ReadAll(string file)
    {
        string json = ExternalTool.Run("tshark", "-n", "-r", file, "-T", "json", "-x");
        using JsonDocument document = JsonDocument.Parse(json);
        var packets = new List<TsharkPacket>();
        foreach (JsonElement element in document.RootElement.EnumerateArray())
        {
            JsonElement layers = element.GetProperty("_source").GetProperty("layers");
            JsonElement frame = layers.GetProperty("frame");
            string? sequence = null;
            string payload = "";
            if (layers.TryGetProperty("tcp", out JsonElement tcp))
            {
                sequence = tcp.GetProperty("tcp.seq_raw").GetString();
                payload = tcp.TryGetProperty("tcp.payload", out JsonElement p) ? p.GetString()!.Replace(":", "", StringComparison.Ordinal) : "";
            }

            packets.Add(new TsharkPacket(
                EpochNanoseconds(frame.GetProperty("frame.time_epoch").GetString()!),
                long.Parse(frame.GetProperty("frame.len").GetString()!, CultureInfo.InvariantCulture),
                layers.GetProperty("frame_raw")[0].GetString()!,
                sequence,
                payload));
        }

        return packets;
    }

    /// <summary>"1465388401.000000000" to nanoseconds, exactly (no floating point).</summary>
    private static long EpochNanoseconds(string text)
    {
        string[] parts = text.Split('.');
        string fraction = parts.Length > 1 ? parts[1].PadRight(9, '0')[..9] : "0";
        return (long.Parse(parts[0], CultureInfo.InvariantCulture) * 1_000_000_000) + long.Parse(fraction, CultureInfo.InvariantCulture);
    }
}
