using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Benchmarks;

/// <summary>
/// Journal appends: one transaction and one fsync per batch (WAL, synchronous=FULL) on the disk under /tmp. Each
/// invocation appends one batch of <see cref="BatchSize"/> new readings (7 values each), so readings per second =
/// BatchSize / mean time.
/// </summary>
public class JournalBenchmarks
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private string _folder = "";
    private SqliteReadingJournal? _journal;
    private long _next;

    /// <summary>Readings per batch (an inverter post carries 1 inverter and up to ~30 optimizer records).</summary>
    [Params(1, 32, 256)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("st-bench-").FullName;
        _journal = new SqliteReadingJournal(Path.Combine(_folder, "journal.db"));
        _journal.Open();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _journal?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public int AppendBatch()
    {
        var batch = new Reading[BatchSize];
        for (int i = 0; i < batch.Length; i++)
        {
            long n = _next++;
            batch[i] = new Reading(new DeviceIdentity(DeviceKind.Optimizer, $"2023{n % 30:X4}", "7F104920"), T0.AddSeconds(n),
            [
                new Measurement(Quantity.DcVoltage, 35.5), new Measurement(Quantity.DcCurrent, 8.25), new Measurement(Quantity.DcOutputVoltage, 40.1),
                new Measurement(Quantity.DcPower, 293.0), new Measurement(Quantity.EnergyToday, n), new Measurement(Quantity.Temperature, 41.5),
                new Measurement(Quantity.Uptime, n),
            ]);
        }

        return _journal!.Append(batch);
    }
}
