using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.SunSpec;

namespace SolarTap.Devices.Modbus;

/// <summary>
/// Reads one unit's SunSpec map through any Modbus client (docs/spec/sunspec.md §2): discovery ("SunS" at 40000, 0
/// or 50000, then the model chain), each wanted model in reads of at most 125 registers, then the mapping to readings.
/// Shared by <c>solartap modbus</c>, the supervisor's SunSpec source and the tests.
/// </summary>
public static class SunSpecUnitReader
{
    /// <summary>Discovers <paramref name="unit"/> and reads its models.</summary>
    /// <param name="execute">Sends one request and returns its completion.</param>
    /// <param name="unit">The unit id.</param>
    /// <param name="timestamp">The time given to the readings (SunSpec has no device clock).</param>
    /// <param name="readModel">Which models to read after discovery (null: all).</param>
    /// <param name="cancellationToken">Stops between requests.</param>
    public static async Task<SunSpecUnitResult> ReadAsync(Func<byte, ModbusRequest, Task<ModbusCompletion>> execute, byte unit, DateTimeOffset timestamp,
        Func<SunSpecModelHeader, bool>? readModel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execute);
        var failures = new List<ModbusCompletion>();
        SunSpecDiscovery discovery = await DiscoverAsync(execute, unit, failures, cancellationToken).ConfigureAwait(false);
        IEnumerable<SunSpecModelHeader> wanted = readModel is null ? discovery.Models : discovery.Models.Where(readModel);
        List<SunSpecBlock> blocks = await ReadBlocksAsync(execute, unit, wanted, failures, cancellationToken).ConfigureAwait(false);
        return new SunSpecUnitResult(discovery, blocks, SunSpecReadings.FromMap(blocks.Where(IsComplete), timestamp, $"unit{unit}"), failures);
    }

    /// <summary>Discovers <paramref name="unit"/> and reads its models through <paramref name="client"/>.</summary>
    public static Task<SunSpecUnitResult> ReadAsync(IModbusClient client, byte unit, DateTimeOffset timestamp,
        Func<SunSpecModelHeader, bool>? readModel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return ReadAsync((u, r) => client.ExecuteAsync(u, r, cancellationToken), unit, timestamp, readModel, cancellationToken);
    }

    /// <summary>Runs discovery only; failed probes are recorded in <paramref name="failures"/> when given.</summary>
    public static async Task<SunSpecDiscovery> DiscoverAsync(Func<byte, ModbusRequest, Task<ModbusCompletion>> execute, byte unit,
        List<ModbusCompletion>? failures = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execute);
        var discovery = new SunSpecDiscovery();
        while (discovery.State is SunSpecDiscoveryState.Probing or SunSpecDiscoveryState.Walking)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ModbusCompletion done = await execute(unit, discovery.NextRequest).ConfigureAwait(false);
            if (done.Outcome == ModbusOutcome.Ok)
            {
                discovery.OnRegisters(done.Registers);
            }
            else
            {
                failures?.Add(done);
                if (done.Outcome is ModbusOutcome.Timeout or ModbusOutcome.NotConnected && discovery.State == SunSpecDiscoveryState.Probing)
                {
                    // A unit that does not answer at 40000 will not answer at 0 or 50000 either: do not wait three times.
                    while (discovery.State == SunSpecDiscoveryState.Probing)
                    {
                        discovery.OnFailure();
                    }

                    break;
                }

                discovery.OnFailure();
            }
        }

        return discovery;
    }

    /// <summary>True when the block holds every register its header declares.</summary>
    public static bool IsComplete(SunSpecBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Registers.Length == block.Header.BlockLength;
    }

    /// <summary>
    /// Reads the blocks of <paramref name="models"/> (found earlier by discovery) in reads of at most 125 registers. A
    /// block whose read failed is returned as far as it got (see <see cref="IsComplete"/>); the failure is added to
    /// <paramref name="failures"/>.
    /// </summary>
    public static async Task<List<SunSpecBlock>> ReadBlocksAsync(Func<byte, ModbusRequest, Task<ModbusCompletion>> execute, byte unit,
        IEnumerable<SunSpecModelHeader> models, List<ModbusCompletion> failures, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(execute);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(failures);
        var blocks = new List<SunSpecBlock>();
        foreach (SunSpecModelHeader header in models)
        {
            var registers = new List<ushort>(header.BlockLength);
            foreach (ModbusRequest read in SunSpecBlock.Reads(header))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ModbusCompletion done = await execute(unit, read).ConfigureAwait(false);
                if (done.Outcome != ModbusOutcome.Ok)
                {
                    failures.Add(done);
                    break;
                }

                registers.AddRange(done.Registers);
            }

            blocks.Add(new SunSpecBlock(header, [.. registers]));
        }

        return blocks;
    }
}
