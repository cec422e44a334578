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
    public ValueTask<int> AppendAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (batch.Count == 0)
        {
            return ValueTask.FromResult(0);
        }

        var pending = new PendingAppend(batch);
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
        var batches = new List<IReadOnlyList<Reading>>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            batches.Clear();
            while (group.Count < MaxBatchesPerCommit && reader.TryRead(out PendingAppend? next))
            {
                group.Add(next);
                batches.Add(next.Batch);
            }

            try
            {
                int[] added = AppendGroup(batches);
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

    private sealed class PendingAppend(IReadOnlyList<Reading> batch)
    {
        public IReadOnlyList<Reading> Batch { get; } = batch;

        public TaskCompletionSource<int> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
