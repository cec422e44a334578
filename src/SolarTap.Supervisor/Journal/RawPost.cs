namespace SolarTap.Supervisor.Journal;

/// <summary>
/// A device's post as it was received (for SolarEdge: the plain or decrypted 0x0500 payload), kept next to its
/// readings so that formats made of the raw post (semonitor's JSON) can be written from the journal.
/// </summary>
/// <param name="Device">The sending device's serial (an inverter's address as in the readings, e.g. <c>7F104920</c>).</param>
/// <param name="Time">The post's own time: its earliest reading's timestamp, else when it was received.</param>
/// <param name="Payload">The payload bytes; not copied by the journal before the commit.</param>
public sealed record RawPost(string Device, DateTimeOffset Time, ReadOnlyMemory<byte> Payload);
