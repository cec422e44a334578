using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Protocols.Tests.SolarEdge.Crypto;

/// <summary>Shared inputs of the crypto tests: the real key of inverter 7F104920 and the files that use it.</summary>
internal static class CryptoVectors
{
    public const uint Inverter = 0x7F104920;

    public static InverterKey Key7F104920 { get; } = ParseKey();

    public static InverterKey? Lookup(uint inverterId) => inverterId == Inverter ? Key7F104920 : null;

    /// <summary>Splits a file of back-to-back messages into (header, payload, whole message).</summary>
    public static List<(SolarEdgeHeader Header, byte[] Payload, byte[] Message)> Messages(byte[] stream)
    {
        var result = new List<(SolarEdgeHeader, byte[], byte[])>();
        var reader = new SolarEdgeFrameReader();
        var buffer = new ReadOnlySequence<byte>(stream);
        while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
        {
            int end = (int)(stream.Length - buffer.Length);
            result.Add((frame.Header, frame.Payload.ToArray(), stream[(end - frame.WireLength)..end]));
        }

        return result;
    }

    public static SessionKeyAnnouncement Announcement(byte[] payload)
        => SessionKeyAnnouncement.TryParse(payload, out SessionKeyAnnouncement? announcement, out string? error)
            ? announcement!
            : throw new InvalidOperationException(error);

    private static InverterKey ParseKey()
    {
        return InverterKey.TryParse(TestData.SolarEdgeText("7f104920.key"), out InverterKey? key, out string? error)
            ? key!
            : throw new InvalidOperationException(error);
    }
}
