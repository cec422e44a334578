using System.CommandLine;
using System.IO.Pipelines;
using SolarTap.Cli;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Commands;

/// <summary><c>solartap key find|check</c>: the inverter key that opens encrypted firmware's data (spec §4.2).</summary>
internal static class KeyCommand
{
    public static Command Create()
    {
        var command = new Command("key", "Find an inverter's encryption key in captures, read it over a serial line, or check that a key opens a capture.")
        {
            Find(),
            KeyReadCommand.Create(),
            Check(),
        };
        return command;
    }

    private static Command Find()
    {
        var inputs = new Argument<string[]>("PCAP")
        {
            Description = "pcap or pcapng files or directories, ideally from the inverter's first days online, when the portal reads the key in clear.",
            Arity = ArgumentArity.OneOrMore,
        };
        var write = new Option<string?>("--write")
        {
            Description = "Write each complete key to DIR/<inverter-id>.key (semonitor format, readable only by you).",
        };
        var filter = new CaptureOptions();
        var command = new Command("find", "Find inverter keys in captures: the portal's reads of parameters 0x0239-0x023C and the inverter's answers.")
        {
            inputs, write,
        };
        foreach (Option option in filter.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancel) =>
        {
            IReadOnlyList<string> files = CaptureFiles.Expand(parse.GetValue(inputs)!);
            CaptureFilter captureFilter = filter.Build(parse, []); // both directions: requests come from the server
            var finder = new KeyFinder();
            using var sessions = new InverterSessions(_ => null);
            await CapturePipeline.RunAsync(files, captureFilter, sessions, NoSink.Instance, new FinderObserver(finder), Console.Error, cancel);

            if (finder.Progress.Count == 0)
            {
                Console.Error.WriteLine("no key found: the captures hold no read of parameters 0x0239-0x023C. The portal reads them in clear only in the first days an inverter is online; otherwise read it from the inverter over RS232 or RS485 (see docs/keys.md).");
                return 1;
            }

            foreach (KeySearchProgress progress in finder.Progress)
            {
                if (progress.Key is not { } key)
                {
                    Console.WriteLine($"{progress} (incomplete: capture more of the portal's key reads)");
                    continue;
                }

                Console.WriteLine($"{SolarEdgeAddress.Format(progress.InverterId)}: key {key.ToHex()}");
                if (parse.GetValue(write) is { } directory)
                {
                    string path = WriteKeyFile(directory, progress.InverterId, key);
                    Console.WriteLine($"  written to {path}");
                }
            }

            return finder.Keys.Count > 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Check()
    {
        var capture = new Argument<string>("CAPTURE")
        {
            Description = "A pcap/pcapng file or a raw SolarEdge stream with the inverter's encrypted messages and its session-key message (0x0503).",
        };
        var keyFile = new Option<string>("--key", "-k")
        {
            Description = "The key file to check (32 hex digits).",
            Required = true,
        };
        var command = new Command("check", "Say whether a key decrypts a capture's encrypted messages.") { capture, keyFile };
        command.SetAction(async (parse, cancel) =>
        {
            string path = parse.GetValue(capture)!;
            KeyRing ring = KeyRing.Load([parse.GetValue(keyFile)!]);
            using var sessions = new InverterSessions(ring.KeyFor);
            var tally = new DecryptionTally();
            if (CaptureFiles.LooksLikeCapture(path))
            {
                await CapturePipeline.RunAsync([path], CaptureFilter.Any, sessions, tally, null, Console.Error, cancel);
            }
            else
            {
                var decoder = new SolarEdgeStreamDecoder(new SessionTracker(sessions), tally, new DecodeStatistics());
                await StreamDecoding.RunAsync(PipeReader.Create(InputFile.Open(path)), decoder, () => Task.CompletedTask, TimeProvider.System);
            }

            return Report(tally);
        });
        return command;
    }

    private static int Report(DecryptionTally tally)
    {
        if (tally.ByInverter.Count == 0)
        {
            Console.WriteLine(tally.Announcements > 0
                ? "nothing to check: the capture has session-key messages (0x0503) but no encrypted messages after them."
                : "nothing to check: the capture has no encrypted messages (0x003D); this inverter talks in clear.");
            return 1;
        }

        bool opened = false, failed = false;
        foreach ((uint inverter, Dictionary<DecryptionStatus, int> counts) in tally.ByInverter)
        {
            int decrypted = counts.GetValueOrDefault(DecryptionStatus.Decrypted);
            int wrong = counts.GetValueOrDefault(DecryptionStatus.WrongKeyOrCorrupt);
            int total = counts.Values.Sum();
            string who = inverter == 0 ? "unknown inverter" : SolarEdgeAddress.Format(inverter);
            if (decrypted > 0)
            {
                opened = true;
                Console.WriteLine($"{who}: the key decrypts {decrypted} of {total} encrypted messages.");
            }
            else if (wrong > 0)
            {
                failed = true;
                Console.WriteLine($"{who}: the key does not decrypt this inverter's messages (0 of {total}): it belongs to another inverter, or is wrong.");
            }
            else
            {
                Console.WriteLine($"{who}: {total} encrypted messages but no session-key message (0x0503) before them, so no key can be checked; capture from an earlier point (sessions change every few hours to days).");
            }
        }

        return opened && !failed ? 0 : 1;
    }

    private static string WriteKeyFile(string directory, uint inverter, InverterKey key)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, $"{SolarEdgeAddress.Format(inverter).ToLowerInvariant()}.key");
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var file = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        file.Write(key.ToKeyFileText());
        return path;
    }

    private sealed class FinderObserver(KeyFinder finder) : ISolarEdgeFrameObserver
    {
        public void OnFrame(in SolarEdgeFrame frame) => finder.Observe(frame);
    }

    private sealed class NoSink : ISolarEdgeMessageSink
    {
        public static readonly NoSink Instance = new();

        public void OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
        {
        }
    }
}
