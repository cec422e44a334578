using System.Buffers;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Testing.Modbus;

/// <summary>
/// The logic of a small Modbus server for tests and diagnostics, built on the Protocols codec: per unit a table of
/// holding registers (served to 0x03 and 0x04), writes through 0x06 and 0x10 to registers that exist, exceptions for
/// everything else. Transport-free: the TCP server and in-memory loopbacks share it. Thread-safe.
/// </summary>
public sealed class ModbusRegisterServer
{
    private readonly Dictionary<byte, ushort?[]> _units = [];
    private readonly Lock _lock = new();

    /// <summary>Requests answered (or ignored for an unknown unit), for assertions.</summary>
    public int Requests { get; private set; }

    /// <summary>Creates or extends <paramref name="unit"/> with <paramref name="values"/> from <paramref name="address"/>.</summary>
    public ModbusRegisterServer Set(byte unit, int address, IReadOnlyList<ushort> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        lock (_lock)
        {
            if (!_units.TryGetValue(unit, out ushort?[]? table))
            {
                _units[unit] = table = new ushort?[0x10000];
            }

            for (int i = 0; i < values.Count; i++)
            {
                table[address + i] = values[i];
            }
        }

        return this;
    }

    /// <summary>Loads a SunSpec map into <paramref name="unit"/>.</summary>
    public ModbusRegisterServer Set(byte unit, SunSpecMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Set(unit, map.BaseAddress, map.Registers);
    }

    /// <summary>The value of one register, or null.</summary>
    public ushort? Get(byte unit, int address)
    {
        lock (_lock)
        {
            return _units.TryGetValue(unit, out ushort?[]? table) ? table[address] : null;
        }
    }

    /// <summary>
    /// Answers one request PDU for <paramref name="unit"/> into <paramref name="response"/>; returns the response PDU
    /// length, or 0 when the unit does not exist (a device on a bus stays silent).
    /// </summary>
    public int Respond(byte unit, ReadOnlySpan<byte> pdu, Span<byte> response)
    {
        lock (_lock)
        {
            Requests++;
            if (!_units.TryGetValue(unit, out ushort?[]? table))
            {
                return 0;
            }

            byte function = pdu.IsEmpty ? (byte)0 : pdu[0];
            if (ModbusPdu.TryParseRequest(pdu, out ModbusRequest request, out ModbusExceptionCode error) != ModbusPduStatus.Ok)
            {
                return ModbusPdu.WriteException(function, error, response);
            }

            for (int i = 0; i < request.Count; i++)
            {
                if (table[request.Address + i] is null)
                {
                    return ModbusPdu.WriteException(function, ModbusExceptionCode.IllegalDataAddress, response);
                }
            }

            switch (request.Function)
            {
                case ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters:
                    var registers = new ushort[request.Count];
                    for (int i = 0; i < registers.Length; i++)
                    {
                        registers[i] = table[request.Address + i]!.Value;
                    }

                    return ModbusPdu.WriteReadResponse(request.Function, registers, response);
                case ModbusFunction.WriteSingleRegister:
                    table[request.Address] = request.Values.Span[0];
                    return ModbusPdu.WriteWriteResponse(request.Function, request.Address, request.Values.Span[0], response);
                default:
                    for (int i = 0; i < request.Count; i++)
                    {
                        table[request.Address + i] = request.Values.Span[i];
                    }

                    return ModbusPdu.WriteWriteResponse(request.Function, request.Address, request.Count, response);
            }
        }
    }

    /// <summary>Answers a whole Modbus TCP request ADU; returns the response ADU length (0: no answer).</summary>
    public int RespondTcp(in ModbusTcpFrame request, Span<byte> response)
    {
        Span<byte> pdu = stackalloc byte[(int)Math.Min(request.Pdu.Length, ModbusWire.MaxPduSize)];
        request.Pdu.Slice(0, pdu.Length).CopyTo(pdu);
        Span<byte> answer = stackalloc byte[ModbusWire.MaxPduSize];
        int length = Respond(request.Header.UnitId, pdu, answer);
        return length == 0 ? 0 : ModbusTcp.WriteFrame(request.Header.TransactionId, request.Header.UnitId, answer[..length], response);
    }
}
