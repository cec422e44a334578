using System.Net.Sockets;
using SolarTap.Supervisor.Systemd;

namespace SolarTap.Supervisor.Tests.Systemd;

public class SystemdNotifyMessagesTests
{
    [Fact]
    public void Ready_CarriesTheStatusLine()
    {
        Assert.Equal("READY=1\nSTATUS=running: 0 inverters, 0 readings", SystemdNotifyMessages.Ready("running: 0 inverters, 0 readings"));
    }

    [Fact]
    public void Status_MultiLineText_BecomesOneLine()
    {
        Assert.Equal("STATUS=configuration error: a b", SystemdNotifyMessages.Status("configuration error: a\r\nb"));
    }

    [Fact]
    public void Status_LongText_IsCut()
    {
        string message = SystemdNotifyMessages.Status(new string('x', 500));

        Assert.Equal("STATUS=".Length + SystemdNotifyMessages.MaxStatusLength, message.Length);
        Assert.EndsWith("...", message, StringComparison.Ordinal);
    }

    [Fact]
    public void WatchdogAndStopping_AreTheProtocolWords()
    {
        Assert.Equal("WATCHDOG=1", SystemdNotifyMessages.Watchdog);
        Assert.Equal("STOPPING=1\nSTATUS=stopping", SystemdNotifyMessages.Stopping("stopping"));
    }

    [Theory]
    [InlineData("30000000", null, 15_000)]
    [InlineData("30000000", "", 15_000)]
    [InlineData("30000000", "4242", 15_000)]
    [InlineData("200000", null, 100)]
    [InlineData("30000000", "4243", null)]
    [InlineData("0", null, null)]
    [InlineData("", null, null)]
    [InlineData(null, null, null)]
    [InlineData("-5", null, null)]
    [InlineData("abc", null, null)]
    public void WatchdogInterval_IsHalfOfWatchdogUsecForThisProcess(string? usec, string? pid, int? milliseconds)
    {
        TimeSpan? interval = SystemdNotifyMessages.WatchdogInterval(usec, pid, processId: 4242);

        Assert.Equal(milliseconds is { } ms ? TimeSpan.FromMilliseconds(ms) : null, interval);
    }

    [Fact]
    public void NotifyEndPoint_AbstractName_IsAnAbstractAddress()
    {
        UnixDomainSocketEndPoint endPoint = SystemdNotifyMessages.NotifyEndPoint("@/org/freedesktop/systemd1/notify/1")!;

        // .NET writes an abstract address (leading zero byte) back with '@'; a path socket would print as the path.
        Assert.Equal("@/org/freedesktop/systemd1/notify/1", endPoint.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("relative/path")]
    public void NotifyEndPoint_UnsetOrInvalid_IsNull(string? value)
    {
        Assert.Null(SystemdNotifyMessages.NotifyEndPoint(value));
    }
}
