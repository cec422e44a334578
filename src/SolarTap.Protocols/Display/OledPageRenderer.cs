namespace SolarTap.Protocols.Display;

/// <summary>
/// Draws the OLED pages of issue 7 on a 128×64 framebuffer from an <see cref="OledStatusView"/>. Pure: the same
/// view and page always give the same pixels (golden-image tested). Every page keeps column 127 and row 63 dark,
/// so the one-pixel burn-in shift of <see cref="OledScheduler"/> never pushes content off the glass.
/// <code>
///   rows 0-8    title bar (inverted): title left, "2/6" right
///   rows 12-59  five text lines of the small font, 10 rows apart (or the large power digits)
/// </code>
/// </summary>
public static partial class OledPageRenderer
{
    /// <summary>Last column pages draw in.</summary>
    public const int LastColumn = 126;

    /// <summary>Rows of the title bar.</summary>
    public const int TitleBarHeight = 9;

    private const int FirstLineY = 12;
    private const int Left = 1;

    private static BitmapFont Font => DisplayFonts.Small;

    /// <summary>The page cycle for <paramref name="view"/>: problems (if any), site, each inverter, link, upstream, appliance.</summary>
    public static IReadOnlyList<OledPage> Pages(OledStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var pages = new List<OledPage>(5 + view.Inverters.Count);
        if (view.Problems.Count > 0)
        {
            pages.Add(new OledPage(OledPageKind.Problems));
        }

        pages.Add(new OledPage(OledPageKind.Site));
        for (int i = 0; i < view.Inverters.Count; i++)
        {
            pages.Add(new OledPage(OledPageKind.Inverter, i));
        }

        pages.Add(new OledPage(OledPageKind.Link));
        pages.Add(new OledPage(OledPageKind.Upstream));
        pages.Add(new OledPage(OledPageKind.Appliance));
        return pages;
    }

    /// <summary>
    /// Clears <paramref name="framebuffer"/> and draws page <paramref name="pageIndex"/> of the cycle (taken modulo
    /// the number of pages, so a stale index after an inverter disappears still draws a page).
    /// </summary>
    /// <returns>The page drawn.</returns>
    public static OledPage Render(MonoFramebuffer framebuffer, OledStatusView view, int pageIndex)
    {
        ArgumentNullException.ThrowIfNull(framebuffer);
        IReadOnlyList<OledPage> pages = Pages(view);
        int position = (int)((uint)pageIndex % (uint)pages.Count);
        OledPage page = pages[position];
        framebuffer.Clear();
        string title = page.Kind switch
        {
            OledPageKind.Problems => DrawProblems(framebuffer, view.Problems),
            OledPageKind.Site => DrawSite(framebuffer, view.Site),
            OledPageKind.Inverter => DrawInverter(framebuffer, view.Inverters[page.Index]),
            OledPageKind.Link => DrawLink(framebuffer, view.Link),
            OledPageKind.Upstream => DrawUpstream(framebuffer, view.Upstream),
            _ => DrawAppliance(framebuffer, view.Appliance),
        };
        DrawTitleBar(framebuffer, title, position + 1, pages.Count);
        return page;
    }

    /// <summary>Top row of text line <paramref name="line"/> (0 to 4) below the title bar.</summary>
    public static int LineY(int line) => FirstLineY + (line * Font.LineHeight);

    private static void DrawTitleBar(MonoFramebuffer framebuffer, string title, int position, int count)
    {
        framebuffer.FillRectangle(0, 0, LastColumn + 1, TitleBarHeight);
        string counter = $"{position}/{count}";
        int counterWidth = (int)Font.MeasureWidth(counter);
        TextRenderer.DrawAligned(framebuffer, Font, new PixelRect(0, 1, LastColumn, Font.Height), counter, TextAlignment.Right, on: false);
        int titleWidth = LastColumn - counterWidth - 4 - 2;
        TextRenderer.DrawText(framebuffer, Font, 2, 1, TextRenderer.Ellipsize(Font, title, titleWidth), new PixelRect(2, 0, titleWidth, TitleBarHeight), on: false);
    }

    /// <summary>A label at the left and a value right-aligned on text line <paramref name="line"/>; the label is shortened to leave the value room.</summary>
    private static void DrawRow(MonoFramebuffer framebuffer, int line, string label, string value)
    {
        int y = LineY(line);
        int valueWidth = (int)Math.Min(Font.MeasureWidth(value), LastColumn - Left + 1);
        TextRenderer.DrawAligned(framebuffer, Font, new PixelRect(Left, y, LastColumn - Left + 1, Font.Height), value, TextAlignment.Right);
        int labelWidth = LastColumn - Left + 1 - valueWidth - Font.Spacing - 4;
        if (labelWidth > 0)
        {
            TextRenderer.DrawText(framebuffer, Font, Left, y, TextRenderer.Ellipsize(Font, label, labelWidth), new PixelRect(Left, y, labelWidth, Font.Height));
        }
    }

    /// <summary>One line of text, shortened with '…' to fit, aligned as asked.</summary>
    private static void DrawLine(MonoFramebuffer framebuffer, int line, string text, TextAlignment alignment = TextAlignment.Left)
    {
        var box = new PixelRect(Left, LineY(line), LastColumn - Left + 1, Font.Height);
        TextRenderer.DrawAligned(framebuffer, Font, box, TextRenderer.Ellipsize(Font, text, box.Width), alignment);
    }

    /// <summary>A warning: one line of dark text in a lit bar.</summary>
    private static void DrawWarning(MonoFramebuffer framebuffer, int line, string text)
    {
        int y = LineY(line);
        framebuffer.FillRectangle(0, y - 1, LastColumn + 1, Font.Height + 1);
        var box = new PixelRect(Left, y, LastColumn - Left + 1, Font.Height);
        TextRenderer.DrawAligned(framebuffer, Font, box, TextRenderer.Ellipsize(Font, text, box.Width), TextAlignment.Centre, on: false);
    }
}
