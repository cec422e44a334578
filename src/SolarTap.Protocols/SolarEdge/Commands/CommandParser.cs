using System.Buffers.Binary;
using System.Globalization;

namespace SolarTap.Protocols.SolarEdge.Commands;

/// <summary>
/// Parses semonitor's command syntax <c>FUNC[,Pxxxx...][/FUNC[,Pxxxx...]...]</c> (spec §6.3): numbers are hexadecimal
/// without 0x; each parameter starts with a size letter B = u8, H = u16, L = u32 (b, h, l: signed, may start with '-'),
/// packed little-endian without padding. Examples: <c>0012,H0329</c> → 0x0012 with <c>29 03</c>;
/// <c>12,H239/12,H23a/12,H23b/12,H23c</c> → four key reads.
/// </summary>
public static class CommandParser
{
    private const string ParameterForm = "a parameter like H0329 (size letter B, H or L, or b, h, l for signed, then hex digits)";

    /// <summary>
    /// Parses <paramref name="text"/>. On failure <paramref name="error"/> names the command, the 1-based character
    /// position and the bad token; never throws.
    /// </summary>
    public static bool TryParse(string? text, out IReadOnlyList<SemonitorCommand> commands, out string? error)
    {
        var list = new List<SemonitorCommand>();
        commands = list;
        string source = text ?? "";
        if (source.Trim().Length == 0)
        {
            error = "expected at least one command like 0012,H0329, found an empty text";
            return false;
        }

        // Surrounding whitespace (a newline from a file or shell) is ignored; positions still count from the original text.
        int commandStart = source.Length - source.TrimStart().Length;
        int number = 1;
        foreach (string commandText in source.Trim().Split('/'))
        {
            if (!TryParseCommand(commandText, commandStart, out SemonitorCommand? command, out string? problem))
            {
                error = $"command {number} ('{commandText}'), {problem}";
                list.Clear();
                return false;
            }

            list.Add(command!);
            commandStart += commandText.Length + 1;
            number++;
        }

        error = null;
        return true;
    }

    private static bool TryParseCommand(string text, int start, out SemonitorCommand? command, out string? problem)
    {
        command = null;
        string[] tokens = text.Split(',');
        int position = start + 1;
        string function = tokens[0];
        if (!IsHex(function) || function.Length > 4)
        {
            problem = $"position {position}: expected a function code of 1 to 4 hex digits (e.g. 0012), found {Quote(function)}";
            return false;
        }

        var payload = new List<byte>();
        Span<byte> packed = stackalloc byte[4];
        position += function.Length + 1;
        for (int i = 1; i < tokens.Length; i++)
        {
            string token = tokens[i];
            if (!TryPack(token, packed, out int size, out string? why))
            {
                problem = $"position {position}: expected {ParameterForm}, found {Quote(token)}{why}";
                return false;
            }

            payload.AddRange(packed[..size]);
            position += token.Length + 1;
        }

        var code = (FunctionCode)ushort.Parse(function, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        command = new SemonitorCommand(code, payload.ToArray(), text);
        problem = null;
        return true;
    }

    private static bool TryPack(string token, Span<byte> packed, out int size, out string? why)
    {
        why = null;
        size = token.Length == 0 ? 0 : char.ToUpperInvariant(token[0]) switch { 'B' => 1, 'H' => 2, 'L' => 4, _ => 0 };
        if (size == 0)
        {
            return false;
        }

        bool signed = char.IsLower(token[0]);
        bool negative = signed && token.Length > 1 && token[1] == '-';
        string digits = token[(negative ? 2 : 1)..];
        if (!IsHex(digits))
        {
            return false;
        }

        // Values beyond 64 bits are out of range for every size anyway.
        string significant = digits.TrimStart('0');
        ulong magnitude = significant.Length > 16 ? ulong.MaxValue
            : significant.Length == 0 ? 0 : ulong.Parse(significant, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        long max = signed ? (1L << (8 * size - 1)) - 1 : (1L << (8 * size)) - 1;
        long min = signed ? -(1L << (8 * size - 1)) : 0;
        if (magnitude > (ulong)max + (negative ? 1UL : 0UL))
        {
            why = string.Create(CultureInfo.InvariantCulture,
                $": the value is out of range for {(signed ? "signed" : "unsigned")} {8 * size}-bit ({(min < 0 ? "-" : "")}{Math.Abs(min):X}..{max:X})");
            size = 0;
            return false;
        }

        long value = negative ? -(long)magnitude : (long)magnitude;
        BinaryPrimitives.WriteUInt32LittleEndian(packed, unchecked((uint)value));
        return true;
    }

    private static bool IsHex(string text) => text.Length > 0 && text.All(char.IsAsciiHexDigit);

    private static string Quote(string token) => token.Length == 0 ? "nothing" : $"'{token}'";
}
