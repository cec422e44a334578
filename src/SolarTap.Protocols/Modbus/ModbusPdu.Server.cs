using System.Buffers.Binary;

namespace SolarTap.Protocols.Modbus;

/// <summary>Server side of the PDU codec: request parsing and response building for a test or diagnostic server.</summary>
public static partial class ModbusPdu
{
    /// <summary>
    /// Parses a complete request PDU (Modbus Application Protocol v1.1b3 §6.3, §6.4, §6.6, §6.12).
    /// </summary>
    /// <param name="pdu">The PDU: function code and data.</param>
    /// <param name="request">The request; for write multiple its values are copied into a new array.</param>
    /// <param name="exception">
    /// What a server should answer when parsing fails: <see cref="ModbusExceptionCode.IllegalFunction"/> for an
    /// unsupported function, <see cref="ModbusExceptionCode.IllegalDataValue"/> for a bad quantity or byte count (§6 state
    /// diagrams), <see cref="ModbusExceptionCode.IllegalDataAddress"/> for a range past 65535.
    /// </param>
    public static ModbusPduStatus TryParseRequest(ReadOnlySpan<byte> pdu, out ModbusRequest request, out ModbusExceptionCode exception)
    {
        request = default;
        exception = ModbusExceptionCode.None;
        if (pdu.IsEmpty)
        {
            return ModbusPduStatus.Truncated;
        }

        var function = (ModbusFunction)pdu[0];
        if (function is not (ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters
            or ModbusFunction.WriteSingleRegister or ModbusFunction.WriteMultipleRegisters))
        {
            exception = ModbusExceptionCode.IllegalFunction;
            return ModbusPduStatus.UnsupportedFunction;
        }

        if (pdu.Length < 5)
        {
            exception = ModbusExceptionCode.IllegalDataValue;
            return ModbusPduStatus.Truncated;
        }

        ushort address = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        ushort word = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        switch (function)
        {
            case ModbusFunction.WriteSingleRegister:
                if (pdu.Length != 5)
                {
                    exception = ModbusExceptionCode.IllegalDataValue;
                    return ModbusPduStatus.Malformed;
                }

                request = new ModbusRequest(function, address, 1, new[] { word });
                return ModbusPduStatus.Ok;
            case ModbusFunction.WriteMultipleRegisters:
                if (pdu.Length < 6 || pdu.Length < 6 + pdu[5])
                {
                    exception = ModbusExceptionCode.IllegalDataValue;
                    return ModbusPduStatus.Truncated;
                }

                if (word is < 1 or > ModbusWire.MaxWriteRegisters || pdu[5] != 2 * word || pdu.Length != 6 + pdu[5])
                {
                    exception = ModbusExceptionCode.IllegalDataValue;
                    return ModbusPduStatus.Malformed;
                }

                var values = new ushort[word];
                ReadRegisters(pdu.Slice(6, 2 * word), values);
                request = new ModbusRequest(function, address, word, values);
                break;
            default:
                if (pdu.Length != 5 || word is < 1 or > ModbusWire.MaxReadRegisters)
                {
                    exception = ModbusExceptionCode.IllegalDataValue;
                    return ModbusPduStatus.Malformed;
                }

                request = new ModbusRequest(function, address, word, default);
                break;
        }

        if (address + request.Count > 0x10000)
        {
            request = default;
            exception = ModbusExceptionCode.IllegalDataAddress;
            return ModbusPduStatus.Malformed;
        }

        return ModbusPduStatus.Ok;
    }

    /// <summary>Writes a read response: <c>| fc | 2 × n | registers |</c> (§6.3, §6.4).</summary>
    /// <returns>Bytes written.</returns>
    public static int WriteReadResponse(ModbusFunction function, ReadOnlySpan<ushort> registers, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(registers.Length, ModbusWire.MaxReadRegisters, nameof(registers));
        int size = 2 + (2 * registers.Length);
        if (destination.Length < size)
        {
            throw new ArgumentException($"The response needs {size} bytes.", nameof(destination));
        }

        destination[0] = (byte)function;
        destination[1] = (byte)(2 * registers.Length);
        WriteRegisters(registers, destination[2..]);
        return size;
    }

    /// <summary>Writes the echo a write answers with: address and value (0x06) or address and quantity (0x10).</summary>
    /// <returns>Bytes written (5).</returns>
    public static int WriteWriteResponse(ModbusFunction function, ushort address, ushort valueOrCount, Span<byte> destination)
    {
        if (destination.Length < 5)
        {
            throw new ArgumentException("A write response needs 5 bytes.", nameof(destination));
        }

        destination[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(destination[3..], valueOrCount);
        return 5;
    }
}
