using SolarTap.Protocols.Modbus;

namespace SolarTap.Devices.Modbus;

/// <summary>One-line descriptions of requests that did not end normally, for status pages, logs and the command line.</summary>
public static class ModbusFailures
{
    /// <summary>
    /// What went wrong with <paramref name="completion"/>: an exception code with its meaning (Modbus Application
    /// Protocol §7), a timeout, a connection that could not be made (with <paramref name="client"/>'s reason).
    /// </summary>
    public static string Describe(ModbusCompletion completion, IModbusClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(completion);
        string what = $"unit {completion.Unit}, {Request(completion.Request)}";
        return completion.Outcome switch
        {
            ModbusOutcome.Ok => $"{what}: answered",
            ModbusOutcome.Exception =>
                $"{what}: exception 0x{(byte)completion.Exception:X2}, {ModbusExceptions.Describe(completion.Exception)}",
            ModbusOutcome.Timeout => $"{what}: no answer ({Plural(completion.Attempts, "attempt")} timed out)",
            ModbusOutcome.NotConnected => client is null
                ? $"{what}: not connected"
                : $"cannot connect to {client.Description}: {client.LastConnectionError ?? "connection failed"}",
            _ => $"{what}: malformed answer ({Plural(completion.Attempts, "attempt")})",
        };
    }

    /// <summary>"read holding 40000+4" and the like.</summary>
    public static string Request(in ModbusRequest request) => request.Function switch
    {
        ModbusFunction.ReadHoldingRegisters => $"read holding {request.Address}+{request.Count}",
        ModbusFunction.ReadInputRegisters => $"read input {request.Address}+{request.Count}",
        ModbusFunction.WriteSingleRegister => $"write {request.Address}",
        _ => $"write {request.Address}+{request.Count}",
    };

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
