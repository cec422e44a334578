using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>
/// Opens and builds 0x003D wrappers with one session key S (spec §4.4). Holds one <see cref="Aes"/> instance for the
/// life of the session. Not thread-safe: use one instance from one thread at a time.
/// </summary>
public sealed class SessionCipher : IDisposable
{
    // Keystream is produced this many bytes at a time: counter blocks in one buffer, one EncryptEcb call.
    private const int ChunkBytes = 256;
    private const int BlockBytes = 16;

    private readonly Aes _aes;

    /// <summary>A cipher for the 16-byte session key <paramref name="sessionKey"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="sessionKey"/> is not 16 bytes long.</exception>
    public SessionCipher(ReadOnlySpan<byte> sessionKey)
    {
        if (sessionKey.Length != SessionKeyAnnouncement.BlockLength)
        {
            throw new ArgumentException($"A session key has {SessionKeyAnnouncement.BlockLength} bytes; {sessionKey.Length} were given.", nameof(sessionKey));
        }

        _aes = Aes.Create();
        _aes.Key = sessionKey.ToArray();
    }

    /// <summary>A cipher for the session that <paramref name="announcement"/> starts for the inverter with key <paramref name="key"/> (spec §4.3).</summary>
    public static SessionCipher FromAnnouncement(InverterKey key, SessionKeyAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        Span<byte> sessionKey = stackalloc byte[SessionKeyAnnouncement.BlockLength];
        announcement.DeriveSessionKey(key, sessionKey);
        var cipher = new SessionCipher(sessionKey);
        CryptographicOperations.ZeroMemory(sessionKey);
        return cipher;
    }

    /// <summary>
    /// AES-128-CTR with a full 128-bit big-endian counter starting at <paramref name="counter0"/> (spec §4.4 step 1):
    /// XORs keystream bytes <paramref name="keystreamOffset"/>.. onto <paramref name="input"/> into <paramref name="output"/>.
    /// <paramref name="output"/> may be <paramref name="input"/> itself (in place) but must not overlap it otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">C0 is not 16 bytes, or <paramref name="output"/> is shorter than <paramref name="input"/>.</exception>
    public void ApplyKeystream(ReadOnlySpan<byte> counter0, int keystreamOffset, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (counter0.Length != EncryptedWrapper.CounterLength)
        {
            throw new ArgumentException($"C0 has {EncryptedWrapper.CounterLength} bytes; {counter0.Length} were given.", nameof(counter0));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException($"The output needs {input.Length} bytes; it has {output.Length}.", nameof(output));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(keystreamOffset);

        // The counter block is one 128-bit big-endian integer that wraps to zero after all-FF.
        UInt128 counter = BinaryPrimitives.ReadUInt128BigEndian(counter0) + (UInt128)(uint)(keystreamOffset / BlockBytes);
        int skip = keystreamOffset % BlockBytes;
        Span<byte> counters = stackalloc byte[ChunkBytes];
        Span<byte> keystream = stackalloc byte[ChunkBytes];
        int done = 0;
        while (done < input.Length)
        {
            int take = Math.Min(ChunkBytes - skip, input.Length - done);
            int blocks = (skip + take + BlockBytes - 1) / BlockBytes;
            for (int b = 0; b < blocks; b++)
            {
                BinaryPrimitives.WriteUInt128BigEndian(counters.Slice(b * BlockBytes, BlockBytes), counter);
                counter++;
            }

            int bytes = blocks * BlockBytes;
            _aes.EncryptEcb(counters[..bytes], keystream[..bytes], PaddingMode.None);
            Xor(input.Slice(done, take), keystream.Slice(skip, take), output.Slice(done, take));
            done += take;
            skip = 0;
        }
    }

    /// <summary>
    /// Decrypts the wrapper payload <paramref name="payload"/> and writes the unmasked inner message into
    /// <paramref name="destination"/> without checking it (spec §4.4 steps 1–3). <paramref name="destination"/> may be
    /// <c>payload[22..]</c> itself (in place).
    /// </summary>
    public WrapperStatus Decrypt(ReadOnlySpan<byte> payload, Span<byte> destination, out DecryptedWrapper wrapper)
    {
        wrapper = default;
        if (payload.Length < EncryptedWrapper.InnerMessageOffset)
        {
            return WrapperStatus.PayloadTooShort;
        }

        int innerLength = payload.Length - EncryptedWrapper.InnerMessageOffset;
        if (destination.Length < innerLength)
        {
            return WrapperStatus.DestinationTooSmall;
        }

        ReadOnlySpan<byte> counter0 = payload[..EncryptedWrapper.CounterLength];
        Span<byte> head = stackalloc byte[EncryptedWrapper.InnerMessageOffset - EncryptedWrapper.InnerSequenceOffset];
        ApplyKeystream(counter0, 0, payload[EncryptedWrapper.InnerSequenceOffset..EncryptedWrapper.InnerMessageOffset], head);
        Span<byte> inner = destination[..innerLength];
        ApplyKeystream(counter0, head.Length, payload[EncryptedWrapper.InnerMessageOffset..], inner);
        ApplyMask(inner, head[2..]);
        wrapper = new DecryptedWrapper(
            BinaryPrimitives.ReadUInt16LittleEndian(head),
            BinaryPrimitives.ReadUInt32BigEndian(head[2..]),
            innerLength);
        return WrapperStatus.Decrypted;
    }

    /// <summary>
    /// <see cref="Decrypt"/>, then checks the inner message (barker, lengths, CRC; spec §4.4 step 4) and parses its header.
    /// </summary>
    /// <param name="payload">The 0x003D payload.</param>
    /// <param name="destination">Receives the inner message; may be <c>payload[22..]</c> itself.</param>
    /// <param name="wrapper">Inner sequence, mask and inner length once decrypted.</param>
    /// <param name="innerHeader">The inner message's header when <see cref="WrapperStatus.Decrypted"/>.</param>
    /// <param name="innerPayload">The inner payload's range in <paramref name="destination"/>.</param>
    public WrapperStatus TryUnwrap(ReadOnlySpan<byte> payload, Span<byte> destination, out DecryptedWrapper wrapper,
        out SolarEdgeHeader innerHeader, out Range innerPayload)
    {
        innerHeader = default;
        innerPayload = default;
        WrapperStatus status = Decrypt(payload, destination, out wrapper);
        if (status != WrapperStatus.Decrypted)
        {
            return status;
        }

        return SolarEdgeFrameReader.TryParse(destination[..wrapper.InnerLength], out innerHeader, out innerPayload)
            ? WrapperStatus.Decrypted
            : WrapperStatus.NotAMessage;
    }

    /// <summary>
    /// Builds a wrapper payload around <paramref name="innerMessage"/> (spec §4.4, encryption steps 1–3):
    /// C0 ‖ u16LE(inner sequence) ‖ M ‖ (inner XOR M), everything after C0 encrypted.
    /// </summary>
    /// <param name="innerMessage">One complete message, barker to CRC; must not overlap <paramref name="destination"/>.</param>
    /// <param name="innerSequence">The inner sequence counter.</param>
    /// <param name="counter0">16 random bytes chosen by the caller.</param>
    /// <param name="mask">4 random bytes chosen by the caller.</param>
    /// <param name="destination">Receives <see cref="EncryptedWrapper.PayloadLength"/> bytes.</param>
    /// <returns>Bytes written.</returns>
    /// <exception cref="ArgumentException">A size is wrong or <paramref name="destination"/> is too small.</exception>
    public int Encrypt(ReadOnlySpan<byte> innerMessage, ushort innerSequence, ReadOnlySpan<byte> counter0, ReadOnlySpan<byte> mask, Span<byte> destination)
    {
        if (mask.Length != EncryptedWrapper.MaskLength)
        {
            throw new ArgumentException($"The mask has {EncryptedWrapper.MaskLength} bytes; {mask.Length} were given.", nameof(mask));
        }

        if (innerMessage.Length > EncryptedWrapper.MaxInnerMessageLength)
        {
            throw new ArgumentException($"A wrapper carries at most {EncryptedWrapper.MaxInnerMessageLength} bytes; the message has {innerMessage.Length}.", nameof(innerMessage));
        }

        int size = EncryptedWrapper.PayloadLength(innerMessage.Length);
        if (destination.Length < size)
        {
            throw new ArgumentException($"The wrapper payload needs {size} bytes; the buffer has {destination.Length}.", nameof(destination));
        }

        if (counter0.Length != EncryptedWrapper.CounterLength)
        {
            throw new ArgumentException($"C0 has {EncryptedWrapper.CounterLength} bytes; {counter0.Length} were given.", nameof(counter0));
        }

        counter0.CopyTo(destination);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[EncryptedWrapper.InnerSequenceOffset..], innerSequence);
        mask.CopyTo(destination[EncryptedWrapper.MaskOffset..]);
        Span<byte> inner = destination.Slice(EncryptedWrapper.InnerMessageOffset, innerMessage.Length);
        innerMessage.CopyTo(inner);
        ApplyMask(inner, mask);
        Span<byte> encrypted = destination[EncryptedWrapper.InnerSequenceOffset..size];
        ApplyKeystream(destination[..EncryptedWrapper.CounterLength], 0, encrypted, encrypted);
        return size;
    }

    /// <summary>
    /// Writes a whole 0x003D message (barker to CRC) with outer header <paramref name="outerHeader"/> around
    /// <paramref name="innerMessage"/>. Use <see cref="EncryptedWrapper.ServerHeader"/> for replies to an inverter.
    /// </summary>
    /// <returns>Bytes written: 22 + 22 + the inner message's length.</returns>
    public int WriteMessage(Span<byte> destination, in SolarEdgeHeader outerHeader, ReadOnlySpan<byte> innerMessage, ushort innerSequence,
        ReadOnlySpan<byte> counter0, ReadOnlySpan<byte> mask)
    {
        int payloadLength = EncryptedWrapper.PayloadLength(innerMessage.Length);
        if (destination.Length < SolarEdgeWire.FrameSize(payloadLength))
        {
            throw new ArgumentException($"The message needs {SolarEdgeWire.FrameSize(payloadLength)} bytes; the buffer has {destination.Length}.", nameof(destination));
        }

        Span<byte> payload = destination.Slice(SolarEdgeWire.HeaderSize, payloadLength);
        Encrypt(innerMessage, innerSequence, counter0, mask, payload);
        SolarEdgeHeader header = outerHeader with { Function = FunctionCode.EncryptedWrapper };
        return SolarEdgeFrameWriter.Write(destination, header, payload); // copies the payload onto itself
    }

    /// <inheritdoc/>
    public void Dispose() => _aes.Dispose();

    private static void ApplyMask(Span<byte> inner, ReadOnlySpan<byte> mask)
    {
        // spec §4.4 step 3: byte i uses M[i mod 4].
        for (int i = 0; i < inner.Length; i++)
        {
            inner[i] ^= mask[i & 3];
        }
    }

    private static void Xor(ReadOnlySpan<byte> input, ReadOnlySpan<byte> keystream, Span<byte> output)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= input.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                (new Vector<byte>(input[i..]) ^ new Vector<byte>(keystream[i..])).CopyTo(output[i..]);
            }
        }

        for (; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }
    }
}
