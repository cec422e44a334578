namespace SolarTap.Protocols.Modbus;

/// <summary>Sizes and limits of Modbus frames (Modbus Application Protocol v1.1b3 §4.1, §6; Modbus over Serial Line v1.02 §2.5.1).</summary>
public static class ModbusWire
{
    /// <summary>Largest PDU: function code + 252 data bytes (§4.1: 256-byte serial ADU minus address and CRC).</summary>
    public const int MaxPduSize = 253;

    /// <summary>Most registers one read (0x03/0x04) may ask for (§6.3: 1 to 125).</summary>
    public const int MaxReadRegisters = 125;

    /// <summary>Most registers one write multiple (0x10) may carry (§6.12: 1 to 123).</summary>
    public const int MaxWriteRegisters = 123;

    /// <summary>MBAP header size: transaction id, protocol id, length (2 bytes each) and unit id (Modbus Messaging on TCP/IP §3.1.3).</summary>
    public const int MbapHeaderSize = 7;

    /// <summary>Largest Modbus TCP ADU: MBAP header + largest PDU.</summary>
    public const int MaxTcpAduSize = MbapHeaderSize + MaxPduSize;

    /// <summary>Largest MBAP length field value: unit id + largest PDU.</summary>
    public const int MaxMbapLength = 1 + MaxPduSize;

    /// <summary>Largest RTU ADU: address + largest PDU + CRC (Serial Line §2.5.1).</summary>
    public const int MaxRtuAduSize = 1 + MaxPduSize + 2;

    /// <summary>Bit set in the function code of an exception response (§7).</summary>
    public const byte ExceptionFlag = 0x80;

    /// <summary>Size of an exception response PDU: function | 0x80 and the code.</summary>
    public const int ExceptionPduSize = 2;
}
