using SolarTap.Supervisor.Dhcp;

namespace SolarTap.Supervisor.Tests.Dhcp;

public class DhcpLeaseFileTests
{
    [Fact]
    public void Load_NoFile_IsNull()
    {
        using var temp = new TempFolder();

        Assert.Null(new DhcpLeaseFile(temp.File("leases.txt")).Load());
    }

    [Fact]
    public void Save_ThenLoad_GivesTheTextAndLeavesNoTemporaryFile()
    {
        using var temp = new TempFolder();
        var file = new DhcpLeaseFile(Path.Combine(temp.Path, "sub", "leases.txt"));

        file.Save("first\n");
        file.Save("second\n");

        Assert.Equal("second\n", file.Load());
        Assert.Equal(["leases.txt"], Directory.GetFiles(Path.Combine(temp.Path, "sub")).Select(Path.GetFileName));
    }
}
