using System.Buffers;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Testing.Modbus;

/// <summary>
/// Runs a <see cref="ModbusClientEngine"/> (TCP framing) against a <see cref="ModbusRegisterServer"/> in memory, byte
/// for byte as a socket driver would: each sent ADU is framed, answered and framed back. Time advances only on
/// timeouts, by the response timeout.
/// </summary>
public sealed class ModbusLoopback(ModbusRegisterServer server, ModbusClientOptions? options = null)
{
    private readonly ModbusClientEngine _engine = new(options ?? new ModbusClientOptions());
    private TimeSpan _now;

    /// <summary>The engine being driven.</summary>
    public ModbusClientEngine Engine => _engine;

    /// <summary>Sends one request and drives the engine until it completes.</summary>
    public Task<ModbusCompletion> ExecuteAsync(byte unit, ModbusRequest request)
    {
        long ticket = _engine.Enqueue(unit, request);
        var response = new byte[ModbusWire.MaxTcpAduSize];
        for (int step = 0; step < 1000; step++)
        {
            while (_engine.TryTakeCompletion(out ModbusCompletion? done))
            {
                if (done.Ticket == ticket)
                {
                    return Task.FromResult(done);
                }
            }

            ModbusClientAction action = _engine.Next(_now);
            switch (action.Kind)
            {
                case ModbusClientActionKind.Connect:
                    _engine.OnConnected(_now);
                    break;
                case ModbusClientActionKind.Send:
                    var buffer = new ReadOnlySequence<byte>(action.Frame.ToArray());
                    if (ModbusTcpFramer.TryReadFrame(ref buffer, out ModbusTcpFrame sent) != OperationStatus.Done)
                    {
                        throw new InvalidOperationException("The engine sent a frame that does not frame.");
                    }

                    int length = server.RespondTcp(sent, response);
                    if (length > 0)
                    {
                        var answer = new ReadOnlySequence<byte>(response, 0, length);
                        ModbusTcpFramer.TryReadFrame(ref answer, out ModbusTcpFrame frame);
                        _engine.OnTcpFrame(_now, frame);
                    }

                    break;
                case ModbusClientActionKind.Wait when action.WakeAt != TimeSpan.MaxValue:
                    _now = action.WakeAt;
                    break;
                case ModbusClientActionKind.Wait or ModbusClientActionKind.Disconnect:
                    break;
            }
        }

        throw new InvalidOperationException("The request did not complete.");
    }
}
