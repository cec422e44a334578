using SolarTap.Protocols.Modbus;

namespace SolarTap.Protocols.SunSpec;

/// <summary>One model as read from a device: its header and its registers from the ID register on.</summary>
/// <param name="Header">Where the model is and how long.</param>
/// <param name="Registers">The block, <see cref="SunSpecModelHeader.BlockLength"/> registers from the ID register.</param>
public sealed record SunSpecBlock(SunSpecModelHeader Header, ushort[] Registers)
{
    /// <summary>
    /// The holding-register reads that fetch the block of <paramref name="header"/>, each at most 125 registers
    /// (Modbus Application Protocol §6.3), in address order.
    /// </summary>
    public static IReadOnlyList<ModbusRequest> Reads(SunSpecModelHeader header)
    {
        var reads = new List<ModbusRequest>();
        int end = Math.Min(header.NextAddress, 0x10000);
        for (int address = header.Address; address < end; address += ModbusWire.MaxReadRegisters)
        {
            reads.Add(ModbusRequest.ReadHolding((ushort)address, Math.Min(ModbusWire.MaxReadRegisters, end - address)));
        }

        return reads;
    }
}
