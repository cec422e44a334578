using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SolarTap.Protocols.Net;

/// <summary>Text form of MAC addresses and prefixes, shared by <see cref="MacAddress"/> and <see cref="MacPrefix"/>.</summary>
internal static class MacText
{
    /// <summary>Formats the top <paramref name="octets"/> octets of <paramref name="leftAligned"/>.</summary>
    public static string Format(ulong leftAligned, int octets)
    {
        var text = new StringBuilder(octets * 3);
        for (int i = 0; i < octets; i++)
        {
            if (i > 0)
            {
                text.Append(':');
            }

            text.Append(((byte)(leftAligned >> (56 - (8 * i)))).ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>
    /// Parses 1..<paramref name="maxOctets"/> hex octets: "00:27:02", "00-27-02" (one or two digits each) or "002702".
    /// The octets come back left-aligned in the top bytes of <paramref name="bits"/>.
    /// </summary>
    public static bool TryParse(
        string? text, string what, int maxOctets, out ulong bits, out int octets, [NotNullWhen(false)] out string? error)
    {
        bits = 0;
        octets = 0;
        string example = what == "MAC address" ? "00:27:02:1a:08:23" : "00:27:02";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"A {what} is empty; expected hex octets such as {example}.";
            return false;
        }

        string trimmed = text.Trim();
        char separator = trimmed.Contains(':', StringComparison.Ordinal) ? ':' : trimmed.Contains('-', StringComparison.Ordinal) ? '-' : '\0';
        string[] parts;
        if (separator == '\0')
        {
            if (trimmed.Length % 2 != 0)
            {
                error = $"'{text}' is not a {what}: without separators it needs an even number of hex digits (e.g. {example}).";
                return false;
            }

            parts = Enumerable.Range(0, trimmed.Length / 2).Select(i => trimmed.Substring(2 * i, 2)).ToArray();
        }
        else
        {
            parts = trimmed.Split(separator);
        }

        if (parts.Length > maxOctets)
        {
            error = $"'{text}' is not a {what}: it has {parts.Length} octets, at most {maxOctets} are allowed.";
            return false;
        }

        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part.Length is 0 or > 2)
            {
                error = $"'{text}' is not a {what}: octet {i + 1} ('{part}') must be one or two hex digits (e.g. {example}).";
                return false;
            }

            foreach (char c in part)
            {
                if (!char.IsAsciiHexDigit(c))
                {
                    error = $"'{text}' is not a {what}: '{c}' in octet {i + 1} is not a hex digit (e.g. {example}).";
                    return false;
                }
            }

            bits |= (ulong)byte.Parse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture) << (56 - (8 * i));
        }

        octets = parts.Length;
        error = null;
        return true;
    }
}
