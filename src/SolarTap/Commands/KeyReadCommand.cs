using System.Buffers.Binary;
using System.CommandLine;
using SolarTap.Cli;
using SolarTap.Devices.Serial;
using SolarTap.Linux.Serial;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Protocols.SolarEdge.Parameters;

namespace SolarTap.Commands;

/// <summary><c>solartap key read --port P --id ID</c>: reads the inverter key from parameters 0x0239-0x023C (spec §4.2).</summary>
internal static class KeyReadCommand
{
    public static Command Create()
    {
        Option<string> port = SerialCommand.Port(), id = SerialCommand.Id();
        Option<int> baud = SerialCommand.Baud();
        Option<bool> rs485 = SerialCommand.Rs485();
        Option<TimeSpan> timeout = SerialCommand.Timeout();
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to write the key file (default: <inverter-id>.key in the current folder). Written with mode 0600.",
        };
        var command = new Command("read", "Read an inverter's key over RS232 (or RS485 with --rs485): parameters 0x0239-0x023C, written as a key file.")
        {
            port, id, baud, rs485, timeout, output,
        };
        command.SetAction((parse, cancel) =>
        {
            uint inverter = SerialPorts.ParseId(parse.GetValue(id)!);
            using LinuxSerialPort serial = SerialPorts.Open(parse.GetValue(port)!, parse.GetValue(baud), parse.GetValue(rs485));
            var client = new SolarEdgeCommandClient(serial, TimeProvider.System, SerialPorts.FirstSequence(TimeProvider.System))
            {
                GrantAfterCommand = parse.GetValue(rs485),
            };
            var values = new uint[InverterKey.ParameterCount];
            Span<byte> request = stackalloc byte[2];
            for (int i = 0; i < values.Length; i++)
            {
                ushort parameter = InverterKey.ParameterIds[i];
                BinaryPrimitives.WriteUInt16LittleEndian(request, parameter);
                SolarEdgeSerialMessage? answer = client.Request(inverter, FunctionCode.CmdParamsGetSingle, request, parse.GetValue(timeout), cancel);
                if (answer is null)
                {
                    Console.Error.WriteLine($"no answer from {SolarEdgeAddress.Format(inverter)} to the read of parameter 0x{parameter:x4} within {parse.GetValue(timeout).TotalSeconds:0.#}s; check the wiring, the ID and --rs485 (see docs/serial.md).");
                    return Task.FromResult(1);
                }

                if (answer.Header.Function != FunctionCode.RespParamsSingle
                    || !ParameterCodec.TryReadValues(answer.Payload, out IReadOnlyList<ParameterValue> read, out _) || read.Count != 1)
                {
                    Console.Error.WriteLine($"{SolarEdgeAddress.Format(inverter)} answered the read of parameter 0x{parameter:x4} with function 0x{(ushort)answer.Header.Function:x4} and {answer.Payload.Length} bytes, not one 0x0090 value; no key written.");
                    return Task.FromResult(1);
                }

                values[i] = read[0].Raw;
            }

            var key = InverterKey.FromParameterValues(values[0], values[1], values[2], values[3]);
            string path = Path.GetFullPath(parse.GetValue(output) ?? $"{SolarEdgeAddress.Format(inverter).ToLowerInvariant()}.key");
            if (OperatingSystem.IsWindows())
            {
                throw new UserError("key read needs Linux (termios serial ports).");
            }

            KeyFile.Write(path, key);
            Console.WriteLine($"{SolarEdgeAddress.Format(inverter)}: key {key.ToHex()}");
            Console.WriteLine($"  written to {path} (mode 0600)");
            return Task.FromResult(0);
        });
        return command;
    }
}
