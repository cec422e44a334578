using System.Globalization;
using System.Text;

namespace SolarTap.Protocols.Dns;

/// <summary>
/// Domain names in wire form (RFC 1035 §3.1): a sequence of labels, each a length octet (1..63) and that many
/// bytes, ended by the zero-length root label; at most 255 octets in all (RFC 1035 §2.3.4). Names inside a
/// message may end in a compression pointer instead (RFC 1035 §4.1.4). Every span here is an uncompressed name
/// unless it is called a message.
/// </summary>
internal static class DnsNameWire
{
    /// <summary>Longest name on the wire, length octets and root included (RFC 1035 §2.3.4).</summary>
    public const int MaxLength = 255;

    /// <summary>Longest label (RFC 1035 §2.3.4): the two top bits of a length octet are 00.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>
    /// Reads the name at <paramref name="offset"/> of <paramref name="message"/>, following compression pointers,
    /// into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes) in uncompressed form.
    /// <paramref name="end"/> is the offset just after the name where it was found (after its first pointer).
    /// </summary>
    /// <returns><see langword="false"/> for a cut name, a label type other than 00/11, a name over 255 octets, or a
    /// pointer that does not go back before the part of the name it is in (which rules out loops).</returns>
    public static bool TryRead(ReadOnlySpan<byte> message, int offset, Span<byte> destination, out int length, out int end)
    {
        length = 0;
        end = 0;
        int position = offset;
        int segmentStart = offset;
        int written = 0;
        bool jumped = false;
        while ((uint)position < (uint)message.Length)
        {
            byte octet = message[position];
            switch (octet & 0xC0)
            {
                case 0x00 when octet == 0:
                    destination[written++] = 0;
                    length = written;
                    if (!jumped)
                    {
                        end = position + 1;
                    }

                    return true;
                case 0x00:
                    // Keep one octet for the root label: the whole name must stay within 255 octets.
                    if (position + 1 + octet > message.Length || written + 1 + octet + 1 > MaxLength)
                    {
                        return false;
                    }

                    message.Slice(position, 1 + octet).CopyTo(destination[written..]);
                    written += 1 + octet;
                    position += 1 + octet;
                    break;
                case 0xC0:
                    // RFC 1035 §4.1.4: 11 + 14-bit offset from the start of the message. Each pointer must land before
                    // the stretch of labels it ends, so the stretches move strictly backwards and cannot loop.
                    if (position + 1 >= message.Length)
                    {
                        return false;
                    }

                    int target = ((octet & 0x3F) << 8) | message[position + 1];
                    if (target >= segmentStart)
                    {
                        return false;
                    }

                    if (!jumped)
                    {
                        end = position + 2;
                        jumped = true;
                    }

                    segmentStart = target;
                    position = target;
                    break;
                default:
                    // 01 and 10: extended label types, obsolete (RFC 6891 §5) and never valid here.
                    return false;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="name"/> is one well-formed uncompressed name and nothing more.</summary>
    public static bool IsValid(ReadOnlySpan<byte> name)
    {
        if (name.Length is 0 or > MaxLength)
        {
            return false;
        }

        int position = 0;
        while (position < name.Length)
        {
            int label = name[position];
            if (label == 0)
            {
                return position == name.Length - 1;
            }

            if (label > MaxLabelLength)
            {
                return false;
            }

            position += 1 + label;
        }

        return false;
    }

    /// <summary>Labels before the root (<c>prod.solaredge.com</c> has 3).</summary>
    public static int LabelCount(ReadOnlySpan<byte> name)
    {
        int count = 0;
        for (int position = 0; position < name.Length && name[position] != 0; position += 1 + name[position])
        {
            count++;
        }

        return count;
    }

    /// <summary>ASCII case-insensitive equality (RFC 4343 §3). Length octets are at most 63, below 'A', so folding every byte is safe.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (Fold(left[i]) != Fold(right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Offset in <paramref name="name"/> where <paramref name="zone"/> starts as a whole-label suffix, or -1.</summary>
    public static int FindSuffix(ReadOnlySpan<byte> name, ReadOnlySpan<byte> zone)
    {
        for (int position = 0; position < name.Length; position += 1 + name[position])
        {
            int remaining = name.Length - position;
            if (remaining == zone.Length && EqualsIgnoreCase(name[position..], zone))
            {
                return position;
            }

            if (remaining < zone.Length || name[position] == 0)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>A 64-bit FNV-1a hash of the lower-cased name.</summary>
    public static ulong Hash(ReadOnlySpan<byte> name)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in name)
        {
            hash = (hash ^ Fold(b)) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>ASCII lower case of one byte.</summary>
    public static byte Fold(byte value) => value is >= (byte)'A' and <= (byte)'Z' ? (byte)(value | 0x20) : value;

    /// <summary>
    /// Presentation form (RFC 1035 §5.1): labels joined by dots without the final dot, the root as ".";
    /// '.' and '\' inside a label escaped with '\', other bytes outside '!'..'~' as \DDD.
    /// </summary>
    public static string ToText(ReadOnlySpan<byte> name, bool lowerCase = false)
    {
        if (name.Length <= 1)
        {
            return ".";
        }

        var text = new StringBuilder(name.Length);
        for (int position = 0; position < name.Length && name[position] != 0; position += 1 + name[position])
        {
            if (position > 0)
            {
                text.Append('.');
            }

            foreach (byte raw in name.Slice(position + 1, name[position]))
            {
                byte b = lowerCase ? Fold(raw) : raw;
                if (b is (byte)'.' or (byte)'\\')
                {
                    text.Append('\\').Append((char)b);
                }
                else if (b is < 0x21 or > 0x7E)
                {
                    text.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append((char)b);
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Parses a presentation-form name (final dot optional, \. and \DDD escapes) into wire form.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> destination, out int length)
    {
        length = 0;
        if (text is "." or "")
        {
            destination[0] = 0;
            length = 1;
            return true;
        }

        int labelStart = 0;
        int written = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.')
            {
                int labelLength = written - labelStart - 1;
                if (labelLength is 0 or > MaxLabelLength)
                {
                    return false;
                }

                destination[labelStart] = (byte)labelLength;
                labelStart = written++;
                if (written >= MaxLength)
                {
                    return false;
                }

                continue;
            }

            if (c == '\\')
            {
                if (i + 3 < text.Length && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))
                {
                    int code = ((text[i + 1] - '0') * 100) + ((text[i + 2] - '0') * 10) + (text[i + 3] - '0');
                    if (code > 255)
                    {
                        return false;
                    }

                    c = (char)code;
                    i += 3;
                }
                else if (i + 1 < text.Length)
                {
                    c = text[++i];
                }
                else
                {
                    return false;
                }
            }
            else if (c > 0x7F)
            {
                return false; // RFC 5890: other scripts travel as A-labels; the caller converts them.
            }

            if (written >= MaxLength - 1)
            {
                return false;
            }

            destination[written++] = (byte)c;
        }

        int last = written - labelStart - 1;
        if (last == 0)
        {
            destination[labelStart] = 0; // the text ended with the root's dot
            length = labelStart + 1;
            return true;
        }

        if (last > MaxLabelLength)
        {
            return false;
        }

        destination[labelStart] = (byte)last;
        destination[written] = 0;
        length = written + 1;
        return true;
    }
}
