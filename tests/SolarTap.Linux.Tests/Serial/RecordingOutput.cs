using SolarTap.Devices.Leds;

namespace SolarTap.Linux.Tests.Serial;

/// <summary>A GPIO output that records every level written to it.</summary>
internal sealed class RecordingOutput : IOnOffOutput
{
    public List<bool> Levels { get; } = [];

    public void Write(bool lit)
    {
        lock (Levels)
        {
            Levels.Add(lit);
        }
    }
}
