namespace SolarTap.Protocols.Modbus;

/// <summary>Exception codes a server returns with function | 0x80 (Modbus Application Protocol v1.1b3 §7).</summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>No exception (a normal response).</summary>
    None = 0x00,
    /// <summary>0x01: the function code is not supported by the server.</summary>
    IllegalFunction = 0x01,
    /// <summary>0x02: the address (or address + quantity) is not valid on the server.</summary>
    IllegalDataAddress = 0x02,
    /// <summary>0x03: a value in the request is not allowed (for example a quantity out of range).</summary>
    IllegalDataValue = 0x03,
    /// <summary>0x04: an unrecoverable error happened while the server performed the action.</summary>
    ServerDeviceFailure = 0x04,
    /// <summary>0x05: accepted, but it will take long; poll later.</summary>
    Acknowledge = 0x05,
    /// <summary>0x06: the server is busy with a long command; retry later.</summary>
    ServerDeviceBusy = 0x06,
    /// <summary>0x07: the program function cannot be performed (older specifications only).</summary>
    NegativeAcknowledge = 0x07,
    /// <summary>0x08: the extended file area failed a consistency check.</summary>
    MemoryParityError = 0x08,
    /// <summary>0x0A: a gateway could not allocate a path to the target.</summary>
    GatewayPathUnavailable = 0x0A,
    /// <summary>0x0B: a gateway got no response from the target device.</summary>
    GatewayTargetDeviceFailedToRespond = 0x0B,
}
