using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SunSpec;

namespace SolarTap.Devices.Modbus;

/// <summary>What reading one unit's SunSpec map gave.</summary>
/// <param name="Discovery">The finished discovery (base address, models, end marker).</param>
/// <param name="Blocks">Every model block read (complete or, when a read failed part-way, as far as it got).</param>
/// <param name="Readings">The blocks mapped to readings.</param>
/// <param name="Failures">Reads that did not answer normally, in order (exceptions, timeouts).</param>
public sealed record SunSpecUnitResult(SunSpecDiscovery Discovery, IReadOnlyList<SunSpecBlock> Blocks, IReadOnlyList<Reading> Readings,
    IReadOnlyList<ModbusCompletion> Failures);
