namespace SolarTap.Supervisor.Configuration;

/// <summary>The four status LEDs (YAML section <c>leds</c>; docs/status.md).</summary>
public sealed class LedsOptions
{
    /// <summary>Default folder of the kernel LED class.</summary>
    public const string DefaultClassDirectory = "/sys/class/leds";

    /// <summary>Folder of the kernel LED class (<c>class_directory</c>), absolute. Default /sys/class/leds.</summary>
    public string ClassDirectory { get; set; } = DefaultClassDirectory;

    /// <summary>Power LED (<c>power</c>). Default the kernel LED solartap-power.</summary>
    public LedBinding Power { get; set; } = LedBinding.Kernel("solartap-power");

    /// <summary>Inverter link LED (<c>link</c>). Default the kernel LED solartap-link.</summary>
    public LedBinding Link { get; set; } = LedBinding.Kernel("solartap-link");

    /// <summary>Upstream LED (<c>upstream</c>). Default the kernel LED solartap-upstream.</summary>
    public LedBinding Upstream { get; set; } = LedBinding.Kernel("solartap-upstream");

    /// <summary>Error LED (<c>error</c>). Default the kernel LED solartap-error.</summary>
    public LedBinding Error { get; set; } = LedBinding.Kernel("solartap-error");

    /// <summary>GPIO-line LEDs light when the line is low (<c>active_low</c>). Default false.</summary>
    public bool ActiveLow { get; set; }

    /// <summary>
    /// True when the file has a <c>leds</c> section: then an LED that cannot be found is a problem shown on the
    /// status surfaces. Without one, LEDs missing under the default names are quietly left out (a PC has none).
    /// </summary>
    public bool Required { get; set; }
}
