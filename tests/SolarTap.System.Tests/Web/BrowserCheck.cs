using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.Web;

/// <summary>
/// Runs once for the web page's browser tests: installs playwright-core with <c>npm ci</c> (tests/web; never a browser
/// download), starts the real <c>solartap demo</c>, and drives Debian's chromium over its page with
/// tests/web/page-check.mjs at a desktop and a phone viewport. The tests judge the <see cref="Result"/>.
/// </summary>
public sealed class BrowserCheck : IAsyncLifetime
{
    private static readonly string SolarTapDll = Path.Combine(AppContext.BaseDirectory, "solartap.dll");
    private static readonly string Scripts = Path.Combine(TestData.RepositoryRoot, "tests", "web");

    /// <summary>Where the screenshots go (TestResults/ is not committed).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(TestData.RepositoryRoot, "TestResults", "web");

    /// <summary>What page-check.mjs reported.</summary>
    public JsonElement Result { get; private set; }

    /// <summary>The optimizer serials the demo's own API lists.</summary>
    public IReadOnlyList<string> DemoOptimizers { get; private set; } = [];

    /// <summary>The demo's output, for failure messages.</summary>
    public string DemoOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Network.Commands.Require("chromium", "chromium");
        Network.Commands.Require("node", "nodejs");
        Network.Commands.Require("npm", "npm");
        await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(3));

        await using RunningProcess demo = Network.Commands.Start("dotnet", [SolarTapDll, "demo", "--duration", "5m"], new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" });
        await demo.WaitForOutputAsync("Web page: http://", TimeSpan.FromSeconds(30));
        string line = demo.Output.Split('\n').First(l => l.StartsWith("Web page: ", StringComparison.Ordinal));
        var page = new Uri(line["Web page: ".Length..].Trim());
        // The inverters post every 5 s: wait for every optimizer to be in the journal before looking.
        using var http = new HttpClient { BaseAddress = page };
        var clock = Stopwatch.StartNew();
        while (DemoOptimizers.Count < 28 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(500);
            JsonElement site = await http.GetFromJsonAsync<JsonElement>("/api/site");
            DemoOptimizers = [.. site.GetProperty("devices").EnumerateArray()
                .Where(d => d.GetProperty("kind").GetString() == "optimizer").Select(d => d.GetProperty("serial").GetString()!)];
        }

        string output = await RunAsync("node", [Path.Combine(Scripts, "page-check.mjs"), page.ToString(), ScreenshotFolder], TimeSpan.FromMinutes(2));
        Result = JsonDocument.Parse(output).RootElement.Clone();
        DemoOutput = demo.Output;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> RunAsync(string program, string[] arguments, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = Scripts,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1";
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{program} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds} s. stderr: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"'{program} {string.Join(' ', arguments)}' exited {process.ExitCode}.\nstdout: {await stdout}\nstderr: {await stderr}");
        return await stdout;
    }
}
