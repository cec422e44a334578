using System.CommandLine;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Commands;

/// <summary>
/// <c>solartap journal write-test</c> (hidden): appends numbered batches of synthetic readings to a journal and prints
/// "committed N" after each commit. The crash test kills it with SIGKILL and checks every printed batch is stored once.
/// </summary>
internal static class JournalWriteTest
{
    private static readonly DateTimeOffset Origin = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var path = new Option<string>("--journal", "-j") { Required = true, Description = "The journal database to write (a test file, never the appliance's)." };
        var start = new Option<long>("--start") { Description = "The first batch number.", DefaultValueFactory = _ => 0 };
        var count = new Option<long>("--batches") { Description = "How many batches; 0 = until killed.", DefaultValueFactory = _ => 0 };
        var size = new Option<int>("--batch-size") { Description = "Readings per batch.", DefaultValueFactory = _ => 20 };
        var command = new Command("write-test", "Append numbered synthetic batches and print each committed batch number (crash testing).")
        {
            path, start, count, size,
        };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            using var journal = new SqliteReadingJournal(parse.GetValue(path)!);
            journal.Open();
            int batchSize = parse.GetValue(size);
            long first = parse.GetValue(start);
            long batches = parse.GetValue(count);
            for (long id = first; batches == 0 || id < first + batches; id++)
            {
                journal.Append(Batch(id, batchSize));
                Console.Out.WriteLine($"committed {id}");
                Console.Out.Flush();
            }

            return 0;
        });
        return command;
    }

    /// <summary>Batch <paramref name="id"/>: readings of two devices with timestamps unique to the batch.</summary>
    internal static Reading[] Batch(long id, int size) =>
    [
        .. Enumerable.Range(0, size).Select(i => new Reading(
            new DeviceIdentity(i % 2 == 0 ? DeviceKind.Inverter : DeviceKind.Optimizer, i % 2 == 0 ? "7F000001" : "20000001"),
            Origin.AddSeconds((id * size) + i),
            [new Measurement(Quantity.AcPower, id), new Measurement(Quantity.EnergyTotal, (id * size) + i)])),
    ];
}
