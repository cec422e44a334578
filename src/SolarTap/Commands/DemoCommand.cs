using System.CommandLine;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Spectre.Console;
using SolarTap.Cli;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Commands;

/// <summary>
/// <c>solartap demo</c>: decodes the bundled sample session (real SolarEdge records, one post encrypted) and prints
/// a summary table per device, so a new user sees what SolarTap produces without any hardware.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Decode the bundled sample SolarEdge session (plain and encrypted posts) and show a summary table.");
        command.SetAction(async (_, _) =>
        {
            byte[] session = Resource("demo-session.bin");
            if (!InverterKey.TryParse(Encoding.ASCII.GetString(Resource("demo.key")), out InverterKey? key, out string? error))
            {
                throw new InvalidOperationException($"The bundled demo key is damaged: {error}");
            }

            var latest = new SortedDictionary<(DeviceKind, string), Reading>();
            using var sessions = new InverterSessions(_ => key);
            var statistics = new DecodeStatistics();
            var printer = new TelemetryPrinter(OutputFormat.Solartap, Stream.Null, Console.Error, TimeZoneInfo.Utc)
            {
                ReadingSeen = reading => latest[(reading.Device.Kind, reading.Device.Serial)] = reading,
            };
            var decoder = new SolarEdgeStreamDecoder(new SessionTracker(sessions), printer, statistics);
            await StreamDecoding.RunAsync(PipeReader.Create(new MemoryStream(session)), decoder, printer.FlushAsync, TimeProvider.System);
            await printer.CompleteAsync();

            Show(latest.Values, statistics, session.Length);
            return 0;
        });
        return command;
    }

    private static void Show(IEnumerable<Reading> readings, DecodeStatistics statistics, int bytes)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 120; // a pipe has no width; keep one row per device
        }

        AnsiConsole.MarkupLine("[bold]SolarTap demo[/]: the bundled sample SolarEdge session (real records; one post encrypted and opened with the bundled key)");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Kind").AddColumn("Device").AddColumn("Via").AddColumn("Time (UTC)")
            .AddColumn(new TableColumn("Power W").RightAligned()).AddColumn(new TableColumn("Energy Wh").RightAligned())
            .AddColumn(new TableColumn("Voltage V").RightAligned()).AddColumn(new TableColumn("Temp °C").RightAligned());
        foreach (Reading reading in readings)
        {
            table.AddRow(
                reading.Device.Kind.ToString(),
                reading.Device.Serial,
                reading.Device.Parent ?? "",
                reading.Timestamp.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture),
                First(reading, PowerColumn),
                First(reading, EnergyColumn),
                First(reading, VoltageColumn),
                First(reading, [Quantity.Temperature]));
        }

        AnsiConsole.Write(table);
        long decrypted = statistics.Devices.Values.Sum(d => d.Decrypted);
        long posts = statistics.Devices.Values.Sum(d => d.Posts);
        AnsiConsole.MarkupLine(
            $"{bytes} bytes, {statistics.Frames} messages, {posts} telemetry posts ({decrypted} decrypted), " +
            $"{statistics.CrcErrors} CRC errors, {statistics.BytesSkipped} bytes skipped.");
        AnsiConsole.MarkupLine("Next: [blue]solartap decode FILE[/] for your own capture, [blue]solartap pcap FILE[/] for a packet capture, [blue]solartap --help[/] for everything.");
    }

    // The first quantity a reading has from each list fills the column: one table fits every device kind.
    private static readonly Quantity[] PowerColumn =
        [Quantity.AcPower, Quantity.DcPower, Quantity.PvPower, Quantity.GridPower, Quantity.LoadPower, Quantity.BatteryPower];

    private static readonly Quantity[] EnergyColumn =
        [Quantity.EnergyToday, Quantity.PvEnergyInterval, Quantity.GridExportEnergyInterval, Quantity.LoadEnergyInterval, Quantity.EnergyInterval];

    private static readonly Quantity[] VoltageColumn = [Quantity.AcVoltage, Quantity.DcVoltage, Quantity.BatteryVoltage];

    private static string First(Reading reading, Quantity[] candidates)
    {
        foreach (Quantity quantity in candidates)
        {
            foreach (Measurement m in reading.Values)
            {
                if (m.Quantity == quantity && m.Phase is Phase.None or Phase.L1)
                {
                    return m.Value.ToString("0.##", CultureInfo.InvariantCulture);
                }
            }
        }

        return "–";
    }

    private static byte[] Resource(string name)
    {
        using Stream stream = typeof(DemoCommand).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The bundled resource {name} is missing from this build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
