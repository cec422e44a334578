using System.Globalization;
using System.Text;

namespace SolarTap.Protocols.Readings.Formats;

/// <summary>
/// Long-form CSV (RFC 4180): one row per measurement, so every device kind fits one set of columns.
/// <code>time,kind,device,parent,quantity,phase,value,unit</code>
/// </summary>
public static class ReadingCsvWriter
{
    /// <summary>The header row, with its line break.</summary>
    public const string Header = "time,kind,device,parent,quantity,phase,value,unit\n";

    /// <summary>Appends one row per value of <paramref name="reading"/> to <paramref name="output"/>.</summary>
    public static void Append(StringBuilder output, Reading reading)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reading);
        string time = reading.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        string kind = ReadingJsonWriter.KindName(reading.Device.Kind);
        foreach (Measurement m in reading.Values)
        {
            output.Append(time).Append(',')
                .Append(kind).Append(',');
            AppendField(output, reading.Device.Serial);
            output.Append(',');
            AppendField(output, reading.Device.Parent ?? "");
            output.Append(',')
                .Append(m.Quantity.ToString()).Append(',')
                .Append(m.Phase == Phase.None ? "" : m.Phase.ToString()).Append(',');
            if (double.IsFinite(m.Value))
            {
                output.Append(m.Value.ToString("R", CultureInfo.InvariantCulture));
            }

            output.Append(',').Append(QuantityInfo.Symbol(QuantityInfo.UnitOf(m.Quantity))).Append('\n');
        }
    }

    private static void AppendField(StringBuilder output, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            output.Append(value);
            return;
        }

        output.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
