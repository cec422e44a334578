namespace SolarTap.Protocols.Display;

/// <summary>Bits per pixel of a grayscale PNG.</summary>
public enum PngBitDepth
{
    /// <summary>1 bit: 0 black, 1 white; eight pixels per byte, leftmost in the high bit.</summary>
    One = 1,

    /// <summary>8 bits: 0 black, 255 white; one byte per pixel.</summary>
    Eight = 8,
}
