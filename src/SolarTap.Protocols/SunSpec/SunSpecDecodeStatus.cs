namespace SolarTap.Protocols.SunSpec;

/// <summary>The outcome of decoding one model block.</summary>
public enum SunSpecDecodeStatus
{
    /// <summary>Decoded.</summary>
    Ok,
    /// <summary>The block's ID is not a model this decoder reads.</summary>
    WrongModel,
    /// <summary>The block (or its declared length L) is shorter than the points the decoder needs.</summary>
    TooShort,
}
