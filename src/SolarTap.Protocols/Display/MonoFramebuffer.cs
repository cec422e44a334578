namespace SolarTap.Protocols.Display;

/// <summary>
/// A 1-bit framebuffer laid out the way SSD1306/SH1106 display RAM is (SSD1306 datasheet §8.7, Figure 8-14):
/// the rows are grouped into pages of 8; each byte is one column of one page, bit 0 the top row of the page.
/// A frame can therefore be sent to the controller page by page without reshuffling. Drawing outside the
/// buffer is clipped silently, never an error.
/// </summary>
/// <remarks>
/// <code>
///            x=0      x=1            x=W-1
///   page 0 [byte 0] [byte 1] ... [byte W-1]     bit 0 = row 0 ... bit 7 = row 7
///   page 1 [byte W] ...                         bit 0 = row 8 ...
/// </code>
/// </remarks>
public sealed class MonoFramebuffer
{
    private readonly byte[] _bytes;

    /// <summary>A blank framebuffer of <paramref name="width"/> × <paramref name="height"/> pixels.</summary>
    /// <param name="width">Columns, 1 to 1024.</param>
    /// <param name="height">Rows, a multiple of 8 from 8 to 1024.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or the height is not a multiple of 8.</exception>
    public MonoFramebuffer(int width = 128, int height = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 1024);
        if (height % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "The height must be a multiple of 8 (one page is 8 rows).");
        }

        Width = width;
        Height = height;
        _bytes = new byte[width * height / 8];
    }

    /// <summary>Columns.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Pages of 8 rows.</summary>
    public int PageCount => Height / 8;

    /// <summary>The whole buffer in controller order: page 0 columns 0..W-1, then page 1, ...</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The <see cref="Width"/> column bytes of one page.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is not a page of this buffer.</exception>
    public ReadOnlySpan<byte> Page(int page)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(page, PageCount);
        return _bytes.AsSpan(page * Width, Width);
    }

    /// <summary>Whether (<paramref name="x"/>, <paramref name="y"/>) lies inside the buffer.</summary>
    public bool Contains(int x, int y) => (uint)x < (uint)Width && (uint)y < (uint)Height;

    /// <summary>Whether the pixel is lit; false outside the buffer.</summary>
    public bool GetPixel(int x, int y) => Contains(x, y) && (_bytes[Index(x, y)] & Mask(y)) != 0;

    /// <summary>Lights (or clears) one pixel; ignored outside the buffer.</summary>
    public void SetPixel(int x, int y, bool on = true)
    {
        if (!Contains(x, y))
        {
            return;
        }

        if (on)
        {
            _bytes[Index(x, y)] |= Mask(y);
        }
        else
        {
            _bytes[Index(x, y)] &= (byte)~Mask(y);
        }
    }

    /// <summary>Flips one pixel; ignored outside the buffer.</summary>
    public void TogglePixel(int x, int y)
    {
        if (Contains(x, y))
        {
            _bytes[Index(x, y)] ^= Mask(y);
        }
    }

    /// <summary>Turns every pixel off.</summary>
    public void Clear() => Array.Clear(_bytes);

    /// <summary>Sets every pixel to <paramref name="on"/>.</summary>
    public void Fill(bool on) => _bytes.AsSpan().Fill(on ? (byte)0xFF : (byte)0);

    /// <summary>Flips every pixel.</summary>
    public void Invert()
    {
        for (int i = 0; i < _bytes.Length; i++)
        {
            _bytes[i] = (byte)~_bytes[i];
        }
    }

    /// <summary>Copies every pixel of <paramref name="source"/>, which must have the same size.</summary>
    /// <exception cref="ArgumentException">The sizes differ.</exception>
    public void CopyFrom(MonoFramebuffer source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Width != Width || source.Height != Height)
        {
            throw new ArgumentException($"A {source.Width}x{source.Height} buffer cannot be copied into a {Width}x{Height} one.", nameof(source));
        }

        source._bytes.CopyTo(_bytes, 0);
    }

    /// <summary>Whether both buffers have the same size and the same pixels.</summary>
    public bool ContentEquals(MonoFramebuffer other) =>
        other is not null && other.Width == Width && other.Height == Height && other._bytes.AsSpan().SequenceEqual(_bytes);

    /// <summary>A horizontal run of <paramref name="length"/> pixels from (<paramref name="x"/>, <paramref name="y"/>) to the right.</summary>
    public void DrawHorizontalLine(int x, int y, int length, bool on = true)
    {
        if ((uint)y >= (uint)Height || length <= 0)
        {
            return;
        }

        int start = Math.Max(x, 0);
        int end = (int)Math.Min((long)x + length, Width);
        for (int column = start; column < end; column++)
        {
            SetPixel(column, y, on);
        }
    }

    /// <summary>A vertical run of <paramref name="length"/> pixels from (<paramref name="x"/>, <paramref name="y"/>) downwards.</summary>
    public void DrawVerticalLine(int x, int y, int length, bool on = true)
    {
        if ((uint)x >= (uint)Width || length <= 0)
        {
            return;
        }

        int start = Math.Max(y, 0);
        int end = (int)Math.Min((long)y + length, Height);
        for (int row = start; row < end; row++)
        {
            SetPixel(x, row, on);
        }
    }

    /// <summary>A straight line between two points, both included (Bresenham's integer algorithm).</summary>
    public void DrawLine(int x0, int y0, int x1, int y1, bool on = true)
    {
        long dx = Math.Abs((long)x1 - x0);
        long dy = -Math.Abs((long)y1 - y0);
        int stepX = x0 < x1 ? 1 : -1;
        int stepY = y0 < y1 ? 1 : -1;
        long error = dx + dy;
        long x = x0;
        long y = y0;
        while (true)
        {
            if (x >= 0 && x < Width && y >= 0 && y < Height)
            {
                SetPixel((int)x, (int)y, on);
            }

            if (x == x1 && y == y1)
            {
                return;
            }

            long doubled = 2 * error;
            if (doubled >= dy)
            {
                error += dy;
                x += stepX;
            }

            if (doubled <= dx)
            {
                error += dx;
                y += stepY;
            }
        }
    }

    /// <summary>The outline of a rectangle; <paramref name="width"/> and <paramref name="height"/> include the border.</summary>
    public void DrawRectangle(int x, int y, int width, int height, bool on = true)
    {
        if (width <= 0 || height <= 0)
        {
            return;
        }

        DrawHorizontalLine(x, y, width, on);
        DrawHorizontalLine(x, (int)Math.Clamp((long)y + height - 1, int.MinValue, int.MaxValue), width, on);
        DrawVerticalLine(x, y, height, on);
        DrawVerticalLine((int)Math.Clamp((long)x + width - 1, int.MinValue, int.MaxValue), y, height, on);
    }

    /// <summary>A filled rectangle.</summary>
    public void FillRectangle(int x, int y, int width, int height, bool on = true)
    {
        if (width <= 0 || height <= 0)
        {
            return;
        }

        int top = Math.Max(y, 0);
        int bottom = (int)Math.Min((long)y + height, Height);
        for (int row = top; row < bottom; row++)
        {
            DrawHorizontalLine(x, row, width, on);
        }
    }

    /// <summary>Flips every pixel of a rectangle (for highlighted text).</summary>
    public void InvertRectangle(int x, int y, int width, int height)
    {
        int left = Math.Max(x, 0);
        int right = (int)Math.Min((long)x + Math.Max(width, 0), Width);
        int top = Math.Max(y, 0);
        int bottom = (int)Math.Min((long)y + Math.Max(height, 0), Height);
        for (int row = top; row < bottom; row++)
        {
            for (int column = left; column < right; column++)
            {
                TogglePixel(column, row);
            }
        }
    }

    /// <summary>
    /// Moves the whole image by (<paramref name="dx"/>, <paramref name="dy"/>) pixels (right and down are positive).
    /// Pixels pushed over an edge are lost; the uncovered strip is dark. Used for burn-in care: a frame shifted by
    /// one pixel now and then spreads the wear of static text over neighbouring pixels.
    /// </summary>
    public void Shift(int dx, int dy)
    {
        if (dx == 0 && dy == 0)
        {
            return;
        }

        if (Math.Abs((long)dx) >= Width || Math.Abs((long)dy) >= Height)
        {
            Clear();
            return;
        }

        byte[] source = (byte[])_bytes.Clone();
        Clear();
        for (int y = 0; y < Height; y++)
        {
            int sourceY = y - dy;
            if ((uint)sourceY >= (uint)Height)
            {
                continue;
            }

            for (int x = 0; x < Width; x++)
            {
                int sourceX = x - dx;
                if ((uint)sourceX < (uint)Width && (source[Index(sourceX, sourceY)] & Mask(sourceY)) != 0)
                {
                    _bytes[Index(x, y)] |= Mask(y);
                }
            }
        }
    }

    /// <summary>Number of lit pixels.</summary>
    public int CountLit()
    {
        int count = 0;
        foreach (byte b in _bytes)
        {
            count += System.Numerics.BitOperations.PopCount(b);
        }

        return count;
    }

    private int Index(int x, int y) => (y >> 3) * Width + x;

    private static byte Mask(int y) => (byte)(1 << (y & 7));
}
