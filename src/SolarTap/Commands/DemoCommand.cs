using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SolarTap.Cli;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Demo;
using SolarTap.Supervisor.Status;

namespace SolarTap.Commands;

/// <summary>
/// <c>solartap demo</c>: the whole supervisor on loopback with a simulated site (<see cref="DemoSite"/>), shown as a
/// live table of decoded values and the status model. Ctrl+C stops it; --duration and --posts bound it.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var duration = new Option<string?>("--duration") { Description = "Stop after this long (for example 20s or 2m) and print a summary. Default: run until Ctrl+C." };
        var posts = new Option<int?>("--posts") { Description = "Stop once every simulated inverter has had this many posts acknowledged, and print a summary." };
        var oledPng = new Option<string?>("--oled-png") { Description = "Also draw the OLED pages on a simulated display and keep the page shown in this PNG file (docs/status.md)." };
        var command = new Command("demo",
            "Run the appliance supervisor on this machine (loopback, unprivileged port, no root, no configuration) with a simulated site: " +
            "a single-phase inverter and an encrypted three-phase inverter with 20 optimizers, speaking the real SolarEdge protocol over TCP. " +
            "Shows the decoded values and the supervisor's status live; Ctrl+C stops it. Exit code 0 when the simulated inverters saw nothing wrong.")
        {
            duration, posts, oledPng,
        };
        command.SetAction(async (parse, cancel) =>
        {
            TimeSpan? limit = parse.GetValue(duration) is string d ? ParseDuration(d) : null;
            int? postLimit = parse.GetValue(posts);
            if (postLimit is < 1)
            {
                throw new UserError($"--posts: expected a number from 1, found {postLimit}");
            }

            if (Console.IsOutputRedirected)
            {
                AnsiConsole.Profile.Width = 200; // a pipe has no width; keep one row per device
            }

            string? png = parse.GetValue(oledPng) is string file ? Path.GetFullPath(file) : null;
            bool redirected = Console.IsOutputRedirected;
            await using var site = new DemoSite
            {
                OledPngFile = png,

                // Redirected: one line as soon as the page is up (tests and scripts read it). Live: the table shows it.
                OnWebPage = url =>
                {
                    if (redirected)
                    {
                        Console.WriteLine($"Web page: {url}");
                        Console.Out.Flush();
                    }
                },
            };
            DemoSnapshot final;
            if (redirected)
            {
                final = await site.RunAsync(limit, postLimit, null, cancel);
            }
            else
            {
                final = await AnsiConsole.Live(new Text("Starting the supervisor and the simulated site...")).StartAsync(async live =>
                    await site.RunAsync(limit, postLimit, s =>
                    {
                        live.UpdateTarget(Render(s, "live; Ctrl+C stops", site.WebPage));
                    }, cancel));
            }

            AnsiConsole.Write(Render(final, "final", null));
            Summarize(final);
            bool ok = final.Problems == 0 && final.Inverters.All(i => i.PostsAcknowledged >= (postLimit ?? 1));
            return ok ? 0 : 1;
        });
        return command;
    }

    private static Rows Render(DemoSnapshot s, string mode, Uri? webPage)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"SolarTap demo ({mode}): site time {s.SiteTime:HH:mm}, {s.Elapsed.TotalSeconds:0} s, {s.ReadingsStored} readings stored")
            .AddColumn("Kind").AddColumn("Device").AddColumn("Via")
            .AddColumn(new TableColumn("Power W").RightAligned()).AddColumn(new TableColumn("Energy today Wh").RightAligned())
            .AddColumn(new TableColumn("Voltage V").RightAligned()).AddColumn(new TableColumn("Temp °C").RightAligned());
        foreach (Reading reading in s.Latest)
        {
            table.AddRow(
                reading.Device.Kind.ToString(), reading.Device.Serial, reading.Device.Parent ?? "",
                First(reading, PowerColumn), First(reading, EnergyColumn), First(reading, VoltageColumn), First(reading, [Quantity.Temperature]));
        }

        var status = new Table().Border(TableBorder.Rounded).Title($"Supervisor: {Markup.Escape(s.Status.Summary)}")
            .AddColumn("Inverter").AddColumn("Simulated as").AddColumn("Firmware seen").AddColumn(new TableColumn("Posts acked").RightAligned())
            .AddColumn(new TableColumn("Readings").RightAligned()).AddColumn(new TableColumn("Problems").RightAligned());
        foreach (DemoInverterState inverter in s.Inverters)
        {
            InverterStatus? seen = s.Status.Inverters.FirstOrDefault(i => i.Serial == inverter.Serial);
            status.AddRow(inverter.Serial, inverter.Description, seen?.Firmware.ToString() ?? "–",
                $"{inverter.PostsAcknowledged}/{inverter.PostsMade}", (seen?.Readings ?? 0).ToString(CultureInfo.InvariantCulture),
                inverter.Problems.Count.ToString(CultureInfo.InvariantCulture));
        }

        string counters = string.Join(", ", s.Status.Sources.SelectMany(src => src.Counters.Select(c => $"{c.Key} {c.Value}")));
        var counterLine = new Markup(Markup.Escape($"solaredge-server: {counters}"));
        return webPage is null
            ? new Rows(table, status, counterLine)
            : new Rows(table, status, counterLine, new Markup(Markup.Escape($"Web page: {webPage}")));
    }

    private static void Summarize(DemoSnapshot s)
    {
        foreach (DemoInverterState inverter in s.Inverters)
        {
            Reading? reading = s.Latest.FirstOrDefault(r => r.Device.Serial == inverter.Serial);
            int optimizers = s.Latest.Count(r => r.Device.Parent == inverter.Serial);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{inverter.Serial} ({inverter.Description}): {inverter.PostsAcknowledged} posts acknowledged, {optimizers} of {inverter.Optimizers} optimizers decoded, " +
                $"AC power {Value(reading, Quantity.AcPower)} W, energy total {Value(reading, Quantity.EnergyTotal)} Wh, {inverter.Problems.Count} problems"));
            foreach (string problem in inverter.Problems)
            {
                AnsiConsole.WriteLine($"  problem: {problem}");
            }
        }

        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.ReadingsStored} readings stored in {s.Elapsed.TotalSeconds:0} s; {s.Problems} problems."));
    }

    private static string Value(Reading? reading, Quantity quantity)
    {
        if (reading is null)
        {
            return "–";
        }

        // The total when the record has one, else the sum of the phases.
        double? total = reading.Get(quantity);
        bool phases = reading.Values.Any(m => m.Quantity == quantity);
        double value = total ?? reading.Values.Where(m => m.Quantity == quantity).Sum(m => m.Value);
        return total is not null || phases ? value.ToString("0.#", CultureInfo.InvariantCulture) : "–";
    }

    private static TimeSpan ParseDuration(string text)
    {
        (string unit, double scale) = text.EndsWith('s') ? ("s", 1) : text.EndsWith('m') ? ("m", 60) : ("", 0);
        return scale > 0 && double.TryParse(text.AsSpan(0, text.Length - unit.Length), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) && value > 0
            ? TimeSpan.FromSeconds(value * scale)
            : throw new UserError($"--duration: expected a duration such as 20s or 2m, found \"{text}\"");
    }

    // The first quantity a reading has from each list fills the column: one table fits every device kind.
    private static readonly Quantity[] PowerColumn =
        [Quantity.AcPower, Quantity.DcPower, Quantity.PvPower, Quantity.GridPower, Quantity.LoadPower, Quantity.BatteryPower];

    private static readonly Quantity[] EnergyColumn = [Quantity.EnergyToday, Quantity.EnergyInterval];

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
}
