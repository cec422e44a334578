using System.CommandLine;
using SolarTap.Cli;
using SolarTap.Devices.Modbus;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Commands;

/// <summary><c>solartap modbus scan|read</c>: SunSpec Modbus set-up and diagnosis over TCP or RTU (docs/modbus.md).</summary>
internal static class ModbusCommand
{
    public static Command Create() => new("modbus", "Find SunSpec devices and read their values over Modbus TCP (--host) or RTU (--port).")
    {
        Scan(),
        Read(),
    };

    private static Command Scan()
    {
        var link = new ModbusLinkOptions(defaultTimeout: 1);
        var units = new Option<string>("--units")
        {
            Description = "Unit ids to try: a list and ranges such as 1,2,5-7. Over TCP a SolarEdge inverter answers on 1 and passes the others to its RS485 bus.",
            DefaultValueFactory = _ => "1-247",
        };
        var json = new Option<bool>("--json") { Description = "One line of JSON per SunSpec unit found." };
        var command = new Command("scan", "Find SunSpec devices: for each unit id the base address, the models with their names, and manufacturer, model and serial. Exit code 1 when none is found.")
        {
            units, json,
        };
        foreach (Option option in link.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancel) =>
        {
            IReadOnlyList<byte> ids = ModbusUnits.Parse(parse.GetValue(units)!);
            // One attempt per read, and no reconnect after timeouts: a silent unit id says nothing about the link.
            var options = new ModbusClientOptions { MaxAttempts = 1, TimeoutsBeforeReconnect = int.MaxValue };
            await using IModbusClient client = link.Open(parse, options);
            return await ModbusScan.RunAsync(client, ids, parse.GetValue(json), cancel);
        });
        return command;
    }

    private static Command Read()
    {
        var link = new ModbusLinkOptions(defaultTimeout: 2);
        var unit = new Option<int>("--unit")
        {
            Description = "The unit id, 1 to 247.",
            DefaultValueFactory = _ => 1,
        };
        var model = new Option<int?>("--model") { Description = "A SunSpec model id, such as 1, 103, 203, 124 or 802: its values decoded, with units, scale factors applied." };
        var address = new Option<int?>("--address") { Description = "Raw read: the first register (PDU address, 0-65535; SunSpec's \"40001\" is 40000)." };
        var count = new Option<int>("--count")
        {
            Description = "Raw read: how many registers, 1 to 125.",
            DefaultValueFactory = _ => 1,
        };
        var holding = new Option<bool>("--holding") { Description = "Raw read: holding registers, function 0x03 (the default)." };
        var input = new Option<bool>("--input") { Description = "Raw read: input registers, function 0x04." };
        var json = new Option<bool>("--json") { Description = "Print JSON (one line per model) instead of text." };
        var command = new Command("read", "Read one unit: a SunSpec model decoded (--model), or raw registers in hex and decimal (--address, --count).")
        {
            unit, model, address, count, holding, input, json,
        };
        foreach (Option option in link.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancel) =>
        {
            int id = parse.GetValue(unit);
            if (id is < 1 or > 247)
            {
                throw new UserError("--unit: give a unit id from 1 to 247");
            }

            int? modelId = parse.GetValue(model), first = parse.GetValue(address);
            if ((modelId is null) == (first is null))
            {
                throw new UserError("give either --model ID or --address A [--count C]");
            }

            ModbusRequest? raw = null;
            if (first is { } a)
            {
                int c = parse.GetValue(count);
                if (a is < 0 or > 65535 || c is < 1 or > ModbusWire.MaxReadRegisters || a + c > 65536)
                {
                    throw new UserError("--address 0-65535 and --count 1-125, within the 65536 registers");
                }

                if (parse.GetValue(holding) && parse.GetValue(input))
                {
                    throw new UserError("give --holding or --input, not both");
                }

                raw = parse.GetValue(input) ? ModbusRequest.ReadInput((ushort)a, c) : ModbusRequest.ReadHolding((ushort)a, c);
            }
            else if (modelId is < 1 or > 65534)
            {
                throw new UserError("--model: give a SunSpec model id from 1 to 65534");
            }

            await using IModbusClient client = link.Open(parse, new ModbusClientOptions());
            return raw is { } request
                ? await ModbusRead.RegistersAsync(client, (byte)id, request, parse.GetValue(json), cancel)
                : await ModbusRead.ModelAsync(client, (byte)id, (ushort)modelId!.Value, parse.GetValue(json), cancel);
        });
        return command;
    }
}
