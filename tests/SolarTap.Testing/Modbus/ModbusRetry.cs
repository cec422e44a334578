using SolarTap.Devices.Modbus;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Testing.Modbus;

/// <summary>Asks for the SunSpec marker until a client gets an answer: for tests where a server comes (back) later.</summary>
public static class ModbusRetry
{
    /// <summary>Reads 2 registers at 40000 of unit 1 up to <paramref name="tries"/> times, <paramref name="pause"/> apart; returns the last completion.</summary>
    public static async Task<ModbusCompletion> UntilAnsweredAsync(IModbusClient client, int tries = 50, TimeSpan? pause = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ModbusCompletion last = null!;
        for (int i = 0; i < tries; i++)
        {
            last = await client.ExecuteAsync(1, ModbusRequest.ReadHolding(40000, 2));
            if (last.Outcome == ModbusOutcome.Ok)
            {
                return last;
            }

            await Task.Delay(pause ?? TimeSpan.FromMilliseconds(100));
        }

        return last;
    }
}
