using FsCheck;
using FsCheck.Fluent;
using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Dhcp;

public class DhcpServerEnginePropertyTests
{
    private const int Clients = 6;

    /// <summary>
    /// Six clients (some with option 61) race for a four-address pool with random DISCOVER, REQUEST in every state,
    /// RELEASE, DECLINE and clock jumps. Whenever a client receives a DHCPACK, no other client still holds an
    /// unexpired ACK for the same address (from the clients' point of view, which is what counts on the wire).
    /// </summary>
    [Fact]
    public void Handle_RandomRequestSequences_NeverGivesOneAddressToTwoLiveClients()
    {
        Gen<(int Op, int Client, int Arg)> step =
            from op in Gen.Choose(0, 7)
            from client in Gen.Choose(0, Clients - 1)
            from arg in Gen.Choose(0, 2000)
            select (op, client, arg);
        Prop.ForAll(step.ArrayOf().ToArbitrary(), steps => NoDoubleLease(steps)).Check(Properties.Pinned(0xD4C9_0010, tests: 300));
    }

    private static bool NoDoubleLease((int Op, int Client, int Arg)[] steps)
    {
        var options = new DhcpServerOptions
        {
            PoolStart = InetAddress.Parse("172.31.254.10"), PoolEnd = InetAddress.Parse("172.31.254.13"), LeaseTime = TimeSpan.FromMinutes(30),
        };
        var h = new EngineHarness(options);
        var held = new (string Address, DateTimeOffset Until)?[Clients];
        var offered = new string?[Clients];
        foreach ((int op, int c, int arg) in steps)
        {
            ClientPacket me = new(DhcpMessageType.Request)
            {
                Mac = MacAddress.Parse($"00:27:02:00:00:0{c}"),
                ClientId = c % 3 == 0 ? [0xff, (byte)c, 1, 2, 3] : null,
                Xid = (uint)arg,
            };
            string randomAddress = $"172.31.254.{9 + (arg % 6)}";
            string mine = held[c]?.Address ?? offered[c] ?? randomAddress;
            DhcpDecision d = op switch
            {
                0 => h.Send(me with { Type = DhcpMessageType.Discover, Broadcast = arg % 2 == 0 }),
                1 => h.Send(me with { Requested = offered[c] ?? randomAddress, ServerId = "172.31.254.1" }),
                2 => h.Send(me with { Requested = arg % 3 == 0 ? randomAddress : mine }),
                3 => h.Send(me with { Ciaddr = arg % 3 == 0 ? randomAddress : mine }),
                4 => h.Send(me with { Type = DhcpMessageType.Release, Ciaddr = mine }),
                5 => h.Send(me with { Type = DhcpMessageType.Decline, Requested = mine }),
                6 => h.Send(me with { Requested = randomAddress, ServerId = "172.31.254.77" }),
                _ => default,
            };

            if (op == 7)
            {
                h.Now += TimeSpan.FromSeconds(arg);
                h.Engine.Expire(h.Now);
                continue;
            }

            if (op is 4 or 5)
            {
                held[c] = null; // the client stops using the address whatever the server says
            }

            ParsedReply? reply = h.LastReply;
            if (d.ReplyType == DhcpMessageType.Offer)
            {
                offered[c] = reply!.Yiaddr.ToString();
            }
            else if (d.ReplyType == DhcpMessageType.Nak)
            {
                held[c] = null;
            }
            else if (d.ReplyType == DhcpMessageType.Ack && op != 0)
            {
                string address = reply!.Yiaddr.ToString();
                for (int other = 0; other < Clients; other++)
                {
                    if (other != c && held[other] is { } lease && lease.Address == address && lease.Until > h.Now)
                    {
                        return false;
                    }
                }

                held[c] = (address, h.Now + TimeSpan.FromSeconds(reply.OptionUInt32(DhcpOptionCodes.LeaseTime)!.Value));
            }
        }

        return true;
    }
}
