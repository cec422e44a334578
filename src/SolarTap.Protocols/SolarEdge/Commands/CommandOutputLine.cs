using System.Globalization;
using System.Text;

namespace SolarTap.Protocols.SolarEdge.Commands;

/// <summary>
/// The one JSON line semonitor's command mode prints per command (spec §6.3), keys sorted:
/// <c>{"command": 18, "data": {"type": 0, "value": 376715698}, "response": 144, "sequence": 2047}</c>.
/// </summary>
public static class CommandOutputLine
{
    /// <summary>The line for command <paramref name="command"/> answered by <paramref name="response"/> with sequence <paramref name="sequence"/>.</summary>
    public static string Format(FunctionCode command, DecodedResponse response, ushort sequence)
    {
        ArgumentNullException.ThrowIfNull(response);
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"command\": {(ushort)command}, \"data\": ");
        PythonJson.Write(json, response.Fields);
        json.Append(CultureInfo.InvariantCulture, $", \"response\": {(ushort)response.Function}, \"sequence\": {sequence}}}");
        return json.ToString();
    }

    /// <summary>Formats a number as Python's <c>repr</c> does (216.0, 1e-05, 1e+16), for semonitor-compatible output.</summary>
    public static string PythonFloat(double value) => PythonJson.Float(value);
}
