namespace SolarTap.Protocols.Display;

/// <summary>
/// Draws single lines of text with a <see cref="BitmapFont"/>. Text is clipped to a box (the whole framebuffer
/// unless given); any string is safe to draw, including control characters and lone surrogates (they draw as the
/// font's fallback glyph). Only lit glyph pixels are written: the spacing and the glyph background are left as
/// they were, so text can be drawn dark over a filled bar.
/// </summary>
public static class TextRenderer
{
    /// <summary>Draws <paramref name="text"/> with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>), clipped to the framebuffer.</summary>
    /// <returns>The column just after the last glyph (where the next text would start, less the spacing).</returns>
    public static long DrawText(MonoFramebuffer framebuffer, BitmapFont font, int x, int y, ReadOnlySpan<char> text, bool on = true) =>
        DrawText(framebuffer, font, x, y, text, PixelRect.Of(framebuffer), on);

    /// <summary>Draws <paramref name="text"/> with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>), clipped to <paramref name="clip"/>.</summary>
    /// <returns>The column just after the last glyph.</returns>
    public static long DrawText(MonoFramebuffer framebuffer, BitmapFont font, int x, int y, ReadOnlySpan<char> text, PixelRect clip, bool on = true)
    {
        ArgumentNullException.ThrowIfNull(framebuffer);
        ArgumentNullException.ThrowIfNull(font);
        long cursor = x;
        long clipRight = Math.Min(clip.Right, framebuffer.Width);
        long clipLeft = Math.Max(clip.X, 0);
        long top = Math.Max(Math.Max(clip.Y, 0), y);
        long bottom = Math.Min(Math.Min(clip.Bottom, framebuffer.Height), (long)y + font.Height);
        bool visibleRows = !clip.IsEmpty && top < bottom;
        for (int i = 0; i < text.Length; i++)
        {
            ReadOnlySpan<ushort> columns = font.Columns(text[i]);
            if (visibleRows && cursor < clipRight && cursor + columns.Length > clipLeft)
            {
                DrawGlyph(framebuffer, columns, cursor, y, clipLeft, clipRight, top, bottom, on);
            }

            cursor += columns.Length + (i + 1 < text.Length ? font.Spacing : 0);
        }

        return cursor;
    }

    /// <summary>
    /// Draws one line inside <paramref name="box"/> (top at the box's top), aligned as asked and clipped to the box.
    /// Text wider than the box is drawn from the box's left edge whatever the alignment, so its start stays readable.
    /// </summary>
    public static void DrawAligned(MonoFramebuffer framebuffer, BitmapFont font, PixelRect box, ReadOnlySpan<char> text, TextAlignment alignment, bool on = true)
    {
        ArgumentNullException.ThrowIfNull(font);
        long width = font.MeasureWidth(text);
        long slack = box.Width - width;
        long x = slack <= 0 ? box.X : alignment switch
        {
            TextAlignment.Right => box.X + slack,
            TextAlignment.Centre => box.X + (slack / 2),
            _ => box.X,
        };
        DrawText(framebuffer, font, (int)x, box.Y, text, box, on);
    }

    /// <summary>
    /// <paramref name="text"/> if it fits in <paramref name="maxWidth"/> columns; otherwise as much of its start as
    /// fits followed by '…' (or by nothing when the font has no '…').
    /// </summary>
    public static string Ellipsize(BitmapFont font, string text, int maxWidth)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(text);
        if (font.MeasureWidth(text) <= maxWidth)
        {
            return text;
        }

        string ellipsis = font.HasGlyph('\u2026') ? "\u2026" : "";
        long budget = maxWidth - font.MeasureWidth(ellipsis) - (ellipsis.Length > 0 ? font.Spacing : 0);
        int length = 0;
        long used = 0;
        while (length < text.Length)
        {
            long next = used + font.GlyphWidth(text[length]) + (length > 0 ? font.Spacing : 0);
            if (next > budget)
            {
                break;
            }

            used = next;
            length++;
        }

        return string.Concat(text.AsSpan(0, length), ellipsis);
    }

    /// <summary>
    /// Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/> columns, at spaces where
    /// it can and inside words longer than a line. Line breaks in the text are kept.
    /// </summary>
    public static IReadOnlyList<string> Wrap(BitmapFont font, string text, int maxWidth)
    {
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        foreach (string paragraph in text.Split('\n'))
        {
            string line = "";
            foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureWidth(candidate) <= maxWidth)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && font.MeasureWidth(line) > maxWidth)
                {
                    int fit = 1;
                    while (fit < line.Length && font.MeasureWidth(line.AsSpan(0, fit + 1)) <= maxWidth)
                    {
                        fit++;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private static void DrawGlyph(MonoFramebuffer framebuffer, ReadOnlySpan<ushort> columns, long left, int y,
        long clipLeft, long clipRight, long top, long bottom, bool on)
    {
        for (int cx = 0; cx < columns.Length; cx++)
        {
            long px = left + cx;
            if (px < clipLeft || px >= clipRight || columns[cx] == 0)
            {
                continue;
            }

            for (long py = top; py < bottom; py++)
            {
                if ((columns[cx] & (1 << (int)(py - y))) != 0)
                {
                    framebuffer.SetPixel((int)px, (int)py, on);
                }
            }
        }
    }
}
