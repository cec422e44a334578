namespace SolarTap.Protocols.Modbus;

/// <summary>What <see cref="ModbusRtuFramer"/> found in the bytes it was given.</summary>
public enum ModbusRtuStatus
{
    /// <summary>No complete frame yet; everything given was consumed.</summary>
    NeedMoreData,
    /// <summary>A complete frame with a good CRC: read <see cref="ModbusRtuFramer.Unit"/> and <see cref="ModbusRtuFramer.Pdu"/>.</summary>
    Frame,
    /// <summary>A complete frame whose CRC is wrong; it was dropped and the framer waits for a silent interval.</summary>
    CrcError,
    /// <summary>A frame that cannot be delimited (unknown function, impossible byte count); the framer waits for silence.</summary>
    Invalid,
    /// <summary>The line went silent in the middle of a frame; the partial frame was dropped.</summary>
    Truncated,
}
