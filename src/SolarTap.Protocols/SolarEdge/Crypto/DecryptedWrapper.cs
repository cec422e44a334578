namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>What a decrypted 0x003D wrapper held besides the inner message (spec §4.4).</summary>
/// <param name="InnerSequence">The encrypted inner sequence counter (u16 LE at payload offset 16).</param>
/// <param name="Mask">The four mask bytes read big-endian, so wire bytes <c>ed 46 f7 d9</c> are 0xED46F7D9.</param>
/// <param name="InnerLength">Bytes of the inner message written to the caller's buffer.</param>
public readonly record struct DecryptedWrapper(ushort InnerSequence, uint Mask, int InnerLength);
