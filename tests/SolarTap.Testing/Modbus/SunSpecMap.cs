using SolarTap.Protocols.Modbus;
using SolarTap.Protocols.SunSpec;

namespace SolarTap.Testing.Modbus;

/// <summary>
/// A SunSpec register map built for tests: "SunS" at a base address, the models added, then the end marker
/// (docs/spec/sunspec.md §2). Reads outside the map fail, as a device answers IllegalDataAddress.
/// </summary>
public sealed class SunSpecMap
{
    private readonly List<ushort> _registers = [0x5375, 0x6E53];
    private bool _closed;

    /// <summary>A map at <paramref name="baseAddress"/> (40000, 0 or 50000).</summary>
    public SunSpecMap(ushort baseAddress) => BaseAddress = baseAddress;

    /// <summary>Where "SunS" is.</summary>
    public ushort BaseAddress { get; }

    /// <summary>Every register from the base on, end marker included once <see cref="Close"/> ran.</summary>
    public IReadOnlyList<ushort> Registers => _registers;

    /// <summary>Headers of the models added, with their addresses.</summary>
    public List<SunSpecModelHeader> Models { get; } = [];

    /// <summary>Appends a model: ID, L = body length, body.</summary>
    public SunSpecMap Add(ushort id, ushort[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Models.Add(new SunSpecModelHeader(id, (ushort)(BaseAddress + _registers.Count), (ushort)body.Length));
        _registers.Add(id);
        _registers.Add((ushort)body.Length);
        _registers.AddRange(body);
        return this;
    }

    /// <summary>Appends the end marker (0xFFFF, 0). Optional: a map without it ends where reads start failing.</summary>
    public SunSpecMap Close()
    {
        if (!_closed)
        {
            _registers.Add(SunSpecModelIds.End);
            _registers.Add(0);
            _closed = true;
        }

        return this;
    }

    /// <summary>The registers at <paramref name="address"/>, or null when any is outside the map.</summary>
    public ushort[]? Read(int address, int count)
    {
        int offset = address - BaseAddress;
        if (offset < 0 || count < 1 || offset + count > _registers.Count)
        {
            return null;
        }

        return _registers.GetRange(offset, count).ToArray();
    }

    /// <summary>The whole block of a model (for decoder tests).</summary>
    public ushort[] Block(SunSpecModelHeader header) => Read(header.Address, header.BlockLength)!;

    /// <summary>
    /// Answers one read the way a device would: the registers, or IllegalDataAddress (Application Protocol §7).
    /// </summary>
    public ModbusExceptionCode Answer(in ModbusRequest request, out ushort[] registers)
    {
        registers = Read(request.Address, request.Count) ?? [];
        return registers.Length == 0 ? ModbusExceptionCode.IllegalDataAddress : ModbusExceptionCode.None;
    }
}
