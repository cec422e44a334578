using System.Text.Json;
using System.Text.RegularExpressions;
using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.Dhcp;

/// <summary>
/// Issue 3 §7, DHCP: busybox udhcpc, ISC dhclient and dhcpcd each get a lease from the running supervisor on a veth;
/// renewal works; a MAC that is not allowed gets nothing; and no DHCP packet ever appears on the uplink.
/// </summary>
public sealed partial class DhcpClientTests(DhcpLab lab) : IClassFixture<DhcpLab>
{
    private const string Variables = "ip=$ip router=$router dns=$dns subnet=$subnet lease=$lease serverid=$serverid";

    [Fact]
    public async Task Udhcpc_GetsALeaseWithEveryOption_AndTheStatusShowsTheInverterOnLink()
    {
        Network.Commands.Require("udhcpc", "udhcpc");
        await lab.ResetClientAsync("00:27:02:00:00:01");
        string script = lab.WriteScript("udhcpc-print.sh", Variables);

        CommandResult result = await lab.Lab.RunAsync(lab.Client,
            "udhcpc", "-i", "eth0", "-f", "-q", "-n", "-t", "5", "-T", "1", "-s", script, "-x", "hostname:inverter-a");

        result.EnsureSuccess();
        Match bound = BoundLine().Match(result.StandardOutput);
        Assert.True(bound.Success, result.StandardOutput + result.StandardError);
        Assert.Equal("router=192.0.2.1 dns=192.0.2.1 subnet=255.255.255.0 lease=3600 serverid=192.0.2.1", bound.Groups["rest"].Value);
        string ip = bound.Groups["ip"].Value;
        JsonElement inverter = await lab.Supervisor.InverterAsync("00:27:02:00:00:01");
        Assert.Equal(ip, inverter.GetProperty("address").GetString());
        Assert.Equal("inverter-a", inverter.GetProperty("hostname").GetString());
        await lab.Supervisor.WaitForLogAsync($"DHCP: inverter on link: 00:27:02:00:00:01 {ip} inverter-a (granted)");
        AssertNothingOnTheUplink();
    }

    [Fact]
    public async Task Udhcpc_RenewsOnSigusr1_AndKeepsItsAddress()
    {
        Network.Commands.Require("udhcpc", "udhcpc");
        await lab.ResetClientAsync("00:27:02:00:00:02");
        // The renewal is a unicast to the server from the leased address, so this script configures it (in the namespace only).
        string script = lab.WriteScript("udhcpc-configure.sh", Variables, "[ \"$1\" = bound ] && ip addr replace \"$ip/24\" dev \"$interface\"\n");
        await using RunningProcess client = lab.Lab.Start(lab.Client, null, "udhcpc", "-i", "eth0", "-f", "-t", "5", "-T", "1", "-s", script);
        await client.WaitForOutputAsync("SCRIPT bound", TimeSpan.FromSeconds(15));

        Assert.Equal(0, Kill(client.Process.Id, "-USR1")); // udhcpc(8): SIGUSR1 renews the lease
        await client.WaitForOutputAsync("SCRIPT renew", TimeSpan.FromSeconds(15));

        string ip = BoundLine().Match(client.Output).Groups["ip"].Value;
        Assert.Contains($"SCRIPT renew ip={ip} ", client.Output, StringComparison.Ordinal);
        Assert.Contains("sending renew to server 192.0.2.1", client.Output, StringComparison.Ordinal);
        await lab.Supervisor.WaitForLogAsync($"DHCP: inverter on link: 00:27:02:00:00:02 {ip} - (renewed)");
        AssertNothingOnTheUplink();
    }

    [Fact]
    public async Task Dhclient_GetsTheReservedAddress_AndInitRebootKeepsIt()
    {
        Network.Commands.Require("dhclient", "isc-dhcp-client");
        await lab.ResetClientAsync("00:27:02:00:00:10");
        string script = lab.WriteScript("dhclient-print.sh", "reason=$reason ip=$new_ip_address router=$new_routers dns=$new_domain_name_servers mask=$new_subnet_mask");
        string leases = Path.Combine(lab.Folder, "dhclient.leases");
        string pid = Path.Combine(lab.Folder, "dhclient.pid");
        string[] command = ["dhclient", "-4", "-1", "-d", "-v", "-sf", script, "-lf", leases, "-pf", pid, "eth0"];

        await using (RunningProcess first = lab.Lab.Start(lab.Client, null, command))
        {
            await first.WaitForOutputAsync("SCRIPT  reason=BOUND", TimeSpan.FromSeconds(20));
            Assert.Contains("reason=BOUND ip=192.0.2.10 router=192.0.2.1 dns=192.0.2.1 mask=255.255.255.0", first.Output, StringComparison.Ordinal);
        }

        // Started again with its lease file, dhclient asks for the same address at once (INIT-REBOOT, RFC 2131 §4.3.2).
        await using RunningProcess second = lab.Lab.Start(lab.Client, null, command);
        await second.WaitForOutputAsync("SCRIPT  reason=", TimeSpan.FromSeconds(20));
        await second.WaitForOutputAsync("bound to 192.0.2.10", TimeSpan.FromSeconds(20));
        Assert.Contains("DHCPREQUEST for 192.0.2.10", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DHCPDISCOVER", second.Output, StringComparison.Ordinal);
        JsonElement inverter = await lab.Supervisor.InverterAsync("00:27:02:00:00:10");
        Assert.Equal("192.0.2.10", inverter.GetProperty("address").GetString());
        AssertNothingOnTheUplink();
    }

    [Fact]
    public async Task Dhcpcd_GetsALease()
    {
        Network.Commands.Require("dhcpcd", "dhcpcd-base");
        await lab.ResetClientAsync("00:27:02:00:00:03");
        string script = lab.WriteScript("dhcpcd-print.sh", "reason=$reason ip=$new_ip_address router=$new_routers dns=$new_domain_name_servers mask=$new_subnet_mask lease=$new_dhcp_lease_time");
        string config = Path.Combine(lab.Folder, "dhcpcd.conf");
        await File.WriteAllTextAsync(config, "");

        // dhcpcd keeps its lease and pid files in /var/lib/dhcpcd and /run: tmpfs over both, in this command's own
        // mount namespace (ip netns exec makes one), so the host's are never touched. -c replaces the hook scripts.
        CommandResult result = await lab.Lab.RunAsync(lab.Client, "sh", "-c",
            "mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /var/lib/dhcpcd && " +
            $"exec dhcpcd -4 -1 -B -A -f '{config}' -c '{script}' -t 15 -h inverter-c eth0");

        result.EnsureSuccess();
        Match bound = DhcpcdBound().Match(result.StandardOutput);
        Assert.True(bound.Success, result.StandardOutput + result.StandardError);
        JsonElement inverter = await lab.Supervisor.InverterAsync("00:27:02:00:00:03");
        Assert.Equal(bound.Groups["ip"].Value, inverter.GetProperty("address").GetString());
        Assert.Equal("inverter-c", inverter.GetProperty("hostname").GetString());
        AssertNothingOnTheUplink();
    }

    [Fact]
    public async Task Udhcpc_MacNotAllowed_GetsNothing_AndIsLoggedOnce()
    {
        Network.Commands.Require("udhcpc", "udhcpc");
        await lab.ResetClientAsync("02:00:00:00:00:99");
        string script = lab.WriteScript("udhcpc-print.sh", Variables);

        CommandResult result = await lab.Lab.RunAsync(lab.Client,
            "udhcpc", "-i", "eth0", "-f", "-q", "-n", "-t", "3", "-T", "1", "-s", script);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SCRIPT leasefail", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("SCRIPT bound", result.StandardOutput, StringComparison.Ordinal);
        await lab.Supervisor.WaitForLogAsync("DHCP: ignored 02:00:00:00:00:99: its MAC is not allowed");
        Assert.Equal(1, lab.Supervisor.CountInLog("DHCP: ignored 02:00:00:00:00:99"));
        JsonElement status = await lab.Supervisor.StatusAsync();
        Assert.DoesNotContain("02:00:00:00:00:99", status.GetProperty("inverters").ToString(), StringComparison.Ordinal);
        AssertNothingOnTheUplink();
    }

    private void AssertNothingOnTheUplink() =>
        Assert.True(lab.Uplink.Packets.Count == 0, "DHCP packets on the uplink:\n" + string.Join('\n', lab.Uplink.Packets));

    private static int Kill(int pid, string signal) =>
        Network.Commands.RunAsync("kill", [signal, pid.ToString(global::System.Globalization.CultureInfo.InvariantCulture)]).GetAwaiter().GetResult().ExitCode;

    [GeneratedRegex(@"SCRIPT bound ip=(?<ip>\S+) (?<rest>[^\n]*?)\s*$", RegexOptions.Multiline)]
    private static partial Regex BoundLine();

    [GeneratedRegex(@"SCRIPT  reason=BOUND ip=(?<ip>192\.0\.2\.\d+) router=192\.0\.2\.1 dns=192\.0\.2\.1 mask=255\.255\.255\.0 lease=3600")]
    private static partial Regex DhcpcdBound();
}
