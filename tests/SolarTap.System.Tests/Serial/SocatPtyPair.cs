using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.Serial;

/// <summary>
/// Two pseudo-terminals joined by socat (<c>socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B</c>): a null-modem
/// cable between <see cref="A"/> and <see cref="B"/>, made by a program we did not write.
/// </summary>
public sealed class SocatPtyPair : IAsyncDisposable
{
    private readonly RunningProcess _socat;
    private readonly string _folder;

    private SocatPtyPair(RunningProcess socat, string folder)
    {
        _socat = socat;
        _folder = folder;
    }

    /// <summary>One end, a symlink to a /dev/pts device.</summary>
    public string A => Path.Combine(_folder, "a");

    /// <summary>The other end.</summary>
    public string B => Path.Combine(_folder, "b");

    /// <summary>Starts socat and waits until both ends exist.</summary>
    public static async Task<SocatPtyPair> StartAsync()
    {
        Network.Commands.Require("socat", "socat");
        string folder = Directory.CreateTempSubdirectory("solartap-pty-").FullName;
        RunningProcess socat = Network.Commands.Start("socat", ["-d", "-d",
            $"pty,raw,echo=0,link={Path.Combine(folder, "a")}", $"pty,raw,echo=0,link={Path.Combine(folder, "b")}"]);
        var pair = new SocatPtyPair(socat, folder);
        await socat.WaitForOutputAsync("starting data transfer loop", TimeSpan.FromSeconds(10));
        Assert.True(File.Exists(pair.A) && File.Exists(pair.B), socat.Output);
        return pair;
    }

    /// <summary>Stops socat and removes the links.</summary>
    public async ValueTask DisposeAsync()
    {
        await _socat.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
