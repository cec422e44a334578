using SolarTap.Protocols.Modbus;

namespace SolarTap.Devices.Modbus;

/// <summary>
/// A Modbus client over one link (a TCP connection to an inverter, or an RS485 line): requests to any unit id on
/// that link are queued and sent one at a time (docs/spec/sunspec.md §6). The RTU implementation lives here, the
/// TCP one in the Supervisor.
/// </summary>
public interface IModbusClient : IAsyncDisposable
{
    /// <summary>What the client talks to, for messages: <c>192.168.1.20:1502</c> or <c>/dev/ttyUSB0 9600 8E1</c>.</summary>
    string Description { get; }

    /// <summary>The engine's counters (requests, timeouts, exceptions, connection attempts).</summary>
    ModbusClientStatistics Statistics { get; }

    /// <summary>Why the last connection attempt failed (TCP: "connection refused", ...), or null.</summary>
    string? LastConnectionError { get; }

    /// <summary>
    /// Queues <paramref name="request"/> for <paramref name="unit"/> and waits for its end: a response, an exception,
    /// a timeout after every attempt, or (TCP) a connection that could not be made. Never throws for those outcomes.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="IOException">RTU: the serial device failed or went away.</exception>
    Task<ModbusCompletion> ExecuteAsync(byte unit, ModbusRequest request, CancellationToken cancellationToken = default);
}
