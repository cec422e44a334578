using System.Globalization;
using System.Net.Sockets;

namespace SolarTap.Supervisor.Systemd;

/// <summary>
/// The sd_notify protocol as pure functions: the datagrams a Type=notify service sends to $NOTIFY_SOCKET, and how
/// the environment systemd sets is read (sd_notify(3), sd_watchdog_enabled(3)).
/// </summary>
public static class SystemdNotifyMessages
{
    /// <summary>Longest STATUS= text sent; systemctl shows one line, so longer text is cut.</summary>
    public const int MaxStatusLength = 200;

    /// <summary>"READY=1" and the status line: start-up is complete.</summary>
    public static string Ready(string status) => $"READY=1\nSTATUS={OneLine(status)}";

    /// <summary>"STATUS=..." for <c>systemctl status</c>.</summary>
    public static string Status(string status) => $"STATUS={OneLine(status)}";

    /// <summary>"WATCHDOG=1": the service is alive.</summary>
    public static string Watchdog => "WATCHDOG=1";

    /// <summary>"STOPPING=1" and the status line: shutdown has begun.</summary>
    public static string Stopping(string status) => $"STOPPING=1\nSTATUS={OneLine(status)}";

    /// <summary>
    /// How often to send WATCHDOG=1: half of $WATCHDOG_USEC, when that is set and positive and $WATCHDOG_PID is unset
    /// or is <paramref name="processId"/>; otherwise null (no watchdog).
    /// </summary>
    public static TimeSpan? WatchdogInterval(string? watchdogUsec, string? watchdogPid, int processId)
    {
        if (!ulong.TryParse(watchdogUsec, NumberStyles.None, CultureInfo.InvariantCulture, out ulong usec) || usec == 0)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(watchdogPid)
            && (!int.TryParse(watchdogPid, NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid != processId))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(Math.Min(usec, (ulong)TimeSpan.MaxValue.TotalMicroseconds / 2) / 2.0);
    }

    /// <summary>
    /// The address in $NOTIFY_SOCKET: an absolute path, or an abstract socket name written with a leading '@'.
    /// Null when unset or not one of those (then nothing is sent).
    /// </summary>
    public static UnixDomainSocketEndPoint? NotifyEndPoint(string? notifySocket)
    {
        if (string.IsNullOrEmpty(notifySocket) || notifySocket.Length < 2)
        {
            return null;
        }

        return notifySocket[0] switch
        {
            '/' => new UnixDomainSocketEndPoint(notifySocket),
            '@' => new UnixDomainSocketEndPoint("\0" + notifySocket[1..]),
            _ => null,
        };
    }

    /// <summary>The text on one line (line breaks become spaces), at most <see cref="MaxStatusLength"/> characters.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string line = text.ReplaceLineEndings(" ").Replace('\n', ' ');
        return line.Length <= MaxStatusLength ? line : line[..(MaxStatusLength - 3)] + "...";
    }
}
