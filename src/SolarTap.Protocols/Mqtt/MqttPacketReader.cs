using System.Buffers;
using System.Buffers.Binary;

namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// Finds MQTT 3.1.1 control packets in a byte stream (TCP, TLS, a capture) and checks each one completely before
/// returning it. The declared size is checked against <see cref="MaxPacketSize"/> as soon as the fixed header is
/// in, before waiting for the rest. MQTT has no resynchronisation: after <see cref="OperationStatus.InvalidData"/>
/// the connection must be closed (§4.8). One reader per stream; never throws on input.
/// </summary>
public sealed partial class MqttPacketReader
{
    /// <summary>The default limit on a whole packet: 1 MiB, far above any telemetry message or HA discovery config.</summary>
    public const int DefaultMaxPacketSize = 1 << 20;

    // Longest prefix a PUBLISH needs contiguous to check: topic length, topic, packet identifier (§3.3.2).
    private const int PublishHeaderMax = 2 + MqttWire.MaxStringLength + 2;

    /// <summary>A reader that refuses packets (fixed header included) larger than <paramref name="maxPacketSize"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 2 or above the largest packet MQTT can describe.</exception>
    public MqttPacketReader(int maxPacketSize = DefaultMaxPacketSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPacketSize, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPacketSize, MqttWire.MaxFixedHeaderSize + MqttWire.MaxRemainingLength);
        MaxPacketSize = maxPacketSize;
    }

    /// <summary>The largest whole packet accepted.</summary>
    public int MaxPacketSize { get; }

    /// <summary>Why the last call returned <see cref="OperationStatus.InvalidData"/>; <see cref="MqttReadError.None"/> otherwise.</summary>
    public MqttReadError LastError { get; private set; }

    /// <summary>Reads the next packet from the front of <paramref name="buffer"/>.</summary>
    /// <returns>
    /// <see cref="OperationStatus.Done"/>: <paramref name="packet"/> is set and <paramref name="buffer"/> starts after it.
    /// <see cref="OperationStatus.NeedMoreData"/>: no whole packet yet; <paramref name="buffer"/> is unchanged.
    /// <see cref="OperationStatus.InvalidData"/>: a protocol violation (see <see cref="LastError"/>); <paramref name="buffer"/>
    /// is unchanged and the connection should be closed.
    /// </returns>
    public OperationStatus TryReadPacket(ref ReadOnlySequence<byte> buffer, out MqttPacket packet)
    {
        packet = default;
        LastError = MqttReadError.None;
        if (buffer.IsEmpty)
        {
            return OperationStatus.NeedMoreData;
        }

        // §2.2 fixed header: byte 1 = type << 4 | flags, then 1-4 bytes of Remaining Length.
        Span<byte> header = stackalloc byte[MqttWire.MaxFixedHeaderSize];
        int have = (int)Math.Min(buffer.Length, header.Length);
        buffer.Slice(0, have).CopyTo(header);
        var type = (MqttPacketType)(header[0] >> 4);
        byte flags = (byte)(header[0] & 0x0F);
        if (type is MqttPacketType.None || (int)type == 15)
        {
            return Fail(MqttReadError.ReservedPacketType); // §2.2.1 Table 2.1
        }

        if (!FlagsValid(type, flags))
        {
            return Fail(MqttReadError.InvalidFlags); // [MQTT-2.2.2-2], [MQTT-3.3.1-4]
        }

        switch (MqttWire.TryReadRemainingLength(header[1..have], out int remaining, out int lengthBytes))
        {
            case OperationStatus.NeedMoreData:
                return OperationStatus.NeedMoreData;
            case OperationStatus.InvalidData:
                return Fail(MqttReadError.RemainingLengthTooLong);
        }

        long total = 1L + lengthBytes + remaining;
        if (total > MaxPacketSize)
        {
            return Fail(MqttReadError.PacketTooLarge);
        }

        if (FixedRemainingLength(type) is int exact && remaining != exact)
        {
            return Fail(MqttReadError.InvalidLength);
        }

        if (buffer.Length < total)
        {
            return OperationStatus.NeedMoreData;
        }

        ReadOnlySequence<byte> body = buffer.Slice(1 + lengthBytes, remaining);
        MqttReadError error = ParseBody(type, flags, body, out packet);
        if (error != MqttReadError.None)
        {
            packet = default;
            return Fail(error);
        }

        buffer = buffer.Slice(total);
        return OperationStatus.Done;
    }

    private OperationStatus Fail(MqttReadError error)
    {
        LastError = error;
        return OperationStatus.InvalidData;
    }

    // §2.2.2 Table 2.2: PUBREL, SUBSCRIBE and UNSUBSCRIBE carry 0010, PUBLISH carries DUP/QoS/RETAIN, the rest 0000.
    private static bool FlagsValid(MqttPacketType type, byte flags) => type switch
    {
        MqttPacketType.Publish => (flags & 0b0110) != 0b0110,
        MqttPacketType.PubRel or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe => flags == MqttWire.ReservedFlagsOne,
        _ => flags == 0,
    };

    private static int? FixedRemainingLength(MqttPacketType type) => type switch
    {
        MqttPacketType.ConnAck or MqttPacketType.PubAck or MqttPacketType.PubRec or MqttPacketType.PubRel
            or MqttPacketType.PubComp or MqttPacketType.UnsubAck => 2,
        MqttPacketType.PingReq or MqttPacketType.PingResp or MqttPacketType.Disconnect => 0,
        _ => null,
    };

    private static MqttReadError ParseBody(MqttPacketType type, byte flags, ReadOnlySequence<byte> body, out MqttPacket packet)
    {
        packet = default;
        int length = (int)body.Length;
        int need = type == MqttPacketType.Publish ? Math.Min(length, PublishHeaderMax) : length;
        byte[]? rented = null;
        ReadOnlySpan<byte> span;
        if (body.FirstSpan.Length >= need)
        {
            span = body.FirstSpan[..need];
        }
        else
        {
            rented = ArrayPool<byte>.Shared.Rent(need);
            body.Slice(0, need).CopyTo(rented);
            span = rented.AsSpan(0, need);
        }

        try
        {
            return type switch
            {
                MqttPacketType.Publish => ParsePublish(flags, body, span, out packet),
                MqttPacketType.ConnAck => ParseConnAck(body, span, out packet),
                MqttPacketType.PingReq or MqttPacketType.PingResp or MqttPacketType.Disconnect => Simple(type, body, 0, out packet),
                MqttPacketType.Connect => Simple(type, body, 0, out packet, ParseConnect(span, materialize: false, out _)),
                MqttPacketType.Subscribe => WithId(type, flags, body, span, ParseSubscribe(AfterId(span)), out packet),
                MqttPacketType.SubAck => WithId(type, flags, body, span, ParseSubAck(AfterId(span)), out packet),
                MqttPacketType.Unsubscribe => WithId(type, flags, body, span, ParseUnsubscribe(AfterId(span)), out packet),
                _ => WithId(type, flags, body, span, MqttReadError.None, out packet), // PUBACK, PUBREC, PUBREL, PUBCOMP, UNSUBACK
            };
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<byte> AfterId(ReadOnlySpan<byte> span) => span.Length >= 2 ? span[2..] : default;

    private static MqttReadError Simple(MqttPacketType type, ReadOnlySequence<byte> body, byte flags, out MqttPacket packet, MqttReadError error = MqttReadError.None)
    {
        packet = error == MqttReadError.None ? new MqttPacket(type, flags, body, 0, default, default) : default;
        return error;
    }

    // §3.2.2 CONNACK variable header: byte 1 = acknowledge flags (bits 7-1 reserved 0, bit 0 Session Present),
    // byte 2 = return code. Reserved return codes 6-255 are passed on; the session treats them as a refusal.
    private static MqttReadError ParseConnAck(ReadOnlySequence<byte> body, ReadOnlySpan<byte> span, out MqttPacket packet)
    {
        packet = default;
        if ((span[0] & 0xFE) != 0)
        {
            return MqttReadError.InvalidReturnCode; // §3.2.2.1
        }

        packet = new MqttPacket(MqttPacketType.ConnAck, 0, body, 0, default, default);
        return MqttReadError.None;
    }

    // Packets whose variable header starts with a packet identifier (§2.3.1); SUBACK's return codes are its payload.
    private static MqttReadError WithId(MqttPacketType type, byte flags, ReadOnlySequence<byte> body, ReadOnlySpan<byte> span, MqttReadError payloadError, out MqttPacket packet)
    {
        packet = default;
        if (span.Length < 2)
        {
            return MqttReadError.InvalidLength;
        }

        ushort id = BinaryPrimitives.ReadUInt16BigEndian(span);
        if (id == 0)
        {
            return MqttReadError.ZeroPacketId; // [MQTT-2.3.1-1]
        }

        if (payloadError != MqttReadError.None)
        {
            return payloadError;
        }

        ReadOnlySequence<byte> payload = type == MqttPacketType.SubAck ? body.Slice(2) : default;
        packet = new MqttPacket(type, flags, body, id, default, payload);
        return MqttReadError.None;
    }
}
