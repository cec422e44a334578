namespace SolarTap.Protocols.Modbus;

/// <summary>
/// One Modbus request PDU in decoded form (Modbus Application Protocol v1.1b3 §6.3, §6.4, §6.6, §6.12).
/// Build with the factory methods, which check the quantity limits.
/// </summary>
/// <param name="Function">The function code.</param>
/// <param name="Address">The first register address (0-based PDU addressing: "40001" in documentation is 0 here).</param>
/// <param name="Count">Registers to read or write (1 for <see cref="ModbusFunction.WriteSingleRegister"/>).</param>
/// <param name="Values">Register values to write: one for write single, <paramref name="Count"/> for write multiple.</param>
public readonly record struct ModbusRequest(ModbusFunction Function, ushort Address, ushort Count, ReadOnlyMemory<ushort> Values)
{
    /// <summary>0x03: read <paramref name="count"/> (1–125) holding registers from <paramref name="address"/>.</summary>
    public static ModbusRequest ReadHolding(ushort address, int count) => Read(ModbusFunction.ReadHoldingRegisters, address, count);

    /// <summary>0x04: read <paramref name="count"/> (1–125) input registers from <paramref name="address"/>.</summary>
    public static ModbusRequest ReadInput(ushort address, int count) => Read(ModbusFunction.ReadInputRegisters, address, count);

    /// <summary>0x06: write <paramref name="value"/> to the holding register at <paramref name="address"/>.</summary>
    public static ModbusRequest WriteSingle(ushort address, ushort value) =>
        new(ModbusFunction.WriteSingleRegister, address, 1, new[] { value });

    /// <summary>0x10: write <paramref name="values"/> (1–123 registers) from <paramref name="address"/>.</summary>
    public static ModbusRequest WriteMultiple(ushort address, ReadOnlyMemory<ushort> values)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(values.Length, 1, nameof(values));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(values.Length, ModbusWire.MaxWriteRegisters, nameof(values));
        CheckRange(address, values.Length);
        return new(ModbusFunction.WriteMultipleRegisters, address, (ushort)values.Length, values);
    }

    /// <summary>True for the two read functions.</summary>
    public bool IsRead => Function is ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters;

    private static ModbusRequest Read(ModbusFunction function, ushort address, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ModbusWire.MaxReadRegisters);
        CheckRange(address, count);
        return new(function, address, (ushort)count, default);
    }

    private static void CheckRange(ushort address, int count)
    {
        if (address + count > 0x10000)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The register range runs past address 65535.");
        }
    }
}
