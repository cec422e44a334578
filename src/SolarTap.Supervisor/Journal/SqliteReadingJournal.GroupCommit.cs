using System.Threading.Channels;
using SolarTap.Protocols.Readings;

namespace SolarTap.Supervisor.Journal;

/// <summary>Group commit: one writer task commits every batch waiting for it in one transaction.</summary>
public sealed partial class SqliteReadingJournal
{
    /// <summary>The most batches one transaction takes, so one commit stays short.</summary>
    internal const int MaxBatchesPerCommit = 256;

    private readonly Channel<PendingAppend> _pending = Channel.CreateUnbounded<PendingAppend>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    private readonly Lock _writerGate = new();
    private Task? _writer;

    /// <summary>
    /// Queues <paramref name="batch"/> for the next group commit and completes, with the count of new readings,
    /// once it is fsynced. Cancelling stops the wait, not the write: a batch already queued may still be stored.
    /// </summary>
    /// <exception cref="IOException">The commit failed; nothing of the batch is stored.</exception>
    public ValueTask<int> AppendAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken) =>
        AppendAsync(batch, null, cancellationToken);

    /// <summary>
    /// Queues <paramref name="batch"/> and the raw <paramref name="post"/> it came from for the next group commit (both
    /// in the same transaction) and completes, with the count of new readings, once it is fsynced. A post already stored
    /// (same device, same payload) is kept once. Cancelling stops the wait, not the write.
    /// </summary>
    /// <exception cref="IOException">The commit failed; neither the readings nor the post are stored.</exception>
    public ValueTask<int> AppendAsync(IReadOnlyList<Reading> batch, RawPost? post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Count == 0 && !HasPayload(post))
        {
            return ValueTask.FromResult(0);
        }

        var pending = new PendingAppend(batch, post);
        StartWriter();
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(SqliteReadingJournal), $"The journal {Path} is closed.");
        }

        return new ValueTask<int>(pending.Stored.Task.WaitAsync(cancellationToken));
    }

    private void StartWriter()
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }

        lock (_writerGate)
        {
            _writer ??= Task.Run(WriteQueuedAsync);
        }
    }

    private async Task WriteQueuedAsync()
    {
        ChannelReader<PendingAppend> reader = _pending.Reader;
        var group = new List<PendingAppend>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < MaxBatchesPerCommit && reader.TryRead(out PendingAppend? next))
            {
                group.Add(next);
            }

            try
            {
                int[] added = AppendGroup(group);
                for (int i = 0; i < group.Count; i++)
                {
                    group[i].Stored.TrySetResult(added[i]);
                }
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                foreach (PendingAppend failed in group)
                {
                    failed.Stored.TrySetException(e);
                }
            }
        }
    }

    // Lets the writer finish what is queued, then stops it.
    private void StopGroupCommit()
    {
        _pending.Writer.TryComplete();
        Task? writer = Volatile.Read(ref _writer);
        writer?.GetAwaiter().GetResult();
    }

    private sealed class PendingAppend(IReadOnlyList<Reading> batch, RawPost? post)
    {
        public IReadOnlyList<Reading> Batch { get; } = batch;

        public RawPost? Post { get; } = post;

        public TaskCompletionSource<int> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
