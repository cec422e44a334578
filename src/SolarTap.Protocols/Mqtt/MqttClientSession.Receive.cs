using System.Buffers;

namespace SolarTap.Protocols.Mqtt;

/// <summary>Packets from the server.</summary>
public sealed partial class MqttClientSession
{
    /// <summary>
    /// Handles one packet from the server, writing any response (PUBACK, PUBREC, PUBCOMP, and after CONNACK the
    /// re-sends, SUBSCRIBE, birth message and queued publishes).
    /// </summary>
    /// <returns>False when the connection must be closed: CONNACK refused, or a protocol violation (§4.8).</returns>
    public bool Receive(in MqttPacket packet, IBufferWriter<byte> output, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (State == MqttSessionState.Disconnected)
        {
            return false;
        }

        if (State == MqttSessionState.AwaitingConnAck)
        {
            // [MQTT-3.2.0-1]: the first packet from the server is CONNACK.
            return packet.Type == MqttPacketType.ConnAck ? OnConnAck(packet, output, now) : Violation($"{packet.Type} before CONNACK");
        }

        switch (packet.Type)
        {
            case MqttPacketType.PubAck:
                OnPubAck(packet.PacketId);
                Flush(output, now);
                return true;
            case MqttPacketType.Publish:
                OnPublish(packet, output, now);
                return true;
            case MqttPacketType.PubRel:
                // §4.3.3 method B: the message was delivered on PUBLISH; release the id and complete.
                _incomingQos2.Remove(packet.PacketId);
                Send(output, MqttPacketType.PubComp, packet.PacketId, now);
                return true;
            case MqttPacketType.PubRec:
                // Only an answer to a QoS 2 publish, which this client never sends; release it anyway (§4.3.3).
                Send(output, MqttPacketType.PubRel, packet.PacketId, now);
                return true;
            case MqttPacketType.PubComp:
                return true;
            case MqttPacketType.SubAck:
                _pendingRequests.Remove(packet.PacketId);
                _events.Enqueue(new MqttSessionEvent(MqttSessionEventKind.SubscribeAcknowledged, PacketId: packet.PacketId, ReturnCodes: packet.GetSubAckReturnCodes()));
                return true;
            case MqttPacketType.UnsubAck:
                _pendingRequests.Remove(packet.PacketId);
                _events.Enqueue(new MqttSessionEvent(MqttSessionEventKind.UnsubscribeAcknowledged, PacketId: packet.PacketId));
                return true;
            case MqttPacketType.PingResp:
                _pingSentAt = null;
                return true;
            default:
                // CONNECT, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT only go client → server; a second CONNACK is wrong too.
                return Violation($"unexpected {packet.Type}");
        }
    }

    // §3.2.2: CONNACK. Return code 0 accepts; anything else refuses and the server closes the connection.
    private bool OnConnAck(in MqttPacket packet, IBufferWriter<byte> output, DateTimeOffset now)
    {
        MqttConnectReturnCode code = packet.ReturnCode;
        if (code != MqttConnectReturnCode.Accepted)
        {
            LastRefusal = code;
            StatusText = MqttConnectReturnCodes.StatusText(code);
            _keepStatus = true;
            _events.Enqueue(new MqttSessionEvent(MqttSessionEventKind.ConnectRefused, ReturnCode: code, Reason: MqttConnectReturnCodes.Describe(code)));
            return false;
        }

        State = MqttSessionState.Connected;
        StatusText = MqttConnectReturnCodes.StatusText(code);
        LastRefusal = null;
        ConsecutiveFailures = 0;
        bool sessionPresent = packet.SessionPresent;
        if (!sessionPresent)
        {
            _incomingQos2.Clear();
        }

        ResumeInFlight(output, now);
        if (_subscriptions.Count > 0)
        {
            ushort id = NextPacketId();
            MqttPacketWriter.WriteSubscribe(output, id, _subscriptions);
            _pendingRequests.Add(id);
        }

        if (_birth is { } birth)
        {
            var outgoing = new MqttOutgoing(birth, 0, isInternal: true);
            Write(outgoing, output, now);
        }

        _events.Enqueue(new MqttSessionEvent(MqttSessionEventKind.Connected, SessionPresent: sessionPresent));
        Flush(output, now);
        _lastSent = now;
        return true;
    }

    /// <summary>
    /// §4.4: with CleanSession 0 the client MUST re-send unacknowledged PUBLISH packets with their original packet
    /// identifiers [MQTT-4.4.0-1], with DUP set [MQTT-3.3.1-1], in the original order (§4.6). With CleanSession 1 the
    /// session state is discarded (§3.1.2.4), so they go back to the front of the queue as new messages; a birth
    /// message from the old connection is dropped (a new one is sent).
    /// </summary>
    private void ResumeInFlight(IBufferWriter<byte> output, DateTimeOffset now)
    {
        if (Options.CleanSession)
        {
            for (int i = _inFlight.Count - 1; i >= 0; i--)
            {
                MqttOutgoing outgoing = _inFlight[i];
                if (!outgoing.IsInternal)
                {
                    outgoing.PacketId = 0;
                    _queue.AddFirst(outgoing);
                }
            }

            _inFlight.Clear();
            return;
        }

        foreach (MqttOutgoing outgoing in _inFlight)
        {
            MqttPacketWriter.WritePublish(output, outgoing.Message.Topic, outgoing.Message.Payload.Span, MqttQos.AtLeastOnce, outgoing.Message.Retain, duplicate: true, outgoing.PacketId);
            outgoing.SentAt = now;
        }
    }

    private void OnPubAck(ushort packetId)
    {
        int index = IndexInFlight(packetId);
        if (index < 0)
        {
            return; // a late PUBACK for a message already re-queued or acknowledged
        }

        MqttOutgoing outgoing = _inFlight[index];
        _inFlight.RemoveAt(index);
        if (!outgoing.IsInternal)
        {
            _events.Enqueue(new MqttSessionEvent(MqttSessionEventKind.PublishAcknowledged, Token: outgoing.Token));
        }
    }

    // §3.3.4: QoS 0 deliver; QoS 1 deliver then PUBACK; QoS 2 deliver once (method B), PUBREC, wait for PUBREL.
    private void OnPublish(in MqttPacket packet, IBufferWriter<byte> output, DateTimeOffset now)
    {
        bool deliver = packet.Qos != MqttQos.ExactlyOnce || _incomingQos2.Add(packet.PacketId);
        if (deliver)
        {
            _events.Enqueue(new MqttSessionEvent(MqttSessionEventKind.MessageReceived, Message: packet.ToMessage()));
        }

        switch (packet.Qos)
        {
            case MqttQos.AtLeastOnce:
                Send(output, MqttPacketType.PubAck, packet.PacketId, now);
                break;
            case MqttQos.ExactlyOnce:
                Send(output, MqttPacketType.PubRec, packet.PacketId, now);
                break;
        }
    }

    private void Send(IBufferWriter<byte> output, MqttPacketType type, ushort packetId, DateTimeOffset now)
    {
        MqttPacketWriter.WriteAck(output, type, packetId);
        _lastSent = now;
    }

    private bool Violation(string what)
    {
        StatusText = "MQTT: protocol error (" + what + ")";
        _keepStatus = true;
        return false;
    }
}
