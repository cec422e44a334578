using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using SolarTap.Protocols.Dns;

namespace SolarTap.Supervisor.Dns;

internal sealed partial class DnsService
{
    private const int MaxTcpClients = 32;
    private static readonly TimeSpan TcpIdleTimeout = TimeSpan.FromSeconds(10); // RFC 7766 §6.2.3: a few seconds

    private int _tcpClients;

    private async Task TcpAcceptLoopAsync(Socket listener, CancellationToken stoppingToken)
    {
        IPNetwork subnet = network.Subnet;
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            var remote = (IPEndPoint)client.RemoteEndPoint!;
            if (Interlocked.Increment(ref _tcpClients) > MaxTcpClients || (!_boundToDevice && !subnet.Contains(remote.Address)))
            {
                Interlocked.Decrement(ref _tcpClients);
                client.Dispose();
                continue;
            }

            _ = ServeTcpAsync(client, remote.Address, stoppingToken);
        }
    }

    /// <summary>One TCP client: length-prefixed queries (RFC 1035 §4.2.2) until it closes or is idle.</summary>
    private async Task ServeTcpAsync(Socket client, IPAddress address, CancellationToken stoppingToken)
    {
        byte[] query = ArrayPool<byte>.Shared.Rent(DnsMessage.MaxSize);
        byte[] response = ArrayPool<byte>.Shared.Rent(DnsMessage.MaxSize + 2);
        try
        {
            using (client)
            {
                while (true)
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    idle.CancelAfter(TcpIdleTimeout);
                    await DnsForwarder.ReceiveExactlyAsync(client, query.AsMemory(0, 2), idle.Token).ConfigureAwait(false);
                    int length = BinaryPrimitives.ReadUInt16BigEndian(query);
                    await DnsForwarder.ReceiveExactlyAsync(client, query.AsMemory(0, length), idle.Token).ConfigureAwait(false);
                    ReadOnlyMemory<byte> message = query.AsMemory(0, length);
                    DnsDecision decision = _engine.Handle(message.Span, ClientOf(address, DnsTransport.Tcp), response.AsSpan(2, DnsMessage.MaxSize));
                    _counters.Count(decision);
                    OnEvents(decision, address);
                    ReadOnlyMemory<byte> answer;
                    if (decision.Kind == DnsDecisionKind.Answer)
                    {
                        answer = response.AsMemory(2, decision.ResponseLength);
                    }
                    else if (decision.Kind == DnsDecisionKind.Forward)
                    {
                        byte[]? reply = await _forwarder!.ForwardTcpAsync(message, stoppingToken).ConfigureAwait(false);
                        UpstreamAnswered(reply is not null);
                        if (reply is null)
                        {
                            decision = _engine.HandleWithoutUpstream(message.Span, ClientOf(address, DnsTransport.Tcp), response.AsSpan(2, DnsMessage.MaxSize));
                            if (decision.Kind != DnsDecisionKind.Answer)
                            {
                                return;
                            }

                            reply = response.AsSpan(2, decision.ResponseLength).ToArray();
                        }

                        answer = reply;
                    }
                    else
                    {
                        return; // nothing to say to a response or a headerless message: close
                    }

                    byte[] prefix = new byte[2];
                    BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)answer.Length);
                    await client.SendAsync(prefix, SocketFlags.None, stoppingToken).ConfigureAwait(false);
                    await client.SendAsync(answer, SocketFlags.None, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or EndOfStreamException or ObjectDisposedException)
        {
            // closed, idle or stopping
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(query);
            ArrayPool<byte>.Shared.Return(response);
            Interlocked.Decrement(ref _tcpClients);
        }
    }
}
