using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Dhcp;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Dhcp;

public class DhcpServiceTests
{
    [Theory]
    [InlineData(null, "eth0", ComponentState.Stopped, "off (network.dhcp_port is off)")]
    [InlineData(67, "nosuchif0", ComponentState.Waiting, "waiting for interface nosuchif0 (network.interface) to appear")]
    [InlineData(67, "lo", ComponentState.Waiting, "waiting for interface lo to have the address 192.168.50.1/24 (network.address)")]
    public async Task Start_NotServing_SaysWhyOnTheStatusAndNeverFails(int? port, string iface, ComponentState state, string detail)
    {
        using var temp = new TempFolder();
        var status = new StatusModel(TimeProvider.System);
        var network = new NetworkOptions { DhcpPort = port, Interface = iface, LeaseFile = temp.File("leases.txt") };
        using var service = new DhcpService(network, status, TimeProvider.System, NullLogger<DhcpService>.Instance);

        await service.StartAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (status.Snapshot().Sources is not [{ } first] || first.State != state)
        {
            await Task.Delay(20, cancel.Token);
        }

        await service.StopAsync(CancellationToken.None);

        SourceStatus source = Assert.Single(status.Snapshot().Sources);
        Assert.Equal(DhcpService.Source, source.Name);
        Assert.Equal(detail, source.Detail);
        Assert.False(File.Exists(network.LeaseFile));
    }
}
