using System.Globalization;
using System.Text;
using System.Text.Json;
using SolarTap.Devices.Modbus;
using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;
using SolarTap.Protocols.SunSpec;

namespace SolarTap.Cli;

/// <summary>
/// <c>solartap modbus read</c>: one SunSpec model decoded (values with units, scale factors applied), or raw
/// registers in hex and decimal.
/// </summary>
internal static class ModbusRead
{
    public static async Task<int> RegistersAsync(IModbusClient client, byte unit, ModbusRequest request, bool json, CancellationToken cancel)
    {
        ModbusCompletion done = await client.ExecuteAsync(unit, request, cancel);
        if (done.Outcome != ModbusOutcome.Ok)
        {
            return Failed(done, client);
        }

        if (json)
        {
            Console.WriteLine(JsonObject(w =>
            {
                w.WriteNumber("unit", unit);
                w.WriteString("table", request.Function == ModbusFunction.ReadInputRegisters ? "input" : "holding");
                w.WriteNumber("address", request.Address);
                w.WriteStartArray("registers");
                foreach (ushort r in done.Registers)
                {
                    w.WriteNumberValue(r);
                }

                w.WriteEndArray();
            }));
            return 0;
        }

        var text = new StringBuilder();
        for (int i = 0; i < done.Registers.Length; i++)
        {
            ushort r = done.Registers[i];
            text.AppendLine(CultureInfo.InvariantCulture, $"{request.Address + i,5}  0x{r:X4}  {r,5}  {(short)r,6}");
        }

        Console.Write(text.ToString());
        return 0;
    }

    public static async Task<int> ModelAsync(IModbusClient client, byte unit, ushort model, bool json, CancellationToken cancel)
    {
        var failures = new List<ModbusCompletion>();
        Task<ModbusCompletion> Execute(byte u, ModbusRequest r) => client.ExecuteAsync(u, r, cancel);
        SunSpecDiscovery discovery = await SunSpecUnitReader.DiscoverAsync(Execute, unit, failures, cancel);
        if (discovery.State != SunSpecDiscoveryState.Found)
        {
            if (failures.Count > 0 && failures[^1].Outcome is ModbusOutcome.Timeout or ModbusOutcome.NotConnected)
            {
                return Failed(failures[^1], client);
            }

            Console.Error.WriteLine($"solartap: unit {unit}: no SunSpec marker at 40000, 0 or 50000");
            return 1;
        }

        List<SunSpecModelHeader> wanted = [.. discovery.Models.Where(m => m.Id == model)];
        if (wanted.Count == 0)
        {
            Console.Error.WriteLine($"solartap: unit {unit} has no model {model}; its models: {string.Join(", ", discovery.Models.Select(m => m.Id))}");
            return 1;
        }

        // Each wanted model with the common model before it, which names its device, and the first common model,
        // which names the unit's leader (the parent of the devices after it, docs/spec/sunspec.md §5).
        SunSpecModelHeader? leaderHeader = discovery.Models.FirstOrDefault(m => m.Id == SunSpecModelIds.Common);
        var headers = new List<SunSpecModelHeader>();
        if (leaderHeader is { } first)
        {
            headers.Add(first);
        }

        foreach (SunSpecModelHeader header in wanted)
        {
            if (header.Id != SunSpecModelIds.Common && discovery.Models.LastOrDefault(m => m.Id == SunSpecModelIds.Common && m.Address < header.Address) is { Length: > 0 } common)
            {
                headers.Add(common);
            }

            headers.Add(header);
        }

        List<SunSpecBlock> blocks = await SunSpecUnitReader.ReadBlocksAsync(Execute, unit, headers.Distinct().OrderBy(h => h.Address), failures = [], cancel);
        if (failures.Count > 0)
        {
            return Failed(failures[^1], client);
        }

        SunSpecBlock? device = null;
        string? leader = null;
        foreach (SunSpecBlock block in blocks)
        {
            if (block.Header.Id == SunSpecModelIds.Common && leaderHeader is { } l && block.Header.Address == l.Address
                && SunSpecDecoder.TryDecodeCommon(block.Registers, out SunSpecCommon? leaderCommon) == SunSpecDecodeStatus.Ok)
            {
                leader = leaderCommon!.SerialNumber;
            }

            if (block.Header.Id == SunSpecModelIds.Common && model != SunSpecModelIds.Common)
            {
                device = block;
                continue;
            }

            if (block.Header.Id == model)
            {
                Console.Write(json ? Json(unit, block, device, leader) : Text(unit, block, device, leader));
            }
        }

        return 0;
    }

    private static int Failed(ModbusCompletion done, IModbusClient client)
    {
        if (done.Outcome == ModbusOutcome.NotConnected)
        {
            throw new UserError(ModbusFailures.Describe(done, client));
        }

        Console.Error.WriteLine($"solartap: {ModbusFailures.Describe(done, client)}");
        return 1;
    }

    private static string Text(byte unit, SunSpecBlock block, SunSpecBlock? device, string? leader)
    {
        var text = new StringBuilder();
        SunSpecModelHeader h = block.Header;
        text.AppendLine(CultureInfo.InvariantCulture, $"unit {unit}, model {h.Id} {SunSpecModelNames.Describe(h.Id)} ({h.Length} registers at {h.Address})");
        if (h.Id == SunSpecModelIds.Common)
        {
            SunSpecDecoder.TryDecodeCommon(block.Registers, out SunSpecCommon? c);
            foreach ((string name, string? value) in Common(c))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-13} {value ?? "(not implemented)"}");
            }

            return text.ToString();
        }

        if (Decode(unit, block, device, leader) is not { } reading)
        {
            text.AppendLine("  not decoded by SolarTap; the registers after ID and L:");
            for (int i = 2; i < block.Registers.Length; i++)
            {
                ushort r = block.Registers[i];
                text.AppendLine(CultureInfo.InvariantCulture, $"  {h.Address + i,5}  0x{r:X4}  {r,5}");
            }

            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  device {reading.Device.Serial} ({ReadingJsonWriter.KindName(reading.Device.Kind)}{(reading.Device.Parent is { } p ? $", behind {p}" : "")})");
        foreach (Measurement m in reading.Values)
        {
            string symbol = QuantityInfo.Symbol(QuantityInfo.UnitOf(m.Quantity));
            text.AppendLine(CultureInfo.InvariantCulture, $"  {ReadingJsonWriter.ValueKey(m),-24} {m.Value.ToString(CultureInfo.InvariantCulture)}{(symbol.Length > 0 ? " " + symbol : "")}");
        }

        return text.ToString();
    }

    private static string Json(byte unit, SunSpecBlock block, SunSpecBlock? device, string? leader)
    {
        SunSpecModelHeader h = block.Header;
        return JsonObject(w =>
        {
            w.WriteNumber("unit", unit);
            w.WriteNumber("model", h.Id);
            w.WriteString("name", SunSpecModelNames.Describe(h.Id));
            w.WriteNumber("address", h.Address);
            w.WriteNumber("length", h.Length);
            if (h.Id == SunSpecModelIds.Common)
            {
                SunSpecDecoder.TryDecodeCommon(block.Registers, out SunSpecCommon? c);
                foreach ((string name, string? value) in Common(c))
                {
                    w.WriteString(name, value);
                }
            }
            else if (Decode(unit, block, device, leader) is { } reading)
            {
                w.WriteString("kind", ReadingJsonWriter.KindName(reading.Device.Kind));
                w.WriteString("device", reading.Device.Serial);
                w.WriteString("parent", reading.Device.Parent);
                w.WriteStartObject("values");
                foreach (Measurement m in reading.Values)
                {
                    w.WriteNumber(ReadingJsonWriter.ValueKey(m), m.Value);
                }

                w.WriteEndObject();
                w.WriteStartObject("units");
                foreach (Measurement m in reading.Values)
                {
                    w.WriteString(ReadingJsonWriter.ValueKey(m), QuantityInfo.Symbol(QuantityInfo.UnitOf(m.Quantity)));
                }

                w.WriteEndObject();
            }
            else
            {
                w.WriteStartArray("registers");
                foreach (ushort r in block.Registers.AsSpan(2))
                {
                    w.WriteNumberValue(r);
                }

                w.WriteEndArray();
            }
        }) + "\n";
    }

    private static Reading? Decode(byte unit, SunSpecBlock block, SunSpecBlock? device, string? leader)
    {
        SunSpecBlock[] blocks = device is null ? [block] : [device, block];
        IReadOnlyList<Reading> readings = SunSpecReadings.FromMap(blocks, DateTimeOffset.UtcNow, $"unit{unit}");
        if (readings.Count == 0)
        {
            return null;
        }

        Reading reading = readings[^1];
        return reading.Device.Parent is null && leader is not null && leader != reading.Device.Serial
            ? reading with { Device = reading.Device with { Parent = leader } }
            : reading;
    }

    private static (string, string?)[] Common(SunSpecCommon? c) =>
    [
        ("manufacturer", c?.Manufacturer), ("model", c?.Model), ("options", c?.Options), ("version", c?.Version),
        ("serial", c?.SerialNumber), ("address", c?.DeviceAddress?.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string JsonObject(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
