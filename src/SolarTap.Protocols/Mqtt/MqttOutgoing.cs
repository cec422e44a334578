namespace SolarTap.Protocols.Mqtt;

/// <summary>A message on its way out: queued (no packet id yet) or in flight (written, waiting for PUBACK).</summary>
internal sealed class MqttOutgoing(MqttMessage message, long token, bool isInternal)
{
    public MqttMessage Message { get; } = message;

    public long Token { get; } = token;

    /// <summary>The birth message: re-sent on each connection by the session itself, never reported to the caller.</summary>
    public bool IsInternal { get; } = isInternal;

    public ushort PacketId { get; set; }

    public DateTimeOffset SentAt { get; set; }
}
