using System.Globalization;
using System.Text;

namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>Export and restore of session state (spec §4.6).</summary>
public sealed partial class InverterSessions
{
    /// <summary>First line of an export; identifies the format.</summary>
    public const string ExportHeader = "# solartap solaredge sessions v1: inverter-id received-at-utc last-0503-payload-hex";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>
    /// The state a later run needs to decode the next wrapper: per inverter the last 0x0503 payload and its receive
    /// time (spec §4.6). One line per inverter after <see cref="ExportHeader"/>, for example
    /// <c>7F104920 2016-03-25T10:00:00.0000000Z 853c…58e8</c>. Holds no key.
    /// </summary>
    public string Export()
    {
        var text = new StringBuilder(ExportHeader).Append('\n');
        lock (_gate)
        {
            foreach ((uint id, InverterSession session) in _sessions.OrderBy(pair => pair.Key))
            {
                text.Append(CultureInfo.InvariantCulture, $"{id:X8} ")
                    .Append(session.ReceivedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture))
                    .Append(' ')
                    .Append(Convert.ToHexStringLower(session.Announcement.Payload))
                    .Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Restores sessions from <see cref="Export"/> text. All lines are checked first; on any error nothing is restored
    /// and <paramref name="error"/> names the line and what is wrong. A restored session replaces a current one only if
    /// it is newer. Blank lines and lines starting with '#' are skipped.
    /// </summary>
    public bool TryImport(string? text, out string? error)
    {
        var restored = new List<(uint Id, SessionKeyAnnouncement Announcement, DateTimeOffset ReceivedAt)>();
        string[] lines = (text ?? "").Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!TryParseLine(line, out uint id, out DateTimeOffset receivedAt, out SessionKeyAnnouncement? announcement, out string? problem))
            {
                error = $"session state line {n + 1}: {problem}";
                return false;
            }

            restored.Add((id, announcement!, receivedAt));
        }

        lock (_gate)
        {
            foreach ((uint id, SessionKeyAnnouncement announcement, DateTimeOffset receivedAt) in restored)
            {
                if (!_sessions.TryGetValue(id, out InverterSession? current) || current.ReceivedAt < receivedAt)
                {
                    Replace(id, new InverterSession(announcement, receivedAt));
                }
            }
        }

        error = null;
        return true;
    }

    private static bool TryParseLine(string line, out uint id, out DateTimeOffset receivedAt, out SessionKeyAnnouncement? announcement, out string? problem)
    {
        id = 0;
        receivedAt = default;
        announcement = null;
        string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 3)
        {
            problem = $"expected 3 fields (inverter ID, receive time, 0x0503 payload hex), found {fields.Length}";
            return false;
        }

        if (fields[0].Length > 8 || !uint.TryParse(fields[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out id)
            || !SessionTracker.IsInverterAddress(id))
        {
            problem = $"expected an inverter ID of up to 8 hexadecimal digits, found '{fields[0]}'";
            return false;
        }

        if (!DateTimeOffset.TryParseExact(fields[1], TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out receivedAt))
        {
            problem = $"expected a UTC receive time like 2016-03-25T10:00:00.0000000Z, found '{fields[1]}'";
            return false;
        }

        var payload = new byte[SessionKeyAnnouncement.PayloadLength];
        bool hex = fields[2].Length == 2 * payload.Length
            && Convert.FromHexString(fields[2], payload, out _, out _) == System.Buffers.OperationStatus.Done;
        if (!hex || !SessionKeyAnnouncement.TryParse(payload, out announcement, out _))
        {
            problem = $"expected the 0x0503 payload as {2 * SessionKeyAnnouncement.PayloadLength} hexadecimal digits, found '{fields[2]}'";
            return false;
        }

        problem = null;
        return true;
    }
}
