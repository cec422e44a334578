using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Web;

/// <summary>
/// The web page's routes (docs/web-api.md): the page's files, the read-only JSON API, the live event stream, the
/// journal downloads, and the one change that needs the password. Handlers are plain <see cref="RequestDelegate"/>s
/// writing source-generated JSON: no MVC, no reflection at request time.
/// </summary>
internal sealed partial class WebEndpoints(
    StatusModel status,
    SupervisorOptions options,
    ConfigLoadResult config,
    ReadingTracker tracker,
    LiveFeed feed,
    LiveSettings settings,
    StaticAssets assets,
    TimeProvider time)
{
    private const string JsonType = "application/json; charset=utf-8";

    /// <summary>Maps every route onto <paramref name="app"/>.</summary>
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (RequestDelegate)(c => ServeAsset(c, "/index.html")));
        foreach (string path in assets.Paths)
        {
            app.MapGet(path, (RequestDelegate)(c => ServeAsset(c, path)));
        }

        app.MapGet("/api/status", (RequestDelegate)StatusAsync);
        app.MapGet("/api/site", (RequestDelegate)SiteAsync);
        app.MapGet("/api/history", (RequestDelegate)HistoryAsync);
        app.MapGet("/api/diagnostics", (RequestDelegate)DiagnosticsAsync);
        app.MapGet("/api/config", (RequestDelegate)ConfigAsync);
        app.MapGet("/api/export", (RequestDelegate)ExportAsync);
        app.MapGet("/api/events", (RequestDelegate)EventsAsync);
        app.MapGet("/api/settings", (RequestDelegate)GetSettingsAsync);
        app.MapPost("/api/settings", (RequestDelegate)PostSettingsAsync);
    }

    /// <summary>Headers every answer carries.</summary>
    public static void AddSecurityHeaders(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private Task StatusAsync(HttpContext context)
    {
        context.Response.ContentType = JsonType;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.Body.WriteAsync(StatusJson.Serialize(status.Snapshot()), context.RequestAborted).AsTask();
    }

    private Task SiteAsync(HttpContext context)
    {
        tracker.Refresh();
        IReadOnlyList<SiteDevice> devices = tracker.All();
        IReadOnlyList<PanelRow> rows = options.Web.Layout.Count > 0
            ? [.. options.Web.Layout.Select(r => new PanelRow(r.Name, r.Optimizers))]
            : RowsByInverter(devices);
        return WriteJsonAsync(context, new SiteView(time.GetUtcNow(), devices, rows, options.Web.Layout.Count > 0), WebJsonContext.Default.SiteView);
    }

    /// <summary>Without a layout: one row per inverter with its optimizers in serial order, then optimizers of no known inverter.</summary>
    internal static IReadOnlyList<PanelRow> RowsByInverter(IReadOnlyList<SiteDevice> devices) =>
        [.. devices.Where(d => d.Kind == "optimizer")
            .GroupBy(d => d.Parent)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PanelRow(g.Key is null ? "Optimizers of an unknown inverter" : $"Inverter {g.Key}",
                [.. g.Select(d => d.Serial).Order(StringComparer.Ordinal)]))];

    private Task ConfigAsync(HttpContext context)
    {
        context.Response.ContentType = JsonType;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(ConfigView.Build(options, config).ToJsonString(), context.RequestAborted);
    }

    private static Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> type, int statusCode = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonType;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(value, type), context.RequestAborted).AsTask();
    }

    private static Task MessageAsync(HttpContext context, int statusCode, string message) =>
        WriteJsonAsync(context, new WebMessage(message), WebJsonContext.Default.WebMessage, statusCode);

    private Task ServeAsset(HttpContext context, string path)
    {
        if (assets.Find(path) is not { } asset)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        HttpResponse response = context.Response;
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = "Accept-Encoding";
        if (path.EndsWith(".html", StringComparison.Ordinal))
        {
            response.Headers.ContentSecurityPolicy =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
        }

        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        bool gzip = context.Request.Headers.AcceptEncoding.Any(v => v is not null && v.Contains("gzip", StringComparison.OrdinalIgnoreCase));
        byte[] body = gzip ? asset.Gzip : asset.Plain;
        if (gzip)
        {
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}
