using SolarTap.Devices.Serial;
using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Supervisor.Status;

public sealed partial class StatusModel
{
    /// <summary>The status-model source name of RS485 slave <paramref name="id"/>: <c>rs485-7F104920</c>.</summary>
    public static string SerialSlaveSource(uint id) => "rs485-" + SolarEdgeAddress.Format(id);

    /// <summary>
    /// Shows one RS485 slave as a source (<c>rs485-&lt;id&gt;</c>): running while it answers, waiting while it is offline
    /// (with when it will be tried again), starting before its first answer; counters polls, posts, timeouts and
    /// crc_errors; last activity is its last answer.
    /// </summary>
    public void SetSerialSlave(Rs485SlaveStatus slave)
    {
        ArgumentNullException.ThrowIfNull(slave);
        string name = SerialSlaveSource(slave.Id);
        (ComponentState state, string detail) = slave switch
        {
            { Online: true } => (ComponentState.Running, "online"),
            { NextAttempt: { } next } => (ComponentState.Waiting,
                $"offline after {slave.ConsecutiveFailures} unanswered polls; next attempt {next:HH:mm:ss} UTC"),
            { LastAnswer: null } => (ComponentState.Starting, slave.Polls == 0 ? "not polled yet" : $"no answer yet ({slave.Timeouts} timeouts)"),
            _ => (ComponentState.Running, $"answering, {slave.ConsecutiveFailures} polls missed in a row"),
        };
        var counters = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["polls"] = slave.Polls,
            ["posts"] = slave.Posts,
            ["timeouts"] = slave.Timeouts,
            ["crc_errors"] = slave.CrcErrors,
        };
        lock (_lock)
        {
            _sources[name] = new SourceStatus(name, state, detail, counters, slave.LastAnswer);
        }

        OnChanged();
    }
}
