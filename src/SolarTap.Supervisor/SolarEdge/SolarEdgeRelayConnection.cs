using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using SolarTap.Protocols.SolarEdge.Server;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>
/// One inverter connection relayed to the real server: bytes go both ways unchanged, and a copy of each direction is
/// decoded by a <see cref="SolarEdgeRelayTap"/>; the inverter's posts are journaled (the real server ACKs them).
/// Ends when either side closes, or both are silent for the idle timeout.
/// </summary>
internal sealed class SolarEdgeRelayConnection(SolarEdgeContext context, Socket inverter, Socket server, IPEndPoint remote)
{
    private readonly HashSet<SolarEdgeServerEventKind> _warned = [];
    private readonly SolarEdgeRelayTap _tap = new(context.Sessions.Sessions);
    private readonly Lock _tapGate = new();
    private long _lastBytes = context.Time.GetTimestamp();

    /// <summary>The inverter of this connection, once known.</summary>
    public uint? Inverter => _tap.Inverter;

    /// <summary>Relays until one side closes, the idle timeout, or <paramref name="cancellationToken"/>. Returns why it ended.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var fromInverter = new NetworkStream(inverter, ownsSocket: false);
        using var fromServer = new NetworkStream(server, ownsSocket: false);
        Task<string> up = PumpAsync(fromInverter, fromServer, towardsServer: true, stop.Token);
        Task<string> down = PumpAsync(fromServer, fromInverter, towardsServer: false, stop.Token);
        Task<string> idle = IdleAsync(stop.Token);
        Task<string> first = await Task.WhenAny(up, down, idle).ConfigureAwait(false);
        string reason = await first.ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        Shutdown(inverter);
        Shutdown(server);
        foreach (Task<string> other in (Task<string>[])[up, down, idle])
        {
            try
            {
                await other.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // the other direction ends with the connection
            }
        }

        return reason;
    }

    private async Task<string> PumpAsync(NetworkStream source, NetworkStream destination, bool towardsServer, CancellationToken cancellationToken)
    {
        PipeReader reader = PipeReader.Create(source, new StreamPipeReaderOptions(leaveOpen: true));
        long forwarded = 0; // bytes at the front of the buffer already sent on (kept by the tap as an incomplete message)
        try
        {
            while (true)
            {
                ReadResult result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = result.Buffer;
                Volatile.Write(ref _lastBytes, context.Time.GetTimestamp());
                foreach (ReadOnlyMemory<byte> segment in buffer.Slice(forwarded))
                {
                    await destination.WriteAsync(segment, cancellationToken).ConfigureAwait(false); // unchanged
                }

                SolarEdgeTapBatch batch;
                lock (_tapGate)
                {
                    DateTimeOffset now = context.Time.GetUtcNow();
                    batch = towardsServer
                        ? _tap.FromInverter(ref buffer, now, result.IsCompleted)
                        : _tap.FromServer(ref buffer, now, result.IsCompleted);
                }

                forwarded = buffer.Length;
                reader.AdvanceTo(buffer.Start, buffer.End);
                await HandleAsync(batch, cancellationToken).ConfigureAwait(false);
                if (result.IsCompleted)
                {
                    return towardsServer ? "closed by the inverter" : "closed by the server";
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return towardsServer ? $"inverter side: {e.Message}" : $"server side: {e.Message}";
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(SolarEdgeTapBatch batch, CancellationToken cancellationToken)
    {
        foreach (SolarEdgeServerEvent e in batch.Events)
        {
            context.Reporter.Report(e, remote.Address, _warned);
            if (e.Kind == SolarEdgeServerEventKind.SessionStarted)
            {
                context.Sessions.Save();
            }
        }

        foreach (SolarEdgePost post in batch.Posts)
        {
            if (post.IsEmpty)
            {
                continue;
            }

            try
            {
                int stored = await context.Journal.AppendPostAsync(post, cancellationToken).ConfigureAwait(false);
                context.Reporter.Posted(post, stored, remote.Address);
            }
            catch (IOException)
            {
                context.Reporter.Count("journal_errors"); // the real server has it; the copy is lost
            }
        }
    }

    private async Task<string> IdleAsync(CancellationToken cancellationToken)
    {
        TimeSpan idle = context.Options.IdleTimeout;
        while (true)
        {
            TimeSpan quiet = context.Time.GetElapsedTime(Volatile.Read(ref _lastBytes));
            if (quiet >= idle)
            {
                return $"idle for {idle}";
            }

            await Task.Delay(idle - quiet, context.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Shutdown(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // already gone
        }
    }
}
