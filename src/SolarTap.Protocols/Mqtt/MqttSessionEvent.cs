namespace SolarTap.Protocols.Mqtt;

/// <summary>One thing that happened in a <see cref="MqttClientSession"/>; fields that do not apply are default.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Token">PublishSent/PublishAcknowledged: the caller's token given to <see cref="MqttClientSession.TryPublish"/>.</param>
/// <param name="Message">MessageReceived: the message (a copy).</param>
/// <param name="ReturnCode">ConnectRefused: the CONNACK return code (§3.2.2.3).</param>
/// <param name="SessionPresent">Connected: whether the server still had the session (§3.2.2.2).</param>
/// <param name="PacketId">SubscribeAcknowledged/UnsubscribeAcknowledged: the packet identifier.</param>
/// <param name="ReturnCodes">SubscribeAcknowledged: one code per filter, 0x80 = failure (§3.9.3).</param>
/// <param name="Reason">ConnectRefused/ConnectionLost: plain text for the log and status.</param>
public readonly record struct MqttSessionEvent(
    MqttSessionEventKind Kind,
    long Token = 0,
    MqttMessage? Message = null,
    MqttConnectReturnCode ReturnCode = MqttConnectReturnCode.Accepted,
    bool SessionPresent = false,
    ushort PacketId = 0,
    byte[]? ReturnCodes = null,
    string? Reason = null)
{
    /// <summary>SubscribeAcknowledged: whether the broker refused any filter (return code 0x80).</summary>
    public bool SubscribeFailed => ReturnCodes is { } codes && codes.Contains((byte)0x80);
}
