namespace SolarTap.Supervisor.Tests.Display;

/// <summary>
/// A stand-in for /sys/class/leds in a temporary folder: one folder per LED with the attributes the kernel
/// exposes once the timer trigger exists (brightness, max_brightness, trigger, delay_on, delay_off).
/// </summary>
internal sealed class FakeLedClass : IDisposable
{
    public FakeLedClass(params string[] leds)
    {
        Root = Directory.CreateTempSubdirectory("st-leds-").FullName;
        foreach (string led in leds)
        {
            string folder = Path.Combine(Root, led);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "brightness"), "0\n");
            File.WriteAllText(Path.Combine(folder, "max_brightness"), "1\n");
            File.WriteAllText(Path.Combine(folder, "trigger"), "[none] timer heartbeat default-on\n");
            File.WriteAllText(Path.Combine(folder, "delay_on"), "500\n");
            File.WriteAllText(Path.Combine(folder, "delay_off"), "500\n");
        }
    }

    public string Root { get; }

    public string Read(string led, string attribute) => File.ReadAllText(Path.Combine(Root, led, attribute)).TrimEnd('\n');

    /// <summary>What the LED does, as one string: "off", "on", "heartbeat" or "timer 1000/1000".</summary>
    public string State(string led) => Read(led, "trigger") switch
    {
        "timer" => $"timer {Read(led, "delay_on")}/{Read(led, "delay_off")}",
        "heartbeat" => "heartbeat",
        _ => Read(led, "brightness") == "0" ? "off" : "on",
    };

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
