using SolarTap.Devices.Oled;
using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Tests.Oled;

public class OledPresenterTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2));

    private static readonly OledStatusView View = new(
        new SiteView(3421, 12_437, 1, 1),
        [new InverterView("7F104920", 3421, 12_437, 385.2, 41.5, TimeSpan.FromSeconds(3))],
        new LinkView(InverterLinkState.DataFlowing, "00:27:02:1A:2B:3C", "172.16.64.10", "plain", false),
        new UpstreamView(UpstreamState.Ok, [new SinkView("mqtt", "running", 0)]),
        new ApplianceView("solartap", ["192.168.1.57"], TimeSpan.FromHours(5), 47.0, "1.0.0"),
        []);

    [Fact]
    public void Update_ShowsTheRenderedPageOnThePanel()
    {
        (OledPresenter presenter, FakeI2cDevice device, _) = Create();

        presenter.Update(View, Noon);

        var expected = new MonoFramebuffer();
        OledPageRenderer.Render(expected, View, 0);
        Assert.True(device.Model.Visible(0).ContentEquals(expected));
        Assert.Equal(new OledPage(OledPageKind.Site), presenter.CurrentPage);
        Assert.Equal(new OledScheduleOptions().DayContrast, device.Model.Contrast);
    }

    [Fact]
    public void Update_NothingChanged_SendsNothing()
    {
        (OledPresenter presenter, FakeI2cDevice device, _) = Create();
        presenter.Update(View, Noon);
        int writes = device.Writes.Count;

        presenter.Update(View, Noon.AddSeconds(1));

        Assert.Equal(writes, device.Writes.Count);
    }

    [Fact]
    public void Update_AfterThePageIntervalAndAShift_ShowsTheNextPageMoved()
    {
        (OledPresenter presenter, FakeI2cDevice device, _) = Create();

        presenter.Update(View, Noon.AddMinutes(2).AddSeconds(1));

        var expected = new MonoFramebuffer();
        OledPageRenderer.Render(expected, View, 1);
        expected.Shift(1, 0);
        Assert.True(device.Model.Visible(0).ContentEquals(expected));
    }

    [Fact]
    public void Update_AtNight_DimsAndWhenIdle_Blanks()
    {
        (OledPresenter presenter, FakeI2cDevice device, _) = Create(Noon.AddHours(11));

        presenter.Update(View, Noon.AddHours(11));
        Assert.Equal(new OledScheduleOptions().NightContrast, device.Model.Contrast);

        presenter.Update(View, Noon.AddHours(11).AddMinutes(10));
        Assert.False(device.Model.DisplayOn);

        presenter.ButtonPressed(Noon.AddHours(11).AddMinutes(11));
        presenter.Update(View, Noon.AddHours(11).AddMinutes(11));
        Assert.True(device.Model.DisplayOn);
    }

    [Fact]
    public void Update_NewProblem_JumpsToTheProblemPageAndWakes()
    {
        (OledPresenter presenter, FakeI2cDevice device, _) = Create();
        presenter.Update(View, Noon.AddSeconds(6));
        presenter.Update(View, Noon.AddMinutes(10).AddSeconds(6));
        Assert.False(device.Model.DisplayOn);

        presenter.Update(View with { Problems = ["OLED contrast out of range"] }, Noon.AddMinutes(11));

        Assert.True(device.Model.DisplayOn);
        Assert.Equal(new OledPage(OledPageKind.Problems), presenter.CurrentPage);
    }

    private static (OledPresenter, FakeI2cDevice, Ssd1306Display) Create(DateTimeOffset? start = null)
    {
        var device = new FakeI2cDevice(new OledRamModel(OledController.Ssd1306));
        var display = new Ssd1306Display(device, new Ssd1306DisplayOptions());
        display.Initialise();
        return (new OledPresenter(display, new OledScheduler(new OledScheduleOptions(), start ?? Noon)), device, display);
    }
}
