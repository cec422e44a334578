using System.Globalization;

namespace SolarTap.Protocols.SolarEdge.Parameters;

/// <summary>
/// One parameter value from a 0x0090 reply (spec §2.3): the raw u32 value field, its type code, and for strings the text.
/// </summary>
/// <param name="Type">The type code; codes other than 0..3 are kept as they came.</param>
/// <param name="Raw">The u32 value field as sent (for a string, usually 0 but not always).</param>
/// <param name="Text">The text of a string parameter, else <see langword="null"/>.</param>
public readonly record struct ParameterValue(ParameterType Type, uint Raw, string? Text = null)
{
    /// <summary>An unsigned-integer value.</summary>
    public static ParameterValue FromUInt32(uint value) => new(ParameterType.UnsignedInteger, value);

    /// <summary>A signed-integer value.</summary>
    public static ParameterValue FromInt32(int value) => new(ParameterType.SignedInteger, unchecked((uint)value));

    /// <summary>A float value.</summary>
    public static ParameterValue FromSingle(float value) => new(ParameterType.FloatingPoint, BitConverter.SingleToUInt32Bits(value));

    /// <summary>A string value; <paramref name="raw"/> is the value field sent before it.</summary>
    public static ParameterValue FromText(string text, uint raw = 0) => new(ParameterType.Text, raw, text);

    /// <summary>The value field read as a signed integer.</summary>
    public int SignedValue => unchecked((int)Raw);

    /// <summary>The value field read as a float.</summary>
    public float FloatValue => BitConverter.UInt32BitsToSingle(Raw);

    /// <summary>The value as .NET sees it: <see cref="uint"/>, <see cref="int"/>, <see cref="float"/> or <see cref="string"/> by type; the raw u32 for unknown types.</summary>
    public object Value => Type switch
    {
        ParameterType.SignedInteger => SignedValue,
        ParameterType.FloatingPoint => FloatValue,
        ParameterType.Text => Text ?? "",
        _ => Raw,
    };

    /// <summary>The value formatted with the invariant culture (strings as they are).</summary>
    public override string ToString() => Type switch
    {
        ParameterType.UnsignedInteger => Raw.ToString(CultureInfo.InvariantCulture),
        ParameterType.SignedInteger => SignedValue.ToString(CultureInfo.InvariantCulture),
        ParameterType.FloatingPoint => FloatValue.ToString("R", CultureInfo.InvariantCulture),
        ParameterType.Text => Text ?? "",
        _ => string.Create(CultureInfo.InvariantCulture, $"0x{Raw:X8} (type {(ushort)Type})"),
    };
}
