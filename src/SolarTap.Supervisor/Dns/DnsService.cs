using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Protocols.Dns;
using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Net;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Dns;

/// <summary>
/// The DNS server of the inverter port (issue 3 §3): <see cref="DnsServerEngine"/> behind UDP and TCP sockets on
/// the appliance's address, tied to <c>network.interface</c> with SO_BINDTODEVICE (and, for UDP, a check of the
/// arrival interface of every datagram), so it is never a resolver for another network. Local zones get the
/// appliance's address; other names are relayed to the upstream (<see cref="DnsForwarder"/>) or answered per
/// <c>dns.offline</c> while it does not answer. Each name a client asks is logged once; a lookup of the TLS
/// firmware's server marks that inverter in the status model.
/// </summary>
internal sealed partial class DnsService(
    NetworkOptions network, DnsOptions dns, StatusModel status, TimeProvider time, ILogger<DnsService> logger)
    : ApplianceService(Source, "DNS", status, logger)
{
    /// <summary>The name of this service on the status surfaces.</summary>
    public const string Source = "dns";

    /// <summary>How long the upstream has to answer a relayed query.</summary>
    public static readonly TimeSpan UpstreamTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the upstream counts as down after it failed to answer (queries get the offline answer at once).</summary>
    public static readonly TimeSpan UpstreamRetry = TimeSpan.FromSeconds(30);

    private readonly DnsCounters _counters = new();
    private DnsServerEngine _engine = null!;
    private DnsForwarder? _forwarder;
    private long _upstreamDownUntil;
    private int _interfaceIndex;
    private bool _boundToDevice;

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        if (dns.Port is not int port)
        {
            Report(ComponentState.Stopped, "off (dns.port is off)");
            return;
        }

        Status.SetSource(Source, ComponentState.Starting, $"starting on {network.Interface}");
        IPEndPoint? upstream = DnsUpstream.Resolve(dns, network.Address);
        _engine = new DnsServerEngine(DnsEngineOptions.From(network, dns, upstream is not null));
        try
        {
            _interfaceIndex = await LinkInterface.WaitUntilReadyAsync(network.Interface, network.Address, network.PrefixLength,
                detail => Report(ComponentState.Waiting, detail), time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var local = new IPEndPoint(network.Address, port);
        using Socket? udp = Open(SocketType.Dgram, local);
        using Socket? tcp = udp is null ? null : Open(SocketType.Stream, local);
        if (udp is null || tcp is null)
        {
            return;
        }

        using DnsForwarder? forwarder = upstream is null ? null : new DnsForwarder(upstream, UpstreamTimeout);
        _forwarder = forwarder;
        string where = upstream is null ? $"no upstream resolver, other names: {Describe(dns.Offline)}" : $"other names via {upstream}";
        Report(ComponentState.Running, $"serving {network.Interface} {local} (UDP and TCP), {where}");
        try
        {
            await Task.WhenAll(
                UdpLoopAsync(udp, stoppingToken),
                TcpAcceptLoopAsync(tcp, stoppingToken),
                HousekeepingAsync(stoppingToken)).ConfigureAwait(false);
        }
        finally
        {
            _counters.Publish(Status, Source);
        }
    }

    private Socket? Open(SocketType type, IPEndPoint local)
    {
        string transport = type == SocketType.Dgram ? "UDP" : "TCP";
        var socket = new Socket(AddressFamily.InterNetwork, type, type == SocketType.Dgram ? ProtocolType.Udp : ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                InterfaceSockets.BindToDevice(socket, network.Interface);
                _boundToDevice = true;
            }
            catch (SocketException e) when (InterfaceSockets.IsPermissionProblem(e))
            {
                // Without CAP_NET_RAW: UDP datagrams are checked by arrival interface, TCP clients by subnet.
                LogNotBound(logger, network.Interface, transport);
            }

            if (type == SocketType.Dgram)
            {
                socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            }

            socket.Bind(local);
            if (type == SocketType.Stream)
            {
                socket.Listen(32);
            }

            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            string detail = InterfaceSockets.IsPermissionProblem(e)
                ? $"off: listening on {local} ({transport}) needs root or CAP_NET_BIND_SERVICE; the DNS server is disabled"
                : $"off: cannot listen on {local} ({transport}): {e.Message}; the DNS server is disabled";
            Report(ComponentState.Failed, detail);
            return null;
        }
    }

    /// <summary>Once a second: publish counters; let the upstream be tried again once its retry time has passed.</summary>
    private async Task HousekeepingAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _counters.Publish(Status, Source);
                if (_forwarder is not null && !_engine.UpstreamAvailable && time.GetUtcNow().UtcTicks >= Interlocked.Read(ref _upstreamDownUntil))
                {
                    _engine.UpstreamAvailable = true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    /// <summary>Records whether the upstream answered; a silent upstream is skipped for <see cref="UpstreamRetry"/>.</summary>
    private void UpstreamAnswered(bool answered)
    {
        if (answered)
        {
            if (!_engine.UpstreamAvailable)
            {
                _engine.UpstreamAvailable = true;
            }

            return;
        }

        _counters.UpstreamTimeout();
        Interlocked.Exchange(ref _upstreamDownUntil, (time.GetUtcNow() + UpstreamRetry).UtcTicks);
        if (_engine.UpstreamAvailable)
        {
            _engine.UpstreamAvailable = false;
            LogUpstreamDown(logger, _forwarder!.Upstream, UpstreamRetry.TotalSeconds, Describe(dns.Offline));
        }
    }

    /// <summary>Logs the events of a decision: a name the first time a client asks it, and TLS firmware.</summary>
    private void OnEvents(in DnsDecision decision, IPAddress client)
    {
        if (decision.FirstAskedName is { } name)
        {
            Status.DnsNameAsked(client, name);
            LogAsked(logger, client, name);
        }

        if (decision.TlsFirmwareName is { } tls)
        {
            Status.InverterFirmwareSeen(null, client, InverterFirmware.Tls);
            LogTlsFirmware(logger, client, tls, TlsClientHelloDetector.TlsFirmwareGuidance);
        }
    }

    private static string Describe(Configuration.DnsOfflinePolicy policy) =>
        policy == Configuration.DnsOfflinePolicy.Local ? "the appliance's address (dns.offline: local)" : "REFUSED (dns.offline: fail)";

    private static DnsClientInfo ClientOf(IPAddress address, DnsTransport transport) => new(InetAddress.FromIPAddress(address), transport);

}
