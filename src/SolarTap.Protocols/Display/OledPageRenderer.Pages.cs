namespace SolarTap.Protocols.Display;

/// <summary>The page bodies; each returns its title.</summary>
public static partial class OledPageRenderer
{
    private const int LineCount = 5;

    private static string DrawSite(MonoFramebuffer framebuffer, SiteView site)
    {
        // Headline: the power in 10x16 digits with its unit in small type on the digits' baseline, centred.
        (string number, string unit) = DisplayFormat.PowerParts(site.PowerWatts);
        BitmapFont large = DisplayFonts.LargeDigits;
        int numberWidth = (int)large.MeasureWidth(number);
        int unitWidth = (int)Font.MeasureWidth(unit);
        int x = Math.Max(Left, (LastColumn + 1 - (numberWidth + 4 + unitWidth)) / 2);
        const int top = FirstLineY + 5;
        TextRenderer.DrawText(framebuffer, large, x, top, number);
        TextRenderer.DrawText(framebuffer, Font, x + numberWidth + 4, top + large.Height - 7, unit);
        DrawRow(framebuffer, 3, "Today", DisplayFormat.Energy(site.EnergyTodayWattHours));
        DrawRow(framebuffer, 4, "Inverters", $"{site.InvertersReporting}/{site.InvertersKnown}");
        return "Site";
    }

    private static string DrawInverter(MonoFramebuffer framebuffer, InverterView inverter)
    {
        DrawRow(framebuffer, 0, "Power", DisplayFormat.Power(inverter.PowerWatts));
        DrawRow(framebuffer, 1, "Today", DisplayFormat.Energy(inverter.EnergyTodayWattHours));
        DrawRow(framebuffer, 2, "DC", DisplayFormat.Voltage(inverter.DcVoltage));
        DrawRow(framebuffer, 3, "Temp", DisplayFormat.Temperature(inverter.TemperatureCelsius));
        DrawRow(framebuffer, 4, "Last", DisplayFormat.Age(inverter.LastReadingAge));
        return "Inv " + inverter.Name;
    }

    private static string DrawLink(MonoFramebuffer framebuffer, LinkView link)
    {
        string state = link.State switch
        {
            InverterLinkState.LeaseOnly => "lease, no session",
            InverterLinkState.DataFlowing => "data flowing",
            InverterLinkState.Undecodable => "cannot decode",
            _ => "no inverter",
        };
        DrawLine(framebuffer, 0, state, TextAlignment.Centre);
        DrawRow(framebuffer, 1, "MAC", link.Mac ?? DisplayFormat.Unknown);
        DrawRow(framebuffer, 2, "IP", link.Address ?? DisplayFormat.Unknown);
        DrawRow(framebuffer, 3, "Session", link.Session ?? "none");
        if (link.TlsFirmware)
        {
            DrawWarning(framebuffer, 4, "! TLS firmware");
        }

        return "Link";
    }

    private static string DrawUpstream(MonoFramebuffer framebuffer, UpstreamView upstream)
    {
        string state = upstream.State switch
        {
            UpstreamState.Ok => "ok",
            UpstreamState.Buffering => "buffering",
            _ => "not configured",
        };
        DrawRow(framebuffer, 0, "State", state);
        DrawRow(framebuffer, 1, "Backlog", DisplayFormat.Count(upstream.Backlog));
        for (int i = 0; i < Math.Min(upstream.Sinks.Count, LineCount - 2); i++)
        {
            SinkView sink = upstream.Sinks[i];
            string value = sink.Backlog > 0 ? $"{sink.State} {DisplayFormat.Count(sink.Backlog)}" : sink.State;
            DrawRow(framebuffer, 2 + i, "\u2191 " + sink.Name, value);
        }

        return "Upstream";
    }

    private static string DrawAppliance(MonoFramebuffer framebuffer, ApplianceView appliance)
    {
        int line = 0;
        foreach (string address in appliance.Addresses.Take(2))
        {
            DrawLine(framebuffer, line++, address);
        }

        if (line == 0)
        {
            DrawLine(framebuffer, line++, "no address");
        }

        DrawRow(framebuffer, 2, "Up", DisplayFormat.Uptime(appliance.Uptime));
        DrawRow(framebuffer, 3, "CPU", DisplayFormat.Temperature(appliance.CpuTemperatureCelsius));
        DrawRow(framebuffer, 4, "Version", appliance.Version ?? DisplayFormat.Unknown);
        return appliance.Hostname ?? "Appliance";
    }

    private static string DrawProblems(MonoFramebuffer framebuffer, IReadOnlyList<string> problems)
    {
        string title = problems.Count == 1 ? "! Problem" : $"! {problems.Count} problems";
        int line = 0;
        foreach (string problem in problems)
        {
            foreach (string text in TextRenderer.Wrap(Font, problem, LastColumn - Left + 1))
            {
                if (line == LineCount)
                {
                    return title;
                }

                DrawLine(framebuffer, line++, text);
            }
        }

        return title;
    }
}
