namespace SolarTap.Devices.Serial;

/// <summary>What the RS485 master knows about one slave, at one moment.</summary>
/// <param name="Id">The slave's inverter ID.</param>
/// <param name="Online">Whether it answered recently (false after <see cref="SolarEdgeRs485MasterOptions.OfflineAfter"/> missed polls).</param>
/// <param name="LastAnswer">When it last sent a checked message, or null.</param>
/// <param name="Polls">Polls (grant cycles) made to it.</param>
/// <param name="Posts">0x0500 posts received from it.</param>
/// <param name="Timeouts">Grants it did not answer in time.</param>
/// <param name="CrcErrors">Corrupt messages seen while it held the bus.</param>
/// <param name="ConsecutiveFailures">Polls in a row without an answer.</param>
/// <param name="NextAttempt">For an offline slave, when it will be tried again.</param>
public sealed record Rs485SlaveStatus(
    uint Id,
    bool Online,
    DateTimeOffset? LastAnswer,
    long Polls,
    long Posts,
    long Timeouts,
    long CrcErrors,
    int ConsecutiveFailures,
    DateTimeOffset? NextAttempt);
