using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Tests.Hosting;
using SolarTap.Supervisor.Tests.SolarEdge;

namespace SolarTap.Supervisor.Tests.Journal;

/// <summary>
/// <c>solartap journal export --format semonitor</c>: captured inverter streams are posted through the running
/// SolarEdge server into its journal, and the export is byte for byte what <c>solartap decode --format semonitor</c>
/// prints for the same streams.
/// </summary>
public sealed class JournalSemonitorExportTests : IDisposable
{
    // A zone other than UTC, so that both commands are seen to use the local zone the same way.
    private static readonly Dictionary<string, string> Berlin = new() { ["TZ"] = "Europe/Berlin" };
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Export_PostsFromCapturedStreams_IsByteIdenticalToDecode()
    {
        string[] captures =
        [
            "synth_opt0080_issue11.bin", "rs485_grant_and_meter_issue136.bin", "synth_encrypted_inverter1ph_issue8.bin", "synth_meter_s440_issue178.bin",
        ];
        var decoded = new List<string>();
        foreach (string capture in captures)
        {
            (int code, string lines, string error) = await SupervisorProcess.RunAsync(Berlin, "decode", "--format", "semonitor", "--key", Capture("7f104920.key"), Capture(capture));
            Assert.True(code == 0, error);
            decoded.Add(lines);
        }

        await PostThroughServerAsync(captures, expectedPosts: decoded.Sum(Lines));
        (int exportCode, string exported, string exportError) = await SupervisorProcess.RunAsync(Berlin, "journal", "export", "-j", _folder.File("journal.db"), "--format", "semonitor");

        Assert.True(exportCode == 0, exportError);
        Assert.All(decoded, lines => Assert.NotEqual("", lines));
        Assert.Equal(string.Concat(decoded), exported);
    }

    [Fact]
    public async Task Export_AResentPost_IsExportedOnce()
    {
        // The plain post and, wrapped, the very same payload again (as after a lost ACK): decode prints both.
        const string capture = "synth_passive_capture.inverter_stream.bin";
        (_, string decoded, _) = await SupervisorProcess.RunAsync(Berlin, "decode", "--format", "semonitor", "--key", Capture("7f104920.key"), Capture(capture));
        Assert.Equal(2, Lines(decoded));

        await PostThroughServerAsync([capture], expectedPosts: 1);
        (_, string exported, _) = await SupervisorProcess.RunAsync(Berlin, "journal", "export", "-j", _folder.File("journal.db"), "--format", "semonitor");

        Assert.Equal(decoded[..(decoded.IndexOf('\n', StringComparison.Ordinal) + 1)], exported);
    }

    [Fact]
    public async Task Export_Range_TakesThePostsWhoseReadingsAreInIt()
    {
        string[] captures = ["synth_opt0080_issue11.bin", "synth_meter_s440_issue178.bin"];
        await PostThroughServerAsync(captures, expectedPosts: 2);
        string journal = _folder.File("journal.db");
        IReadOnlyList<JournalPost> posts;
        using (var read = new SqliteReadingJournal(journal))
        {
            read.Open();
            posts = read.ReadPostsAfter(0, 10);
        }

        Assert.NotEqual(posts[0].Time, posts[1].Time);
        int laterIndex = posts[0].Time > posts[1].Time ? 0 : 1;
        JournalPost later = posts[laterIndex];
        (_, string decodedLater, _) = await SupervisorProcess.RunAsync(Berlin, "decode", "--format", "semonitor", "--key", Capture("7f104920.key"), Capture(captures[laterIndex]));
        string since = later.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        (_, string exported, _) = await SupervisorProcess.RunAsync(Berlin, "journal", "export", "-j", journal, "--format", "semonitor", "--since", since);

        Assert.Equal(decodedLater, exported);
    }

    public void Dispose() => _folder.Dispose();

    private static string Capture(string name) => TestData.PathOf(Path.Combine("solaredge", name));

    private static int Lines(string text) => text.Count(c => c == '\n');

    // Sends each stream on its own connection, as the inverter sent it, and waits until its posts are committed.
    private async Task PostThroughServerAsync(IEnumerable<string> captures, int expectedPosts)
    {
        await using SolarEdgeHarness server = await SolarEdgeHarness.StartAsync(_folder);
        SqliteReadingJournal journal = server.Host.Services.GetRequiredService<SqliteReadingJournal>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (string capture in captures)
        {
            long before = journal.LastPostId;
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", server.Port, cancel.Token);
            await client.GetStream().WriteAsync(File.ReadAllBytes(Capture(capture)), cancel.Token);
            while (journal.LastPostId == before)
            {
                await journal.WaitForPostAsync(before, cancel.Token);
            }
        }

        await Task.Delay(200, cancel.Token); // a re-sent post would be committed by now, and must not add a row
        Assert.Equal(expectedPosts, journal.ReadPostsAfter(0, 1000).Count);
    }
}
