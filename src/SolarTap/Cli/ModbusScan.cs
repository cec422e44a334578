using System.Globalization;
using System.Text.Json;
using SolarTap.Devices.Modbus;
using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.SunSpec;

namespace SolarTap.Cli;

/// <summary>
/// <c>solartap modbus scan</c>: probes each unit id for a SunSpec map (docs/spec/sunspec.md §2) and prints what it
/// finds: base address, models with names, and manufacturer, model and serial from each common model.
/// </summary>
internal static class ModbusScan
{
    public static async Task<int> RunAsync(IModbusClient client, IReadOnlyList<byte> units, bool json, CancellationToken cancel)
    {
        int found = 0, noMap = 0, silent = 0;
        bool progress = !Console.IsErrorRedirected || units.Count > 16;
        for (int i = 0; i < units.Count; i++)
        {
            byte unit = units[i];
            ShowProgress(progress, i, units.Count, unit, found);
            SunSpecUnitResult result = await SunSpecUnitReader.ReadAsync(client, unit, DateTimeOffset.UtcNow, h => h.Id == SunSpecModelIds.Common, cancel);
            if (result.Failures.FirstOrDefault(f => f.Outcome == ModbusOutcome.NotConnected) is { } refused)
            {
                throw new UserError(ModbusFailures.Describe(refused, client));
            }

            if (result.Discovery.State == SunSpecDiscoveryState.Found)
            {
                found++;
                ClearProgress(progress);
                Console.Write(json ? Json(unit, result) : Text(unit, result));
            }
            else if (result.Failures.Any(Answered) || result.Failures.Count == 0)
            {
                noMap++;
                if (units.Count == 1 || !json)
                {
                    ClearProgress(progress);
                    Console.Error.WriteLine($"unit {unit}: answers, but no SunSpec marker at 40000, 0 or 50000 ({Last(result, client)})");
                }
            }
            else
            {
                silent++;
                if (units.Count == 1)
                {
                    Console.Error.WriteLine($"unit {unit}: {Last(result, client)}");
                }
            }
        }

        ClearProgress(progress);
        Console.Error.WriteLine($"scanned {Plural(units.Count, "unit")} on {client.Description}: {found} SunSpec, {noMap} without a SunSpec map, {silent} silent");
        return found > 0 ? 0 : 1;
    }

    /// <summary>
    /// The unit itself answered. A gateway's exceptions 0x0A and 0x0B (Application Protocol §7) say that nothing
    /// behind it answered, which is silence, as is a timeout.
    /// </summary>
    private static bool Answered(ModbusCompletion f) =>
        f.Outcome == ModbusOutcome.BadResponse || (f.Outcome == ModbusOutcome.Exception
            && f.Exception is not (ModbusExceptionCode.GatewayPathUnavailable or ModbusExceptionCode.GatewayTargetDeviceFailedToRespond));

    private static string Last(SunSpecUnitResult result, IModbusClient client) =>
        result.Failures.Count > 0 ? ModbusFailures.Describe(result.Failures[^1], client) : "no marker";

    private static string Text(byte unit, SunSpecUnitResult result)
    {
        var text = new System.Text.StringBuilder();
        SunSpecDiscovery d = result.Discovery;
        text.AppendLine(CultureInfo.InvariantCulture, $"unit {unit}: SunSpec map at {d.BaseAddress}, {Plural(d.Models.Count, "model")}{(d.ReachedEndMarker ? "" : " (no end marker)")}");
        foreach ((SunSpecCommon? common, List<SunSpecModelHeader> models) in Devices(result))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {Identity(common)}");
            foreach (SunSpecModelHeader m in models)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    model {m.Id} {SunSpecModelNames.Describe(m.Id)} ({m.Length} registers at {m.Address})");
            }
        }

        return text.ToString();
    }

    private static string Identity(SunSpecCommon? c)
    {
        if (c is null)
        {
            return "(models before any common model)";
        }

        var parts = new List<string> { string.Join(' ', new[] { c.Manufacturer ?? "?", c.Model ?? "?" }) };
        if (c.SerialNumber is { } serial)
        {
            parts.Add($"serial {serial}");
        }

        if (c.Version is { } version)
        {
            parts.Add($"version {version}");
        }

        if (c.Options is { } options)
        {
            parts.Add($"options {options}");
        }

        return string.Join("  ", parts);
    }

    /// <summary>Each common model starts a device; the models up to the next common model belong to it.</summary>
    private static List<(SunSpecCommon? Common, List<SunSpecModelHeader> Models)> Devices(SunSpecUnitResult result)
    {
        var devices = new List<(SunSpecCommon?, List<SunSpecModelHeader>)>();
        Dictionary<int, SunSpecBlock> blocks = result.Blocks.ToDictionary(b => (int)b.Header.Address);
        foreach (SunSpecModelHeader header in result.Discovery.Models)
        {
            if (header.Id == SunSpecModelIds.Common || devices.Count == 0)
            {
                SunSpecCommon? common = null;
                if (header.Id == SunSpecModelIds.Common && blocks.TryGetValue(header.Address, out SunSpecBlock? block))
                {
                    SunSpecDecoder.TryDecodeCommon(block.Registers, out common);
                }

                devices.Add((common, []));
            }

            devices[^1].Item2.Add(header);
        }

        return devices;
    }

    private static string Json(byte unit, SunSpecUnitResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("unit", unit);
            json.WriteNumber("base", result.Discovery.BaseAddress);
            json.WriteBoolean("end_marker", result.Discovery.ReachedEndMarker);
            json.WriteStartArray("devices");
            foreach ((SunSpecCommon? c, List<SunSpecModelHeader> models) in Devices(result))
            {
                json.WriteStartObject();
                json.WriteString("manufacturer", c?.Manufacturer);
                json.WriteString("model", c?.Model);
                json.WriteString("options", c?.Options);
                json.WriteString("version", c?.Version);
                json.WriteString("serial", c?.SerialNumber);
                json.WriteStartArray("models");
                foreach (SunSpecModelHeader m in models)
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", m.Id);
                    json.WriteString("name", SunSpecModelNames.Describe(m.Id));
                    json.WriteNumber("address", m.Address);
                    json.WriteNumber("length", m.Length);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void ShowProgress(bool show, int done, int total, byte unit, int found)
    {
        if (!show)
        {
            return;
        }

        if (!Console.IsErrorRedirected)
        {
            Console.Error.Write($"\rscanning unit {unit} ({done + 1} of {total}), {found} found ");
        }
        else if (done % 16 == 0)
        {
            Console.Error.WriteLine($"scanning unit {unit} ({done + 1} of {total}), {found} found");
        }
    }

    private static void ClearProgress(bool show)
    {
        if (show && !Console.IsErrorRedirected)
        {
            Console.Error.Write("\r\x1b[K");
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
