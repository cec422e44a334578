using SolarTap.Devices.Leds;
using SolarTap.Devices.Oled;
using SolarTap.Protocols.Display;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Display;

/// <summary>
/// Puts a status snapshot on the LEDs and the OLED, and, when asked, the OLED's frame into a PNG file (the
/// simulated display). Either device may be absent. Not thread-safe: one loop calls it (the OLED presenter's rule).
/// </summary>
internal sealed class StatusIndicator(StatusLeds? leds, OledPresenter? oled, string? pngFile)
{
    private MonoFramebuffer? _written;

    /// <summary>The view last shown on the OLED.</summary>
    public OledStatusView? LastView { get; private set; }

    /// <summary>The LED state last shown.</summary>
    public ApplianceIndication? LastIndication { get; private set; }

    /// <summary>Why the PNG file could not be written last time, or null.</summary>
    public string? PngProblem { get; private set; }

    /// <summary>While true, only the LEDs are updated (the OLED's bus failed; it is waiting to be initialised again).</summary>
    public bool OledSuspended { get; set; }

    /// <summary>The OLED presenter, or null.</summary>
    public OledPresenter? Oled => oled;

    /// <summary>Shows <paramref name="snapshot"/> at <paramref name="localNow"/>.</summary>
    /// <exception cref="IOException">The OLED's bus failed (the LEDs are already updated).</exception>
    public void Refresh(StatusSnapshot snapshot, SiteValues values, ApplianceView appliance, DateTimeOffset localNow)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ApplianceIndication indication = StatusIndication.Indication(snapshot);
        LastIndication = indication;
        leds?.Show(indication);
        if (oled is null || OledSuspended)
        {
            return;
        }

        OledStatusView view = StatusIndication.View(snapshot, values, appliance);
        LastView = view;
        oled.Update(view, localNow);
        WritePng();
    }

    /// <summary>The page button was pressed.</summary>
    public void ButtonPressed(DateTimeOffset localNow) => oled?.ButtonPressed(localNow);

    /// <summary>Turns the LEDs off (on shutdown).</summary>
    public void AllOff() => leds?.AllOff();

    private void WritePng()
    {
        if (pngFile is null || oled is null)
        {
            return;
        }

        // A blanked display is written as a dark frame, as the glass would look.
        MonoFramebuffer frame = oled.LastDecision.DisplayOn ? oled.Frame : new MonoFramebuffer(oled.Frame.Width, oled.Frame.Height);
        if (_written is not null && _written.ContentEquals(frame))
        {
            return;
        }

        try
        {
            string temporary = pngFile + ".tmp";
            File.WriteAllBytes(temporary, PngWriter.Write(frame, scale: 2));
            File.Move(temporary, pngFile, overwrite: true);
            PngProblem = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PngProblem = $"cannot write {pngFile}: {e.Message}";
            return;
        }

        _written ??= new MonoFramebuffer(frame.Width, frame.Height);
        _written.CopyFrom(frame);
    }
}
