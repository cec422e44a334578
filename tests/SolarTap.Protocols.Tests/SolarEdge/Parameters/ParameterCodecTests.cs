using System.Globalization;
using System.Text.Json;
using SolarTap.Protocols.SolarEdge.Parameters;

namespace SolarTap.Protocols.Tests.SolarEdge.Parameters;

public class ParameterCodecTests
{
    [Fact]
    public void TryReadValues_PysolaredgeVectors_GiveRecordedValues()
    {
        using JsonDocument doc = JsonDocument.Parse(TestData.SolarEdgeText("framing_and_param_vectors_pysolaredge_wg.json"));
        int vectors = 0;
        foreach (JsonElement vector in doc.RootElement.GetProperty("parameter_values_0x0090").EnumerateArray())
        {
            byte[] payload = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
            Assert.True(ParameterCodec.TryReadValues(payload, out IReadOnlyList<ParameterValue> values, out string? error), error);
            JsonElement[] expected = [.. vector.GetProperty("values").EnumerateArray()];
            Assert.Equal(expected.Length, values.Count);
            for (int i = 0; i < expected.Length; i++)
            {
                AssertValue(expected[i], values[i]);
            }

            vectors++;
        }

        Assert.Equal(9, vectors);
    }

    [Theory]
    [InlineData("d20400000000", ParameterType.UnsignedInteger, 1234u)]
    [InlineData("f6ffffff0200", ParameterType.SignedInteger, 0xFFFFFFF6u)]
    [InlineData("9a99f6c20100", ParameterType.FloatingPoint, 0xC2F6999Au)]
    public void TryReadValues_SpecVectors_DecodeTypeAndRaw(string hex, ParameterType type, uint raw)
    {
        Assert.True(ParameterCodec.TryReadValues(Hex.Bytes(hex), out IReadOnlyList<ParameterValue> values, out _));
        Assert.Equal(new ParameterValue(type, raw), Assert.Single(values));
    }

    [Fact]
    public void TryReadValues_StringWithNonZeroValueField_KeepsBoth()
    {
        Assert.True(ParameterCodec.TryReadValues(Hex.Bytes("0200000003007175757800"), out IReadOnlyList<ParameterValue> values, out _));

        Assert.Equal(ParameterValue.FromText("quux", raw: 2), Assert.Single(values));
        Assert.Equal("quux", values[0].ToString());
    }

    [Theory]
    [InlineData("d204000000", "only 5 remain at offset 0")]
    [InlineData("d20400000000d204", "only 2 remain at offset 6")]
    [InlineData("000000000300666f6f", "the string value at offset 6 has no terminating NUL")]
    public void TryReadValues_Truncated_ExplainsWhere(string hex, string expected)
    {
        Assert.False(ParameterCodec.TryReadValues(Hex.Bytes(hex), out _, out string? error));
        Assert.EndsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadValues_Empty_GivesNoValues()
    {
        Assert.True(ParameterCodec.TryReadValues([], out IReadOnlyList<ParameterValue> values, out _));
        Assert.Empty(values);
    }

    [Fact]
    public void TryReadValues_UnknownType_KeepsRawAndCode()
    {
        Assert.True(ParameterCodec.TryReadValues(Hex.Bytes("010000000700"), out IReadOnlyList<ParameterValue> values, out _));
        Assert.Equal("0x00000001 (type 7)", values[0].ToString());
    }

    [Fact]
    public void ReadGetRequest_PysolaredgeIdList_GivesIds()
    {
        using JsonDocument doc = JsonDocument.Parse(TestData.SolarEdgeText("framing_and_param_vectors_pysolaredge_wg.json"));
        JsonElement vector = doc.RootElement.GetProperty("parameter_ids_0x0012")[0];
        byte[] payload = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
        ushort[] expected = [.. vector.GetProperty("ids").EnumerateArray().Select(id => Convert.ToUInt16(id.GetString()![2..], 16))];

        Assert.True(ParameterCodec.TryReadGetRequest(payload, out ushort[] ids, out _));
        Assert.Equal(expected, ids);
        var written = new byte[4];
        Assert.Equal(4, ParameterCodec.WriteGetRequest(written, expected));
        Assert.Equal(payload, written);
    }

    [Fact]
    public void TryReadGetRequest_OddLength_Refuses()
    {
        Assert.False(ParameterCodec.TryReadGetRequest([1, 2, 3], out _, out string? error));
        Assert.Contains("3 bytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteGetRequest_WorkedExample_IsSpecPayload()
    {
        var payload = new byte[2];
        ParameterCodec.WriteGetRequest(payload, [0x0329]);
        Assert.Equal("2903", Hex.Of(payload)); // spec §1.3
    }

    [Fact]
    public void WriteSetRequest_SemonitorExample_IsSpecPayload()
    {
        // spec §6.3: 0011,H329,L0 → 29 03 00 00 00 00
        var payload = new byte[6];
        Assert.Equal(6, ParameterCodec.WriteSetRequest(payload, 0x0329, 0u));
        Assert.Equal("290300000000", Hex.Of(payload));
        Assert.True(ParameterCodec.TryReadSetRequest(payload, out ushort id, out uint value));
        Assert.Equal((0x0329, 0u), (id, value));
    }

    [Fact]
    public void WriteSetRequest_TypedValues_UseValueField()
    {
        var payload = new byte[6];
        ParameterCodec.WriteSetRequest(payload, 0x0001, ParameterValue.FromSingle(-123.3f));
        Assert.Equal("01009a99f6c2", Hex.Of(payload));
        ParameterCodec.WriteSetRequest(payload, 0x0001, ParameterValue.FromInt32(-10));
        Assert.Equal("0100f6ffffff", Hex.Of(payload));
        Assert.Throws<ArgumentException>(() => ParameterCodec.WriteSetRequest(payload, 1, ParameterValue.FromText("x")));
    }

    [Fact]
    public void WriteValues_ThenRead_RoundTrips()
    {
        ParameterValue[] values = [ParameterValue.FromText("foo"), ParameterValue.FromUInt32(1234), ParameterValue.FromSingle(12345678f), ParameterValue.FromInt32(-12345678)];
        var payload = new byte[64];
        int length = ParameterCodec.WriteValues(payload, values);

        Assert.Equal("000000000300666f6f00d204000000004e613c4b0100b29e43ff0200", Hex.Of(payload.AsSpan(0, length)));
        Assert.True(ParameterCodec.TryReadValues(payload.AsSpan(0, length), out IReadOnlyList<ParameterValue> read, out _));
        Assert.Equal(values, read);
    }

    [Fact]
    public void TryReadValues_RandomAndMutatedPayloads_NeverThrows()
    {
        byte[][] seeds = [Hex.Bytes("000000000300666f6f00d204000000004e613c4b0100"), Hex.Bytes("0200000003007175757800")];
        static bool Check(byte[] payload)
        {
            bool ok = ParameterCodec.TryReadValues(payload, out IReadOnlyList<ParameterValue> values, out string? error);
            _ = values.Select(v => v.ToString()).ToList();
            return ok == (error is null) && values.Count <= payload.Length / ParameterCodec.EntryLength;
        }

        Properties.ForAllBytes(0x0090_0001, Check);
        Properties.ForAllMutations(0x0090_0002, seeds, Check);
        Properties.ForAllBytes(0x0012_0001, bytes => ParameterCodec.TryReadGetRequest(bytes, out ushort[] ids, out _) == (ids.Length * 2 == bytes.Length));
    }

    private static void AssertValue(JsonElement expected, ParameterValue actual)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.String:
                Assert.Equal(ParameterType.Text, actual.Type);
                Assert.Equal(expected.GetString(), actual.Text);
                break;
            case JsonValueKind.Number when expected.GetRawText().Contains('.', StringComparison.Ordinal):
                Assert.Equal(ParameterType.FloatingPoint, actual.Type);
                Assert.Equal(Math.Round(expected.GetDouble(), 1), Math.Round((double)actual.FloatValue, 1)); // note: compare to 1 decimal
                break;
            default:
                long number = expected.GetInt64();
                Assert.Equal(number < 0 ? ParameterType.SignedInteger : ParameterType.UnsignedInteger, actual.Type);
                Assert.Equal(number.ToString(CultureInfo.InvariantCulture), actual.ToString());
                break;
        }
    }
}
