namespace SolarTap.Supervisor.Journal;

/// <summary>One raw post read back from the journal (<see cref="RawPost"/>). A post cursor is the <see cref="Id"/> of the last one delivered.</summary>
/// <param name="Id">The post's place in the journal: increases with every stored post and is never reused.</param>
/// <param name="Device">The sending device's serial.</param>
/// <param name="Time">The post's own time (its earliest reading's timestamp, else when it was received).</param>
/// <param name="Received">When the appliance committed it.</param>
/// <param name="Payload">The payload as received (decrypted).</param>
public sealed record JournalPost(long Id, string Device, DateTimeOffset Time, DateTimeOffset Received, byte[] Payload);
