namespace SolarTap.Devices.Tests.Leds;

/// <summary>
/// A stand-in for the kernel's LED class folder in a temporary directory: one folder per LED holding the
/// attributes the kernel exposes with the timer trigger selected (brightness, max_brightness, trigger, delay_on,
/// delay_off), as the kernel initialises them.
/// </summary>
internal sealed class FakeLedTree : IDisposable
{
    public FakeLedTree(params string[] leds)
    {
        Root = Directory.CreateTempSubdirectory("solartap-leds-").FullName;
        foreach (string led in leds)
        {
            AddLed(led);
        }
    }

    public string Root { get; }

    public void AddLed(string name, int maxBrightness = 255)
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "brightness"), "0\n");
        File.WriteAllText(Path.Combine(folder, "max_brightness"), $"{maxBrightness}\n");
        File.WriteAllText(Path.Combine(folder, "trigger"), "[none] timer heartbeat default-on\n");
        File.WriteAllText(Path.Combine(folder, "delay_on"), "500\n");
        File.WriteAllText(Path.Combine(folder, "delay_off"), "500\n");
    }

    public string Read(string led, string attribute) => File.ReadAllText(Path.Combine(Root, led, attribute));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
