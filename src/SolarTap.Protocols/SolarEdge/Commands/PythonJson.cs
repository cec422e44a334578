using System.Collections;
using System.Globalization;
using System.Text;

namespace SolarTap.Protocols.SolarEdge.Commands;

/// <summary>
/// JSON as Python's <c>json.dumps(..., sort_keys=True)</c> writes it, as semonitor's output does (spec §3.12, §6.3):
/// ", " and ": " separators, keys sorted, non-ASCII escaped, floats in Python <c>repr</c> form (216.0, 1e-05, NaN).
/// </summary>
internal static class PythonJson
{
    public static void Write(StringBuilder json, object? value)
    {
        switch (value)
        {
            case null:
                json.Append("null");
                break;
            case string text:
                String(json, text);
                break;
            case bool flag:
                json.Append(flag ? "true" : "false");
                break;
            case double number:
                json.Append(Float(number));
                break;
            case float number:
                json.Append(Float(number));
                break;
            case IEnumerable<ResponseField> fields:
                json.Append('{');
                bool first = true;
                foreach (ResponseField field in fields.OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    json.Append(first ? "" : ", ");
                    String(json, field.Name);
                    json.Append(": ");
                    Write(json, field.Value);
                    first = false;
                }

                json.Append('}');
                break;
            case IEnumerable items:
                json.Append('[');
                bool firstItem = true;
                foreach (object? item in items)
                {
                    json.Append(firstItem ? "" : ", ");
                    Write(json, item);
                    firstItem = false;
                }

                json.Append(']');
                break;
            case IFormattable number:
                json.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                String(json, value.ToString() ?? "");
                break;
        }
    }

    /// <summary>Python's <c>repr</c> of a double (json.dumps spelling for NaN and infinities).</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        // Shortest round-trip digits from .NET, laid out with Python's rule: scientific when exp < -4 or exp >= 16.
        string r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int e = r.IndexOf('E', StringComparison.Ordinal);
        int exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? r : r[..e];
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int point = (dot < 0 ? mantissa.Length : dot) + exponent;
        int leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        point -= leading;
        string sign = double.IsNegative(value) ? "-" : "";
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        int scientific = point - 1;
        if (scientific is < -4 or >= 16)
        {
            string fraction = digits.Length > 1 ? "." + digits[1..] : "";
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{digits[0]}{fraction}e{(scientific < 0 ? '-' : '+')}{Math.Abs(scientific):D2}");
        }

        if (point <= 0)
        {
            return sign + "0." + new string('0', -point) + digits;
        }

        return point >= digits.Length
            ? sign + digits + new string('0', point - digits.Length) + ".0"
            : sign + digits[..point] + "." + digits[point..];
    }

    private static void String(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        json.Append(c);
                    }

                    break;
            }
        }

        json.Append('"');
    }
}
