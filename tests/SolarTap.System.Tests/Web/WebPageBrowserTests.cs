using System.Text.Json;
using Xunit.Abstractions;

namespace SolarTap.System.Tests.Web;

/// <summary>The web page in a real browser (Debian's chromium) against the real <c>solartap demo</c> (issue 7 §4).</summary>
public sealed class WebPageBrowserTests(BrowserCheck check, ITestOutputHelper output) : IClassFixture<BrowserCheck>
{
    public static TheoryData<string> Views => new() { "desktop", "phone" };

    [Fact]
    public void Page_Loads_WithoutConsoleErrorsOrFailedRequests()
    {
        Assert.Empty(Strings("console_errors"));
        Assert.Empty(Strings("page_errors"));
        Assert.Empty(Strings("failed_requests"));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void LiveValues_DemoRunning_ChangeWithinFiveSeconds(string view)
    {
        JsonElement changed = View(view).GetProperty("changed_after_ms");

        Assert.True(changed.ValueKind == JsonValueKind.Number, $"{view}: the site's values did not change within 5 s.\n{check.DemoOutput}");
        Assert.InRange(changed.GetInt32(), 0, 5000);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void PanelMap_DemoSite_ShowsEveryOptimizerWithAReading(string view)
    {
        var panels = View(view).GetProperty("panels").EnumerateArray().ToList();

        Assert.Equal(8 + 20, check.DemoOptimizers.Count); // the demo site: 8 and 20 optimizers
        Assert.Equal(check.DemoOptimizers.Order(StringComparer.Ordinal), panels.Select(p => p.GetProperty("serial").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(panels, p => Assert.False(p.GetProperty("missing").GetBoolean()));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Site_DemoRunning_ShowsBothInvertersWithTheirCharts(string view)
    {
        JsonElement v = View(view);

        Assert.Equal("running", v.GetProperty("state").GetString());
        Assert.Equal(2, v.GetProperty("inverterCards").GetInt32());
        Assert.Equal(2, v.GetProperty("chartPolygons").GetInt32());
        Assert.EndsWith(" W", v.GetProperty("power").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Phone_390PixelsWide_NothingWiderThanTheScreen()
    {
        JsonElement phone = View("phone");

        Assert.Equal(390, phone.GetProperty("clientWidth").GetInt32());
        Assert.True(phone.GetProperty("scrollWidth").GetInt32() <= 390, $"the page is {phone.GetProperty("scrollWidth")} px wide on a 390 px phone");
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Screenshot_Taken_SavedAsAnArtefact(string view)
    {
        string path = View(view).GetProperty("screenshot").GetString()!;
        output.WriteLine($"screenshot: {path}");

        Assert.StartsWith(BrowserCheck.ScreenshotFolder, path, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length > 10_000, $"{path} is missing or nearly empty");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(path).AsSpan(0, 4).ToArray());
    }

    private JsonElement View(string name) => check.Result.GetProperty("views").GetProperty(name);

    private List<string> Strings(string name) => [.. check.Result.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
