namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>Layout of the 0x003D encrypted-wrapper payload (spec §4.4).</summary>
/// <remarks>
/// <code>
///  0                16         18       22                    22+n
///  │ C0 (clear)     │ inner seq│ mask M │ inner message XOR M │
///                   └──────── AES-128-CTR(S, C0) ────────────┘
///  inner seq u16 LE; inner[i] = byte[22+i] XOR M[i mod 4]; inner = barker..CRC of one whole message
/// </code>
/// </remarks>
public static class EncryptedWrapper
{
    /// <summary>Bytes of the initial counter block C0, sent in clear.</summary>
    public const int CounterLength = 16;

    /// <summary>Offset of the encrypted inner sequence counter (u16 LE).</summary>
    public const int InnerSequenceOffset = 16;

    /// <summary>Offset of the encrypted 4-byte XOR mask.</summary>
    public const int MaskOffset = 18;

    /// <summary>Bytes of the XOR mask.</summary>
    public const int MaskLength = 4;

    /// <summary>Offset of the masked, encrypted inner message; also the wrapper's overhead.</summary>
    public const int InnerMessageOffset = 22;

    /// <summary>The largest inner message a wrapper can carry (the outer payload is at most 65535 bytes).</summary>
    public const int MaxInnerMessageLength = SolarEdgeWire.MaxPayloadLength - InnerMessageOffset;

    /// <summary>Payload length of a wrapper around an inner message of <paramref name="innerMessageLength"/> bytes.</summary>
    public static int PayloadLength(int innerMessageLength) => InnerMessageOffset + innerMessageLength;

    /// <summary>
    /// The outer header of a server wrapper: function 0x003D from 0xFFFFFFFD to 0xFFFFFFFF (spec §4.4 encryption step 4).
    /// </summary>
    public static SolarEdgeHeader ServerHeader(ushort outerSequence)
        => new(outerSequence, SolarEdgeAddress.ConfigurationTool, SolarEdgeAddress.Broadcast, FunctionCode.EncryptedWrapper);

    /// <summary>The outer header of an inverter's own wrapper: its ID to 0xFFFFFFFE (spec §4.4, issues #14, #115).</summary>
    public static SolarEdgeHeader InverterHeader(ushort outerSequence, uint inverterId)
        => new(outerSequence, inverterId, SolarEdgeAddress.Server, FunctionCode.EncryptedWrapper);
}
