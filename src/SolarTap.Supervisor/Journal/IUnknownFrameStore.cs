namespace SolarTap.Supervisor.Journal;

/// <summary>
/// Where a source keeps raw frames that failed to decode (ARCHITECTURE §3: counted, logged with hex by the source,
/// kept in a bounded table for later analysis). Implemented by the journal; never stops a session.
/// </summary>
public interface IUnknownFrameStore
{
    /// <summary>Keeps <paramref name="payload"/> with its source ("solaredge") and why it failed; only the newest N are kept.</summary>
    void RecordUnknownFrame(string source, string reason, ReadOnlySpan<byte> payload);
}
