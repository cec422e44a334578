using SolarTap.Devices.Leds;
using SolarTap.Protocols.Display;

namespace SolarTap.Devices.Tests.Leds;

public class LedPatternsTests
{
    [Theory]
    [InlineData(InverterLinkState.NoLink, "off")]
    [InlineData(InverterLinkState.LeaseOnly, "blink 1000/1000 ms")]
    [InlineData(InverterLinkState.DataFlowing, "on")]
    [InlineData(InverterLinkState.Undecodable, "blink 100/100 ms")]
    public void Link_FollowsTheIssueBlinkCodes(InverterLinkState state, string expected)
    {
        Assert.Equal(expected, LedPatterns.Link(state).ToString());
    }

    [Theory]
    [InlineData(UpstreamState.NotConfigured, "off")]
    [InlineData(UpstreamState.Ok, "on")]
    [InlineData(UpstreamState.Buffering, "blink 500/500 ms")]
    public void Upstream_FollowsTheIssueBlinkCodes(UpstreamState state, string expected)
    {
        Assert.Equal(expected, LedPatterns.Upstream(state).ToString());
    }

    [Fact]
    public void For_MapsEveryLed()
    {
        LedActions actions = LedPatterns.For(new ApplianceIndication(InverterLinkState.DataFlowing, UpstreamState.Buffering, Error: true));

        Assert.Equal(new LedActions(LedAction.Heartbeat, LedAction.On, LedPatterns.BufferingBlink, LedAction.On), actions);
        Assert.Equal(LedAction.Off, LedPatterns.Error(false));
    }
}
