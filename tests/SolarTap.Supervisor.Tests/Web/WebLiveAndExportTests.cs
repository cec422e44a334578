using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.Tests.Web;

/// <summary>The server-sent event stream and the journal downloads.</summary>
public sealed class WebLiveAndExportTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Events_Open_FirstTheWholeStateAsStatusAndReadingsEvents()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        await web.AppendAsync(WebHarness.Inverter("7E100001", Noon, 1000));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using HttpResponseMessage response = await web.Http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("retry: 3000", await reader.ReadLineAsync(cancel.Token));
        Assert.Equal("", await reader.ReadLineAsync(cancel.Token));
        (string name, JsonElement data) status = await ReadEventAsync(reader, cancel.Token);
        (string name, JsonElement data) readings = await ReadEventAsync(reader, cancel.Token);

        Assert.Equal("status", status.name);
        Assert.Equal("running", status.data.GetProperty("state").GetString());
        Assert.Equal("readings", readings.name);
        JsonElement device = Assert.Single(readings.data.GetProperty("devices").EnumerateArray());
        Assert.Equal("7E100001", device.GetProperty("serial").GetString());
    }

    [Fact]
    public async Task Events_ReadingStoredLater_ArrivesAsAReadingsEvent()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using HttpResponseMessage response = await web.Http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        await reader.ReadLineAsync(cancel.Token);
        await reader.ReadLineAsync(cancel.Token);
        await ReadEventAsync(reader, cancel.Token); // the status
        await ReadEventAsync(reader, cancel.Token); // no devices yet

        await web.AppendAsync(WebHarness.Optimizer("20230001", "7E100001", Noon, 321));
        (string name, JsonElement data) next;
        do
        {
            next = await ReadEventAsync(reader, cancel.Token);
        }
        while (next.name != "readings");

        JsonElement device = Assert.Single(next.data.GetProperty("devices").EnumerateArray());
        Assert.Equal("optimizer", device.GetProperty("kind").GetString());
        Assert.Equal(321, device.GetProperty("values").GetProperty("DcPower").GetDouble());
    }

    [Fact]
    public async Task Export_Jsonl_EachReadingOnOneLineAsAnAttachment()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        await web.AppendAsync(WebHarness.Inverter("7E100001", Noon, 1000), WebHarness.Inverter("7E100001", Noon.AddMinutes(5), 1100));

        using HttpResponseMessage response = await web.Http.GetAsync("/api/export?format=jsonl");
        string[] lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"solartap-readings.jsonl\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("{\"time\":\"2025-06-01T12:00:00Z\",\"kind\":\"inverter\",\"device\":\"7E100001\"", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CsvWithRange_HeaderAndOnlyTheRange()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        await web.AppendAsync(WebHarness.Inverter("7E100001", Noon, 1000), WebHarness.Inverter("7E100001", Noon.AddDays(1), 1100));

        using HttpResponseMessage response = await web.Http.GetAsync("/api/export?format=csv&since=2025-06-01&until=2025-06-02");
        string[] lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("time,kind,device,parent,quantity,phase,value,unit", lines[0]);
        Assert.Equal(3, lines.Length); // AcPower and EnergyToday of the first reading only
        Assert.All(lines.Skip(1), l => Assert.StartsWith("2025-06-01T12:00:00Z,inverter,7E100001", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_Semonitor_TheStoredPostAsSemonitorWritesIt()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        // One packed optimizer record (spec §3.4): the same payload 'decode --format semonitor' would print.
        var record = new SolarTap.Protocols.SolarEdge.Telemetry.PackedOptimizerTelemetry(0x2023765D, 1_748_779_200, 3600, 216, 270, 1228, 402, 16);
        var payload = new byte[21];
        Assert.True(record.TryWrite(payload, out _));
        Reading reading = SolarTap.Protocols.SolarEdge.Telemetry.TelemetryDecoder.Decode(payload, 0x7E100001).Readings[0];
        await web.Services.GetRequiredService<IReadingJournal>().AppendAsync([reading], new RawPost("7E100001", reading.Timestamp, payload), CancellationToken.None);

        using HttpResponseMessage response = await web.Http.GetAsync("/api/export?format=semonitor");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("solartap-posts.semonitor.jsonl", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        string expected = SolarTap.Protocols.SolarEdge.Semonitor.SemonitorJsonWriter.FormatLine(payload, TimeZoneInfo.Local)!;
        Assert.Equal(expected.TrimEnd('\n'), (await response.Content.ReadAsStringAsync()).TrimEnd('\n'));
    }

    [Fact]
    public async Task Export_BadTime_BadRequestNamingTheParameter()
    {
        await using WebHarness web = await WebHarness.StartAsync();

        using HttpResponseMessage response = await web.Http.GetAsync("/api/export?since=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("since: expected a time such as 2025-06-01", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Reads one event ("event: NAME", "data: JSON", blank line), skipping keep-alive comments.</summary>
    private static async Task<(string Name, JsonElement Data)> ReadEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    return (name, JsonDocument.Parse(data.ToString()).RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                Assert.Equal(0, data.Length); // one data line per event: the JSON has no line breaks
                data.Append(line["data: ".Length..]);
            }
            else
            {
                Assert.StartsWith(":", line, StringComparison.Ordinal);
            }
        }

        throw new EndOfStreamException("the event stream ended");
    }
}
