using System.Text.Json;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;

namespace SolarTap.Protocols.Tests.SolarEdge.Crypto;

public class SessionCipherTests
{
    [Fact]
    public void Issue8KeyExchange_EveryIntermediateValue_MatchesDecodedExpected()
    {
        // spec §4.5: every value of key_exchange_and_encrypted_ack_issue8.decoded.expected.json, step by step.
        using JsonDocument doc = JsonDocument.Parse(TestData.SolarEdgeText("key_exchange_and_encrypted_ack_issue8.decoded.expected.json"));
        JsonElement root = doc.RootElement;
        JsonElement exchange = root.GetProperty("messages")[0];
        JsonElement wrapped = root.GetProperty("messages")[1];
        var messages = CryptoVectors.Messages(TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin"));
        Assert.Equal(2, messages.Count);
        Assert.Equal(Text(root, "key_hex"), CryptoVectors.Key7F104920.ToHex());

        // 0x0503: outer fields, R1, R2, trailing bytes.
        var (keyHeader, keyPayload, _) = messages[0];
        AssertHeader(exchange, keyHeader, keyPayload.Length);
        Assert.True(SessionKeyAnnouncement.TryParse(keyPayload, out SessionKeyAnnouncement? announcement, out _));
        Assert.Equal(Text(exchange, "r1_hex"), Hex.Of(announcement!.R1));
        Assert.Equal(Text(exchange, "r2_hex"), Hex.Of(announcement.R2));
        Assert.Equal(Text(exchange, "trailing_2_bytes_hex"), Hex.Of(announcement.Unused));

        // AES_K(R1) and S.
        var encryptedR1 = new byte[16];
        announcement.EncryptR1(CryptoVectors.Key7F104920, encryptedR1);
        Assert.Equal(Text(exchange, "aes_k_r1_hex"), Hex.Of(encryptedR1));
        var sessionKey = new byte[16];
        announcement.DeriveSessionKey(CryptoVectors.Key7F104920, sessionKey);
        Assert.Equal(Text(exchange, "session_key_hex"), Hex.Of(sessionKey));

        // 0x003D: outer fields and C0.
        var (wrapHeader, wrapPayload, _) = messages[1];
        AssertHeader(wrapped, wrapHeader, wrapPayload.Length);
        Assert.Equal(Text(wrapped, "iv_hex"), Hex.Of(wrapPayload.AsSpan(0, 16)));

        // Keystream blocks: the keystream applied to zeros.
        using var cipher = new SessionCipher(sessionKey);
        var keystream = new byte[32];
        cipher.ApplyKeystream(wrapPayload.AsSpan(0, 16), 0, new byte[32], keystream);
        Assert.Equal(Text(wrapped, "keystream_block0_hex"), Hex.Of(keystream.AsSpan(0, 16)));
        Assert.Equal(Text(wrapped, "keystream_block1_hex"), Hex.Of(keystream.AsSpan(16, 16)));

        // Inner sequence, mask, inner message and its header.
        var inner = new byte[64];
        Assert.Equal(WrapperStatus.Decrypted, cipher.TryUnwrap(wrapPayload, inner, out DecryptedWrapper result, out SolarEdgeHeader innerHeader, out Range innerPayload));
        Assert.Equal(Number(wrapped, "inner_seq"), result.InnerSequence);
        Assert.Equal(Text(wrapped, "mask_hex"), result.Mask.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Text(wrapped, "inner_message_hex"), Hex.Of(inner.AsSpan(0, result.InnerLength)));
        JsonElement expectedInner = wrapped.GetProperty("inner");
        AssertHeader(expectedInner, innerHeader, innerPayload.GetOffsetAndLength(inner.Length).Length);
        Assert.Equal(Number(expectedInner, "crc"), BitConverter.ToUInt16(inner, result.InnerLength - 2));
    }

    [Fact]
    public void ApplyKeystream_SpecDecryptedBytes_MatchSpecTable()
    {
        // spec §4.5: "Decrypted bytes 16..43".
        using var cipher = SessionCipher.FromAnnouncement(CryptoVectors.Key7F104920, Issue8Announcement());
        byte[] payload = CryptoVectors.Messages(TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin"))[1].Payload;
        var plain = new byte[payload.Length - 16];

        cipher.ApplyKeystream(payload.AsSpan(0, 16), 0, payload.AsSpan(16), plain);

        Assert.Equal("0900ed46f7d9ff72a1a0ed460826174409261 2b9d790fd3977d932ad".Replace(" ", "", StringComparison.Ordinal), Hex.Of(plain));
    }

    [Fact]
    public void ApplyKeystream_CounterAllOnes_WrapsToZero()
    {
        // spec §4.4 step 1: a full 128-bit big-endian counter; after all-FF comes all-00.
        using var cipher = new SessionCipher(new byte[16]);
        byte[] ones = Enumerable.Repeat((byte)0xFF, 16).ToArray();
        var stream = new byte[32];
        var block0 = new byte[16];
        var zeroBlock = new byte[16];

        cipher.ApplyKeystream(ones, 0, new byte[32], stream);
        cipher.ApplyKeystream(ones, 0, new byte[16], block0);
        cipher.ApplyKeystream(new byte[16], 0, new byte[16], zeroBlock);

        Assert.Equal(Hex.Of(block0), Hex.Of(stream.AsSpan(0, 16)));
        Assert.Equal(Hex.Of(zeroBlock), Hex.Of(stream.AsSpan(16)));
    }

    [Fact]
    public void ApplyKeystream_CarryAcrossBytes_IncrementsWholeCounter()
    {
        using var cipher = new SessionCipher(Hex.Bytes("000102030405060708090a0b0c0d0e0f"));
        byte[] c0 = Hex.Bytes("00000000000000000000ffffffffffff");
        var stream = new byte[32];
        var second = new byte[16];

        cipher.ApplyKeystream(c0, 0, new byte[32], stream);
        cipher.ApplyKeystream(Hex.Bytes("00000000000000000001000000000000"), 0, new byte[16], second);

        Assert.Equal(Hex.Of(second), Hex.Of(stream.AsSpan(16)));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(5, 300)]
    [InlineData(17, 255)]
    [InlineData(250, 520)]
    public void ApplyKeystream_OffsetAndLength_EqualsSliceOfWholeKeystream(int offset, int length)
    {
        using var cipher = new SessionCipher(Hex.Bytes("a62d80deb81c65e496268d0b126be0ec"));
        byte[] c0 = Hex.Bytes("25de16b5347134cece801ccef77fa9d1");
        var whole = new byte[offset + length];
        var part = new byte[length];

        cipher.ApplyKeystream(c0, 0, new byte[whole.Length], whole);
        cipher.ApplyKeystream(c0, offset, new byte[length], part);

        Assert.Equal(Hex.Of(whole.AsSpan(offset)), Hex.Of(part));
    }

    [Fact]
    public void Decrypt_SyntheticInverterWrapper_YieldsPlainPostFile()
    {
        // testdata README: the 0x003D's plaintext is exactly synth_inverter1ph_oldopt_issue8.bin.
        var messages = CryptoVectors.Messages(TestData.SolarEdge("synth_encrypted_inverter1ph_issue8.bin"));
        Assert.Equal([FunctionCode.ServerSessionKey, FunctionCode.EncryptedWrapper], messages.Select(m => m.Header.Function));
        using var cipher = SessionCipher.FromAnnouncement(CryptoVectors.Key7F104920, CryptoVectors.Announcement(messages[0].Payload));
        var inner = new byte[messages[1].Payload.Length];

        Assert.Equal(WrapperStatus.Decrypted, cipher.TryUnwrap(messages[1].Payload, inner, out DecryptedWrapper wrapper, out SolarEdgeHeader header, out _));

        Assert.Equal(Hex.Of(TestData.SolarEdge("synth_inverter1ph_oldopt_issue8.bin")), Hex.Of(inner.AsSpan(0, wrapper.InnerLength)));
        Assert.Equal(1, wrapper.InnerSequence);
        Assert.Equal(0xDEADBEEFu, wrapper.Mask);
        Assert.Equal(0x01B6, header.Sequence);
    }

    [Fact]
    public void Decrypt_InPlace_GivesSameInnerMessage()
    {
        byte[] payload = CryptoVectors.Messages(TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin"))[1].Payload;
        using var cipher = SessionCipher.FromAnnouncement(CryptoVectors.Key7F104920, Issue8Announcement());

        Assert.Equal(WrapperStatus.Decrypted, cipher.Decrypt(payload, payload.AsSpan(22), out DecryptedWrapper wrapper));

        Assert.Equal("123456790000fffffa02feffffff2049107f8000dfeb", Hex.Of(payload.AsSpan(22, wrapper.InnerLength)));
    }

    [Fact]
    public void Encrypt_ServerAckOfIssue8_ReproducesCapturedWrapper()
    {
        // The real portal's wrapper, rebuilt from its C0, mask and inner sequence: encryption is the exact inverse.
        var messages = CryptoVectors.Messages(TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin"));
        using var cipher = SessionCipher.FromAnnouncement(CryptoVectors.Key7F104920, Issue8Announcement());
        byte[] inner = Hex.Bytes("123456790000fffffa02feffffff2049107f8000dfeb");
        var message = new byte[66];

        int written = cipher.WriteMessage(message, EncryptedWrapper.ServerHeader(0x07E6), inner, 0x0009,
            Hex.Bytes("25de16b5347134cece801ccef77fa9d1"), Hex.Bytes("ed46f7d9"));

        Assert.Equal(66, written);
        Assert.Equal(Hex.Of(messages[1].Message), Hex.Of(message));
    }

    [Fact]
    public void EncryptThenDecrypt_RandomMessages_RoundTrip()
    {
        using var cipher = new SessionCipher(Hex.Bytes("a62d80deb81c65e496268d0b126be0ec"));
        Properties.ForAllBytes(0xC0FFEE01, bytes =>
        {
            byte[] inner = SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(7, CryptoVectors.Inverter, SolarEdgeAddress.Server, FunctionCode.CmdServerPostData), bytes);
            byte[] c0 = [.. bytes.Concat(new byte[16]).Take(16).Reverse()];
            byte[] mask = [.. bytes.Concat(new byte[] { 1, 2, 3, 4 }).Take(4)];
            var payload = new byte[EncryptedWrapper.PayloadLength(inner.Length)];
            cipher.Encrypt(inner, (ushort)bytes.Length, c0, mask, payload);
            var output = new byte[inner.Length];
            WrapperStatus status = cipher.TryUnwrap(payload, output, out DecryptedWrapper wrapper, out SolarEdgeHeader header, out _);
            return status == WrapperStatus.Decrypted && output.AsSpan().SequenceEqual(inner)
                && wrapper.InnerSequence == (ushort)bytes.Length && header.Sequence == 7
                && payload.AsSpan(0, 16).SequenceEqual(c0);
        }, tests: 200);
    }

    [Fact]
    public void Decrypt_ShortPayloadOrSmallDestination_ReportsWithoutWriting()
    {
        using var cipher = new SessionCipher(new byte[16]);
        var destination = new byte[4];

        Assert.Equal(WrapperStatus.PayloadTooShort, cipher.Decrypt(new byte[21], destination, out _));
        Assert.Equal(WrapperStatus.DestinationTooSmall, cipher.Decrypt(new byte[27], destination, out _));
        Assert.Equal(WrapperStatus.Decrypted, cipher.Decrypt(new byte[26], destination, out DecryptedWrapper wrapper));
        Assert.Equal(4, wrapper.InnerLength);
        Assert.Equal(WrapperStatus.NotAMessage, cipher.TryUnwrap(new byte[26], destination, out _, out _, out _));
    }

    [Fact]
    public void TryUnwrap_RandomAndMutatedPayloads_NeverThrowsNorWritesPastDestination()
    {
        using var cipher = SessionCipher.FromAnnouncement(CryptoVectors.Key7F104920, Issue8Announcement());
        byte[] wrapper = CryptoVectors.Messages(TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin"))[1].Payload;
        bool Check(byte[] payload)
        {
            int room = Math.Max(0, payload.Length - 22);
            var destination = new byte[room + 8];
            destination.AsSpan(room).Fill(0xA5);
            cipher.TryUnwrap(payload, destination.AsSpan(0, room), out _, out _, out Range inner);
            return destination.AsSpan(room).IndexOfAnyExcept((byte)0xA5) < 0 && inner.End.Value <= room;
        }

        Properties.ForAllBytes(0x3D3D_0001, Check);
        Properties.ForAllMutations(0x3D3D_0002, [wrapper], Check);
    }

    [Fact]
    public void TryParse_Announcement_WrongLength_NamesBothLengths()
    {
        Assert.False(SessionKeyAnnouncement.TryParse(new byte[33], out _, out string? error));
        Assert.Contains("34 bytes", error, StringComparison.Ordinal);
        Assert.Contains("has 33", error, StringComparison.Ordinal);
    }

    internal static SessionKeyAnnouncement Issue8Announcement()
        => CryptoVectors.Announcement(CryptoVectors.Messages(TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin"))[0].Payload);

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static uint Number(JsonElement element, string name)
        => Convert.ToUInt32(element.GetProperty(name).GetString()![2..], 16);

    private static void AssertHeader(JsonElement expected, SolarEdgeHeader header, int payloadLength)
    {
        Assert.Equal(Number(expected, "function"), (uint)header.Function);
        Assert.Equal(Number(expected, "seq"), header.Sequence);
        Assert.Equal(Number(expected, "src"), header.Source);
        Assert.Equal(Number(expected, "dst"), header.Destination);
        Assert.Equal(expected.GetProperty("data_len").GetInt32(), payloadLength);
    }
}
