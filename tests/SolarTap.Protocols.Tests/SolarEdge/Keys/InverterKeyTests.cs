using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Protocols.Tests.SolarEdge.Keys;

public class InverterKeyTests
{
    private const string KeyHex = "e1992523f4ddbb47d5336f6f177e3278";

    [Fact]
    public void TryParse_SemonitorKeyFile_GivesSpecKey()
    {
        Assert.True(InverterKey.TryParse(TestData.SolarEdgeText("7f104920.key"), out InverterKey? key, out string? error));

        Assert.Null(error);
        Assert.Equal(Hex.Bytes("e1 99 25 23 f4 dd bb 47 d5 33 6f 6f 17 7e 32 78"), key!.Bytes.ToArray());
    }

    [Theory]
    [InlineData(KeyHex + "\r\n")]
    [InlineData("  " + KeyHex + "\t\n\n")]
    [InlineData("E1992523F4DDBB47D5336F6F177E3278")]
    [InlineData("\uFEFF" + KeyHex + "\n")]
    public void TryParse_ToleratedVariants_GiveSameKey(string text)
    {
        Assert.True(InverterKey.TryParse(text, out InverterKey? key, out _));
        Assert.Equal(KeyHex, key!.ToHex());
    }

    [Theory]
    [InlineData(null, "found an empty text")]
    [InlineData("", "found an empty text")]
    [InlineData(" \r\n", "found only whitespace")]
    [InlineData("e1992523f4ddbb47d5336f6f177e327", "found only 31")]
    [InlineData(KeyHex + "00", "found 34 characters ('0' after the 32nd)")]
    [InlineData("e1992523 f4ddbb47d5336f6f177e3278", "found a space at character 9 of the key")]
    [InlineData("0xe1992523f4ddbb47d5336f6f177e32", "found 'x' at character 2 of the key")]
    [InlineData(KeyHex + "\n" + KeyHex, "found 65 characters (a line break after the 32nd)")]
    [InlineData("e1992523f4ddbb47d5336f6f177e327\u00e9", "found U+00E9 at character 32 of the key")]
    public void TryParse_BadText_ExplainsExpectedAndFound(string? text, string found)
    {
        Assert.False(InverterKey.TryParse(text, out InverterKey? key, out string? error));

        Assert.Null(key);
        Assert.StartsWith("expected 32 hexadecimal characters", error, StringComparison.Ordinal);
        Assert.EndsWith(found, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToKeyFileText_ParsedKey_ReproducesFileBytes()
    {
        Assert.True(InverterKey.TryParse(TestData.SolarEdgeText("7f104920.key"), out InverterKey? key, out _));
        Assert.Equal(TestData.SolarEdgeText("7f104920.key"), key!.ToKeyFileText());
    }

    [Fact]
    public void FromParameterValues_FourU32Values_ConcatenatesWireOrder()
    {
        // spec §4.2: each 0x0090 value is re-serialised little-endian: e1 99 25 23 is the u32 0x232599E1.
        var key = InverterKey.FromParameterValues(0x232599E1, 0x47BBDDF4, 0x6F6F33D5, 0x78327E17);

        Assert.Equal(KeyHex, key.ToHex());
        Assert.Equal(0x6F6F33D5u, key.ParameterValue(2));
        Assert.Equal(key, InverterKey.FromBytes(Hex.Bytes(KeyHex)));
    }

    [Fact]
    public void ParameterIds_AreTheFourKeyParameters()
        => Assert.Equal(new ushort[] { 0x0239, 0x023A, 0x023B, 0x023C }, InverterKey.ParameterIds.ToArray());

    [Fact]
    public void ToString_DoesNotRevealKey()
        => Assert.DoesNotContain("e199", InverterKey.FromBytes(Hex.Bytes(KeyHex)).ToString(), StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void FromBytes_WrongLength_Throws()
        => Assert.Throws<ArgumentException>(() => InverterKey.FromBytes(new byte[15]));

    [Fact]
    public void TryParse_RandomStrings_NeverThrows()
        => Properties.ForAllBytes(0x4B3E_11F0, bytes =>
        {
            string text = System.Text.Encoding.Latin1.GetString(bytes);
            bool ok = InverterKey.TryParse(text, out InverterKey? key, out string? error);
            return ok ? key is not null && error is null : key is null && error is not null;
        });
}
