using System.Globalization;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Protocols.SolarEdge.Telemetry;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>
/// Appends the readings of SolarEdge posts to the journal; when <see cref="AppendAsync"/> returns, they are durable and
/// the post may be acknowledged (ARCHITECTURE §3). A post the inverter sends again (its ACK was lost, or the supervisor
/// died between the commit and the ACK) is stored once: the journal keeps one reading per device and timestamp.
/// Records of a post that were not decoded go, raw, to the bounded unknown-frames table (ARCHITECTURE §3). The post's
/// payload itself (decrypted) is kept with its readings, in the same transaction, for semonitor's format; a re-sent
/// post (same inverter, same payload) is kept once.
/// </summary>
/// <param name="journal">The journal the readings go to.</param>
/// <param name="unknownFrames">Where undecoded records are kept; null to drop them (they are still counted and logged).</param>
public sealed class SolarEdgeJournalWriter(IReadingJournal journal, IUnknownFrameStore? unknownFrames = null)
{
    /// <summary>The <c>source</c> of the unknown frames this writer keeps.</summary>
    public const string UnknownFrameSource = "solaredge";

    private readonly IReadingJournal _journal = journal ?? throw new ArgumentNullException(nameof(journal));

    /// <summary>Makes <paramref name="readings"/> durable (or finds them already stored); returns how many were new.</summary>
    /// <exception cref="IOException">The journal could not commit them: do not acknowledge.</exception>
    public async Task<int> AppendAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return readings.Count == 0 ? 0 : await _journal.AppendAsync(readings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Makes the readings and the payload of <paramref name="post"/> durable in one commit, then keeps its undecoded
    /// records (header and data, as sent) in the unknown-frames table. A post sent again whose readings were all stored
    /// already does not add its records a second time. Keeping them never fails the post.
    /// </summary>
    /// <returns>How many readings were new.</returns>
    /// <exception cref="IOException">The journal could not commit the readings: do not acknowledge.</exception>
    public async Task<int> AppendPostAsync(SolarEdgePost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        int stored = await _journal.AppendAsync(post.Readings, Raw(post), cancellationToken).ConfigureAwait(false);
        if (unknownFrames is not null && post.Telemetry is { UnknownRecords.Count: > 0 } telemetry && (stored > 0 || post.Readings.Count == 0))
        {
            foreach (UnknownTelemetryRecord record in telemetry.UnknownRecords)
            {
                try
                {
                    unknownFrames.RecordUnknownFrame(UnknownFrameSource, Describe(post, record), Raw(record));
                }
                catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
                {
                    // ARCHITECTURE §3: an undecodable frame never stops a session; it is still counted and logged.
                }
            }
        }

        return stored;
    }

    /// <summary>One line: which inverter and post, the record's type, device and why it was not decoded.</summary>
    internal static string Describe(SolarEdgePost post, UnknownTelemetryRecord record) => string.Create(CultureInfo.InvariantCulture,
        $"post seq {post.Sequence} from {SolarEdgeAddress.Format(post.Inverter)}: record type 0x{(ushort)record.Type:X4}, device {record.DeviceId:X8}, " +
        $"{record.DeclaredLength} bytes declared, {record.Data.Length} present, at offset {record.Offset}: {record.Reason}");

    /// <summary>The post's payload for the journal, timed by its earliest reading (else its arrival); null for an empty post.</summary>
    internal static RawPost? Raw(SolarEdgePost post)
    {
        if (post.Payload.IsEmpty)
        {
            return null;
        }

        DateTimeOffset time = post.Readings.Count == 0 ? post.ReceivedAt : post.Readings.Min(r => r.Timestamp);
        return new RawPost(SolarEdgeAddress.Format(post.Inverter), time, post.Payload);
    }

    /// <summary>The record as sent: its 8-byte header (when it was complete) and its data.</summary>
    private static byte[] Raw(UnknownTelemetryRecord record)
    {
        if (record.DeclaredLength is < 0 or > ushort.MaxValue)
        {
            return record.Data.ToArray();
        }

        var bytes = new byte[TelemetryRecordHeader.Size + record.Data.Length];
        new TelemetryRecordHeader(record.Type, record.DeviceId, (ushort)record.DeclaredLength).TryWrite(bytes);
        record.Data.Span.CopyTo(bytes.AsSpan(TelemetryRecordHeader.Size));
        return bytes;
    }
}
