using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Protocols.Dns;
using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Dns;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Dns;

/// <summary>The DNS service on the loopback interface (127.0.0.1/8 on lo), with a scripted upstream on 127.0.0.2.</summary>
public sealed class DnsServiceTests : IAsyncLifetime, IDisposable
{
    private readonly Socket _upstream = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly StatusModel _status = new(TimeProvider.System);
    private DnsService? _service;
    private IPEndPoint _server = null!;

    public Task InitializeAsync()
    {
        _upstream.Bind(new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.StopAsync(CancellationToken.None);
            _service.Dispose();
        }

        _upstream.Dispose();
    }

    public void Dispose()
    {
        _service?.Dispose();
        _upstream.Dispose();
    }

    [Fact]
    public async Task Query_LocalName_IsAnsweredWithTheApplianceAddress()
    {
        await StartAsync();

        DnsMessage reply = await AskAsync(DnsQueries.Query("prod.solaredge.com", DnsType.A, 0x1234));

        Assert.Equal(0x1234, reply.Id);
        Assert.Equal(DnsResponseCode.NoError, reply.ResponseCode);
        DnsRecord answer = Assert.Single(reply.Answers);
        Assert.Equal(DnsRecord.A(DnsName.Parse("prod.solaredge.com"), answer.Ttl, InetAddress.Parse("127.0.0.1")), answer);
    }

    [Fact]
    public async Task Query_OtherName_IsRelayedWithANewIdAndTheClientsIdRestored()
    {
        await StartAsync();
        Task<ushort> upstream = AnswerOnceAsync(InetAddress.Parse("203.0.113.7"));

        DnsMessage reply = await AskAsync(DnsQueries.Query("example.org", DnsType.A, 0x2222));

        Assert.Equal(0x2222, reply.Id);
        Assert.Equal(DnsRecord.A(DnsName.Parse("example.org"), 300, InetAddress.Parse("203.0.113.7")), Assert.Single(reply.Answers));
        Assert.NotEqual(0x2222, await upstream); // the ID upstream saw is random (1 in 65536 to be equal)
    }

    [Fact]
    public async Task Query_OtherNameWithSilentUpstream_GetsTheOfflineAnswerAndTheStatusCounts()
    {
        await StartAsync();

        DnsMessage reply = await AskAsync(DnsQueries.Query("example.org", DnsType.A, 0x3333), TimeSpan.FromSeconds(5));

        Assert.Equal(DnsRecord.A(DnsName.Parse("example.org"), 10, InetAddress.Parse("127.0.0.1")), Assert.Single(reply.Answers));
        await WaitForAsync(() => _status.Snapshot().Sources.SingleOrDefault(s => s.Name == DnsService.Source)?.Counters.GetValueOrDefault("upstream_timeouts") == 1);
    }

    [Fact]
    public async Task Query_TlsServerName_MarksTheInverterAsTlsFirmware()
    {
        await StartAsync();

        await AskAsync(DnsQueries.Query("prodssl.solaredge.com", DnsType.A));

        InverterStatus inverter = Assert.Single(_status.Snapshot().Inverters);
        Assert.Equal(InverterFirmware.Tls, inverter.Firmware);
        Assert.Equal("127.0.0.1", inverter.Address);
    }

    [Fact]
    public async Task Start_PortOff_ReportsStoppedAndListensNowhere()
    {
        var service = new DnsService(Network(), new DnsOptions { Port = null }, _status, TimeProvider.System, NullLogger<DnsService>.Instance);
        await service.StartAsync(CancellationToken.None);
        await WaitForAsync(() => _status.Snapshot().Sources.Any(s => s.State == ComponentState.Stopped));
        await service.StopAsync(CancellationToken.None);
        service.Dispose();

        Assert.Equal("off (dns.port is off)", Assert.Single(_status.Snapshot().Sources).Detail);
    }

    private static NetworkOptions Network() => new()
    {
        Interface = "lo",
        Address = IPAddress.Loopback,
        PrefixLength = 8,
        PoolStart = IPAddress.Parse("127.0.0.100"),
        PoolEnd = IPAddress.Parse("127.0.0.200"),
    };

    private async Task StartAsync()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        var dns = new DnsOptions { Port = port, Upstream = (IPEndPoint)_upstream.LocalEndPoint! };
        _server = new IPEndPoint(IPAddress.Loopback, port);
        _service = new DnsService(Network(), dns, _status, TimeProvider.System, NullLogger<DnsService>.Instance);
        await _service.StartAsync(CancellationToken.None);
        await WaitForAsync(() => _status.Snapshot().Sources.Any(s => s.Name == DnsService.Source && s.State == ComponentState.Running));
    }

    private async Task<DnsMessage> AskAsync(byte[] query, TimeSpan? timeout = null)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendToAsync(query, _server);
        byte[] buffer = new byte[4096];
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(3));
        int n = await client.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
        return DnsQueries.Read(buffer.AsSpan(0, n));
    }

    /// <summary>Answers the next query the upstream gets with one A record; returns the ID it saw.</summary>
    private async Task<ushort> AnswerOnceAsync(InetAddress address)
    {
        byte[] buffer = new byte[4096];
        SocketReceiveFromResult received = await _upstream.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0));
        DnsMessage query = DnsQueries.Read(buffer.AsSpan(0, received.ReceivedBytes));
        var reply = new DnsMessage { Id = query.Id, IsResponse = true, RecursionDesired = true, RecursionAvailable = true };
        reply.Questions.Add(query.Questions[0]);
        reply.Answers.Add(DnsRecord.A(query.Questions[0].Name, 300, address));
        await _upstream.SendToAsync(reply.ToArray(), received.RemoteEndPoint);
        return query.Id;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(20, cancel.Token);
        }
    }
}
