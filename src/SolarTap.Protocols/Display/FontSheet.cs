namespace SolarTap.Protocols.Display;

/// <summary>
/// Reads glyphs drawn as text art: one string of characters and, below it, rows in which each glyph is a word
/// of '#' (lit) and '.' (dark), glyphs separated by one space. Every glyph's rows have the same length, which is
/// its width. This keeps the font data reviewable by eye.
/// </summary>
internal static class FontSheet
{
    /// <summary>Adds the glyphs of one sheet to <paramref name="glyphs"/>.</summary>
    /// <exception cref="InvalidOperationException">The art does not match the characters or a glyph's rows differ in length.</exception>
    public static void Sheet(Dictionary<char, ushort[]> glyphs, string characters, string art)
    {
        string[][] rows = art.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        if (rows.Length is 0 or > 16 || rows.Any(row => row.Length != characters.Length))
        {
            throw new InvalidOperationException($"Font sheet \"{characters}\": every row must have one word per character, 1 to 16 rows.");
        }

        for (int g = 0; g < characters.Length; g++)
        {
            int width = rows[0][g].Length;
            var columns = new ushort[width];
            for (int r = 0; r < rows.Length; r++)
            {
                string word = rows[r][g];
                if (word.Length != width || word.Any(c => c is not ('#' or '.')))
                {
                    throw new InvalidOperationException($"Font sheet \"{characters}\": glyph '{characters[g]}' row {r} is malformed.");
                }

                for (int x = 0; x < width; x++)
                {
                    if (word[x] == '#')
                    {
                        columns[x] |= (ushort)(1 << r);
                    }
                }
            }

            if (!glyphs.TryAdd(characters[g], columns))
            {
                throw new InvalidOperationException($"Font sheet \"{characters}\": glyph '{characters[g]}' is defined twice.");
            }
        }
    }
}
