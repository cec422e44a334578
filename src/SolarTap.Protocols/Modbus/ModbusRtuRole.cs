namespace SolarTap.Protocols.Modbus;

/// <summary>Which side's frames a <see cref="ModbusRtuFramer"/> delimits: their lengths follow different rules.</summary>
public enum ModbusRtuRole
{
    /// <summary>A client reading responses from servers.</summary>
    Responses,
    /// <summary>A server (or a sniffer of the master's side) reading requests.</summary>
    Requests,
}
