using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Protocols.SolarEdge.Decoding;

/// <summary>Receives every message a <see cref="SolarEdgeStreamDecoder"/> finds, in stream order.</summary>
public interface ISolarEdgeMessageSink
{
    /// <summary>
    /// One message. <paramref name="message"/> points into the decoder's buffers and is valid only during the call.
    /// </summary>
    /// <param name="message">The message, unwrapped when it was a decryptable 0x003D.</param>
    /// <param name="telemetry">The decoded records of a 0x0500 post; null for every other message.</param>
    void OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry);
}
