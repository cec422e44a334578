namespace SolarTap.Protocols.Display;

/// <summary>Where a line of text sits inside its box.</summary>
public enum TextAlignment
{
    /// <summary>Starts at the box's left edge.</summary>
    Left,

    /// <summary>Centred; an odd leftover pixel goes to the right.</summary>
    Centre,

    /// <summary>Ends at the box's right edge.</summary>
    Right,
}
