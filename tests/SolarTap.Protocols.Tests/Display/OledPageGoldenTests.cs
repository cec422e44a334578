using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

public class OledPageGoldenTests
{
    public static TheoryData<string, string, int> Pages() => new()
    {
        { "site", nameof(PageFixtures.Typical), 0 },
        { "inverter-1", nameof(PageFixtures.Typical), 1 },
        { "inverter-2", nameof(PageFixtures.Typical), 2 },
        { "link", nameof(PageFixtures.Typical), 3 },
        { "upstream", nameof(PageFixtures.Typical), 4 },
        { "appliance", nameof(PageFixtures.Typical), 5 },
        { "site-unknown", nameof(PageFixtures.Unknowns), 0 },
        { "inverter-unknown", nameof(PageFixtures.Unknowns), 1 },
        { "link-none", nameof(PageFixtures.Unknowns), 2 },
        { "upstream-none", nameof(PageFixtures.Unknowns), 3 },
        { "appliance-unknown", nameof(PageFixtures.Unknowns), 4 },
        { "problems", nameof(PageFixtures.Troubled), 0 },
        { "site-small", nameof(PageFixtures.Troubled), 1 },
        { "link-tls", nameof(PageFixtures.Troubled), 4 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Render_FixedView_MatchesGoldenImage(string name, string fixture, int pageIndex)
    {
        var frame = new MonoFramebuffer();

        OledPageRenderer.Render(frame, View(fixture), pageIndex);

        GoldenImage.AssertMatches(name, frame);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Render_AnyPage_LeavesTheShiftMarginDark(string name, string fixture, int pageIndex)
    {
        var frame = new MonoFramebuffer();

        OledPageRenderer.Render(frame, View(fixture), pageIndex);

        for (int y = 0; y < frame.Height; y++)
        {
            Assert.False(frame.GetPixel(127, y), $"{name}: column 127 must stay dark (row {y}).");
        }

        for (int x = 0; x < frame.Width; x++)
        {
            Assert.False(frame.GetPixel(x, 63), $"{name}: row 63 must stay dark (column {x}).");
        }
    }

    [Fact]
    public void Pages_TypicalView_CyclesSiteInvertersLinkUpstreamAppliance()
    {
        IReadOnlyList<OledPage> pages = OledPageRenderer.Pages(PageFixtures.Typical);

        Assert.Equal(
            [new(OledPageKind.Site), new(OledPageKind.Inverter, 0), new(OledPageKind.Inverter, 1), new(OledPageKind.Link), new(OledPageKind.Upstream), new(OledPageKind.Appliance)],
            pages);
    }

    [Fact]
    public void Pages_WithProblems_LeadWithTheProblemPage()
    {
        Assert.Equal(new OledPage(OledPageKind.Problems), OledPageRenderer.Pages(PageFixtures.Troubled)[0]);
    }

    [Fact]
    public void Render_IndexPastTheEnd_WrapsRound()
    {
        var frame = new MonoFramebuffer();

        OledPage page = OledPageRenderer.Render(frame, PageFixtures.Typical, 6 + 3);

        Assert.Equal(new OledPage(OledPageKind.Link), page);
    }

    private static OledStatusView View(string fixture) => fixture switch
    {
        nameof(PageFixtures.Typical) => PageFixtures.Typical,
        nameof(PageFixtures.Unknowns) => PageFixtures.Unknowns,
        _ => PageFixtures.Troubled,
    };
}
