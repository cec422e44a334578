using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SolarTap.Protocols.Modbus;

namespace SolarTap.Testing.Modbus;

/// <summary>
/// A Modbus TCP server for tests and diagnostics on a free loopback port, answering from a
/// <see cref="ModbusRegisterServer"/>. Each connection is served in order; framing errors close it.
/// </summary>
public sealed class ModbusTcpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accept;

    /// <summary>Starts listening on 127.0.0.1 and <paramref name="port"/> (0: a free port).</summary>
    public ModbusTcpTestServer(ModbusRegisterServer registers, int port = 0)
    {
        Registers = registers;
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accept = Task.Run(AcceptAsync);
    }

    /// <summary>The register tables served.</summary>
    public ModbusRegisterServer Registers { get; }

    /// <summary>The port listened on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public int Connections { get; private set; }

    /// <summary>Most requests found in one receive: above 1 means a client sent before its previous answer came.</summary>
    public int MaxRequestsPerReceive { get; private set; }

    /// <summary>When set, a connection is closed (without an answer) on its request number N, 1-based.</summary>
    public int? CloseOnRequest { get; set; }

    /// <summary>When true, requests are read but never answered.</summary>
    public bool Mute { get; set; }

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accept;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client = await _listener.AcceptSocketAsync(_stop.Token);
            Connections++;
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            var received = new byte[ModbusWire.MaxTcpAduSize * 4];
            var response = new byte[ModbusWire.MaxTcpAduSize];
            int length = 0;
            int served = 0;
            try
            {
                while (true)
                {
                    int n = await client.ReceiveAsync(received.AsMemory(length), SocketFlags.None, _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }

                    length += n;
                    var buffer = new ReadOnlySequence<byte>(received, 0, length);
                    OperationStatus status;
                    int inThisReceive = 0;
                    while ((status = ModbusTcpFramer.TryReadFrame(ref buffer, out ModbusTcpFrame frame)) == OperationStatus.Done)
                    {
                        MaxRequestsPerReceive = Math.Max(MaxRequestsPerReceive, ++inThisReceive);
                        if (++served == CloseOnRequest)
                        {
                            return;
                        }

                        if (Mute)
                        {
                            continue;
                        }

                        int size = Registers.RespondTcp(frame, response);
                        if (size > 0)
                        {
                            await client.SendAsync(response.AsMemory(0, size), SocketFlags.None, _stop.Token);
                        }
                    }

                    if (status == OperationStatus.InvalidData)
                    {
                        return;
                    }

                    int rest = (int)buffer.Length;
                    Array.Copy(received, length - rest, received, 0, rest);
                    length = rest;
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
            }
        }
    }
}
