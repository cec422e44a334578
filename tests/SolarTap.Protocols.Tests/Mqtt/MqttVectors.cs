namespace SolarTap.Protocols.Tests.Mqtt;

/// <summary>
/// Packets written out by hand from the MQTT 3.1.1 specification (examples in §3.1.2.11, §3.3.2.3, §3.8.3.1,
/// §3.9.3, §3.10.3 use packet id 10 and topics "a/b", "c/d").
/// </summary>
internal static class MqttVectors
{
    // CONNECT: clean session, keep alive 60, will "solartap/status"="offline" QoS 1 retained, user "user", password "pw".
    // flags 0xEE = user 0x80 | password 0x40 | will retain 0x20 | will QoS 1 0x08 | will 0x04 | clean 0x02.
    // Remaining Length 56 = 10 + (2+8) + (2+15) + (2+7) + (2+4) + (2+2).
    public static readonly byte[] ConnectFull = Hex.Bytes(
        "10 38 0004 4d515454 04 ee 003c 0008 736f6c6172746170 000f 736f6c61727461702f737461747573 0007 6f66666c696e65 0004 75736572 0002 7077");

    // CONNECT: client id "a", clean session, keep alive 0, nothing else.
    public static readonly byte[] ConnectMinimal = Hex.Bytes("10 0d 0004 4d515454 04 02 0000 0001 61");

    public static readonly byte[] ConnAckAccepted = Hex.Bytes("20 02 00 00");
    public static readonly byte[] ConnAckSessionPresent = Hex.Bytes("20 02 01 00");
    public static readonly byte[] ConnAckBadCredentials = Hex.Bytes("20 02 00 04");

    // PUBLISH QoS 0 "a/b" payload "hi": Remaining Length 7 = 2 + 3 + 2.
    public static readonly byte[] PublishQos0 = Hex.Bytes("30 07 0003 612f62 6869");

    // PUBLISH DUP | QoS 1 | RETAIN = 0x3B, "a/b", id 10, payload "hi": Remaining Length 9.
    public static readonly byte[] PublishQos1DupRetain = Hex.Bytes("3b 09 0003 612f62 000a 6869");

    // PUBLISH QoS 2, "a/b", id 10, empty payload.
    public static readonly byte[] PublishQos2Empty = Hex.Bytes("34 07 0003 612f62 000a");

    public static readonly byte[] PubAck = Hex.Bytes("40 02 000a");
    public static readonly byte[] PubRec = Hex.Bytes("50 02 000a");
    public static readonly byte[] PubRel = Hex.Bytes("62 02 000a");
    public static readonly byte[] PubComp = Hex.Bytes("70 02 000a");

    // SUBSCRIBE id 10: "a/b" QoS 1, "c/d" QoS 2 (§3.8.3.1). Remaining Length 14.
    public static readonly byte[] Subscribe = Hex.Bytes("82 0e 000a 0003 612f62 01 0003 632f64 02");

    // SUBACK id 10: granted 0, granted 2, failure (§3.9.3).
    public static readonly byte[] SubAck = Hex.Bytes("90 05 000a 00 02 80");

    // UNSUBSCRIBE id 10: "a/b", "c/d" (§3.10.3). Remaining Length 12.
    public static readonly byte[] Unsubscribe = Hex.Bytes("a2 0c 000a 0003 612f62 0003 632f64");

    public static readonly byte[] UnsubAck = Hex.Bytes("b0 02 000a");
    public static readonly byte[] PingReq = Hex.Bytes("c0 00");
    public static readonly byte[] PingResp = Hex.Bytes("d0 00");
    public static readonly byte[] Disconnect = Hex.Bytes("e0 00");

    public static readonly byte[][] All =
    [
        ConnectFull, ConnectMinimal, ConnAckAccepted, ConnAckSessionPresent, ConnAckBadCredentials, PublishQos0,
        PublishQos1DupRetain, PublishQos2Empty, PubAck, PubRec, PubRel, PubComp, Subscribe, SubAck, Unsubscribe,
        UnsubAck, PingReq, PingResp, Disconnect,
    ];
}
