using System.Text.RegularExpressions;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Image;

/// <summary>
/// hardware/pinout.md is the single source of truth for pins and ports: the firmware settings on the boot
/// partition, the udev rules, the image's network files and the supervisor's defaults agree with it.
/// </summary>
public partial class PinoutTests
{
    private static readonly string Root = TestData.RepositoryRoot;
    private static readonly string Pinout = File.ReadAllText(Path.Combine(Root, "hardware", "pinout.md"));
    private static readonly string FirmwareSettings = File.ReadAllText(Path.Combine(Root, "overlays", "boot", "solartap-config.txt"));
    private static readonly string UdevRules = File.ReadAllText(Path.Combine(Root, "overlays", "rootfs", "etc", "udev", "rules.d", "60-solartap.rules"));
    private static readonly string InverterNetwork = File.ReadAllText(Path.Combine(Root, "overlays", "rootfs", "usr", "lib", "systemd", "network", "10-solartap-inverter.network"));

    // The 40-pin header: BCM GPIO number to physical pin (the Raspberry Pi's published header layout).
    private static readonly Dictionary<int, int> HeaderPinOfGpio = new()
    {
        [2] = 3, [3] = 5, [4] = 7, [14] = 8, [15] = 10, [17] = 11, [18] = 12, [27] = 13, [22] = 15, [23] = 16,
        [24] = 18, [10] = 19, [9] = 21, [25] = 22, [11] = 23, [8] = 24, [7] = 26, [0] = 27, [1] = 28, [5] = 29,
        [6] = 31, [12] = 32, [13] = 33, [19] = 35, [16] = 36, [26] = 37, [20] = 38, [21] = 40,
    };

    private sealed record HeaderRow(string Function, string Signal, int? Gpio, int? Pin, string Device, string Setting);

    private static List<HeaderRow> HeaderRows() =>
        TableRows(Section("Raspberry Pi 40-pin header"))
            .Select(c => new HeaderRow(c[0], c[1], Number(c[2]), Number(c[3]), Unquote(c[4]), Unquote(c[5])))
            .ToList();

    [Fact]
    public void HeaderTable_HasTheLedsOledAndRs485()
    {
        var functions = HeaderRows().Select(r => r.Function).ToList();

        Assert.Contains(functions, f => f.StartsWith("Power LED", StringComparison.Ordinal));
        Assert.Contains(functions, f => f.StartsWith("Error LED", StringComparison.Ordinal));
        Assert.Contains(functions, f => f.StartsWith("OLED", StringComparison.Ordinal));
        Assert.Contains(functions, f => f.StartsWith("RS485", StringComparison.Ordinal));
    }

    [Fact]
    public void HeaderTable_EveryGpioSitsOnItsHeaderPin()
    {
        foreach (HeaderRow row in HeaderRows().Where(r => r.Gpio is not null))
        {
            Assert.True(HeaderPinOfGpio.TryGetValue(row.Gpio!.Value, out int pin), $"{row.Function}: GPIO{row.Gpio} is not on the header");
            Assert.True(pin == row.Pin, $"{row.Function} {row.Signal}: GPIO{row.Gpio} is pin {pin}, the table says {row.Pin}");
        }
    }

    [Fact]
    public void HeaderTable_NoGpioIsUsedTwice()
    {
        var used = HeaderRows().Where(r => r.Gpio is not null).GroupBy(r => r.Gpio).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(used.Count == 0, $"GPIOs used twice: {string.Join(", ", used)}");
    }

    [Fact]
    public void FirmwareSettings_AreExactlyTheTablesSettings()
    {
        var fromTable = HeaderRows().Select(r => r.Setting).Where(s => s.Contains('=', StringComparison.Ordinal)).ToHashSet();
        var fromFile = FirmwareSettings.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        Assert.Empty(fromTable.Except(fromFile));
        Assert.Empty(fromFile.Except(fromTable));
    }

    [Fact]
    public void LedOverlays_UseTheTablesGpioAndName()
    {
        var leds = HeaderRows().Where(r => Regex.IsMatch(r.Function, @"\bLED\b")).ToList();

        Assert.Equal(4, leds.Count);
        foreach (HeaderRow led in leds)
        {
            Match m = GpioLedOverlay().Match(led.Setting);
            Assert.True(m.Success, $"{led.Function}: '{led.Setting}' is not a gpio-led overlay");
            Assert.Equal(led.Gpio, int.Parse(m.Groups["gpio"].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal($"/sys/class/leds/{m.Groups["label"].Value}", led.Device);
        }
    }

    [Fact]
    public void VoltronicUsbId_HasItsUdevRule()
    {
        Match id = Regex.Match(Section("Serial and USB devices"), @"USB ID (?<vendor>[0-9a-f]{4}):(?<product>[0-9a-f]{4})");
        Match device = Regex.Match(Section("Serial and USB devices"), @"`/dev/(?<name>voltronic)0`");

        Assert.True(id.Success && device.Success, "pinout.md names no Voltronic USB ID and device");
        Assert.Matches(
            $"ATTRS{{idVendor}}==\"{id.Groups["vendor"].Value}\", ATTRS{{idProduct}}==\"{id.Groups["product"].Value}\", SYMLINK\\+=\"{device.Groups["name"].Value}%n\"",
            UdevRules);
    }

    [Fact]
    public void NetworkPorts_AreTheSupervisorsDefaults()
    {
        var ports = TableRows(Section("Network ports")).ToDictionary(c => Unquote(c[2]), c => (Interface: Unquote(c[1]), Address: Unquote(c[3])));
        var defaults = new SupervisorOptions().Network;

        Assert.Equal(defaults.Interface, ports["network.interface"].Interface);
        Assert.Equal($"{defaults.Address}/{defaults.PrefixLength}", ports["network.interface"].Address);
        Assert.Equal(defaults.UplinkInterface, ports["network.uplink_interface"].Interface);
    }

    [Fact]
    public void NetworkPorts_AreTheImagesInverterPortFile()
    {
        var ports = TableRows(Section("Network ports")).ToDictionary(c => Unquote(c[2]), c => (Interface: Unquote(c[1]), Address: Unquote(c[3])));

        Assert.Matches($"(?m)^Name={Regex.Escape(ports["network.interface"].Interface)}$", InverterNetwork);
        Assert.Matches($"(?m)^Address={Regex.Escape(ports["network.interface"].Address)}$", InverterNetwork);
    }

    [Fact]
    public void NetworkPorts_AreTheBootConfigurationsValues()
    {
        var ports = TableRows(Section("Network ports")).ToDictionary(c => Unquote(c[2]), c => (Interface: Unquote(c[1]), Address: Unquote(c[3])));
        NetworkOptions boot = ConfigLoader.Parse(BootConfigurationTests.Uncommented(), "solartap.yaml").Options.Network;

        Assert.Equal(ports["network.interface"].Interface, boot.Interface);
        Assert.Equal(ports["network.interface"].Address, $"{boot.Address}/{boot.PrefixLength}");
        Assert.Equal(ports["network.uplink_interface"].Interface, boot.UplinkInterface);
    }

    /// <summary>The text of one "## heading" section of pinout.md.</summary>
    private static string Section(string heading)
    {
        int start = Pinout.IndexOf($"\n## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"pinout.md has no section '## {heading}'");
        int end = Pinout.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? Pinout[start..] : Pinout[start..end];
    }

    /// <summary>The cells of a section's table, header and separator rows left out.</summary>
    private static IEnumerable<string[]> TableRows(string section) =>
        section.Split('\n')
            .Where(l => l.StartsWith('|'))
            .Skip(2)
            .Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());

    private static int? Number(string cell) => int.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : null;

    private static string Unquote(string cell)
    {
        Match m = Regex.Match(cell, "`([^`]*)`");
        return m.Success ? m.Groups[1].Value : cell;
    }

    [GeneratedRegex(@"^dtoverlay=gpio-led,gpio=(?<gpio>\d+),label=(?<label>[a-z-]+)(,|$)")]
    private static partial Regex GpioLedOverlay();
}
