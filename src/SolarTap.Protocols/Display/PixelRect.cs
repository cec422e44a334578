namespace SolarTap.Protocols.Display;

/// <summary>A rectangle of pixels: (<see cref="X"/>, <see cref="Y"/>) is its top-left corner; Right and Bottom are exclusive.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Width">Columns; zero or negative is empty.</param>
/// <param name="Height">Rows; zero or negative is empty.</param>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>First column to the right of the rectangle.</summary>
    public long Right => (long)X + Width;

    /// <summary>First row below the rectangle.</summary>
    public long Bottom => (long)Y + Height;

    /// <summary>Whether the rectangle holds no pixel.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>Whether the pixel lies inside the rectangle.</summary>
    public bool Contains(int x, int y) => !IsEmpty && x >= X && x < Right && y >= Y && y < Bottom;

    /// <summary>The whole area of <paramref name="framebuffer"/>.</summary>
    public static PixelRect Of(MonoFramebuffer framebuffer)
    {
        ArgumentNullException.ThrowIfNull(framebuffer);
        return new PixelRect(0, 0, framebuffer.Width, framebuffer.Height);
    }
}
