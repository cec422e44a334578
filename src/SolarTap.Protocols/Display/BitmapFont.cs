using System.Collections.Frozen;

namespace SolarTap.Protocols.Display;

/// <summary>
/// A bitmap font of our own: each glyph is a run of columns up to 16 pixels tall (bit 0 the top row), drawn
/// left to right with <see cref="Spacing"/> dark columns between glyphs. Characters without a glyph are drawn
/// as <see cref="FallbackCharacter"/>. See <see cref="DisplayFonts"/> for the fonts the appliance uses.
/// </summary>
public sealed class BitmapFont
{
    private readonly FrozenDictionary<char, ushort[]> _glyphs;
    private readonly ushort[] _fallback;

    /// <summary>A font from glyph columns.</summary>
    /// <param name="name">Name, for messages.</param>
    /// <param name="height">Rows of every glyph, 1 to 16.</param>
    /// <param name="spacing">Dark columns between two glyphs.</param>
    /// <param name="lineHeight">Rows from one line of text to the next; at least <paramref name="height"/>.</param>
    /// <param name="glyphs">Columns of each glyph; bit 0 is the top row.</param>
    /// <param name="fallbackCharacter">Drawn for characters the font lacks; must be in <paramref name="glyphs"/>.</param>
    /// <exception cref="ArgumentException">The sizes are out of range, a glyph is empty or too tall, or the fallback is missing.</exception>
    public BitmapFont(string name, int height, int spacing, int lineHeight, IReadOnlyDictionary<char, ushort[]> glyphs, char fallbackCharacter)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(glyphs);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 16);
        ArgumentOutOfRangeException.ThrowIfNegative(spacing);
        ArgumentOutOfRangeException.ThrowIfLessThan(lineHeight, height);
        foreach ((char c, ushort[] columns) in glyphs)
        {
            if (columns.Length == 0 || columns.Any(column => column >> height != 0))
            {
                throw new ArgumentException($"Glyph U+{(int)c:X4} of font {name} is empty or taller than {height} rows.", nameof(glyphs));
            }
        }

        if (!glyphs.TryGetValue(fallbackCharacter, out ushort[]? fallback))
        {
            throw new ArgumentException($"Font {name} has no glyph for its fallback character U+{(int)fallbackCharacter:X4}.", nameof(fallbackCharacter));
        }

        Name = name;
        Height = height;
        Spacing = spacing;
        LineHeight = lineHeight;
        FallbackCharacter = fallbackCharacter;
        _glyphs = glyphs.ToFrozenDictionary(pair => pair.Key, pair => (ushort[])pair.Value.Clone());
        _fallback = _glyphs[fallbackCharacter];
    }

    /// <summary>Name, for messages.</summary>
    public string Name { get; }

    /// <summary>Rows of every glyph (including descender rows).</summary>
    public int Height { get; }

    /// <summary>Dark columns between two glyphs.</summary>
    public int Spacing { get; }

    /// <summary>Rows from one line of text to the next.</summary>
    public int LineHeight { get; }

    /// <summary>Drawn in place of characters the font lacks.</summary>
    public char FallbackCharacter { get; }

    /// <summary>Every character that has its own glyph, in code order.</summary>
    public IEnumerable<char> Characters => _glyphs.Keys.Order();

    /// <summary>Whether <paramref name="c"/> has its own glyph.</summary>
    public bool HasGlyph(char c) => _glyphs.ContainsKey(c);

    /// <summary>Columns of the glyph drawn for <paramref name="c"/> (the fallback's when it has none).</summary>
    public int GlyphWidth(char c) => Columns(c).Length;

    /// <summary>Columns <paramref name="text"/> takes: glyph widths plus spacing between glyphs (none after the last).</summary>
    public long MeasureWidth(ReadOnlySpan<char> text)
    {
        long width = 0;
        foreach (char c in text)
        {
            width += GlyphWidth(c) + Spacing;
        }

        return text.IsEmpty ? 0 : width - Spacing;
    }

    /// <summary>Columns of the glyph drawn for <paramref name="c"/>; bit 0 is the top row.</summary>
    public ReadOnlySpan<ushort> Columns(char c) => _glyphs.TryGetValue(c, out ushort[]? columns) ? columns : _fallback;
}
