namespace SolarTap.System.Tests.Network;

public class NetworkLabTests
{
    [Fact]
    public async Task Link_TwoHosts_CanReachEachOtherAndVanishAfterwards()
    {
        Commands.Require("socat", "socat");
        string[] names;
        await using (NetworkLab lab = NetworkLab.Create())
        {
            string a = await lab.AddHostAsync("a");
            string b = await lab.AddHostAsync("b");
            await lab.LinkAsync(a, "eth0", "192.0.2.1/24", b, "eth0", "192.0.2.2/24");
            await using RunningProcess echo = lab.Start(b, null, "socat", "-T", "5", "TCP-LISTEN:7777,reuseaddr", "EXEC:cat");
            await Task.Delay(300);

            CommandResult reply = await lab.RunAsync(a, "socat", "-T", "5", "-", "TCP:192.0.2.2:7777");

            names = [a, b];
            Assert.Equal(0, reply.ExitCode);
        }

        string list = (await Commands.RunAsync("ip", ["netns", "list"])).StandardOutput;
        Assert.All(names, ns => Assert.DoesNotContain(ns, list, StringComparison.Ordinal));
    }
}
