namespace SolarTap.Protocols.Display;

/// <summary>What the OLED should show now, as decided by <see cref="OledScheduler"/>.</summary>
/// <param name="DisplayOn">False when blanked after the idle time (send Display OFF; the RAM keeps its content).</param>
/// <param name="PageIndex">Index into the page cycle (<see cref="OledPageRenderer.Pages"/>).</param>
/// <param name="Contrast">Contrast to set: day or night.</param>
/// <param name="ShiftX">Pixels to move the rendered frame right (0 or 1).</param>
/// <param name="ShiftY">Pixels to move the rendered frame down (0 or 1).</param>
public readonly record struct OledDecision(bool DisplayOn, int PageIndex, byte Contrast, int ShiftX, int ShiftY);
