using System.Security.Cryptography;
using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>
/// The payload of a 0x0503 message: the session-key material an inverter announces in clear (spec §4.1, §4.3).
/// </summary>
/// <remarks>
/// <code>
///  0        16       32    34
///  │ R1     │ R2     │ ?? │      S = AES-128-ECB(K, R1) XOR R2; bytes 32..33 are not used
/// </code>
/// </remarks>
public sealed class SessionKeyAnnouncement
{
    /// <summary>Exact length of a 0x0503 payload.</summary>
    public const int PayloadLength = 34;

    /// <summary>Length of R1, R2 and the derived session key.</summary>
    public const int BlockLength = 16;

    private readonly byte[] _payload;

    private SessionKeyAnnouncement(byte[] payload) => _payload = payload;

    /// <summary>The whole 34-byte payload, as persisted (spec §4.6).</summary>
    public ReadOnlySpan<byte> Payload => _payload;

    /// <summary>R1, the block encrypted with the inverter key.</summary>
    public ReadOnlySpan<byte> R1 => _payload.AsSpan(0, BlockLength);

    /// <summary>R2, XORed onto AES_K(R1).</summary>
    public ReadOnlySpan<byte> R2 => _payload.AsSpan(BlockLength, BlockLength);

    /// <summary>The two trailing bytes of unknown meaning (spec §9 question 3).</summary>
    public ReadOnlySpan<byte> Unused => _payload.AsSpan(2 * BlockLength);

    /// <summary>Reads a 0x0503 payload; anything but exactly 34 bytes is refused with a reason.</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out SessionKeyAnnouncement? announcement, out string? error)
    {
        if (payload.Length != PayloadLength)
        {
            announcement = null;
            error = $"a 0x0503 session-key payload has {PayloadLength} bytes (R1, R2, 2 unused); this one has {payload.Length}";
            return false;
        }

        announcement = new SessionKeyAnnouncement(payload.ToArray());
        error = null;
        return true;
    }

    /// <summary>Writes AES-128-ECB(K, R1), the intermediate value of the derivation, into <paramref name="destination"/>.</summary>
    public void EncryptR1(InverterKey key, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var aes = Aes.Create();
        aes.Key = key.Bytes.ToArray();
        aes.EncryptEcb(R1, destination[..BlockLength], PaddingMode.None);
    }

    /// <summary>Writes the session key S = AES-128-ECB(K, R1) XOR R2 into <paramref name="sessionKey"/> (spec §4.3).</summary>
    public void DeriveSessionKey(InverterKey key, Span<byte> sessionKey)
    {
        Span<byte> target = sessionKey[..BlockLength];
        EncryptR1(key, target);
        ReadOnlySpan<byte> r2 = R2;
        for (int i = 0; i < BlockLength; i++)
        {
            target[i] ^= r2[i];
        }
    }
}
