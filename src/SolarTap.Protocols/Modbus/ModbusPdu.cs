using System.Buffers.Binary;

namespace SolarTap.Protocols.Modbus;

/// <summary>
/// The Modbus PDU codec, client side (Modbus Application Protocol v1.1b3 §4.1, §6): request writers and response
/// parsers for functions 0x03, 0x04, 0x06 and 0x10. Server side: <c>ModbusPdu.Server.cs</c>. All multi-byte fields
/// are big-endian (§4.2). Parsers never throw on bad input.
/// </summary>
/// <remarks>
/// <code>
/// read request  (0x03/0x04): | fc | address hi lo | quantity hi lo |                          5 bytes
/// read response            : | fc | byte count N = 2 × quantity | N bytes of registers |     2 + N bytes
/// write single  (0x06)     : | fc | address hi lo | value hi lo |   response: the same echo  5 bytes
/// write multiple (0x10)    : | fc | address | quantity | byte count N | N bytes |           6 + N bytes
///                response  : | fc | address | quantity |                                    5 bytes
/// exception                : | fc | 0x80 | code |                                           2 bytes
/// </code>
/// </remarks>
public static partial class ModbusPdu
{
    /// <summary>Size in bytes of the PDU that carries <paramref name="request"/>.</summary>
    public static int RequestSize(in ModbusRequest request) =>
        request.Function == ModbusFunction.WriteMultipleRegisters ? 6 + (2 * request.Count) : 5;

    /// <summary>Size in bytes of the normal response to <paramref name="request"/> (an exception response is 2).</summary>
    public static int ResponseSize(in ModbusRequest request) => request.IsRead ? 2 + (2 * request.Count) : 5;

    /// <summary>Writes the PDU of <paramref name="request"/> into <paramref name="destination"/>.</summary>
    /// <returns>Bytes written.</returns>
    public static int WriteRequest(in ModbusRequest request, Span<byte> destination)
    {
        int size = RequestSize(request);
        if (destination.Length < size)
        {
            throw new ArgumentException($"A {request.Function} request needs {size} bytes.", nameof(destination));
        }

        destination[0] = (byte)request.Function;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], request.Address);
        switch (request.Function)
        {
            case ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters:
                BinaryPrimitives.WriteUInt16BigEndian(destination[3..], request.Count);
                break;
            case ModbusFunction.WriteSingleRegister:
                BinaryPrimitives.WriteUInt16BigEndian(destination[3..], request.Values.Span[0]);
                break;
            case ModbusFunction.WriteMultipleRegisters:
                BinaryPrimitives.WriteUInt16BigEndian(destination[3..], request.Count);
                destination[5] = (byte)(2 * request.Count);
                WriteRegisters(request.Values.Span[..request.Count], destination[6..]);
                break;
            default:
                throw new ArgumentException($"Function {request.Function} is not supported.", nameof(request));
        }

        return size;
    }

    /// <summary>
    /// Parses a complete response PDU as the answer to <paramref name="request"/>. Read registers are copied into
    /// <paramref name="registers"/>, which must hold at least <see cref="ModbusRequest.Count"/> values for a read.
    /// </summary>
    /// <returns>
    /// <see cref="ModbusPduStatus.Ok"/> or <see cref="ModbusPduStatus.Exception"/> with <paramref name="response"/> set;
    /// otherwise why the PDU is not an answer (nothing is copied).
    /// </returns>
    public static ModbusPduStatus TryParseResponse(in ModbusRequest request, ReadOnlySpan<byte> pdu, Span<ushort> registers, out ModbusResponse response)
    {
        response = default;
        if (pdu.Length < 2)
        {
            return ModbusPduStatus.Truncated;
        }

        byte function = pdu[0];
        if ((function & ModbusWire.ExceptionFlag) != 0)
        {
            // §7: | fc | 0x80 | code | — exactly two bytes.
            if ((function & 0x7F) != (byte)request.Function)
            {
                return ModbusPduStatus.Mismatch;
            }

            if (pdu.Length != ModbusWire.ExceptionPduSize)
            {
                return ModbusPduStatus.Malformed;
            }

            response = new ModbusResponse(request.Function, (ModbusExceptionCode)pdu[1], request.Address, 0);
            return pdu[1] == 0 ? ModbusPduStatus.Malformed : ModbusPduStatus.Exception;
        }

        if (function != (byte)request.Function)
        {
            return ModbusPduStatus.Mismatch;
        }

        if (request.IsRead)
        {
            int byteCount = pdu[1];
            if (pdu.Length < 2 + byteCount)
            {
                return ModbusPduStatus.Truncated;
            }

            if (pdu.Length != 2 + byteCount || (byteCount & 1) != 0)
            {
                return ModbusPduStatus.Malformed;
            }

            if (byteCount != 2 * request.Count || registers.Length < request.Count)
            {
                return ModbusPduStatus.Mismatch;
            }

            ReadRegisters(pdu.Slice(2, byteCount), registers);
            response = new ModbusResponse(request.Function, ModbusExceptionCode.None, request.Address, request.Count);
            return ModbusPduStatus.Ok;
        }

        if (pdu.Length < 5)
        {
            return ModbusPduStatus.Truncated;
        }

        if (pdu.Length != 5)
        {
            return ModbusPduStatus.Malformed;
        }

        ushort address = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        ushort word = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        bool echoes = request.Function == ModbusFunction.WriteSingleRegister
            ? address == request.Address && word == request.Values.Span[0]
            : address == request.Address && word == request.Count;
        if (!echoes)
        {
            return ModbusPduStatus.Mismatch;
        }

        response = request.Function == ModbusFunction.WriteSingleRegister
            ? new ModbusResponse(request.Function, ModbusExceptionCode.None, address, 1, word)
            : new ModbusResponse(request.Function, ModbusExceptionCode.None, address, word);
        return ModbusPduStatus.Ok;
    }

    /// <summary>Writes an exception response: <c>| function | 0x80 | code |</c> (§7).</summary>
    /// <returns>Bytes written (2).</returns>
    public static int WriteException(byte function, ModbusExceptionCode code, Span<byte> destination)
    {
        destination[1] = (byte)code; // bounds check first
        destination[0] = (byte)(function | ModbusWire.ExceptionFlag);
        return ModbusWire.ExceptionPduSize;
    }

    /// <summary>Big-endian 16-bit registers from <paramref name="bytes"/> into <paramref name="registers"/>.</summary>
    public static void ReadRegisters(ReadOnlySpan<byte> bytes, Span<ushort> registers)
    {
        int count = bytes.Length / 2;
        for (int i = 0; i < count; i++)
        {
            registers[i] = BinaryPrimitives.ReadUInt16BigEndian(bytes[(2 * i)..]);
        }
    }

    /// <summary>Registers as big-endian bytes into <paramref name="destination"/>.</summary>
    public static void WriteRegisters(ReadOnlySpan<ushort> registers, Span<byte> destination)
    {
        for (int i = 0; i < registers.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[(2 * i)..], registers[i]);
        }
    }
}
