namespace SolarTap.Testing;

/// <summary>Hex text for inline test vectors: spaces, colons and line breaks between bytes are ignored.</summary>
public static class Hex
{
    /// <summary>Bytes of <paramref name="text"/>.</summary>
    public static byte[] Bytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = new string(text.Where(Uri.IsHexDigit).ToArray());
        return Convert.FromHexString(digits);
    }

    /// <summary>Lower-case hex of <paramref name="bytes"/> without separators.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
