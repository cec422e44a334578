namespace SolarTap.Protocols.Modbus;

/// <summary>A parsed Modbus response PDU (normal or exception). Read registers were copied to the caller's span.</summary>
/// <param name="Function">The function it answers (without the exception bit).</param>
/// <param name="Exception">The exception code, or <see cref="ModbusExceptionCode.None"/> for a normal response.</param>
/// <param name="Address">The echoed address (writes), or the request's address (reads).</param>
/// <param name="Count">Registers read or written; for write single, 1.</param>
/// <param name="Value">For write single, the echoed value; otherwise 0.</param>
public readonly record struct ModbusResponse(ModbusFunction Function, ModbusExceptionCode Exception, ushort Address, ushort Count, ushort Value = 0)
{
    /// <summary>True when the server answered with an exception (function | 0x80).</summary>
    public bool IsException => Exception != ModbusExceptionCode.None;
}
