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
            using var printer = new TelemetryPrinter(OutputFormat.Solartap, Stream.Null, Console.Error, TimeZoneInfo.Utc)
            {
                ReadingSeen = reading => latest[(reading.Device.Kind, reading.Device.Serial)] = reading,
            };
            var decoder = new SolarEdgeStreamDecoder(new SessionTracker(sessions), printer, statistics);
            await StreamDecoding.RunAsync(PipeReader.Create(new MemoryStream(session)), decoder, Stream.Null, TimeProvider.System);

            Show(latest.Values, statistics, session.Length);
            return 0;
        });
        return command;
    }

    private static void Show(IEnumerable<Reading> readings, DecodeStatistics statistics, int bytes)
    {
        AnsiConsole.MarkupLine("[bold]SolarTap demo[/]: the bundled sample SolarEdge session (real records; one post encrypted and opened with the bundled key)");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Kind").AddColumn("Device").AddColumn("Reports via").AddColumn("Time (UTC)").AddColumn("Values");
        foreach (Reading reading in readings)
        {
            table.AddRow(
                reading.Device.Kind.ToString(),
                reading.Device.Serial,
                reading.Device.Parent ?? "",
                reading.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Markup.Escape(Summary(reading)));
        }

        AnsiConsole.Write(table);
        long decrypted = statistics.Devices.Values.Sum(d => d.Decrypted);
        long posts = statistics.Devices.Values.Sum(d => d.Posts);
        AnsiConsole.MarkupLine(
            $"{bytes} bytes, {statistics.Frames} messages, {posts} telemetry posts ({decrypted} decrypted), " +
            $"{statistics.CrcErrors} CRC errors, {statistics.BytesSkipped} bytes skipped.");
        AnsiConsole.MarkupLine("Next: [blue]solartap decode FILE[/] for your own capture, [blue]solartap pcap FILE[/] for a packet capture, [blue]solartap --help[/] for everything.");
    }

    private static string Summary(Reading reading) => string.Join("  ", reading.Values.Take(6).Select(m =>
        $"{ValueName(m)} {m.Value.ToString("0.###", CultureInfo.InvariantCulture)}{Unit(m.Quantity)}"));

    private static string ValueName(Measurement m) => m.Phase == Phase.None ? m.Quantity.ToString() : $"{m.Quantity}.{m.Phase}";

    private static string Unit(Quantity quantity)
    {
        string symbol = QuantityInfo.Symbol(QuantityInfo.UnitOf(quantity));
        return symbol.Length == 0 ? "" : " " + symbol;
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
