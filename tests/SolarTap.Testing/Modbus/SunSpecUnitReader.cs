using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SunSpec;

namespace SolarTap.Testing.Modbus;

/// <summary>What reading one unit's SunSpec map gave.</summary>
/// <param name="Discovery">The finished discovery (base address, models, end marker).</param>
/// <param name="Blocks">Every model block read.</param>
/// <param name="Readings">The blocks mapped to readings.</param>
public sealed record SunSpecUnitResult(SunSpecDiscovery Discovery, IReadOnlyList<SunSpecBlock> Blocks, IReadOnlyList<Reading> Readings);

/// <summary>
/// Reads one unit's SunSpec map through any request executor: discovery, then each model in reads of at most 125
/// registers, then the mapping to readings. Shared by the in-memory tests and the TCP system tests; the Supervisor's
/// poller will do the same over its own driver.
/// </summary>
public static class SunSpecUnitReader
{
    /// <summary>Discovers and reads <paramref name="unit"/>.</summary>
    public static async Task<SunSpecUnitResult> ReadAsync(Func<byte, ModbusRequest, Task<ModbusCompletion>> execute, byte unit, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(execute);
        var discovery = new SunSpecDiscovery();
        while (discovery.State is SunSpecDiscoveryState.Probing or SunSpecDiscoveryState.Walking)
        {
            ModbusCompletion done = await execute(unit, discovery.NextRequest);
            if (done.Outcome == ModbusOutcome.Ok)
            {
                discovery.OnRegisters(done.Registers);
            }
            else
            {
                discovery.OnFailure();
            }
        }

        var blocks = new List<SunSpecBlock>();
        foreach (SunSpecModelHeader header in discovery.Models)
        {
            var registers = new List<ushort>(header.BlockLength);
            foreach (ModbusRequest read in SunSpecBlock.Reads(header))
            {
                ModbusCompletion done = await execute(unit, read);
                if (done.Outcome != ModbusOutcome.Ok)
                {
                    break;
                }

                registers.AddRange(done.Registers);
            }

            blocks.Add(new SunSpecBlock(header, [.. registers]));
        }

        return new SunSpecUnitResult(discovery, blocks, SunSpecReadings.FromMap(blocks, timestamp, $"unit{unit}"));
    }
}
