using System.Buffers;

namespace SolarTap.Protocols.Modbus;

/// <summary>
/// Finds Modbus TCP ADUs in a byte stream (Modbus Messaging on TCP/IP Implementation Guide v1.0b §3.1.3, §4.4.1.2).
/// The MBAP length field delimits the frame; it is checked against the largest ADU (260 bytes) before any
/// waiting for the body, so a peer cannot make us buffer more than that.
/// </summary>
public static class ModbusTcpFramer
{
    /// <summary>Reads the next ADU from the front of <paramref name="buffer"/>.</summary>
    /// <returns>
    /// <see cref="OperationStatus.Done"/>: <paramref name="frame"/> is set and <paramref name="buffer"/> starts after it.
    /// <see cref="OperationStatus.NeedMoreData"/>: keep the buffer and append more bytes (at most
    /// <see cref="ModbusWire.MaxTcpAduSize"/> are ever needed).
    /// <see cref="OperationStatus.InvalidData"/>: a protocol id other than 0 or a length outside 2..254; TCP gives no
    /// way to find the next frame, so the connection must be closed. <paramref name="buffer"/> is unchanged.
    /// </returns>
    public static OperationStatus TryReadFrame(ref ReadOnlySequence<byte> buffer, out ModbusTcpFrame frame)
    {
        frame = default;
        if (buffer.Length < ModbusWire.MbapHeaderSize)
        {
            return OperationStatus.NeedMoreData;
        }

        Span<byte> bytes = stackalloc byte[ModbusWire.MbapHeaderSize];
        buffer.Slice(0, ModbusWire.MbapHeaderSize).CopyTo(bytes);
        MbapHeader header = MbapHeader.Read(bytes);
        if (header.ProtocolId != 0 || header.Length < 2 || header.Length > ModbusWire.MaxMbapLength)
        {
            return OperationStatus.InvalidData;
        }

        int size = ModbusWire.MbapHeaderSize - 1 + header.Length;
        if (buffer.Length < size)
        {
            return OperationStatus.NeedMoreData;
        }

        frame = new ModbusTcpFrame(header, buffer.Slice(ModbusWire.MbapHeaderSize, header.PduLength));
        buffer = buffer.Slice(size);
        return OperationStatus.Done;
    }
}
