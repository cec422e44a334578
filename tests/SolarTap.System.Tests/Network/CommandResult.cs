namespace SolarTap.System.Tests.Network;

/// <summary>What a finished command printed and returned.</summary>
public sealed record CommandResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Fails the test with everything the command said unless it exited 0.</summary>
    public CommandResult EnsureSuccess()
    {
        Assert.True(ExitCode == 0, $"'{Command}' exited {ExitCode}.\nstdout: {StandardOutput}\nstderr: {StandardError}");
        return this;
    }
}
