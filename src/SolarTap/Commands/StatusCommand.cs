using System.CommandLine;
using System.Globalization;
using System.Text;
using SolarTap.Cli;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Status;

namespace SolarTap.Commands;

/// <summary><c>solartap status</c>: asks the running supervisor for its status over the local status socket and prints it.</summary>
internal static class StatusCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var socket = new Option<string?>("--socket", "-s")
        {
            Description = $"The supervisor's status socket. Default: status.socket from the configuration file, else {StatusOptions.DefaultSocket}.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the status as JSON (one line) instead of text.",
        };
        var command = new Command("status",
            "Show the running supervisor's state, sources, inverters and sinks. Exit code 0 when it runs, 1 when it reports " +
            "a configuration error or a fault, 2 when no supervisor answers.")
        {
            socket, json,
        };
        command.SetAction(async (parse, cancel) =>
        {
            string path = parse.GetValue(socket) ?? ConfigLoader.Load(null).Options.Status.Socket;
            try
            {
                byte[] raw = await StatusClient.QueryJsonAsync(path, Timeout, cancel);
                StatusSnapshot snapshot = StatusJson.Deserialize(raw);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(Encoding.UTF8.GetString(raw));
                }
                else
                {
                    Console.Write(Format(snapshot));
                }

                return snapshot.State is SupervisorState.ConfigurationError or SupervisorState.Fault ? 1 : 0;
            }
            catch (StatusUnavailableException e)
            {
                throw new UserError(e.Message, e);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new UserError($"the answer at {path} is not a solartap status: {e.Message}", e);
            }
        });
        return command;
    }

    /// <summary>The snapshot as text for a person.</summary>
    internal static string Format(StatusSnapshot s)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"solartap: {StatusJson.Describe(s.State)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  configuration: {s.ConfigPath ?? "none found; built-in defaults"}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  started: {s.Started.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z ({Age(s.Time - s.Started)} ago)");
        foreach (string message in s.Messages)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {message}");
        }

        text.AppendLine();
        Table(text, "Sources", ["NAME", "STATE", "LAST ACTIVITY", "COUNTERS", "DETAIL"], s.Sources.Select(x => new[]
        {
            x.Name, StatusJson.Describe(x.State), Ago(s.Time, x.LastActivity),
            string.Join(' ', x.Counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}")), x.Detail ?? "",
        }));
        Table(text, "Inverters", ["SERIAL", "MAC", "ADDRESS", "HOSTNAME", "FIRMWARE", "POSTS", "READINGS", "LAST POST", "VIA"], s.Inverters.Select(x => new[]
        {
            x.Serial ?? "-", x.Mac ?? "-", x.Address ?? "-", x.Hostname ?? "-", StatusJson.Describe(x.Firmware),
            x.Posts.ToString(CultureInfo.InvariantCulture), x.Readings.ToString(CultureInfo.InvariantCulture), Ago(s.Time, x.LastPost),
            x.Source ?? "-",
        }));
        foreach (InverterStatus inverter in s.Inverters.Where(i => i.Guidance is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {inverter.Serial ?? inverter.Mac ?? inverter.Address}: {inverter.Guidance}");
        }

        if (s.ModbusUnits.Count > 0)
        {
            Table(text, "Modbus units", ["LINK", "UNIT", "STATE", "SERIAL", "DEVICE", "LAST ANSWER", "POLLS", "FAILURES", "TIMEOUTS", "EXCEPTIONS", "LAST ERROR"],
                s.ModbusUnits.Select(x => new[]
                {
                    x.Link, x.Unit.ToString(CultureInfo.InvariantCulture), StatusJson.Describe(x.State), x.Serial ?? "-", x.Device ?? "-",
                    Ago(s.Time, x.LastAnswer), x.Polls.ToString(CultureInfo.InvariantCulture), x.Failures.ToString(CultureInfo.InvariantCulture),
                    x.Timeouts.ToString(CultureInfo.InvariantCulture), x.Exceptions.ToString(CultureInfo.InvariantCulture), x.LastError ?? "",
                }));
        }

        Table(text, "Sinks", ["NAME", "STATE", "BACKLOG", "LAST DELIVERY", "DETAIL"], s.Sinks.Select(x => new[]
        {
            x.Name, StatusJson.Describe(x.State), x.Backlog.ToString(CultureInfo.InvariantCulture), Ago(s.Time, x.LastDelivery), x.Detail ?? "",
        }));
        return text.ToString();
    }

    private static void Table(StringBuilder text, string title, string[] header, IEnumerable<string[]> rows)
    {
        List<string[]> all = [header, .. rows];
        if (all.Count == 1)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{title}: none");
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
        int[] widths = [.. header.Select((_, i) => all.Max(r => r[i].Length))];
        foreach (string[] row in all)
        {
            string line = string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i])));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line.TrimEnd()}");
        }
    }

    private static string Ago(DateTimeOffset now, DateTimeOffset? then) => then is { } t ? $"{Age(now - t)} ago" : "never";

    private static string Age(TimeSpan age) => age.TotalSeconds switch
    {
        < 120 => $"{Math.Max(0, (int)age.TotalSeconds)} s",
        < 7200 => $"{(int)age.TotalMinutes} min",
        < 172800 => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} d",
    };
}
