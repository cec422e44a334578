using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace SolarTap.Supervisor.Web;

internal sealed partial class WebEndpoints
{
    private const int MaxSettingsBody = 4096;

    /// <summary>Only one password check runs at a time: guessing costs a PBKDF2 each, one after the other.</summary>
    private static readonly SemaphoreSlim PasswordCheck = new(1, 1);

    /// <summary>What a change without a configured password gets.</summary>
    internal const string NoPasswordMessage =
        "Changes are off because no password is set. Run 'solartap web hash-password', put the hash it prints under " +
        "web: as password_hash: in solartap.yaml, and restart the supervisor.";

    /// <summary>What a change without the password gets.</summary>
    internal const string PasswordNeededMessage = "This change needs the web password (HTTP Basic authentication; the user name is ignored).";

    /// <summary>What a change with a wrong password gets.</summary>
    internal const string WrongPasswordMessage = "Wrong password.";

    private async Task EventsAsync(HttpContext context)
    {
        HttpResponse response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using LiveSubscription subscription = feed.Subscribe();
        try
        {
            await foreach (ReadOnlyMemory<byte> message in subscription.Messages.ReadAllAsync(context.RequestAborted).ConfigureAwait(false))
            {
                await response.Body.WriteAsync(message, context.RequestAborted).ConfigureAwait(false);
                await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the client went away
        }
    }

    private Task GetSettingsAsync(HttpContext context) =>
        WriteJsonAsync(context, CurrentSettings(), WebJsonContext.Default.SettingsView);

    private SettingsView CurrentSettings() => new(settings.DisplayPageInterval.TotalSeconds, options.Web.PasswordHash is not null);

    private async Task PostSettingsAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        // A JSON body cannot be sent across sites without a CORS preflight, which this server never grants.
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await MessageAsync(context, StatusCodes.Status415UnsupportedMediaType, "Send the change as JSON (Content-Type: application/json).").ConfigureAwait(false);
            return;
        }

        SettingsChange? change;
        try
        {
            byte[] body = await ReadBodyAsync(context.Request, MaxSettingsBody, context.RequestAborted).ConfigureAwait(false);
            change = JsonSerializer.Deserialize(body, WebJsonContext.Default.SettingsChange);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            await MessageAsync(context, StatusCodes.Status400BadRequest, $"The body is not a settings change: {e.Message}").ConfigureAwait(false);
            return;
        }

        if (change?.DisplayPageIntervalSeconds is double seconds
            && (!double.IsFinite(seconds) || !settings.TrySetDisplayPageInterval(TimeSpan.FromSeconds(seconds))))
        {
            await MessageAsync(context, StatusCodes.Status400BadRequest,
                $"display_page_interval_seconds: expected {LiveSettings.MinPageInterval.TotalSeconds} to {LiveSettings.MaxPageInterval.TotalSeconds}, found {seconds}.").ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, CurrentSettings(), WebJsonContext.Default.SettingsView).ConfigureAwait(false);
    }

    /// <summary>Whether the request carries the web password; if not, the refusal is already written.</summary>
    private async Task<bool> AuthorizeAsync(HttpContext context)
    {
        if (options.Web.PasswordHash is not { } hash)
        {
            await MessageAsync(context, StatusCodes.Status403Forbidden, NoPasswordMessage).ConfigureAwait(false);
            return false;
        }

        if (BasicPassword(context.Request) is not { } password)
        {
            await MessageAsync(context, StatusCodes.Status401Unauthorized, PasswordNeededMessage).ConfigureAwait(false);
            return false;
        }

        bool ok;
        await PasswordCheck.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            ok = WebPassword.Verify(password, hash);
        }
        finally
        {
            PasswordCheck.Release();
        }

        if (!ok)
        {
            await MessageAsync(context, StatusCodes.Status401Unauthorized, WrongPasswordMessage).ConfigureAwait(false);
        }

        return ok;
    }

    /// <summary>The password of an <c>Authorization: Basic</c> header (RFC 7617), or null.</summary>
    internal static string? BasicPassword(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        const string scheme = "Basic ";
        if (header is null || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            string pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
            int colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[1024];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > max)
            {
                throw new InvalidDataException($"it is larger than {max} bytes");
            }
        }

        return buffer.ToArray();
    }
}
