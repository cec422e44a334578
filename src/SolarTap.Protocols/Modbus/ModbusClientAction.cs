namespace SolarTap.Protocols.Modbus;

/// <summary>One step for the driver of a <see cref="ModbusClientEngine"/>.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="WakeAt">For <see cref="ModbusClientActionKind.Wait"/>: call Next again at this time at the latest
/// (<see cref="TimeSpan.MaxValue"/> when only an event can change anything).</param>
/// <param name="Frame">For <see cref="ModbusClientActionKind.Send"/>: the ADU; valid until the next call on the engine.</param>
public readonly record struct ModbusClientAction(ModbusClientActionKind Kind, TimeSpan WakeAt, ReadOnlyMemory<byte> Frame);
