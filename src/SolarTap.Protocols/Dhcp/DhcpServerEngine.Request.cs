using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>DHCPREQUEST in its four client states, DHCPRELEASE, DHCPDECLINE and DHCPINFORM (RFC 2131 §4.3.2–§4.3.5).</summary>
public sealed partial class DhcpServerEngine
{
    // RFC 2131 §4.3.2, table 4: the client state follows from option 54, 'ciaddr' and option 50.
    //   state        | server id (54) | ciaddr  | requested IP (50)
    //   SELECTING    | present        | 0       | present
    //   INIT-REBOOT  | absent         | 0       | present
    //   RENEWING     | absent         | client  | absent   (unicast)
    //   REBINDING    | absent         | client  | absent   (broadcast)
    private DhcpDecision Request(in DhcpMessage request, DateTimeOffset now, Span<byte> reply)
    {
        MacAddress mac = request.ClientMac;
        var client = DhcpClientId.Of(request);
        bool hasRequested = request.TryGetRequestedAddress(out InetAddress requestedAddress);
        uint requested = hasRequested ? Ipv4.ToUInt32(requestedAddress) : 0;
        uint ciaddr = request.Ciaddr;
        DhcpLease? binding = _store.FindByClient(client);

        if (request.TryGetServerIdentifier(out InetAddress serverId))
        {
            // SELECTING: the client chose an offer. Not ours → forget our offer (RFC 2131 §4.3.2).
            if (Ipv4.ToUInt32(serverId) != _server)
            {
                if (binding is { State: DhcpLeaseState.Offered })
                {
                    _store.Remove(Ipv4.ToUInt32(binding.Address));
                }

                return Ignore(mac, DhcpIgnoreReason.OtherServerSelected);
            }

            uint chosen = requested != 0 ? requested : ciaddr; // option 50 MUST be there; accept 'ciaddr' from sloppy clients
            if (chosen == 0)
            {
                return Ignore(mac, DhcpIgnoreReason.Malformed);
            }

            return _store.IsAvailableFor(chosen, client, mac, now)
                ? Ack(request, now, reply, chosen, client)
                : Nak(request, reply, chosen, "requested address is not available");
        }

        if (ciaddr == 0)
        {
            // INIT-REBOOT: verify the client's remembered address.
            if (!hasRequested)
            {
                return Ignore(mac, DhcpIgnoreReason.Malformed);
            }

            if (!_store.InSubnet(requested))
            {
                return Nak(request, reply, requested, "wrong network"); // SHOULD NAK a client on the wrong net
            }

            return Verify(request, now, reply, requested, client, binding, adoptUnknown: false);
        }

        // RENEWING (unicast) or REBINDING (broadcast): extend the lease on 'ciaddr'.
        if (!_store.InSubnet(ciaddr))
        {
            return Nak(request, reply, ciaddr, "wrong network");
        }

        return Verify(request, now, reply, ciaddr, client, binding, adoptUnknown: true);
    }

    // INIT-REBOOT, RENEWING, REBINDING: ACK when the address is this client's, NAK when it is wrong. INIT-REBOOT from
    // a client the server has no record of (no binding, no reservation) gets silence (RFC 2131 §4.3.2 MUST); a
    // RENEWING/REBINDING client without a record adopts its address when it is free in the pool (lease file lost).
    private DhcpDecision Verify(
        in DhcpMessage request, DateTimeOffset now, Span<byte> reply, uint address, DhcpClientId client, DhcpLease? binding, bool adoptUnknown)
    {
        MacAddress mac = request.ClientMac;
        bool reserved = _store.TryGetReservation(mac, out uint reservedAddress);
        if (binding is null && !reserved && !adoptUnknown)
        {
            return Ignore(mac, DhcpIgnoreReason.UnknownClient);
        }

        if (binding is not null && Ipv4.ToUInt32(binding.Address) != address)
        {
            return Nak(request, reply, address, "address is not this client's");
        }

        if (binding is null && reserved && reservedAddress != address)
        {
            return Nak(request, reply, address, "client has a reserved address");
        }

        if (_store.IsAvailableFor(address, client, mac, now))
        {
            return Ack(request, now, reply, address, client);
        }

        DhcpLease? holder = _store.Find(address);
        bool heldByOther = holder is not null && holder.Client != client && holder.IsLive(now);
        return binding is not null || heldByOther || _store.IsDeclined(address, now)
            ? Nak(request, reply, address, "address is not available")
            : Ignore(mac, DhcpIgnoreReason.UnknownClient);
    }

    private DhcpDecision Ack(in DhcpMessage request, DateTimeOffset now, Span<byte> reply, uint address, DhcpClientId client)
    {
        DhcpLease? previous = _store.Find(address);
        bool renewed = previous is not null && previous.Client == client && previous.IsBound(now);
        string? hostName = DhcpText.Sanitise(request.HostName) ?? (previous?.Client == client ? previous.HostName : null);
        var lease = new DhcpLease(Ipv4.ToAddress(address), client, request.ClientMac, hostName, now + _options.LeaseTime, DhcpLeaseState.Bound);
        _store.Put(lease);
        int length = WriteReply(request, reply, DhcpMessageType.Ack, address, request.Ciaddr, withLease: true, null);
        var evt = new DhcpLeaseEvent(renewed ? DhcpEventKind.Renewed : DhcpEventKind.Granted, lease.Mac, lease.Address, hostName, lease.ExpiresAt);
        return Reply(request, DhcpMessageType.Ack, length, address, evt, leasesChanged: true);
    }

    private DhcpDecision Nak(in DhcpMessage request, Span<byte> reply, uint address, string why)
    {
        int length = WriteReply(request, reply, DhcpMessageType.Nak, 0, 0, withLease: false, why);
        var evt = new DhcpLeaseEvent(DhcpEventKind.Refused, request.ClientMac, Ipv4.ToAddress(address), DhcpText.Sanitise(request.HostName), null);
        return Reply(request, DhcpMessageType.Nak, length, 0, evt, leasesChanged: false);
    }

    // RFC 2131 §4.3.4: DHCPRELEASE names the address in 'ciaddr'; no reply. The binding is kept as history.
    private DhcpDecision Release(in DhcpMessage request, DateTimeOffset now)
    {
        MacAddress mac = request.ClientMac;
        DhcpLease? binding = _store.FindByClient(DhcpClientId.Of(request));
        if (!IsForUs(request) || binding is null || Ipv4.ToUInt32(binding.Address) != request.Ciaddr || !binding.IsLive(now))
        {
            return Ignore(mac, DhcpIgnoreReason.NotHeld);
        }

        _store.Put(binding with { State = DhcpLeaseState.Released, ExpiresAt = now });
        return new DhcpDecision
        {
            Event = new DhcpLeaseEvent(DhcpEventKind.Released, mac, binding.Address, binding.HostName, null),
            LeasesChanged = true,
        };
    }

    // RFC 2131 §4.3.3: DHCPDECLINE names the address in option 50; mark it unusable for a while; no reply.
    private DhcpDecision Decline(in DhcpMessage request, DateTimeOffset now)
    {
        MacAddress mac = request.ClientMac;
        if (!request.TryGetRequestedAddress(out InetAddress declined))
        {
            return Ignore(mac, DhcpIgnoreReason.Malformed);
        }

        DhcpLease? binding = _store.FindByClient(DhcpClientId.Of(request));
        if (!IsForUs(request) || binding is null || binding.Address != declined || !binding.IsLive(now))
        {
            return Ignore(mac, DhcpIgnoreReason.NotHeld);
        }

        DateTimeOffset until = now + _options.DeclineHoldTime;
        _store.Decline(Ipv4.ToUInt32(declined), until);
        return new DhcpDecision
        {
            Event = new DhcpLeaseEvent(DhcpEventKind.Declined, mac, declined, binding.HostName, until),
            LeasesChanged = true,
        };
    }

    // RFC 2131 §4.3.5: DHCPINFORM → DHCPACK with configuration only: no 'yiaddr', no lease time, no lease check.
    private DhcpDecision Inform(in DhcpMessage request, Span<byte> reply)
    {
        int length = WriteReply(request, reply, DhcpMessageType.Ack, 0, request.Ciaddr, withLease: false, null);
        var evt = new DhcpLeaseEvent(DhcpEventKind.Informed, request.ClientMac, request.ClientAddress, DhcpText.Sanitise(request.HostName), null);
        return Reply(request, DhcpMessageType.Ack, length, 0, evt, leasesChanged: false);
    }

    // RELEASE and DECLINE carry option 54 (RFC 2131 table 5); one naming another server is not for us.
    private bool IsForUs(in DhcpMessage request) =>
        !request.TryGetServerIdentifier(out InetAddress id) || Ipv4.ToUInt32(id) == _server;
}
