using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

public class ConfigLookupTests
{
    [Fact]
    public void DefaultCandidates_BootPartitionFirstThenEtc()
    {
        Assert.Equal(["/boot/firmware/solartap.yaml", "/etc/solartap/solartap.yaml"], ConfigLoader.DefaultCandidates);
    }

    [Fact]
    public void Load_BothCandidatesExist_TheFirstWins()
    {
        using var temp = new TempFolder();
        string boot = temp.Write("boot.yaml", "network:\n  interface: boot0\n");
        string etc = temp.Write("etc.yaml", "network:\n  interface: etc0\n");

        ConfigLoadResult result = ConfigLoader.Load(null, [boot, etc]);

        Assert.Equal(boot, result.Path);
        Assert.Equal("boot0", result.Options.Network.Interface);
    }

    [Fact]
    public void Load_OnlyTheSecondCandidateExists_ItIsRead()
    {
        using var temp = new TempFolder();
        string etc = temp.Write("etc.yaml", "network:\n  interface: etc0\n");

        ConfigLoadResult result = ConfigLoader.Load(null, [temp.File("missing.yaml"), etc]);

        Assert.Equal(etc, result.Path);
        Assert.Equal("etc0", result.Options.Network.Interface);
    }

    [Fact]
    public void Load_NoCandidateExists_DefaultsWithoutErrors()
    {
        using var temp = new TempFolder();

        ConfigLoadResult result = ConfigLoader.Load(null, [temp.File("a.yaml"), temp.File("b.yaml")]);

        Assert.True(result.IsValid);
        Assert.Null(result.Path);
        Assert.Equal("eth0", result.Options.Network.Interface);
    }

    [Fact]
    public void Load_ExplicitPath_WinsOverTheCandidates()
    {
        using var temp = new TempFolder();
        string boot = temp.Write("boot.yaml", "network:\n  interface: boot0\n");
        string mine = temp.Write("mine.yaml", "network:\n  interface: mine0\n");

        ConfigLoadResult result = ConfigLoader.Load(mine, [boot]);

        Assert.Equal("mine0", result.Options.Network.Interface);
    }

    [Fact]
    public void Load_ExplicitPathMissing_IsAConfigurationError()
    {
        using var temp = new TempFolder();
        string missing = temp.File("missing.yaml");

        ConfigLoadResult result = ConfigLoader.Load(missing, []);

        ConfigError error = Assert.Single(result.Errors);
        Assert.Equal($"{missing}:1: (file): expected a readable configuration file, found no such file", error.ToString());
        Assert.Equal(missing, result.Path);
    }

    [Fact]
    public void Load_ErrorsNameTheFileRead()
    {
        using var temp = new TempFolder();
        string path = temp.Write("solartap.yaml", "dns:\n  offline: maybe\n");

        ConfigError error = Assert.Single(ConfigLoader.Load(null, [path]).Errors);

        Assert.Equal(path, error.File);
    }
}
