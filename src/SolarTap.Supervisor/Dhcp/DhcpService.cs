using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Protocols.Dhcp;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Net;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Dhcp;

/// <summary>
/// The DHCP server of the inverter port (issue 3 §2): <see cref="DhcpServerEngine"/> behind a UDP socket bound to
/// 0.0.0.0:67 with SO_BROADCAST and SO_BINDTODEVICE, so it hears and answers only <c>network.interface</c>. It starts
/// once that interface carries <c>network.address</c>; without the privilege to bind it reports the problem and
/// stays off instead of failing the supervisor. Leases are saved atomically a moment after they change and at stop.
/// </summary>
internal sealed partial class DhcpService(NetworkOptions network, StatusModel status, TimeProvider time, ILogger<DhcpService> logger)
    : ApplianceService(Source, "DHCP", status, logger)
{
    /// <summary>The name of this service on the status surfaces.</summary>
    public const string Source = "dhcp";

    private static readonly TimeSpan ExpireInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly DhcpLeaseFile _leaseFile = new(network.LeaseFile);
    private readonly DhcpCounters _counters = new();
    private readonly HashSet<ulong> _refusedMacs = [];
    private DhcpServerEngine? _engine;
    private volatile bool _dirty;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        if (network.DhcpPort is not int port)
        {
            Report(ComponentState.Stopped, "off (network.dhcp_port is off)");
            return;
        }

        Status.SetSource(Source, ComponentState.Starting, $"starting on {network.Interface}");
        _engine = new DhcpServerEngine(DhcpEngineOptions.From(network)); // the configuration validated the same rules
        LoadLeases(_engine);
        string cidr = $"{network.Address}/{network.PrefixLength}";
        try
        {
            await LinkInterface.WaitUntilReadyAsync(network.Interface, network.Address, network.PrefixLength,
                detail => Report(ComponentState.Waiting, detail), time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using Socket? socket = Open(port);
        if (socket is null)
        {
            return;
        }

        Report(ComponentState.Running, $"serving {network.Interface} ({cidr}), pool {network.PoolStart}-{network.PoolEnd}, port {port}");
        Task housekeeping = HousekeepingAsync(_engine, stoppingToken);
        try
        {
            await ReceiveLoopAsync(socket, _engine, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await housekeeping.ConfigureAwait(false);
            SaveIfDirty(_engine);
            _counters.Publish(Status, Source);
        }
    }

    private Socket? Open(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.EnableBroadcast = true;
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            InterfaceSockets.BindToDevice(socket, network.Interface);
            socket.Bind(new IPEndPoint(IPAddress.Any, port));
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            string detail = InterfaceSockets.IsPermissionProblem(e)
                ? $"off: binding to {network.Interface} UDP port {port} needs root (CAP_NET_RAW and CAP_NET_BIND_SERVICE); the DHCP server is disabled"
                : $"off: cannot listen on {network.Interface} UDP port {port}: {e.Message}; the DHCP server is disabled";
            Report(ComponentState.Failed, detail);
            return null;
        }
    }

    private async Task ReceiveLoopAsync(Socket socket, DhcpServerEngine engine, CancellationToken stoppingToken)
    {
        byte[] request = new byte[2048];
        byte[] reply = new byte[1500];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(request, SocketFlags.None, any, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.MessageSize or SocketError.ConnectionReset)
            {
                continue;
            }

            DhcpDecision decision = Process(engine, request.AsSpan(0, received.ReceivedBytes), reply);
            if (decision.HasReply)
            {
                Send(socket, reply.AsSpan(0, decision.ReplyLength), decision);
            }
        }
    }

    /// <summary>Reads one datagram and lets the engine decide; reports the event.</summary>
    private DhcpDecision Process(DhcpServerEngine engine, ReadOnlySpan<byte> packet, Span<byte> reply)
    {
        if (DhcpMessage.TryRead(packet, out DhcpMessage message) != DhcpReadStatus.Ok)
        {
            _counters.Malformed();
            return default;
        }

        DhcpDecision decision;
        lock (_gate)
        {
            decision = engine.Handle(message, time.GetUtcNow(), reply);
        }

        if (decision.LeasesChanged)
        {
            RequestSave();
        }

        _counters.Count(decision);
        if (decision.Event is { } evt)
        {
            OnEvent(evt);
        }

        return decision;
    }

    private void Send(Socket socket, ReadOnlySpan<byte> reply, in DhcpDecision decision)
    {
        // RFC 2131 §4.1: a client without an address that did not ask for broadcast would get a unicast to
        // 'yiaddr'/'chaddr'; that needs an ARP entry we cannot add without netlink, and broadcast is what
        // every client accepts (the engineers' note on DhcpDestinationKind.UnicastToHardware).
        IPAddress address = decision.Destination is DhcpDestinationKind.Broadcast or DhcpDestinationKind.UnicastToHardware
            ? IPAddress.Broadcast
            : decision.DestinationAddress.ToIPAddress();
        try
        {
            socket.SendTo(reply, SocketFlags.None, new IPEndPoint(address, decision.DestinationPort));
        }
        catch (SocketException e)
        {
            LogSendFailed(logger, decision.ReplyType.ToString().ToUpperInvariant(), address.ToString(), e.Message);
        }
    }

}
