using System.Buffers;

namespace SolarTap.Protocols.Mqtt;

/// <summary>Outgoing publishes and subscriptions.</summary>
public sealed partial class MqttClientSession
{
    /// <summary>
    /// Queues <paramref name="message"/>; it is written by the next <see cref="Poll"/> or <see cref="Receive"/> while
    /// connected and an in-flight slot is free. <paramref name="token"/> comes back in the
    /// <see cref="MqttSessionEventKind.PublishAcknowledged"/> event (QoS 1, after PUBACK) or
    /// <see cref="MqttSessionEventKind.PublishSent"/> (QoS 0, once written).
    /// </summary>
    /// <returns>False when <see cref="MqttClientOptions.MaxQueued"/> messages are already queued: try again later.</returns>
    /// <exception cref="ArgumentException">An invalid topic name, QoS 2 (not sent by this client), or a payload too large for MQTT.</exception>
    public bool TryPublish(MqttMessage message, long token)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!MqttTopic.IsValidName(message.Topic))
        {
            throw new ArgumentException($"'{message.Topic}' is not a valid topic name (§4.7).", nameof(message));
        }

        if (message.Qos > MqttQos.AtLeastOnce)
        {
            throw new ArgumentException("This client publishes with QoS 0 or 1.", nameof(message));
        }

        MqttPacketWriter.GetPublishSize(message.Topic, message.Payload.Length, message.Qos); // throws when too large
        if (_queue.Count >= Options.MaxQueued)
        {
            return false;
        }

        _queue.AddLast(new MqttOutgoing(message, token, isInternal: false));
        return true;
    }

    /// <summary>
    /// Adds filters to the subscriptions sent after every CONNACK and, when connected, subscribes now (§3.8).
    /// The SUBACK arrives as <see cref="MqttSessionEventKind.SubscribeAcknowledged"/>.
    /// </summary>
    /// <returns>The packet id of the SUBSCRIBE written now, or 0 when not connected.</returns>
    /// <exception cref="ArgumentException">No filters, or an invalid filter or QoS.</exception>
    public ushort Subscribe(IReadOnlyList<MqttSubscription> subscriptions, IBufferWriter<byte> output, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(output);
        if (subscriptions.Count == 0 || subscriptions.Any(s => !MqttTopic.IsValidFilter(s.Filter) || s.Qos > MqttQos.ExactlyOnce))
        {
            throw new ArgumentException("Subscribe needs one or more valid topic filters with QoS 0-2 (§4.7.1).", nameof(subscriptions));
        }

        _subscriptions.AddRange(subscriptions);
        return Request(output, now, id => MqttPacketWriter.WriteSubscribe(output, id, subscriptions));
    }

    /// <summary>Removes filters from the subscriptions and, when connected, unsubscribes now (§3.10).</summary>
    /// <returns>The packet id of the UNSUBSCRIBE written now, or 0 when not connected.</returns>
    /// <exception cref="ArgumentException">No filters, or an invalid filter.</exception>
    public ushort Unsubscribe(IReadOnlyList<string> filters, IBufferWriter<byte> output, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(output);
        if (filters.Count == 0 || filters.Any(f => !MqttTopic.IsValidFilter(f)))
        {
            throw new ArgumentException("Unsubscribe needs one or more valid topic filters (§4.7.1).", nameof(filters));
        }

        _subscriptions.RemoveAll(s => filters.Contains(s.Filter));
        return Request(output, now, id => MqttPacketWriter.WriteUnsubscribe(output, id, filters));
    }

    private ushort Request(IBufferWriter<byte> output, DateTimeOffset now, Action<ushort> write)
    {
        if (State != MqttSessionState.Connected)
        {
            return 0;
        }

        ushort id = NextPacketId();
        write(id);
        _pendingRequests.Add(id);
        _lastSent = now;
        return id;
    }

    /// <summary>Writes queued messages while connected and in-flight slots are free (QoS 0 needs no slot).</summary>
    private void Flush(IBufferWriter<byte> output, DateTimeOffset now)
    {
        if (State != MqttSessionState.Connected)
        {
            return;
        }

        while (_queue.First is { } node && (node.Value.Message.Qos == MqttQos.AtMostOnce || _inFlight.Count < Options.MaxInFlight))
        {
            _queue.RemoveFirst();
            Write(node.Value, output, now);
        }
    }

    private void Write(MqttOutgoing outgoing, IBufferWriter<byte> output, DateTimeOffset now)
    {
        MqttMessage message = outgoing.Message;
        if (message.Qos == MqttQos.AtMostOnce)
        {
            MqttPacketWriter.WritePublish(output, message.Topic, message.Payload.Span, MqttQos.AtMostOnce, message.Retain, false, 0);
            if (!outgoing.IsInternal)
            {
                _events.Enqueue(new MqttSessionEvent(MqttSessionEventKind.PublishSent, Token: outgoing.Token));
            }
        }
        else
        {
            outgoing.PacketId = NextPacketId();
            outgoing.SentAt = now;
            MqttPacketWriter.WritePublish(output, message.Topic, message.Payload.Span, MqttQos.AtLeastOnce, message.Retain, duplicate: false, outgoing.PacketId);
            _inFlight.Add(outgoing);
        }

        _lastSent = now;
    }
}
