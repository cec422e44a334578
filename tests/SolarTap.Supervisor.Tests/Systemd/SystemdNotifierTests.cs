using SolarTap.Supervisor.Systemd;

namespace SolarTap.Supervisor.Tests.Systemd;

public class SystemdNotifierTests
{
    [Fact]
    public async Task Send_ToAPathSocket_Arrives()
    {
        using var temp = new TempFolder();
        using var systemd = new NotifySocket(temp.File("notify"));
        using var notifier = new SystemdNotifier(systemd.Address, null, null, Environment.ProcessId);

        Assert.True(notifier.Send("READY=1\nSTATUS=ok"));

        Assert.Equal(["READY=1\nSTATUS=ok"], await systemd.ReceiveUntilAsync("READY=1", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Send_ToAnAbstractSocket_Arrives()
    {
        using var systemd = new NotifySocket($"@solartap-test-{Guid.NewGuid():N}");
        using var notifier = new SystemdNotifier(systemd.Address, null, null, Environment.ProcessId);

        Assert.True(notifier.Send("WATCHDOG=1"));

        Assert.Equal(["WATCHDOG=1"], await systemd.ReceiveUntilAsync("WATCHDOG=1", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Send_NoNotifySocket_DoesNothing()
    {
        using var notifier = new SystemdNotifier(null, "1000000", null, Environment.ProcessId);

        Assert.False(notifier.IsEnabled);
        Assert.Null(notifier.WatchdogInterval);
        Assert.False(notifier.Send("READY=1"));
    }

    [Fact]
    public void Send_NobodyListening_ReturnsFalseWithoutThrowing()
    {
        using var temp = new TempFolder();
        using var notifier = new SystemdNotifier(temp.File("gone"), null, null, Environment.ProcessId);

        Assert.False(notifier.Send("READY=1"));
    }
}
