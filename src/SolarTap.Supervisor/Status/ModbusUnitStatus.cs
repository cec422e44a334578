namespace SolarTap.Supervisor.Status;

/// <summary>One Modbus unit the SunSpec source polls (a leader or follower inverter on a link), at the time of a snapshot.</summary>
/// <param name="Link">The link: <c>192.168.50.20:1502</c> or <c>/dev/ttyUSB0</c>.</param>
/// <param name="Unit">The unit id.</param>
/// <param name="State">Online (the last poll was answered), waiting (not yet polled, or retrying), failed (offline).</param>
/// <param name="Serial">The serial from its common model, once read.</param>
/// <param name="Device">Manufacturer and model from its common model, once read.</param>
/// <param name="Models">The SunSpec model ids found, in map order.</param>
/// <param name="LastAnswer">When it last answered a request.</param>
/// <param name="Polls">Polls completed with readings.</param>
/// <param name="Readings">Readings that were new to the journal.</param>
/// <param name="Failures">Polls that failed (timeouts, lost connection, exception responses).</param>
/// <param name="Timeouts">Requests that got no answer after every attempt.</param>
/// <param name="Exceptions">Exception responses.</param>
/// <param name="LastError">What went wrong last (with an exception code's meaning), or null.</param>
public sealed record ModbusUnitStatus(
    string Link,
    byte Unit,
    ComponentState State,
    string? Serial,
    string? Device,
    IReadOnlyList<int> Models,
    DateTimeOffset? LastAnswer,
    long Polls,
    long Readings,
    long Failures,
    long Timeouts,
    long Exceptions,
    string? LastError);
