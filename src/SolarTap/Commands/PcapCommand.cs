using System.CommandLine;
using SolarTap.Cli;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;

namespace SolarTap.Commands;

/// <summary><c>solartap pcap FILE|DIR...</c>: packet captures to readings, through TCP reassembly.</summary>
internal static class PcapCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("FILE|DIR")
        {
            Description = "pcap or pcapng files (either byte order, micro- or nanosecond), or directories of them; read in order as one capture.",
            Arity = ArgumentArity.OneOrMore,
        };
        Option<OutputFormat> format = CommonOptions.Format();
        Option<string[]> keys = CommonOptions.Keys();
        Option<string?> sessions = CommonOptions.Sessions();
        Option<bool> stats = CommonOptions.Stats();
        var filter = new CaptureOptions();
        var rawOut = new Option<string?>("--raw-out")
        {
            Description = "Also write every SolarEdge message found, as sent (encrypted ones still encrypted), to this file; 'solartap decode' reads it.",
        };

        var command = new Command("pcap", "Decode SolarEdge telemetry from packet captures: reassembles the inverter's TCP connections, then decodes as 'decode' does.")
        {
            inputs, format, keys, sessions, stats, rawOut,
        };
        foreach (Option option in filter.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancel) =>
        {
            IReadOnlyList<string> files = CaptureFiles.Expand(parse.GetValue(inputs)!);
            CaptureFilter captureFilter = filter.Build(parse, InverterOuis.SolarEdge);
            KeyRing ring = KeyRing.Load(parse.GetValue(keys) ?? []);
            using var inverterSessions = new InverterSessions(ring.KeyFor);
            SessionFile.Load(parse.GetValue(sessions), inverterSessions);

            await using Stream stdout = new BufferedStream(Console.OpenStandardOutput(), 64 * 1024);
            await using Stream? raw = parse.GetValue(rawOut) is { } rawPath ? OpenOutput(rawPath) : null;
            var printer = new TelemetryPrinter(parse.GetValue(format), stdout, Console.Error, TimeZoneInfo.Local);
            ISolarEdgeFrameObserver? frames = raw is null ? null : new RawFrameWriter(raw);
            CapturePipeline pipeline = await CapturePipeline.RunAsync(files, captureFilter, inverterSessions, printer, frames, Console.Error, cancel);
            await printer.CompleteAsync();

            SessionFile.Save(parse.GetValue(sessions), inverterSessions);
            if (parse.GetValue(stats))
            {
                Console.Error.WriteLine(pipeline.Summary());
                StatisticsReport.Write(Console.Error, pipeline.Decoder.Statistics);
            }

            CaptureReading reading = pipeline.Reading;
            if (reading.Segments == 0 && reading.Packets > 0)
            {
                Console.Error.WriteLine("note: no TCP segment passed the filter; by default only frames from inverter MAC prefixes are kept (try --mac-prefix any).");
            }

            return reading.BrokenFiles > 0 ? UserError.ExitCode : 0;
        });
        return command;
    }

    private static FileStream OpenOutput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot be written ({e.Message}).", e);
        }
    }
}
