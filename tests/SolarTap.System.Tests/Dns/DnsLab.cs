using SolarTap.System.Tests.Dhcp;
using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.Dns;

/// <summary>
/// The appliance namespace with an inverter port (inv0, 192.0.2.1/24) to a client namespace (192.0.2.10) and an uplink
/// (uplink0, 198.51.100.1/24) to an upstream namespace where dnsmasq (198.51.100.53) resolves forwarded.example
/// and answers NXDOMAIN under example.net. tcpdump on uplink0 records any UDP or TCP packet the appliance sends there from port 53.
/// </summary>
public sealed class DnsLab : IAsyncLifetime
{
    public const string ApplianceAddress = "192.0.2.1";
    public const string UplinkAddress = "198.51.100.1";

    private NetworkLab? _lab;

    public NetworkLab Lab => _lab!;

    public string Client { get; private set; } = "";

    public string Upstream { get; private set; } = "";

    public string Folder { get; } = Directory.CreateTempSubdirectory("stdns-").FullName;

    public ApplianceProcess Supervisor { get; private set; } = null!;

    public PacketCapture Uplink { get; private set; } = null!;

    public RunningProcess Dnsmasq { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Network.Commands.Require("dig", "dnsutils");
        Network.Commands.Require("dnsmasq", "dnsmasq-base");
        _lab = NetworkLab.Create();
        string appliance = await _lab.AddHostAsync("tap");
        Client = await _lab.AddHostAsync("inv");
        Upstream = await _lab.AddHostAsync("up");
        await _lab.LinkAsync(appliance, "inv0", ApplianceAddress + "/24", Client, "eth0", "192.0.2.10/24");
        await _lab.LinkAsync(appliance, "uplink0", UplinkAddress + "/24", Upstream, "eth0", "198.51.100.53/24");
        (await _lab.RunAsync(Upstream, "ip", "route", "add", "192.0.2.0/24", "via", UplinkAddress)).EnsureSuccess();
        Dnsmasq = _lab.Start(Upstream, null, "dnsmasq", "-k", "--conf-file=/dev/null", "--no-resolv", "--no-hosts", "--bind-interfaces",
            "--listen-address=198.51.100.53", "--pid-file=" + Path.Combine(Folder, "dnsmasq.pid"), "--log-facility=-", "--log-queries",
            "--address=/forwarded.example/203.0.113.80", "--local=/example.net/");
        await Dnsmasq.WaitForOutputAsync("started", TimeSpan.FromSeconds(10));
        Uplink = await PacketCapture.StartAsync(_lab, appliance, "uplink0", $"(udp or tcp) and (src host {UplinkAddress} or src host {ApplianceAddress}) and src port 53");
        Supervisor = await ApplianceProcess.StartAsync(_lab, appliance, Folder, $"""
            network:
              interface: inv0
              address: {ApplianceAddress}/24
              pool_start: 192.0.2.100
              pool_end: 192.0.2.199
              lease_file: {Folder}/leases.txt
              uplink_interface: uplink0
            dns:
              upstream: 198.51.100.53
            """);
    }

    /// <summary>Runs dig in the client namespace against the appliance.</summary>
    public async Task<string> DigAsync(params string[] arguments) =>
        (await Lab.RunAsync(Client, ["dig", "@" + ApplianceAddress, "+tries=1", "+time=3", .. arguments])).StandardOutput;

    public async Task DisposeAsync()
    {
        foreach (IAsyncDisposable? part in new IAsyncDisposable?[] { Supervisor, Uplink, Dnsmasq, _lab })
        {
            if (part is not null)
            {
                await part.DisposeAsync();
            }
        }

        Directory.Delete(Folder, recursive: true);
    }
}
