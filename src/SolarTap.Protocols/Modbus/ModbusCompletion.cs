namespace SolarTap.Protocols.Modbus;

/// <summary>The end of one request queued on a <see cref="ModbusClientEngine"/>.</summary>
/// <param name="Ticket">The number Enqueue returned.</param>
/// <param name="Unit">The unit id (TCP) or server address (RTU) asked.</param>
/// <param name="Request">The request.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Exception">For <see cref="ModbusOutcome.Exception"/>, the server's code.</param>
/// <param name="Registers">For a successful read, the registers; otherwise empty.</param>
/// <param name="Attempts">How many times it was sent.</param>
public sealed record ModbusCompletion(long Ticket, byte Unit, ModbusRequest Request, ModbusOutcome Outcome,
    ModbusExceptionCode Exception, ushort[] Registers, int Attempts);
