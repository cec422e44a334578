namespace SolarTap.Protocols.Modbus;

/// <summary>How a Modbus client reaches its servers.</summary>
public enum ModbusTransport
{
    /// <summary>Modbus TCP: MBAP framing, one connection that may drop and must be re-made.</summary>
    Tcp,
    /// <summary>Modbus RTU over a serial line (RS485): address + CRC framing, no connection.</summary>
    Rtu,
}
