using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.Web;

/// <summary>
/// Each device's newest reading, kept up to date from the journal: seeded with one lookup per device, then fed with
/// what was appended since (by sequence), so a large journal costs nothing after the start.
/// </summary>
internal sealed class ReadingTracker(SqliteReadingJournal? journal)
{
    private const int PageSize = 5000;
    private readonly Lock _gate = new();
    private readonly Dictionary<(DeviceKind, string), SiteDevice> _latest = [];
    private long _position = -1;

    /// <summary>The journal, or null when it is not in use (a configuration error).</summary>
    public SqliteReadingJournal? Journal => journal;

    /// <summary>Reads what the journal has beyond the last call; returns the devices whose newest reading changed.</summary>
    public IReadOnlyList<SiteDevice> Refresh()
    {
        if (journal is null)
        {
            return [];
        }

        lock (_gate)
        {
            var changed = new Dictionary<(DeviceKind, string), SiteDevice>();
            try
            {
                if (_position < 0)
                {
                    long last = journal.LastSequence;
                    Apply(journal.ReadLatestPerDevice(), changed);
                    _position = last;
                }

                IReadOnlyList<JournalEntry> page;
                do
                {
                    page = journal.ReadAfter(_position, PageSize);
                    Apply(page, changed);
                    if (page.Count > 0)
                    {
                        _position = page[^1].Sequence;
                    }
                }
                while (page.Count == PageSize);
            }
            catch (InvalidOperationException)
            {
                // the journal is not open (yet, or any more): nothing new
            }

            return [.. changed.Values];
        }
    }

    /// <summary>Every device's newest reading: inverters first, then by kind and serial.</summary>
    public IReadOnlyList<SiteDevice> All()
    {
        lock (_gate)
        {
            return [.. _latest.OrderBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2, StringComparer.Ordinal).Select(p => p.Value)];
        }
    }

    /// <summary>The web page's form of a reading.</summary>
    public static SiteDevice ToSiteDevice(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var values = new Dictionary<string, double?>(reading.Values.Count, StringComparer.Ordinal);
        foreach (Measurement m in reading.Values)
        {
            // Three decimals are more than any device measures, and keep the live messages short.
            values[ReadingJsonWriter.ValueKey(m)] = double.IsFinite(m.Value) ? Math.Round(m.Value, 3) : null;
        }

        DeviceIdentity d = reading.Device;
        return new SiteDevice(ReadingJsonWriter.KindName(d.Kind), d.Serial, d.Parent, reading.Timestamp, values);
    }

    private void Apply(IReadOnlyList<JournalEntry> entries, Dictionary<(DeviceKind, string), SiteDevice> changed)
    {
        foreach (JournalEntry entry in entries)
        {
            Reading reading = entry.Reading;
            var key = (reading.Device.Kind, reading.Device.Serial);
            // A replayed older reading does not replace a newer one.
            if (_latest.TryGetValue(key, out SiteDevice? current) && current.Time > reading.Timestamp)
            {
                continue;
            }

            SiteDevice device = ToSiteDevice(reading);
            _latest[key] = device;
            changed[key] = device;
        }
    }
}
