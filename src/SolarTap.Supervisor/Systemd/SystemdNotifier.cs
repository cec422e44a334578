using System.Net.Sockets;
using System.Text;

namespace SolarTap.Supervisor.Systemd;

/// <summary>
/// Sends sd_notify datagrams to the socket systemd names in $NOTIFY_SOCKET; does nothing when it is unset (not
/// started by systemd, or not Type=notify). Failures to send are returned, never thrown: systemd integration must
/// not take the appliance down.
/// </summary>
public sealed class SystemdNotifier : IDisposable
{
    private readonly Lock _lock = new();
    private readonly UnixDomainSocketEndPoint? _endPoint;
    private Socket? _socket;

    /// <summary>A notifier for the given environment values (see <see cref="FromEnvironment"/>).</summary>
    public SystemdNotifier(string? notifySocket, string? watchdogUsec, string? watchdogPid, int processId)
    {
        _endPoint = SystemdNotifyMessages.NotifyEndPoint(notifySocket);
        WatchdogInterval = _endPoint is null ? null : SystemdNotifyMessages.WatchdogInterval(watchdogUsec, watchdogPid, processId);
    }

    /// <summary>Whether $NOTIFY_SOCKET names a socket.</summary>
    public bool IsEnabled => _endPoint is not null;

    /// <summary>How often to send WATCHDOG=1, or null when systemd does not watch this process.</summary>
    public TimeSpan? WatchdogInterval { get; }

    /// <summary>A notifier for this process, from $NOTIFY_SOCKET, $WATCHDOG_USEC and $WATCHDOG_PID.</summary>
    public static SystemdNotifier FromEnvironment() => new(
        Environment.GetEnvironmentVariable("NOTIFY_SOCKET"),
        Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
        Environment.GetEnvironmentVariable("WATCHDOG_PID"),
        Environment.ProcessId);

    /// <summary>Sends one message; false when disabled or the send failed.</summary>
    public bool Send(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_endPoint is null)
        {
            return false;
        }

        lock (_lock)
        {
            try
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                _socket.SendTo(Encoding.UTF8.GetBytes(message), SocketFlags.None, _endPoint);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_lock)
        {
            _socket?.Dispose();
            _socket = null;
        }
    }
}
