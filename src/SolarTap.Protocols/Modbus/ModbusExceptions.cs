namespace SolarTap.Protocols.Modbus;

/// <summary>Plain-text meanings of Modbus exception codes (Modbus Application Protocol v1.1b3 §7) for logs and status pages.</summary>
public static class ModbusExceptions
{
    /// <summary>True when <paramref name="code"/> is one the specifications define (1–8, 0x0A, 0x0B).</summary>
    public static bool IsDefined(byte code) => code is >= 0x01 and <= 0x08 or 0x0A or 0x0B;

    /// <summary>What <paramref name="code"/> means, in a short English sentence.</summary>
    public static string Describe(ModbusExceptionCode code) => code switch
    {
        ModbusExceptionCode.None => "no exception",
        ModbusExceptionCode.IllegalFunction => "illegal function: the device does not support this function code",
        ModbusExceptionCode.IllegalDataAddress => "illegal data address: the register range does not exist on the device",
        ModbusExceptionCode.IllegalDataValue => "illegal data value: a value or quantity in the request is not allowed",
        ModbusExceptionCode.ServerDeviceFailure => "server device failure: the device failed while performing the request",
        ModbusExceptionCode.Acknowledge => "acknowledge: the request was accepted and will take a long time",
        ModbusExceptionCode.ServerDeviceBusy => "server device busy: the device is busy, retry later",
        ModbusExceptionCode.NegativeAcknowledge => "negative acknowledge: the device cannot perform the program function",
        ModbusExceptionCode.MemoryParityError => "memory parity error: the device's extended memory failed a consistency check",
        ModbusExceptionCode.GatewayPathUnavailable => "gateway path unavailable: the gateway cannot reach the target",
        ModbusExceptionCode.GatewayTargetDeviceFailedToRespond => "gateway target device failed to respond",
        _ => $"unknown exception code 0x{(byte)code:X2}",
    };
}
