using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.Dhcp;

/// <summary>
/// The appliance namespace with an inverter port (inv0, 192.0.2.1/24) to a client namespace and an uplink (uplink0,
/// 198.51.100.1/24) to a third namespace; the supervisor serves DHCP and DNS on inv0, and tcpdump watches uplink0 for
/// any DHCP packet. Shared by the tests of one class; everything is removed at the end, also after a failure.
/// </summary>
public sealed class DhcpLab : IAsyncLifetime
{
    public const string ApplianceAddress = "192.0.2.1";

    private NetworkLab? _lab;

    public NetworkLab Lab => _lab!;

    public string Appliance { get; private set; } = "";

    public string Client { get; private set; } = "";

    /// <summary>A private folder for configuration, leases, scripts and client state.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("stdhcp-").FullName;

    public ApplianceProcess Supervisor { get; private set; } = null!;

    public PacketCapture Uplink { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _lab = NetworkLab.Create();
        Appliance = await _lab.AddHostAsync("tap");
        Client = await _lab.AddHostAsync("inv");
        string upstream = await _lab.AddHostAsync("up");
        await _lab.LinkAsync(Appliance, "inv0", ApplianceAddress + "/24", Client, "eth0", null);
        await _lab.LinkAsync(Appliance, "uplink0", "198.51.100.1/24", upstream, "eth0", "198.51.100.2/24");
        Uplink = await PacketCapture.StartAsync(_lab, Appliance, "uplink0", "udp port 67 or udp port 68");
        Supervisor = await ApplianceProcess.StartAsync(_lab, Appliance, Folder, $"""
            network:
              interface: inv0
              address: {ApplianceAddress}/24
              pool_start: 192.0.2.100
              pool_end: 192.0.2.199
              lease_file: {Folder}/leases.txt
              uplink_interface: uplink0
              reservations:
                - mac: 00:27:02:00:00:10
                  address: 192.0.2.10
                  hostname: inverter-roof
            dns:
              upstream: 198.51.100.2
            """);
    }

    /// <summary>Gives the client's eth0 <paramref name="mac"/> and no address, ready for the next DHCP client.</summary>
    public async Task ResetClientAsync(string mac)
    {
        (await Lab.RunAsync(Client, "ip", "addr", "flush", "dev", "eth0")).EnsureSuccess();
        (await Lab.RunAsync(Client, "ip", "link", "set", "eth0", "down")).EnsureSuccess();
        (await Lab.RunAsync(Client, "ip", "link", "set", "eth0", "address", mac)).EnsureSuccess();
        (await Lab.RunAsync(Client, "ip", "link", "set", "eth0", "up")).EnsureSuccess();
    }

    /// <summary>Writes an executable client script that prints its arguments and the named variables, and changes nothing.</summary>
    public string WriteScript(string name, string variables, string extra = "")
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, $"#!/bin/sh\necho \"SCRIPT $1 {variables}\"\n{extra}exit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    public async Task DisposeAsync()
    {
        if (Supervisor is not null)
        {
            await Supervisor.DisposeAsync();
        }

        if (Uplink is not null)
        {
            await Uplink.DisposeAsync();
        }

        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
