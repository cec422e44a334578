using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.Tests.Serial;

/// <summary>A journal that keeps appended batches, notes a fact about the world at each commit, and can fail on demand.</summary>
internal sealed class RecordingJournal(Func<int> observe) : IReadingJournal
{
    private readonly Lock _lock = new();

    public List<(int Readings, int ObservedAtCommit)> Batches { get; } = [];

    public int FailuresToInject { get; set; }

    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask<int> AppendAsync(IReadOnlyList<Reading> batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (FailuresToInject > 0)
            {
                FailuresToInject--;
                throw new IOException("disk full (injected)");
            }

            Batches.Add((batch.Count, observe()));
        }

        Committed.TrySetResult();
        return ValueTask.FromResult(batch.Count);
    }
}
