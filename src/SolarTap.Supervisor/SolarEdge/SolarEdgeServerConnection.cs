using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using SolarTap.Protocols.SolarEdge.Server;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>
/// One inverter connection answered locally (spec §5.2): bytes go through a <see cref="SolarEdgeServerSession"/>,
/// whose actions are performed in order; a post is ACKed only after its readings are in the journal. An incomplete
/// message is given up after 2 s without new bytes; a connection silent for the idle timeout is closed.
/// </summary>
internal sealed class SolarEdgeServerConnection(SolarEdgeContext context, Socket socket, IPEndPoint remote)
{
    private readonly HashSet<SolarEdgeServerEventKind> _warned = [];
    private readonly SolarEdgeServerSession _session = new(context.Sessions.Sessions, context.ServerOptions);

    /// <summary>Serves until the inverter closes, the session asks to close, the idle timeout, or <paramref name="cancellationToken"/>. Returns why it ended.</summary>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        TimeProvider time = context.Time;
        TimeSpan idle = context.Options.IdleTimeout;
        using var stream = new NetworkStream(socket, ownsSocket: false);
        PipeReader reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        long lastBytes = time.GetTimestamp();
        bool pending = false;
        try
        {
            while (true)
            {
                ReadResult result;
                using (ITimer timer = time.CreateTimer(static r => ((PipeReader)r!).CancelPendingRead(), reader, pending ? SolarEdgeContext.FlushDelay : idle, Timeout.InfiniteTimeSpan))
                {
                    result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }

                ReadOnlySequence<byte> buffer = result.Buffer;
                DateTimeOffset now = time.GetUtcNow();
                IReadOnlyList<SolarEdgeServerAction> actions;
                if (result.IsCanceled)
                {
                    TimeSpan quiet = time.GetElapsedTime(lastBytes);
                    if (quiet >= idle)
                    {
                        return $"idle for {idle}";
                    }

                    if (buffer.IsEmpty || quiet < SolarEdgeContext.FlushDelay)
                    {
                        reader.AdvanceTo(buffer.Start, buffer.End);
                        continue;
                    }

                    actions = _session.Flush(ref buffer, now, context.ClockSynchronized, RandomNumberGenerator.Fill);
                }
                else
                {
                    lastBytes = time.GetTimestamp();
                    actions = result.IsCompleted
                        ? _session.Flush(ref buffer, now, context.ClockSynchronized, RandomNumberGenerator.Fill)
                        : _session.Receive(ref buffer, now, context.ClockSynchronized, RandomNumberGenerator.Fill);
                }

                string? closed = await PerformAsync(actions, stream, cancellationToken).ConfigureAwait(false);
                pending = !buffer.IsEmpty;
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (closed is not null)
                {
                    return closed;
                }

                if (result.IsCompleted)
                {
                    return "closed by the inverter";
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The inverter of this connection, once known.</summary>
    public uint? Inverter => _session.Inverter;

    private async Task<string?> PerformAsync(IReadOnlyList<SolarEdgeServerAction> actions, NetworkStream stream, CancellationToken cancellationToken)
    {
        foreach (SolarEdgeServerAction action in actions)
        {
            switch (action)
            {
                case SolarEdgeSend send:
                    await stream.WriteAsync(send.Bytes, cancellationToken).ConfigureAwait(false);
                    break;
                case SolarEdgeCommit commit:
                    int stored;
                    try
                    {
                        stored = await context.Journal.AppendPostAsync(commit.Post, cancellationToken).ConfigureAwait(false);
                    }
                    catch (IOException e)
                    {
                        // No ACK: the inverter keeps the post and sends it again (ARCHITECTURE §3).
                        context.Reporter.Count("journal_errors");
                        return $"journal write failed, post not acknowledged: {e.Message}";
                    }

                    ReadOnlyMemory<byte> ack = _session.Committed(commit.Token, context.Time.GetUtcNow(), RandomNumberGenerator.Fill);
                    if (!ack.IsEmpty)
                    {
                        await stream.WriteAsync(ack, cancellationToken).ConfigureAwait(false);
                        context.Reporter.Count("acks");
                    }

                    context.Reporter.Posted(commit.Post, stored, remote.Address);
                    break;
                case SolarEdgeServerEvent e:
                    if (e.Kind == SolarEdgeServerEventKind.PostDecoded && e.Records == 0)
                    {
                        context.Reporter.Count("empty_posts");
                    }

                    context.Reporter.Report(e, remote.Address, _warned);
                    if (e.Kind == SolarEdgeServerEventKind.SessionStarted)
                    {
                        context.Sessions.Save(); // spec §4.6: a restart keeps decrypting
                    }

                    break;
                case SolarEdgeClose close:
                    return $"{close.Reason}: {close.Guidance}";
            }
        }

        return null;
    }
}
