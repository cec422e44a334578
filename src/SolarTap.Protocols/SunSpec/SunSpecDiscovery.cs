using SolarTap.Protocols.Modbus;

namespace SolarTap.Protocols.SunSpec;

/// <summary>
/// Finds the SunSpec register map of one unit (docs/spec/sunspec.md §2): "SunS" at base 40000, else 0, else 50000,
/// then the chain of model headers (ID, L) until the end marker 0xFFFF. Pure: the caller sends
/// <see cref="NextRequest"/> through a Modbus client and reports the answer.
/// </summary>
/// <remarks>
/// <code>
/// base:     | 0x5375 0x6E53 ("SunS") | 1 | L1 | common model ... | ID2 | L2 | ... | 0xFFFF | 0 |
/// probe:    read 4 registers at base: marker + first header in one round trip
/// walk:     read 2 registers at each next header address
/// </code>
/// A read that fails while walking ends the walk with the models found so far (some devices stop answering instead
/// of writing the end marker); a model id of 0 is treated as the end too.
/// </remarks>
public sealed class SunSpecDiscovery
{
    /// <summary>Base addresses tried in order (SunSpec Modbus specification: 40000, 0, 50000).</summary>
    public static readonly IReadOnlyList<ushort> BaseAddresses = [40000, 0, 50000];

    private const int ProbeRegisters = 4;
    private readonly List<SunSpecModelHeader> _models = [];
    private readonly int _maxModels;
    private int _baseIndex;
    private int _address;

    /// <summary>A discovery that stops after <paramref name="maxModels"/> models (a guard against looping maps).</summary>
    public SunSpecDiscovery(int maxModels = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxModels, 1);
        _maxModels = maxModels;
        _address = BaseAddresses[0];
    }

    /// <summary>Where discovery is.</summary>
    public SunSpecDiscoveryState State { get; private set; } = SunSpecDiscoveryState.Probing;

    /// <summary>The base address where "SunS" was found (valid once <see cref="State"/> is past probing).</summary>
    public ushort BaseAddress => BaseAddresses[Math.Min(_baseIndex, BaseAddresses.Count - 1)];

    /// <summary>True when the walk ended at the end marker rather than at a failed read or a limit.</summary>
    public bool ReachedEndMarker { get; private set; }

    /// <summary>The models found, in map order.</summary>
    public IReadOnlyList<SunSpecModelHeader> Models => _models;

    /// <summary>The read to send next while <see cref="State"/> is probing or walking (holding registers, 0x03).</summary>
    public ModbusRequest NextRequest => State switch
    {
        SunSpecDiscoveryState.Probing => ModbusRequest.ReadHolding((ushort)_address, ProbeRegisters),
        SunSpecDiscoveryState.Walking => ModbusRequest.ReadHolding((ushort)_address, 2),
        _ => throw new InvalidOperationException($"Discovery is {State}; there is nothing to read."),
    };

    /// <summary>The registers <see cref="NextRequest"/> returned.</summary>
    public void OnRegisters(ReadOnlySpan<ushort> registers)
    {
        switch (State)
        {
            case SunSpecDiscoveryState.Probing:
                if (registers.Length == ProbeRegisters && ((uint)registers[0] << 16 | registers[1]) == SunSpecModelIds.Marker)
                {
                    State = SunSpecDiscoveryState.Walking;
                    _address += 2;
                    Header(registers[2], registers[3]);
                }
                else
                {
                    NextBase();
                }

                break;
            case SunSpecDiscoveryState.Walking:
                if (registers.Length == 2)
                {
                    Header(registers[0], registers[1]);
                }
                else
                {
                    State = SunSpecDiscoveryState.Found;
                }

                break;
        }
    }

    /// <summary><see cref="NextRequest"/> failed: an exception response, a timeout or a bad answer.</summary>
    public void OnFailure()
    {
        if (State == SunSpecDiscoveryState.Probing)
        {
            NextBase();
        }
        else if (State == SunSpecDiscoveryState.Walking)
        {
            State = SunSpecDiscoveryState.Found;
        }
    }

    private void Header(ushort id, ushort length)
    {
        if (id is SunSpecModelIds.End or 0)
        {
            ReachedEndMarker = id == SunSpecModelIds.End;
            State = SunSpecDiscoveryState.Found;
            return;
        }

        var header = new SunSpecModelHeader(id, (ushort)_address, length);
        _models.Add(header);
        if (_models.Count >= _maxModels || header.NextAddress + 2 > 0x10000)
        {
            State = SunSpecDiscoveryState.Found;
            return;
        }

        _address = header.NextAddress;
    }

    private void NextBase()
    {
        _baseIndex++;
        if (_baseIndex >= BaseAddresses.Count)
        {
            State = SunSpecDiscoveryState.NotFound;
            return;
        }

        _address = BaseAddresses[_baseIndex];
    }
}
