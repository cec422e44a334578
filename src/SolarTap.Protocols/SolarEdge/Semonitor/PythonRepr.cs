using System.Globalization;
using System.Text;

namespace SolarTap.Protocols.SolarEdge.Semonitor;

/// <summary>
/// Python's <c>repr(float)</c> and <c>json.dumps</c> string rules, which semonitor's output uses (spec §3.12):
/// shortest round-trip digits; fixed notation with at least ".0" when the decimal exponent is in [-4, 16);
/// otherwise <c>d.ddde±XX</c> with at least two exponent digits; <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.
/// </summary>
internal static class PythonRepr
{
    public static string Format(double value)
    {
        var builder = new StringBuilder(24);
        Append(builder, value);
        return builder.ToString();
    }

    public static void Append(StringBuilder output, double value)
    {
        if (double.IsNaN(value))
        {
            output.Append("NaN");
            return;
        }

        if (double.IsInfinity(value))
        {
            output.Append(value > 0 ? "Infinity" : "-Infinity");
            return;
        }

        if (double.IsNegative(value))
        {
            output.Append('-');
            value = -value;
        }

        if (value == 0)
        {
            output.Append("0.0");
            return;
        }

        // .NET's "R" gives the shortest round-trip digits (as Python's repr does); only the layout differs.
        Span<char> text = stackalloc char[40];
        value.TryFormat(text, out int length, "R", CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[40];
        int count = 0;
        int pointAt = -1;
        int exponent = 0;
        for (int i = 0; i < length; i++)
        {
            char c = text[i];
            if (c == '.')
            {
                pointAt = count;
            }
            else if (c is 'E' or 'e')
            {
                exponent = int.Parse(text[(i + 1)..length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits[count++] = c;
            }
        }

        // value = 0.d1d2d3... × 10^decimalPoint
        int decimalPoint = (pointAt < 0 ? count : pointAt) + exponent;
        int start = 0;
        while (start < count - 1 && digits[start] == '0')
        {
            start++;
            decimalPoint--;
        }

        int end = count;
        while (end > start + 1 && digits[end - 1] == '0')
        {
            end--;
        }

        ReadOnlySpan<char> d = digits[start..end];
        if (decimalPoint is > -4 and <= 16)
        {
            AppendFixed(output, d, decimalPoint);
        }
        else
        {
            output.Append(d[0]);
            if (d.Length > 1)
            {
                output.Append('.').Append(d[1..]);
            }

            int e = decimalPoint - 1;
            output.Append('e').Append(e < 0 ? '-' : '+');
            output.Append(Math.Abs(e).ToString("00", CultureInfo.InvariantCulture));
        }
    }

    private static void AppendFixed(StringBuilder output, ReadOnlySpan<char> d, int decimalPoint)
    {
        if (decimalPoint <= 0)
        {
            output.Append("0.").Append('0', -decimalPoint).Append(d);
        }
        else if (decimalPoint < d.Length)
        {
            output.Append(d[..decimalPoint]).Append('.').Append(d[decimalPoint..]);
        }
        else
        {
            output.Append(d).Append('0', decimalPoint - d.Length).Append(".0");
        }
    }

    /// <summary>A JSON string as Python's json.dumps writes it (ensure_ascii: non-ASCII as lower-case \uXXXX).</summary>
    public static void AppendString(StringBuilder output, string value)
    {
        output.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\r': output.Append("\\r"); break;
                case '\t': output.Append("\\t"); break;
                case '\b': output.Append("\\b"); break;
                case '\f': output.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        output.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(c);
                    }

                    break;
            }
        }

        output.Append('"');
    }
}
