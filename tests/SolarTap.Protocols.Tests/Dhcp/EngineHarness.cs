using SolarTap.Protocols.Dhcp;

namespace SolarTap.Protocols.Tests.Dhcp;

/// <summary>An engine, a clock and a reply buffer.</summary>
internal sealed class EngineHarness
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly byte[] _reply = new byte[1500];

    public EngineHarness(DhcpServerOptions? options = null) => Engine = new DhcpServerEngine(options ?? new DhcpServerOptions());

    public DhcpServerEngine Engine { get; }

    public DateTimeOffset Now { get; set; } = Start;

    public ParsedReply? LastReply { get; private set; }

    public DhcpDecision Send(ClientPacket packet) => Send(packet.Build());

    public DhcpDecision Send(byte[] packet)
    {
        Assert.Equal(DhcpReadStatus.Ok, DhcpMessage.TryRead(packet, out DhcpMessage message));
        DhcpDecision decision = Engine.Handle(message, Now, _reply);
        LastReply = decision.HasReply ? ParsedReply.Parse(_reply.AsSpan(0, decision.ReplyLength)) : null;
        return decision;
    }

    /// <summary>DISCOVER → OFFER → REQUEST (SELECTING) → ACK; returns the ACK's address.</summary>
    public string Lease(ClientPacket client)
    {
        DhcpDecision offer = Send(client with { Type = DhcpMessageType.Discover });
        Assert.Equal(DhcpMessageType.Offer, offer.ReplyType);
        string address = LastReply!.Yiaddr.ToString();
        DhcpDecision ack = Send(client with { Type = DhcpMessageType.Request, Requested = address, ServerId = "172.31.254.1" });
        Assert.Equal(DhcpMessageType.Ack, ack.ReplyType);
        return LastReply!.Yiaddr.ToString();
    }
}
