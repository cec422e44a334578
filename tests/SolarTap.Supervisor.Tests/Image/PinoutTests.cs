using System.Text.RegularExpressions;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Image;

/// <summary>
/// hardware/pinout.md is the single source of truth for pins and ports: the firmware settings on the boot
/// partition, the udev rules, the image's network files and the supervisor's defaults agree with it.
/// </summary>
public class PinoutTests
{
    private static readonly string Root = TestData.RepositoryRoot;
    private static readonly string Pinout = File.ReadAllText(Path.Combine(Root, "hardware", "pinout.md"));
    private static readonly string FirmwareSettings = File.ReadAllText(Path.Combine(Root, "overlays", "boot", "solartap-config.txt"));
    private static readonly string UdevRules = File.ReadAllText(Path.Combine(Root, "overlays", "rootfs", "etc", "udev", "rules.d", "60-solartap.rules"));
    private static readonly string InverterNetwork = File.ReadAllText(Path.Combine(Root, "overlays", "rootfs", "usr", "lib", "systemd", "network", "10-solartap-inverter.network"));
    private static readonly string DeviceTreeSources = Path.Combine(Root, "overlays", "devicetree");

    // The 40-pin header: BCM GPIO number to physical pin (the Raspberry Pi's published header layout).
    private static readonly Dictionary<int, int> HeaderPinOfGpio = new()
    {
        [2] = 3, [3] = 5, [4] = 7, [14] = 8, [15] = 10, [17] = 11, [18] = 12, [27] = 13, [22] = 15, [23] = 16,
        [24] = 18, [10] = 19, [9] = 21, [25] = 22, [11] = 23, [8] = 24, [7] = 26, [0] = 27, [1] = 28, [5] = 29,
        [6] = 31, [12] = 32, [13] = 33, [19] = 35, [16] = 36, [26] = 37, [20] = 38, [21] = 40,
    };

    /// <summary>A row of the header table. DeviceCell is the cell as written (it may name an LED trigger);
    /// Settings are the cell's quoted solartap-config.txt lines (none where the cell says why none is needed).</summary>
    private sealed record HeaderRow(string Function, string Signal, int? Gpio, int? Pin, string Device, string DeviceCell, IReadOnlyList<string> Settings);

    private static List<HeaderRow> HeaderRows() =>
        TableRows(Section("Raspberry Pi 40-pin header"))
            .Select(c => new HeaderRow(c[0], c[1], Number(c[2]), Number(c[3]), Unquote(c[4]), c[4], Quoted(c[5])))
            .ToList();

    private static IEnumerable<string> FirmwareLines() =>
        FirmwareSettings.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

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
        var fromTable = HeaderRows().SelectMany(r => r.Settings).Where(s => s.Contains('=', StringComparison.Ordinal)).ToHashSet();
        var fromFile = FirmwareLines().ToHashSet();

        Assert.Empty(fromTable.Except(fromFile));
        Assert.Empty(fromFile.Except(fromTable));
    }

    [Fact]
    public void FirmwareSettings_HaveNoDtparam()
    {
        // Debian's mainline device trees carry no Raspberry Pi __overrides__, so a dtparam= line does nothing
        // (image/test/overlays.sh checks that what the old lines asked for, I2C1 and the watchdog, is already on).
        Assert.DoesNotContain(FirmwareLines(), l => l.StartsWith("dtparam=", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlays_AreEachLoadedAndEachHaveASource()
    {
        var loaded = FirmwareLines().Where(l => l.StartsWith("dtoverlay=", StringComparison.Ordinal))
            .Select(l => l["dtoverlay=".Length..].Split(',')[0]).ToHashSet();
        var sources = Directory.GetFiles(DeviceTreeSources, "*.dts").Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet();

        var withoutSource = loaded.Except(sources).ToList();
        var notLoaded = sources.Except(loaded).ToList();

        Assert.True(withoutSource.Count == 0, $"solartap-config.txt loads overlays with no source in overlays/devicetree (Debian ships none): {string.Join(", ", withoutSource)}");
        Assert.True(notLoaded.Count == 0, $"overlays/devicetree has sources solartap-config.txt does not load: {string.Join(", ", notLoaded)}");
    }

    [Fact]
    public void LedOverlay_HasTheTablesLeds()
    {
        var leds = HeaderRows().Where(r => Regex.IsMatch(r.Function, @"\bLED\b")).ToList();
        var nodes = LedNodes(File.ReadAllText(Path.Combine(DeviceTreeSources, "solartap-leds.dts")));

        Assert.Equal(4, leds.Count);
        Assert.Equal(leds.Count, nodes.Count);
        foreach (HeaderRow led in leds)
        {
            Assert.Contains("dtoverlay=solartap-leds", led.Settings);
            string label = led.Device.Replace("/sys/class/leds/", "", StringComparison.Ordinal);
            Assert.True(nodes.TryGetValue(label, out var node), $"{led.Function}: solartap-leds.dts has no LED labelled {label}");
            Assert.True(led.Gpio == node.Gpio, $"{led.Function}: the table says GPIO{led.Gpio}, solartap-leds.dts GPIO{node.Gpio}");
            Assert.True(node.Flags == 0, $"{led.Function}: the anode is on the GPIO (active high, flags 0), solartap-leds.dts has flags {node.Flags}");
            Match trigger = Regex.Match(led.DeviceCell, @"\(trigger (?<name>[a-z0-9-]+)\)");
            Assert.Equal(trigger.Success ? trigger.Groups["name"].Value : null, node.Trigger);
        }
    }

    [Fact]
    public void UartOverlay_RoutesThePl011ToTheTablesRs485Pins()
    {
        var rs485 = HeaderRows().Where(r => r.Function.StartsWith("RS485", StringComparison.Ordinal)).ToList();
        HeaderRow txd = rs485.Single(r => r.Signal.StartsWith("TXD", StringComparison.Ordinal));
        HeaderRow rxd = rs485.Single(r => r.Signal.StartsWith("RXD", StringComparison.Ordinal));
        string dts = File.ReadAllText(Path.Combine(DeviceTreeSources, "solartap-uart.dts"));

        Assert.Contains("dtoverlay=solartap-uart", txd.Settings);
        Assert.Contains("dtoverlay=solartap-uart", rxd.Settings);
        // The PL011 is /dev/ttyAMA0; its pin group uart0_gpioN is GPIO N (TXD) and N + 1 (RXD).
        Assert.Equal("/dev/ttyAMA0", txd.Device);
        Assert.Equal(txd.Gpio + 1, rxd.Gpio);
        Assert.Matches($@"target = <&uart0>;\s*__overlay__ \{{[^}}]*pinctrl-0 = <&uart0_gpio{txd.Gpio}>;", dts);
    }

    /// <summary>The LED nodes of a gpio-leds overlay source, by label: GPIO line, flags and trigger (null: none).</summary>
    private static Dictionary<string, (int Gpio, int Flags, string? Trigger)> LedNodes(string dts) =>
        Regex.Matches(dts, @"\n\s*[a-z0-9-]+ \{(?<body>[^{}]*\blabel = [^{}]*)\}")
            .Select(m => m.Groups["body"].Value)
            .ToDictionary(
                body => Regex.Match(body, "label = \"(?<v>[^\"]+)\";").Groups["v"].Value,
                body =>
                {
                    Match gpios = Regex.Match(body, @"gpios = <&gpio (?<line>\d+) (?<flags>\d+)>;");
                    Assert.True(gpios.Success, $"an LED node without '<&gpio LINE FLAGS>': {body}");
                    Match trigger = Regex.Match(body, "linux,default-trigger = \"(?<v>[^\"]+)\";");
                    return (int.Parse(gpios.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                        int.Parse(gpios.Groups["flags"].Value, System.Globalization.CultureInfo.InvariantCulture),
                        trigger.Success ? trigger.Groups["v"].Value : (string?)null);
                });

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

    private static List<string> Quoted(string cell) =>
        Regex.Matches(cell, "`([^`]*)`").Select(m => m.Groups[1].Value).ToList();
}
