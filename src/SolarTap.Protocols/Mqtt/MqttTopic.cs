using System.Numerics;

namespace SolarTap.Protocols.Mqtt;

/// <summary>
/// Topic names and topic filters (MQTT 3.1.1 §4.7). Levels are separated by '/'. Names (in PUBLISH) never hold
/// wildcards [MQTT-3.3.2-2]; filters (in SUBSCRIBE/UNSUBSCRIBE) may use '+' for exactly one whole level
/// [MQTT-4.7.1-3] and '#' only as the whole last level [MQTT-4.7.1-2]. Both are at least one character
/// [MQTT-4.7.3-1] and valid MQTT strings (§1.5.3). The checks work on UTF-8 bytes or on strings alike, since the
/// three special characters are ASCII.
/// </summary>
public static class MqttTopic
{
    private const char Separator = '/';
    private const char SingleLevel = '+';
    private const char MultiLevel = '#';

    /// <summary>Whether <paramref name="name"/> may be the topic of a PUBLISH (§3.3.2.1, §4.7).</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 } && name.AsSpan().IndexOfAny(SingleLevel, MultiLevel) < 0 && MqttText.IsValid(name);

    /// <summary>Whether the UTF-8 <paramref name="name"/> may be the topic of a PUBLISH. Never throws.</summary>
    public static bool IsValidName(ReadOnlySpan<byte> name) =>
        name.Length > 0 && name.IndexOfAny((byte)SingleLevel, (byte)MultiLevel) < 0 && MqttText.IsValid(name);

    /// <summary>Whether <paramref name="filter"/> may be subscribed to (§4.7.1).</summary>
    public static bool IsValidFilter(string? filter) =>
        filter is { Length: > 0 } && WildcardsPlaced(filter.AsSpan()) && MqttText.IsValid(filter);

    /// <summary>Whether the UTF-8 <paramref name="filter"/> may be subscribed to. Never throws.</summary>
    public static bool IsValidFilter(ReadOnlySpan<byte> filter) =>
        filter.Length > 0 && WildcardsPlaced(filter) && MqttText.IsValid(filter);

    /// <summary>
    /// Whether a message on topic <paramref name="name"/> is delivered to a subscription on <paramref name="filter"/>
    /// (§4.7.1, §4.7.2): '+' matches one level (which may be empty), '#' the parent level and everything below,
    /// and a filter starting with a wildcard never matches a name starting with '$' [MQTT-4.7.2-1].
    /// </summary>
    public static bool Matches(string filter, string name)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith('$') && (filter.StartsWith(SingleLevel) || filter.StartsWith(MultiLevel)))
        {
            return false;
        }

        ReadOnlySpan<char> f = filter;
        ReadOnlySpan<char> n = name;
        while (true)
        {
            int fEnd = f.IndexOf(Separator);
            ReadOnlySpan<char> fLevel = fEnd < 0 ? f : f[..fEnd];
            if (fLevel is "#")
            {
                return true; // "sport/#" also matches "sport" (§4.7.1.2)
            }

            int nEnd = n.IndexOf(Separator);
            ReadOnlySpan<char> nLevel = nEnd < 0 ? n : n[..nEnd];
            if (fLevel is not "+" && !fLevel.SequenceEqual(nLevel))
            {
                return false;
            }

            if (fEnd < 0 || nEnd < 0)
            {
                // Both must end together; "a/#" still matches "a" when the name ran out first.
                return (fEnd < 0 && nEnd < 0) || (nEnd < 0 && f[(fEnd + 1)..] is "#");
            }

            f = f[(fEnd + 1)..];
            n = n[(nEnd + 1)..];
        }
    }

    private static bool WildcardsPlaced<T>(ReadOnlySpan<T> filter)
        where T : unmanaged, INumberBase<T>
    {
        T separator = T.CreateTruncating(Separator);
        T single = T.CreateTruncating(SingleLevel);
        T multi = T.CreateTruncating(MultiLevel);
        for (int i = 0; i < filter.Length; i++)
        {
            T c = filter[i];
            bool wholeLevel = (i == 0 || filter[i - 1].Equals(separator)) && (i == filter.Length - 1 || filter[i + 1].Equals(separator));
            if (c.Equals(single) && !wholeLevel)
            {
                return false; // [MQTT-4.7.1-3]
            }

            if (c.Equals(multi) && (!wholeLevel || i != filter.Length - 1))
            {
                return false; // [MQTT-4.7.1-2]
            }
        }

        return true;
    }
}
