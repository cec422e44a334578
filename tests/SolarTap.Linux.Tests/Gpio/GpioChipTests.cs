using SolarTap.Linux.Gpio;

namespace SolarTap.Linux.Tests.Gpio;

/// <summary>
/// The GPIO chip against what this machine has. Its kernel has no gpio-sim or gpio-mockup (no modules, no
/// configfs), so real lines are not requested here; these are the error paths a user meets.
/// </summary>
public sealed class GpioChipTests : IDisposable
{
    private readonly DirectoryInfo _dev = Directory.CreateTempSubdirectory("solartap-dev-");

    public void Dispose() => _dev.Delete(recursive: true);

    [Fact]
    public void Open_MissingChip_ThrowsFileNotFoundNamingThePath()
    {
        string path = Path.Combine(_dev.FullName, "gpiochip7");

        FileNotFoundException e = Assert.Throws<FileNotFoundException>(() => GpioChip.Open(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotAGpioDevice_SaysSo()
    {
        IOException e = Assert.Throws<IOException>(() => GpioChip.Open("/dev/null"));

        Assert.Contains("/dev/null is not a GPIO chip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_ByNameWithNoChips_SaysThereAreNone()
    {
        FileNotFoundException e = Assert.Throws<FileNotFoundException>(() => GpioLines.Locate(GpioLineAddress.Named("GPIO17"), _dev.FullName));

        Assert.Contains("no GPIO chips", e.Message, StringComparison.Ordinal);
        Assert.Contains("GPIO17", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_ByChipThatIsMissing_NamesTheChipPath()
    {
        FileNotFoundException e = Assert.Throws<FileNotFoundException>(() => GpioLines.Locate(GpioLineAddress.At("gpiochip0", 17), _dev.FullName));

        Assert.Contains(Path.Combine(_dev.FullName, "gpiochip0"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_ByNameWhereAChipIsNotAGpioDevice_ReportsThatChip()
    {
        // A file posing as a chip: opening works, the chip-info ioctl does not.
        File.WriteAllText(Path.Combine(_dev.FullName, "gpiochip0"), "");

        IOException e = Assert.Throws<IOException>(() => GpioLines.Locate(GpioLineAddress.Named("GPIO17"), _dev.FullName));

        Assert.Contains("gpiochip0 is not a GPIO chip", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChipPaths_SortsByNumberAndIgnoresOtherNames()
    {
        foreach (string name in new[] { "gpiochip10", "gpiochip2", "gpiochipX", "i2c-1" })
        {
            File.WriteAllText(Path.Combine(_dev.FullName, name), "");
        }

        Assert.Equal(["gpiochip2", "gpiochip10"], GpioLines.ChipPaths(_dev.FullName).Select(Path.GetFileName));
    }

    [Fact]
    public void OutputRequest_MissingChip_ThrowsBeforeAnythingIsOpen()
    {
        Assert.Throws<FileNotFoundException>(() => GpioOutputLine.Request(GpioLineAddress.At("gpiochip0", 5), deviceDirectory: _dev.FullName));
        Assert.Throws<FileNotFoundException>(() => GpioInputLine.Request(GpioLineAddress.Named("GPIO26"), deviceDirectory: _dev.FullName));
    }
}
