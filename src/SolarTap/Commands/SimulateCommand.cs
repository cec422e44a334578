using System.CommandLine;
using System.Globalization;
using SolarTap.Cli;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Supervisor.Simulation;

namespace SolarTap.Commands;

/// <summary>
/// <c>solartap simulate</c>: one (or more) simulated SolarEdge inverters against any monitoring server, such as a
/// SolarTap appliance, speaking the real protocol over TCP. Reports what the server got wrong; exit 1 if anything.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "The server to connect to: HOST or HOST:PORT (port 22222 by default). A name is looked up like any other.", Required = true };
        var id = new Option<string>("--id") { Description = "The inverter ID, 8 hex digits (for example 7E100001).", Required = true };
        var key = new Option<string?>("--key") { Description = "An inverter key file (32 hex digits): the inverter runs encrypted (0x0503 key exchange, then 0x003D wrappers)." };
        var threePhase = new Option<bool>("--three-phase") { Description = "A three-phase inverter instead of a single-phase one." };
        var optimizers = new Option<int>("--optimizers") { Description = "Optimizer records per post.", DefaultValueFactory = _ => 10 };
        var interval = new Option<string>("--interval") { Description = "Time between posts: a number with ms, s or m.", DefaultValueFactory = _ => "5s" };
        var posts = new Option<int>("--posts") { Description = "Posts to make; the run ends when all are acknowledged.", DefaultValueFactory = _ => 3 };
        var count = new Option<int>("--count") { Description = "Simulate this many inverters at once, with IDs counting up from --id.", DefaultValueFactory = _ => 1 };
        var timeout = new Option<string?>("--timeout") { Description = "Give up after this long (ms, s or m). Default: 60 s plus the posts' intervals." };
        var command = new Command("simulate",
            "Run a simulated SolarEdge inverter against a monitoring server (such as this appliance) over TCP: it posts telemetry, " +
            "asks the time, and with --key runs an encrypted session. Prints each acknowledged post, the post-to-ACK latency, and " +
            "everything the server got wrong. Exit code 0 when every post was acknowledged and nothing was wrong, else 1.")
        {
            server, id, key, threePhase, optimizers, interval, posts, count, timeout,
        };
        command.SetAction(async (parse, cancel) =>
        {
            (string host, int port) = ParseServer(parse.GetValue(server)!);
            if (!uint.TryParse(parse.GetValue(id), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint inverterId))
            {
                throw new UserError($"--id: expected 8 hex digits such as 7E100001, found \"{parse.GetValue(id)}\"");
            }

            TimeSpan every = ParseDuration("--interval", parse.GetValue(interval)!);
            int postCount = Positive("--posts", parse.GetValue(posts));
            int inverters = Positive("--count", parse.GetValue(count));
            TimeSpan limit = parse.GetValue(timeout) is string t ? ParseDuration("--timeout", t) : TimeSpan.FromSeconds(60) + (every * postCount);
            var run = new SimulationRun
            {
                Host = host,
                Port = port,
                FirstInverterId = inverterId,
                Count = inverters,
                Key = parse.GetValue(key) is string file ? LoadKey(file) : null,
                ThreePhase = parse.GetValue(threePhase),
                Optimizers = Math.Clamp(parse.GetValue(optimizers), 0, 60),
                Interval = every,
                Posts = postCount,
                Progress = Console.WriteLine,
            };

            Console.WriteLine($"Simulating {inverters} {(run.Key is null ? "plain" : "encrypted")} {(run.ThreePhase ? "three" : "single")}-phase inverter(s) from {SolarEdgeAddress.Format(inverterId)} against {host}:{port}: {postCount} post(s) every {every.TotalSeconds:0.###} s");
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            deadline.CancelAfter(limit);
            bool complete = await run.RunAsync(deadline.Token);
            return Summarize(run, complete, postCount) ? 0 : 1;
        });
        return command;
    }

    private static bool Summarize(SimulationRun run, bool complete, int posts)
    {
        var latencies = run.Inverters.SelectMany(s => s.AckLatencies).ToList();
        int problems = run.Inverters.Sum(s => s.Problems.Count);
        foreach (SolarEdgeInverterSimulator s in run.Inverters)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{SolarEdgeAddress.Format(s.InverterId)}: {s.AcknowledgedPosts.Count} of {posts} posts acknowledged, {s.Resends} sent again, " +
                $"{s.TimeRequestsAnswered} time request(s) answered{(s.IsEncrypted ? s.SessionAcknowledged ? ", key exchange acknowledged" : ", key exchange NOT acknowledged" : "")}, {s.Problems.Count} problem(s)"));
        }

        if (latencies.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Post-to-ACK latency over {latencies.Count} posts: p50 {SimulationRun.Percentile(latencies, 50)!.Value.TotalMilliseconds:0.0} ms, " +
                $"p99 {SimulationRun.Percentile(latencies, 99)!.Value.TotalMilliseconds:0.0} ms, max {latencies.Max().TotalMilliseconds:0.0} ms"));
        }

        bool ok = complete && problems == 0;
        Console.WriteLine(ok ? "OK: every post acknowledged, nothing wrong." : complete ? $"FAILED: {problems} problem(s)." : $"FAILED: not every post was acknowledged in time; {problems} problem(s).");
        return ok;
    }

    private static (string Host, int Port) ParseServer(string text)
    {
        int colon = text.LastIndexOf(':');
        if (colon > 0 && !text.EndsWith(']') && text.IndexOf(':') == colon)
        {
            if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
            {
                throw new UserError($"--server: expected HOST or HOST:PORT with a port from 1 to 65535, found \"{text}\"");
            }

            return (text[..colon], port);
        }

        return (text.Trim('[', ']'), 22222);
    }

    private static TimeSpan ParseDuration(string option, string text)
    {
        (string unit, double scale) = text.EndsWith("ms", StringComparison.Ordinal) ? ("ms", 0.001)
            : text.EndsWith('s') ? ("s", 1) : text.EndsWith('m') ? ("m", 60) : ("", 0);
        if (scale > 0 && double.TryParse(text.AsSpan(0, text.Length - unit.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && value > 0)
        {
            return TimeSpan.FromSeconds(value * scale);
        }

        throw new UserError($"{option}: expected a duration such as 500ms, 5s or 5m, found \"{text}\"");
    }

    private static int Positive(string option, int value) =>
        value > 0 ? value : throw new UserError($"{option}: expected a number from 1, found {value}");

    private static InverterKey LoadKey(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"--key {path}: {e.Message}", e);
        }

        return InverterKey.TryParse(text, out InverterKey? key, out string? error) ? key! : throw new UserError($"--key {path}: {error}");
    }
}
