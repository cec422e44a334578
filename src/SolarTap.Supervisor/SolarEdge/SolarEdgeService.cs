using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>
/// The SolarEdge monitoring server stand-in or relay (spec §5): listens on every configured port of the
/// inverter-facing address (bound before the supervisor reports ready) and serves any number of inverters at once,
/// each connection on its own task. A port that cannot be bound is reported; the others still serve.
/// </summary>
internal sealed partial class SolarEdgeService(
    SolarEdgeOptions options, NetworkOptions network, SolarEdgeSessions sessions, SolarEdgeJournalWriter journal, IClockSyncCheck clock,
    SolarEdgeStatusReporter reporter, SolarEdgeEndpoints endpoints, TimeProvider time, ILogger<SolarEdgeService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Socket> _listeners = [];
    private readonly ConcurrentDictionary<int, Task> _connections = new();
    private readonly SolarEdgeContext _context = new(options, sessions, journal, clock, reporter, time);
    private Task _accepting = Task.CompletedTask;
    private int _nextConnection;

    private StatusModel Status => reporter.Status;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        reporter.Source = options.Mode == SolarEdgeMode.Relay ? SolarEdgeStatusReporter.RelaySource : SolarEdgeStatusReporter.ServerSource;
        if (options.Mode == SolarEdgeMode.Off)
        {
            Status.SetSource(reporter.Source, ComponentState.Stopped, "solaredge.mode is off");
            return Task.CompletedTask;
        }

        sessions.Load();
        IPAddress address = options.BindAddress ?? network.Address;
        var failures = new List<string>();
        var bound = new List<IPEndPoint>();
        foreach (int port in options.Ports)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(address, port));
                socket.Listen(128);
                _listeners.Add(socket);
                bound.Add((IPEndPoint)socket.LocalEndPoint!);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failures.Add($"cannot listen on {address}:{port}: {e.Message}");
                LogListenFailed(logger, $"{address}:{port}", e.Message);
            }
        }

        endpoints.Listening = bound;
        string mode = options.Mode == SolarEdgeMode.Relay ? $"relaying to {options.RelayServer}, " : "";
        string listening = bound.Count == 0 ? "" : $"{mode}listening on {address}:{string.Join(", ", bound.Select(e => e.Port))}";
        string detail = string.Join("; ", (string[])[.. (listening.Length > 0 ? [listening] : Array.Empty<string>()), .. failures]);
        Status.SetSource(reporter.Source, bound.Count == 0 ? ComponentState.Failed : ComponentState.Waiting, detail);
        if (bound.Count > 0)
        {
            LogListening(logger, listening);
        }

        _accepting = Task.WhenAll(_listeners.Select(AcceptLoopAsync));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (Socket listener in _listeners)
        {
            listener.Dispose();
        }

        try
        {
            await _accepting.WaitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(_connections.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the host's shutdown timeout ran out; the process ends anyway
        }

        if (options.Mode != SolarEdgeMode.Off)
        {
            sessions.Save();
            Status.SetSource(reporter.Source, ComponentState.Stopped, "stopped");
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        foreach (Socket listener in _listeners)
        {
            listener.Dispose();
        }
    }

    private async Task AcceptLoopAsync(Socket listener)
    {
        int port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                LogAcceptFailed(logger, port, e.Message);
                continue;
            }

            int id = Interlocked.Increment(ref _nextConnection);
            _connections[id] = ServeAsync(client, port, id);
        }
    }

    private async Task ServeAsync(Socket client, int port, int id)
    {
        await Task.Yield();
        var remote = (IPEndPoint)client.RemoteEndPoint!;
        uint? inverter = null;
        string reason = "stopped";
        try
        {
            client.NoDelay = true;
            client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
            client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 10);
            client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 6);
            reporter.Connected(remote, port);
            Status.SetSource(reporter.Source, ComponentState.Running, Status.Snapshot().Sources.FirstOrDefault(s => s.Name == reporter.Source)?.Detail);
            if (options.Mode == SolarEdgeMode.Relay)
            {
                (reason, inverter) = await RelayAsync(client, remote, port).ConfigureAwait(false);
            }
            else
            {
                var connection = new SolarEdgeServerConnection(_context, client, remote);
                try
                {
                    reason = await connection.RunAsync(_stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    inverter = connection.Inverter;
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = "supervisor stopping";
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            reason = e.Message;
        }
        finally
        {
            client.Dispose();
            reporter.Disconnected(remote, inverter, reason);
            _connections.TryRemove(id, out _);
        }
    }

    private async Task<(string Reason, uint? Inverter)> RelayAsync(Socket client, IPEndPoint remote, int port)
    {
        Socket? server = await ConnectUpstreamAsync(port).ConfigureAwait(false);
        if (server is null)
        {
            reporter.Count("relay_unreachable");
            if (options.RelayFallback == RelayFallback.Hold)
            {
                // Refused: the inverter keeps its data and sends it later (spec §5.1 item 4).
                return ($"{options.RelayServer}:{port} unreachable; connection refused (relay_fallback: hold)", null);
            }

            LogFallback(logger, $"{options.RelayServer}:{port}", remote.ToString());
            var local = new SolarEdgeServerConnection(_context, client, remote);
            string reason = await local.RunAsync(_stopping.Token).ConfigureAwait(false);
            return ($"{reason} (answered locally: {options.RelayServer}:{port} unreachable)", local.Inverter);
        }

        using (server)
        {
            reporter.Count("relayed_connections");
            var relay = new SolarEdgeRelayConnection(_context, client, server, remote);
            string reason = await relay.RunAsync(_stopping.Token).ConfigureAwait(false);
            return (reason, relay.Inverter);
        }
    }

    /// <summary>The real server on <paramref name="port"/>, through the appliance's own resolver; null when unreachable.</summary>
    private async Task<Socket?> ConnectUpstreamAsync(int port)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            IPAddress[] addresses = IPAddress.TryParse(options.RelayServer, out IPAddress? literal)
                ? [literal]
                : await System.Net.Dns.GetHostAddressesAsync(options.RelayServer, timeout.Token).ConfigureAwait(false);
            foreach (IPAddress address in addresses)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token).ConfigureAwait(false);
                    return socket;
                }
                catch (SocketException e)
                {
                    socket.Dispose();
                    LogUpstreamFailed(logger, $"{address}:{port}", e.Message);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
        }
        catch (SocketException e)
        {
            LogUpstreamFailed(logger, options.RelayServer, e.Message);
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            LogUpstreamFailed(logger, $"{options.RelayServer}:{port}", $"no answer within {ConnectTimeout.TotalSeconds} s");
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SolarEdge: {Listening}")]
    private static partial void LogListening(ILogger logger, string listening);

    [LoggerMessage(Level = LogLevel.Error, Message = "SolarEdge: cannot listen on {EndPoint}: {Error}")]
    private static partial void LogListenFailed(ILogger logger, string endPoint, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SolarEdge: accept on port {Port} failed: {Error}")]
    private static partial void LogAcceptFailed(ILogger logger, int port, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SolarEdge: real server {Server} unreachable: {Error}")]
    private static partial void LogUpstreamFailed(ILogger logger, string server, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SolarEdge: {Server} unreachable; answering {Remote} locally (relay_fallback: local)")]
    private static partial void LogFallback(ILogger logger, string server, string remote);
}
