namespace SolarTap.Protocols.Modbus;

/// <summary>What the driver of a <see cref="ModbusClientEngine"/> must do next.</summary>
public enum ModbusClientActionKind
{
    /// <summary>Nothing now: wait for received bytes, a new request, or <see cref="ModbusClientAction.WakeAt"/>.</summary>
    Wait,
    /// <summary>TCP: open the connection, then call OnConnected or OnConnectFailed.</summary>
    Connect,
    /// <summary>Write <see cref="ModbusClientAction.Frame"/> to the line or socket.</summary>
    Send,
    /// <summary>TCP: close the connection (the engine already counts it as closed) and reset the framer.</summary>
    Disconnect,
}
