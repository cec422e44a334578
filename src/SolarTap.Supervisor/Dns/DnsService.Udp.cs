using System.Net;
using System.Net.Sockets;
using SolarTap.Protocols.Dns;

namespace SolarTap.Supervisor.Dns;

internal sealed partial class DnsService
{
    private const int UdpResponseSize = 4096; // the engine cuts to the client's limit (512, or its EDNS size up to 1232)

    private async Task UdpLoopAsync(Socket udp, CancellationToken stoppingToken)
    {
        byte[] query = new byte[DnsMessage.MaxSize];
        byte[] response = new byte[UdpResponseSize];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            SocketReceiveMessageFromResult received;
            try
            {
                received = await udp.ReceiveMessageFromAsync(query, SocketFlags.None, any, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // e.g. ICMP port unreachable from an earlier reply
            }

            if (!_boundToDevice && received.PacketInformation.Interface != _interfaceIndex)
            {
                _counters.OtherInterface(); // never a resolver for another network
                continue;
            }

            var client = (IPEndPoint)received.RemoteEndPoint;
            ReadOnlyMemory<byte> message = query.AsMemory(0, received.ReceivedBytes);
            DnsDecision decision = _engine.Handle(message.Span, ClientOf(client.Address, DnsTransport.Udp), response);
            _counters.Count(decision);
            OnEvents(decision, client.Address);
            switch (decision.Kind)
            {
                case DnsDecisionKind.Answer:
                    SendUdp(udp, response.AsSpan(0, decision.ResponseLength), client);
                    break;
                case DnsDecisionKind.Forward:
                    _ = RelayUdpAsync(udp, message.ToArray(), client, stoppingToken);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Relays one query upstream and sends the reply, or the offline answer when none came.</summary>
    private async Task RelayUdpAsync(Socket udp, byte[] query, IPEndPoint client, CancellationToken stoppingToken)
    {
        byte[]? reply;
        try
        {
            reply = await _forwarder!.ForwardUdpAsync(query, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        UpstreamAnswered(reply is not null);
        if (reply is not null)
        {
            SendUdp(udp, reply, client);
            return;
        }

        byte[] response = new byte[UdpResponseSize];
        DnsDecision decision = _engine.HandleWithoutUpstream(query, ClientOf(client.Address, DnsTransport.Udp), response);
        if (decision.Kind == DnsDecisionKind.Answer)
        {
            SendUdp(udp, response.AsSpan(0, decision.ResponseLength), client);
        }
    }

    private static void SendUdp(Socket udp, ReadOnlySpan<byte> message, IPEndPoint client)
    {
        try
        {
            udp.SendTo(message, SocketFlags.None, client);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // the client is gone, or we are stopping; UDP promises nothing more
        }
    }
}
