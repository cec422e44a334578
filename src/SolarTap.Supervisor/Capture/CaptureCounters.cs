namespace SolarTap.Supervisor.Capture;

/// <summary>What the capture loop saw since its counters were last reported; kept locally so the status model is
/// touched about once a second, not once per frame.</summary>
internal sealed class CaptureCounters
{
    public long Frames { get; set; }

    public long Bytes { get; set; }

    public long Segments { get; set; }

    public long NotTcp { get; set; }

    public long DecodeErrors { get; set; }

    public long Truncated { get; set; }

    public bool IsEmpty => Frames == 0 && DecodeErrors == 0;

    public void Clear()
    {
        Frames = Bytes = Segments = NotTcp = DecodeErrors = Truncated = 0;
    }
}
