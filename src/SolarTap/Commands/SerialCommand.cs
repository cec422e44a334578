using System.CommandLine;
using System.Globalization;
using SolarTap.Cli;
using SolarTap.Devices.Serial;
using SolarTap.Linux.Serial;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Commands;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;

namespace SolarTap.Commands;

/// <summary><c>solartap serial command|sniff</c>: talk to an inverter over RS232/RS485, or listen to a bus (spec §6).</summary>
internal static class SerialCommand
{
    public static Command Create() => new("serial", "Send SolarEdge commands over a serial line, or decode a tapped RS485 bus.")
    {
        Send(),
        Sniff(),
    };

    /// <summary>--port, required by every serial command.</summary>
    public static Option<string> Port() => new("--port", "-p")
    {
        Description = "The serial device, such as /dev/ttyUSB0 or /dev/serial/by-id/usb-...",
        Required = true,
    };

    /// <summary>--id, the inverter to talk to.</summary>
    public static Option<string> Id() => new("--id")
    {
        Description = "The inverter ID in hexadecimal, as printed on the inverter (e.g. 7F104920).",
        Required = true,
    };

    /// <summary>--baud, 115200 by default (spec §6.1).</summary>
    public static Option<int> Baud() => new("--baud", "-b")
    {
        Description = "Line speed; SolarEdge inverters use 115200 (8N1).",
        DefaultValueFactory = _ => 115200,
    };

    /// <summary>--rs485: follow each command with a grant, as a bus master must.</summary>
    public static Option<bool> Rs485() => new("--rs485")
    {
        Description = "The inverter is a slave on an RS485 bus: follow each command with a 0x0302 grant so it may answer (semonitor -m). Without it: RS232, point to point.",
    };

    /// <summary>--timeout per command.</summary>
    public static Option<TimeSpan> Timeout() => new("--timeout")
    {
        Description = "How long to wait for each answer (e.g. 2s).",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(2),
        CustomParser = r => TimeSpan.TryParse("00:00:" + r.Tokens[0].Value.TrimEnd('s'), CultureInfo.InvariantCulture, out TimeSpan t) && t > TimeSpan.Zero
            ? t : throw new UserError($"--timeout: expected seconds such as 2s, found '{r.Tokens[0].Value}'."),
    };

    private static Command Send()
    {
        var commands = new Argument<string>("COMMANDS")
        {
            Description = "semonitor's -c syntax: FUNC[,Pxxxx...][/FUNC[,Pxxxx...]...], hex without 0x; parameters start with B (u8), H (u16) or L (u32). Example: 0012,H0329/0011,H0329,L1",
        };
        Option<string> port = Port(), id = Id();
        Option<int> baud = Baud();
        Option<bool> rs485 = Rs485();
        Option<TimeSpan> timeout = Timeout();
        var json = new Option<bool>("--json")
        {
            Description = "Print semonitor's command-mode JSON line per answer instead of the readable line.",
        };
        var command = new Command("command", "Send commands to one inverter and print each decoded answer (spec §6.3).")
        {
            commands, port, id, baud, rs485, timeout, json,
        };
        command.SetAction((parse, cancel) =>
        {
            if (!CommandParser.TryParse(parse.GetValue(commands), out IReadOnlyList<SemonitorCommand> parsed, out string? error))
            {
                throw new UserError($"COMMANDS: {error}");
            }

            uint inverter = SerialPorts.ParseId(parse.GetValue(id)!);
            using LinuxSerialPort serial = SerialPorts.Open(parse.GetValue(port)!, parse.GetValue(baud), parse.GetValue(rs485));
            var client = new SolarEdgeCommandClient(serial, TimeProvider.System, SerialPorts.FirstSequence(TimeProvider.System))
            {
                GrantAfterCommand = parse.GetValue(rs485),
            };
            int failures = 0;
            for (int i = 0; i < parsed.Count; i++)
            {
                SemonitorCommand item = parsed[i];
                SolarEdgeSerialMessage? answer = client.Request(inverter, item.Function, item.Payload.Span, parse.GetValue(timeout), cancel);
                if (answer is null)
                {
                    Console.Error.WriteLine($"no answer to command {i + 1} ({item.Text}) from {SolarEdgeAddress.Format(inverter)} within {parse.GetValue(timeout).TotalSeconds:0.#}s");
                    failures++;
                    continue;
                }

                DecodedResponse decoded = ResponseDecoder.Decode(answer.Header.Function, answer.Payload);
                Console.WriteLine(parse.GetValue(json)
                    ? CommandOutputLine.Format(item.Function, decoded, answer.Header.Sequence)
                    : $"0x{(ushort)item.Function:x4} -> 0x{(ushort)answer.Header.Function:x4} ({decoded.Kind}) seq 0x{answer.Header.Sequence:x4}: {decoded.Summary}{(decoded.Error is null ? "" : " (" + decoded.Error + ")")}");
            }

            return Task.FromResult(failures == 0 ? 0 : 1);
        });
        return command;
    }

    private static Command Sniff()
    {
        Option<string> port = Port();
        Option<int> baud = Baud();
        Option<OutputFormat> format = CommonOptions.Format();
        Option<string[]> keys = CommonOptions.Keys();
        Option<bool> stats = CommonOptions.Stats();
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "Stop after this long (e.g. 60s); without it, listen until Ctrl-C.",
            CustomParser = r => TimeSpan.TryParse("00:00:" + r.Tokens[0].Value.TrimEnd('s'), CultureInfo.InvariantCulture, out TimeSpan t)
                ? t : throw new UserError($"--duration: expected seconds such as 60s, found '{r.Tokens[0].Value}'."),
        };
        var command = new Command("sniff", "Decode a tapped RS485 line (both directions) without ever transmitting; output as 'decode'.")
        {
            port, baud, format, keys, stats, duration,
        };
        command.SetAction(async (parse, cancel) =>
        {
            KeyRing ring = KeyRing.Load(parse.GetValue(keys) ?? []);
            using var sessions = new InverterSessions(ring.KeyFor);
            using LinuxSerialPort serial = SerialPorts.Open(parse.GetValue(port)!, parse.GetValue(baud), rs485: false);
            await using Stream stdout = new BufferedStream(Console.OpenStandardOutput(), 64 * 1024);
            var printer = new TelemetryPrinter(parse.GetValue(format), stdout, Console.Error, TimeZoneInfo.Local);
            var statistics = new DecodeStatistics();
            var decoder = new SolarEdgeStreamDecoder(new SessionTracker(sessions), new FlushingSink(printer), statistics);
            var sniffer = new SolarEdgeSniffer(serial, decoder, TimeProvider.System);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            if (parse.GetValue(duration) is { } limit)
            {
                stop.CancelAfter(limit);
            }

            Console.Error.WriteLine($"listening on {serial.Name} at {serial.Settings} (receive only); Ctrl-C ends");
            await Task.Run(() => sniffer.Run(stop.Token), CancellationToken.None);
            await printer.CompleteAsync();
            if (parse.GetValue(stats))
            {
                StatisticsReport.Write(Console.Error, statistics);
            }

            return 0;
        });
        return command;
    }
}
