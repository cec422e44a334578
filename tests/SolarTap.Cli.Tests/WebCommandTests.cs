using System.Text;
using SolarTap.Supervisor.Web;

namespace SolarTap.Cli.Tests;

/// <summary><c>solartap web hash-password</c> and the demo's web page line, against the real executable.</summary>
public class WebCommandTests
{
    [Fact]
    public async Task HashPassword_PasswordOnStandardInput_PrintsAHashThatVerifies()
    {
        ProcessResult result = await SolarTapProcess.RunAsync(["web", "hash-password"], Encoding.UTF8.GetBytes("tr0ub4dor&3\n"));

        Assert.True(result.ExitCode == 0, result.StandardError);
        string hash = result.StandardOutput.Trim();
        Assert.StartsWith("pbkdf2-sha256$100000$", hash, StringComparison.Ordinal);
        Assert.True(WebPassword.Verify("tr0ub4dor&3", hash));
        Assert.False(WebPassword.Verify("tr0ub4dor&3\n", hash));
    }

    [Fact]
    public async Task HashPassword_EmptyInput_UserErrorExitCode2()
    {
        ProcessResult result = await SolarTapProcess.RunAsync(["web", "hash-password"], []);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("solartap: expected a password, found an empty one", result.StandardError.Trim());
        Assert.Empty(result.StandardOutput);
    }

    [Fact]
    public async Task Demo_OutputRedirected_PrintsTheWebPageAddressFirst()
    {
        ProcessResult result = await SolarTapProcess.RunAsync(["demo", "--posts", "1"], timeout: TimeSpan.FromSeconds(90));

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Matches(@"^Web page: http://127\.0\.0\.1:\d+/\n", result.StandardOutput.Replace("\r", "", StringComparison.Ordinal));
    }
}
