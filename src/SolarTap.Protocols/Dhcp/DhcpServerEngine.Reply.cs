using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>Writing replies (RFC 2131 §4.3.1 table 3) and choosing where they go (RFC 2131 §4.1).</summary>
public sealed partial class DhcpServerEngine
{
    // Options this server can send in an OFFER/ACK, besides 53, 54 and 61.
    private static ReadOnlySpan<byte> ConfigurationOptions =>
    [
        DhcpOptionCodes.SubnetMask, DhcpOptionCodes.Router, DhcpOptionCodes.DomainNameServer, DhcpOptionCodes.DomainName,
        DhcpOptionCodes.LeaseTime, DhcpOptionCodes.RenewalTime, DhcpOptionCodes.RebindingTime,
    ];

    /// <summary>
    /// Writes an OFFER, ACK or NAK for <paramref name="request"/>. Option order: 53, 54, then (OFFER/ACK) 51, then the
    /// client's parameter request list order (RFC 2131 §4.3.1), then the remaining ones in code order; subnet mask
    /// always before router (RFC 2132 §3.3); client identifier echoed last (RFC 6842). An option that does not fit the
    /// client's maximum message size is left out.
    /// </summary>
    private int WriteReply(in DhcpMessage request, Span<byte> reply, DhcpMessageType type, uint yiaddr, uint ciaddr, bool withLease, string? message)
    {
        int max = MinimumReplyBuffer;
        if (request.TryGetMaxMessageSize(out ushort clientMax) && clientMax - 28 > max)
        {
            max = clientMax - 28; // option 57 counts the IP and UDP headers (RFC 2132 §9.10)
        }

        ushort flags = request.Flags;
        if (type == DhcpMessageType.Nak && request.Giaddr != 0)
        {
            flags |= DhcpMessage.BroadcastFlag; // RFC 2131 §4.3.2: a relayed NAK asks the relay to broadcast
        }

        var writer = new DhcpMessageWriter(reply, max);
        var header = new DhcpHeader
        {
            Op = DhcpMessage.BootReply,
            HardwareType = request.HardwareType,
            TransactionId = request.TransactionId,
            Flags = flags,
            ClientAddress = Ipv4.ToAddress(ciaddr),
            YourAddress = Ipv4.ToAddress(yiaddr),
            GatewayAddress = request.GatewayAddress,
        };
        writer.TryWriteHeader(header, request.ClientHardwareAddress);
        writer.TryWriteByte(DhcpOptionCodes.MessageType, (byte)type);
        writer.TryWriteUInt32(DhcpOptionCodes.ServerIdentifier, _server);
        if (type == DhcpMessageType.Nak)
        {
            Span<byte> text = stackalloc byte[message?.Length ?? 0];
            System.Text.Encoding.ASCII.GetBytes(message, text);
            writer.TryWriteOption(DhcpOptionCodes.Message, text);
        }
        else
        {
            WriteConfiguration(ref writer, request.ParameterRequestList, withLease);
        }

        ReadOnlySpan<byte> clientId = request.ClientIdentifier;
        if (!clientId.IsEmpty)
        {
            writer.TryWriteOption(DhcpOptionCodes.ClientIdentifier, clientId);
        }

        return writer.Finish();
    }

    private void WriteConfiguration(ref DhcpMessageWriter writer, scoped ReadOnlySpan<byte> requestList, bool withLease)
    {
        Span<bool> written = stackalloc bool[256];
        if (withLease)
        {
            WriteOne(ref writer, DhcpOptionCodes.LeaseTime, withLease, written); // MUST be in OFFER/ACK (RFC 2131 table 3)
        }

        foreach (byte code in requestList)
        {
            WriteOne(ref writer, code, withLease, written);
        }

        foreach (byte code in ConfigurationOptions)
        {
            WriteOne(ref writer, code, withLease, written);
        }
    }

    private void WriteOne(ref DhcpMessageWriter writer, byte code, bool withLease, scoped Span<bool> written)
    {
        if (written[code] || ConfigurationOptions.IndexOf(code) < 0)
        {
            return;
        }

        written[code] = true;
        switch (code)
        {
            case DhcpOptionCodes.SubnetMask:
                writer.TryWriteUInt32(code, _options.Mask);
                break;
            case DhcpOptionCodes.Router:
                WriteOne(ref writer, DhcpOptionCodes.SubnetMask, withLease, written); // mask first (RFC 2132 §3.3)
                writer.TryWriteAddresses(code, _routers);
                break;
            case DhcpOptionCodes.DomainNameServer:
                writer.TryWriteAddresses(code, _dnsServers);
                break;
            case DhcpOptionCodes.DomainName when _domainName.Length > 0:
                writer.TryWriteOption(code, _domainName);
                break;
            case DhcpOptionCodes.LeaseTime when withLease:
                writer.TryWriteUInt32(code, _leaseSeconds);
                break;
            case DhcpOptionCodes.RenewalTime when withLease:
                writer.TryWriteUInt32(code, _leaseSeconds / 2); // T1 = 0.5 × lease (RFC 2131 §4.4.5)
                break;
            case DhcpOptionCodes.RebindingTime when withLease:
                writer.TryWriteUInt32(code, (uint)(_leaseSeconds * 7UL / 8)); // T2 = 0.875 × lease
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// RFC 2131 §4.1: to 'giaddr' (port 67) when relayed; a NAK is broadcast; to 'ciaddr' when the client has an
    /// address; broadcast when the client set the BROADCAST flag (or there is no 'yiaddr'); else unicast to
    /// 'yiaddr' at 'chaddr'.
    /// </summary>
    private static DhcpDecision Reply(in DhcpMessage request, DhcpMessageType type, int length, uint yiaddr, DhcpLeaseEvent evt, bool leasesChanged)
    {
        var decision = new DhcpDecision { ReplyLength = length, ReplyType = type, Event = evt, LeasesChanged = leasesChanged, DestinationPort = DhcpDecision.ClientPort };
        if (request.Giaddr != 0)
        {
            return decision with { Destination = DhcpDestinationKind.Relay, DestinationAddress = request.GatewayAddress, DestinationPort = DhcpDecision.ServerPort };
        }

        if (type != DhcpMessageType.Nak && request.Ciaddr != 0)
        {
            return decision with { Destination = DhcpDestinationKind.UnicastToClient, DestinationAddress = request.ClientAddress };
        }

        if (type == DhcpMessageType.Nak || request.IsBroadcast || yiaddr == 0)
        {
            return decision with { Destination = DhcpDestinationKind.Broadcast, DestinationAddress = InetAddress.FromIPv4(uint.MaxValue) };
        }

        return decision with
        {
            Destination = DhcpDestinationKind.UnicastToHardware,
            DestinationAddress = Ipv4.ToAddress(yiaddr),
            DestinationMac = request.ClientMac,
        };
    }
}
