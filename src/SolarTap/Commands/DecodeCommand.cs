using System.CommandLine;
using SolarTap.Cli;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;

namespace SolarTap.Commands;

/// <summary><c>solartap decode FILE|-</c>: a raw SolarEdge byte stream to readings.</summary>
internal static class DecodeCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("FILE")
        {
            Description = "Raw SolarEdge byte stream: a semonitor capture, a serial log, or 'solartap pcap --raw-out' output. '-' reads standard input.",
        };
        Option<OutputFormat> format = CommonOptions.Format();
        Option<string[]> keys = CommonOptions.Keys();
        Option<string?> sessions = CommonOptions.Sessions();
        Option<bool> stats = CommonOptions.Stats();
        var follow = new Option<bool>("--follow")
        {
            Description = "Keep reading as the file grows (like tail -f) until Ctrl-C.",
        };

        var command = new Command("decode", "Decode a raw SolarEdge message stream into readings (JSON lines, semonitor JSON or CSV).")
        {
            input, format, keys, sessions, follow, stats,
        };
        command.SetAction(async (parse, cancel) =>
        {
            string path = parse.GetValue(input)!;
            KeyRing ring = KeyRing.Load(parse.GetValue(keys) ?? []);
            using var inverterSessions = new InverterSessions(ring.KeyFor);
            SessionFile.Load(parse.GetValue(sessions), inverterSessions);
            Stream source = InputFile.Open(path);
            await using Stream stdout = new BufferedStream(Console.OpenStandardOutput(), 64 * 1024);
            var printer = new TelemetryPrinter(parse.GetValue(format), stdout, Console.Error, TimeZoneInfo.Local);
            var statistics = new DecodeStatistics();
            var decoder = new SolarEdgeStreamDecoder(new SessionTracker(inverterSessions), printer, statistics);

            await StreamDecoding.RunAsync(InputFile.Pump(source, parse.GetValue(follow), cancel), decoder, printer.FlushAsync, TimeProvider.System);
            await printer.CompleteAsync();

            SessionFile.Save(parse.GetValue(sessions), inverterSessions);
            if (parse.GetValue(stats))
            {
                StatisticsReport.Write(Console.Error, statistics);
            }

            return 0;
        });
        return command;
    }
}
