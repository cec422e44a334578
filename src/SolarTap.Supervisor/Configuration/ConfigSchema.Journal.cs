using System.Globalization;

namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private const string SizeExpected = "a size such as 500MB or 2GB (MB and GB count 1024 × 1024 and 1024³ bytes), from 10MB to 1024GB";

    private static readonly ConfigSection<JournalOptions> Journal = new(new Dictionary<string, Action<ConfigNode, JournalOptions>>
    {
        ["path"] = (n, o) => AbsolutePath(n, v => o.Path = v),
        ["max_age"] = (n, o) => Duration(n, TimeSpan.FromDays(1), TimeSpan.FromDays(3650), "1d to 3650d", v => o.MaxAge = v),
        ["max_size"] = (n, o) =>
        {
            if (Scalar(n, SizeExpected, TrySize, 0L) is (true, var bytes))
            {
                o.MaxSizeBytes = bytes;
            }
        },
        ["unknown_frames"] = (n, o) =>
        {
            if (n.TryInteger("a whole number from 0 to 100000", 0, 100_000, out long count))
            {
                o.UnknownFrames = (int)count;
            }
        },
    });

    private static bool TrySize(string text, out long bytes)
    {
        bytes = 0;
        (string digits, long unit) = text.EndsWith("GB", StringComparison.Ordinal) ? (text[..^2], 1024L * 1024 * 1024)
            : text.EndsWith("MB", StringComparison.Ordinal) ? (text[..^2], 1024L * 1024)
            : ("", 0);
        if (unit == 0 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long count))
        {
            return false;
        }

        bytes = count * unit;
        return bytes >= 10L * 1024 * 1024 && bytes <= 1024L * 1024 * 1024 * 1024;
    }
}
