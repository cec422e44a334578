using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using SolarTap.Protocols.Dns;

namespace SolarTap.Supervisor.Dns;

/// <summary>
/// Relays queries to the upstream resolver (<see cref="DnsDecisionKind.Forward"/>): a copy of the query with a
/// fresh random ID (RFC 5452 §9.2) goes out over the query's own transport; only a reply that
/// <see cref="DnsForwarding.IsReplyTo"/> the bytes sent is accepted, and the client's ID is put back. UDP uses one
/// socket (ephemeral source port chosen by the kernel; not connected, as the route may come and go) and a table of queries in flight; TCP opens one
/// connection per query. Thread-safe.
/// </summary>
internal sealed class DnsForwarder : IDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly TimeSpan _timeout;
    private readonly Socket _udp;
    private readonly ConcurrentDictionary<ushort, PendingQuery> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiver;

    public DnsForwarder(IPEndPoint upstream, TimeSpan timeout)
    {
        _upstream = upstream;
        _timeout = timeout;
        _udp = new Socket(upstream.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _udp.Bind(new IPEndPoint(upstream.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0));
        _receiver = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>The resolver queries go to.</summary>
    public IPEndPoint Upstream => _upstream;

    /// <summary>Queries waiting for the upstream's reply.</summary>
    public int InFlight => _pending.Count;

    /// <summary>
    /// Sends <paramref name="query"/> upstream over UDP; returns the reply with the client's ID, or null when no
    /// matching reply came within the timeout (or the send failed).
    /// </summary>
    public async Task<byte[]?> ForwardUdpAsync(ReadOnlyMemory<byte> query, CancellationToken cancellationToken)
    {
        if (query.Length < DnsHeader.Size)
        {
            return null;
        }

        byte[] sent = query.ToArray();
        ushort clientId = DnsForwarding.ReadId(sent);
        var pending = new PendingQuery(sent);
        ushort id;
        do
        {
            id = (ushort)RandomNumberGenerator.GetInt32(65536);
        }
        while (!_pending.TryAdd(id, pending));

        DnsForwarding.WriteId(sent, id);
        try
        {
            await _udp.SendToAsync(sent, SocketFlags.None, _upstream, cancellationToken).ConfigureAwait(false);
            byte[] reply = await pending.Reply.Task.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
            DnsForwarding.WriteId(reply, clientId);
            return reply;
        }
        catch (Exception e) when (e is TimeoutException or SocketException)
        {
            return null;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>Sends <paramref name="query"/> upstream over a new TCP connection; returns the reply with the client's ID, or null.</summary>
    public async Task<byte[]?> ForwardTcpAsync(ReadOnlyMemory<byte> query, CancellationToken cancellationToken)
    {
        if (query.Length < DnsHeader.Size)
        {
            return null;
        }

        byte[] sent = new byte[query.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(sent, (ushort)query.Length);
        query.CopyTo(sent.AsMemory(2));
        ushort clientId = DnsForwarding.ReadId(query.Span);
        DnsForwarding.WriteId(sent.AsSpan(2), (ushort)RandomNumberGenerator.GetInt32(65536));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var socket = new Socket(_upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(_upstream, timeout.Token).ConfigureAwait(false);
            await socket.SendAsync(sent, SocketFlags.None, timeout.Token).ConfigureAwait(false);
            byte[] prefix = new byte[2];
            await ReceiveExactlyAsync(socket, prefix, timeout.Token).ConfigureAwait(false);
            byte[] reply = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await ReceiveExactlyAsync(socket, reply, timeout.Token).ConfigureAwait(false);
            if (!DnsForwarding.IsReplyTo(sent.AsSpan(2), reply))
            {
                return null;
            }

            DnsForwarding.WriteId(reply, clientId);
            return reply;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is SocketException or EndOfStreamException or ArgumentException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
        try
        {
            _receiver.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    internal static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0)
        {
            int n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new EndOfStreamException("The peer closed the connection.");
            }

            buffer = buffer[n..];
        }
    }

    private async Task ReceiveLoopAsync()
    {
        byte[] buffer = new byte[DnsMessage.MaxSize];
        EndPoint any = new IPEndPoint(_upstream.AddressFamily == AddressFamily.InterNetwork ? IPAddress.Any : IPAddress.IPv6Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            int n;
            try
            {
                SocketReceiveFromResult received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                if (!_upstream.Equals(received.RemoteEndPoint))
                {
                    continue; // RFC 5452 §9.1: only the resolver we asked
                }

                n = received.ReceivedBytes;
            }
            catch (SocketException)
            {
                // ICMP errors, or the socket closed: the waiting queries time out.
                continue;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            ReadOnlySpan<byte> reply = buffer.AsSpan(0, n);
            if (n >= DnsHeader.Size && _pending.TryGetValue(DnsForwarding.ReadId(reply), out PendingQuery? pending)
                && DnsForwarding.IsReplyTo(pending.Sent, reply))
            {
                pending.Reply.TrySetResult(reply.ToArray());
            }
        }
    }

    private sealed class PendingQuery(byte[] sent)
    {
        public byte[] Sent { get; } = sent;

        public TaskCompletionSource<byte[]> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
