using System.Net.Sockets;
using System.Text;

namespace SolarTap.Supervisor.Tests.Systemd;

/// <summary>A bound Unix datagram socket standing in for systemd's notify socket: collects what is sent to it.</summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    /// <summary>Binds at <paramref name="path"/>, a file path, or an abstract name when it starts with '@'.</summary>
    public NotifySocket(string path)
    {
        Address = path;
        _socket.Bind(new UnixDomainSocketEndPoint(path.StartsWith('@') ? "\0" + path[1..] : path));
    }

    /// <summary>The value for $NOTIFY_SOCKET.</summary>
    public string Address { get; }

    /// <summary>Receives datagrams until one contains <paramref name="text"/>; returns everything received so far.</summary>
    public async Task<List<string>> ReceiveUntilAsync(string text, TimeSpan timeout, List<string>? received = null)
    {
        received ??= [];
        using var cancel = new CancellationTokenSource(timeout);
        byte[] buffer = new byte[4096];
        try
        {
            while (!received.Any(m => m.Contains(text, StringComparison.Ordinal)))
            {
                int n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
                received.Add(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No \"{text}\" within {timeout}; received: [{string.Join(" | ", received)}]");
        }

        return received;
    }

    /// <summary>Everything received during <paramref name="duration"/>.</summary>
    public async Task<List<string>> ReceiveForAsync(TimeSpan duration)
    {
        var received = new List<string>();
        using var cancel = new CancellationTokenSource(duration);
        byte[] buffer = new byte[4096];
        try
        {
            while (true)
            {
                int n = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
                received.Add(Encoding.UTF8.GetString(buffer, 0, n));
            }
        }
        catch (OperationCanceledException)
        {
            return received;
        }
    }

    public void Dispose() => _socket.Dispose();
}
