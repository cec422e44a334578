using System.Net;
using System.Text.Json;
using SolarTap.Supervisor.Web;

namespace SolarTap.Supervisor.Tests.Web;

/// <summary>The read-only JSON API and the page's files, against a whole supervisor in this process.</summary>
public sealed class WebEndpointsTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Root_Get_ServesTheEmbeddedPageWithSecurityHeaders()
    {
        await using WebHarness web = await WebHarness.StartAsync();

        using HttpResponseMessage response = await web.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"/app.js\" defer></script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AppJs_GzipAccepted_SentCompressedAndUnchangedAfterUnzip()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/app.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        using HttpResponseMessage response = await web.Http.SendAsync(request);
        byte[] body = await response.Content.ReadAsByteArrayAsync();
        using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(body), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new StreamReader(unzip);

        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("new EventSource(\"/api/events\")", await plain.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppCss_SameETagAgain_NotModified()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        using HttpResponseMessage first = await web.Http.GetAsync("/app.css");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/app.css");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using HttpResponseMessage second = await web.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Status_Get_IsTheStatusSnapshotJson()
    {
        await using WebHarness web = await WebHarness.StartAsync();

        JsonElement status = await web.GetJsonAsync("/api/status");

        Assert.Equal("running", status.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Array, status.GetProperty("inverters").ValueKind);
        Assert.Contains(status.GetProperty("sources").EnumerateArray(), s => s.GetProperty("name").GetString() == "web");
    }

    [Fact]
    public async Task Site_ReadingsStored_ListsNewestValuesAndOneRowPerInverter()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        await web.AppendAsync(
            WebHarness.Inverter("7E100001", Noon, 1000),
            WebHarness.Inverter("7E100001", Noon.AddMinutes(5), 1500),
            WebHarness.Optimizer("20230002", "7E100001", Noon, 200),
            WebHarness.Optimizer("20230001", "7E100001", Noon, 210));

        JsonElement site = await web.GetJsonAsync("/api/site");

        JsonElement inverter = site.GetProperty("devices").EnumerateArray().First(d => d.GetProperty("kind").GetString() == "inverter");
        Assert.Equal(1500, inverter.GetProperty("values").GetProperty("AcPower").GetDouble());
        Assert.False(site.GetProperty("from_layout").GetBoolean());
        JsonElement row = Assert.Single(site.GetProperty("rows").EnumerateArray());
        Assert.Equal("Inverter 7E100001", row.GetProperty("name").GetString());
        Assert.Equal(["20230001", "20230002"], row.GetProperty("optimizers").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Site_LayoutConfigured_RowsAreTheLayout()
    {
        await using WebHarness web = await WebHarness.StartAsync("  layout:\n    - name: South\n      optimizers: [20230002, 20230001]\n");

        JsonElement site = await web.GetJsonAsync("/api/site");

        Assert.True(site.GetProperty("from_layout").GetBoolean());
        JsonElement row = Assert.Single(site.GetProperty("rows").EnumerateArray());
        Assert.Equal("South", row.GetProperty("name").GetString());
        Assert.Equal(["20230002", "20230001"], row.GetProperty("optimizers").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task History_InverterReadings_FiveMinuteMeansOfAcPower()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset bucket = new(now.UtcTicks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, TimeSpan.Zero);
        bucket = bucket.AddHours(-2);
        await web.AppendAsync(
            WebHarness.Inverter("7E100001", bucket.AddMinutes(1), 1000),
            WebHarness.Inverter("7E100001", bucket.AddMinutes(3), 2000),
            WebHarness.Inverter("7E100001", bucket.AddMinutes(6), 500),
            WebHarness.Inverter("7E100001", now.AddDays(-2), 9999));

        JsonElement history = await web.GetJsonAsync("/api/history?serial=7E100001&hours=24");

        var points = history.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        Assert.Equal(1500, points[0].GetProperty("watts").GetDouble());
        Assert.Equal(bucket, points[0].GetProperty("time").GetDateTimeOffset());
        Assert.Equal(500, points[1].GetProperty("watts").GetDouble());
    }

    [Fact]
    public async Task History_NoSerial_BadRequestSayingWhatIsMissing()
    {
        await using WebHarness web = await WebHarness.StartAsync();

        using HttpResponseMessage response = await web.Http.GetAsync("/api/history");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Name the inverter: /api/history?serial=SERIAL.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_Secrets_AreMasked()
    {
        string hash = WebPassword.Hash("open sesame", 10_000);
        await using WebHarness web = await WebHarness.StartAsync(
            "mqtt:\n  host: 127.0.0.1\n  port: 9\n  username: solar\n  password: s3cr3t-mqtt\n",
            $"web:\n  address: 127.0.0.1\n  port: 0\n  password_hash: {hash}\n");

        using HttpResponseMessage response = await web.Http.GetAsync("/api/config");
        string text = await response.Content.ReadAsStringAsync();
        JsonElement settings = JsonDocument.Parse(text).RootElement.GetProperty("settings");

        Assert.DoesNotContain("s3cr3t-mqtt", text, StringComparison.Ordinal);
        Assert.DoesNotContain(hash.Split('$')[3], text, StringComparison.Ordinal);
        Assert.Equal("********", settings.GetProperty("mqtt").GetProperty("password").GetString());
        Assert.Equal("********", settings.GetProperty("web").GetProperty("password_hash").GetString());
        Assert.Equal("solar", settings.GetProperty("mqtt").GetProperty("username").GetString());
    }

    [Fact]
    public async Task Config_NoSecrets_NullNotMask()
    {
        await using WebHarness web = await WebHarness.StartAsync();

        JsonElement config = await web.GetJsonAsync("/api/config");

        Assert.True(config.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, config.GetProperty("settings").GetProperty("mqtt").GetProperty("password").ValueKind);
        Assert.Equal("1h", config.GetProperty("settings").GetProperty("network").GetProperty("lease_time").GetString());
    }

    [Fact]
    public async Task Diagnostics_Get_HasJournalStatistics()
    {
        await using WebHarness web = await WebHarness.StartAsync();
        await web.AppendAsync(WebHarness.Inverter("7E100001", Noon, 1000));

        JsonElement diagnostics = await web.GetJsonAsync("/api/diagnostics");

        Assert.Equal(1, diagnostics.GetProperty("journal").GetProperty("readings").GetInt64());
        Assert.Equal(JsonValueKind.Array, diagnostics.GetProperty("dns_names").ValueKind);
    }

    [Fact]
    public async Task Page_ConfigurationError_StillServedAndStatusSaysWhy()
    {
        await using WebHarness web = await WebHarness.StartAsync("mqtt:\n  qos: 7\n");

        JsonElement status = await web.GetJsonAsync("/api/status");
        JsonElement config = await web.GetJsonAsync("/api/config");

        Assert.Equal("configuration_error", status.GetProperty("state").GetString());
        Assert.False(config.GetProperty("valid").GetBoolean());
        Assert.Contains("mqtt.qos", config.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_PortOff_NotServed()
    {
        await using WebHarness web = await WebHarness.StartAsync(webSection: "web:\n  port: off\n");

        Assert.Null(web.Page);
    }
}
