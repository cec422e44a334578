using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SolarTap.Supervisor.Web;

namespace SolarTap.Supervisor.Tests.Web;

/// <summary>Changes need the password from solartap.yaml; there is no default password.</summary>
public sealed class WebSettingsTests
{
    private const string Password = "correct horse";
    private static readonly string Hash = WebPassword.Hash(Password, 10_000);

    private static Task<WebHarness> StartWithPasswordAsync() =>
        WebHarness.StartAsync(webSection: $"web:\n  address: 127.0.0.1\n  port: 0\n  password_hash: {Hash}\n");

    [Fact]
    public async Task PostSettings_NoPasswordConfigured_RefusedWithHowToSetOne()
    {
        await using WebHarness web = await WebHarness.StartAsync();

        using HttpResponseMessage response = await web.PostSettingsAsync("{\"display_page_interval_seconds\":10}", "anything");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            "Changes are off because no password is set. Run 'solartap web hash-password', put the hash it prints under web: as " +
            "password_hash: in solartap.yaml, and restart the supervisor.",
            await MessageAsync(response));
        Assert.Equal(TimeSpan.FromSeconds(5), web.Services.GetRequiredService<LiveSettings>().DisplayPageInterval);
    }

    [Fact]
    public async Task PostSettings_NoAuthorization_Unauthorized()
    {
        await using WebHarness web = await StartWithPasswordAsync();

        using HttpResponseMessage response = await web.PostSettingsAsync("{\"display_page_interval_seconds\":10}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("This change needs the web password (HTTP Basic authentication; the user name is ignored).", await MessageAsync(response));
    }

    [Fact]
    public async Task PostSettings_WrongPassword_UnauthorizedAndNothingChanges()
    {
        await using WebHarness web = await StartWithPasswordAsync();

        using HttpResponseMessage response = await web.PostSettingsAsync("{\"display_page_interval_seconds\":10}", "wrong horse");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Wrong password.", await MessageAsync(response));
        Assert.Equal(TimeSpan.FromSeconds(5), web.Services.GetRequiredService<LiveSettings>().DisplayPageInterval);
    }

    [Fact]
    public async Task PostSettings_RightPassword_ChangesThePageInterval()
    {
        await using WebHarness web = await StartWithPasswordAsync();

        using HttpResponseMessage response = await web.PostSettingsAsync("{\"display_page_interval_seconds\":12}", Password);
        JsonElement after = await web.GetJsonAsync("/api/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(12), web.Services.GetRequiredService<LiveSettings>().DisplayPageInterval);
        Assert.Equal(12, after.GetProperty("display_page_interval_seconds").GetDouble());
        Assert.True(after.GetProperty("password_set").GetBoolean());
    }

    [Fact]
    public async Task PostSettings_OutOfRange_BadRequestAndNothingChanges()
    {
        await using WebHarness web = await StartWithPasswordAsync();

        using HttpResponseMessage response = await web.PostSettingsAsync("{\"display_page_interval_seconds\":1}", Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("display_page_interval_seconds: expected 2 to 60, found 1.", await MessageAsync(response));
        Assert.Equal(TimeSpan.FromSeconds(5), web.Services.GetRequiredService<LiveSettings>().DisplayPageInterval);
    }

    [Fact]
    public async Task PostSettings_FormEncoded_UnsupportedMediaType()
    {
        await using WebHarness web = await StartWithPasswordAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/settings")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("display_page_interval_seconds", "10")]),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(":" + Password)));

        using HttpResponseMessage response = await web.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public void Verify_HashOfThePassword_MatchesOnlyThatPassword()
    {
        string hash = WebPassword.Hash("pässwörd", 10_000);

        Assert.True(WebPassword.Verify("pässwörd", hash));
        Assert.False(WebPassword.Verify("passwort", hash));
        Assert.StartsWith("pbkdf2-sha256$10000$", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_SamePasswordTwice_DifferentSalts()
    {
        Assert.NotEqual(WebPassword.Hash("same", 10_000), WebPassword.Hash("same", 10_000));
    }

    [Theory]
    [InlineData("hunter2")]
    [InlineData("pbkdf2-sha256$100$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha1$100000$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$100000$not base64$aGFzaGhhc2hoYXNoaGFzaA==")]
    public void IsValidHash_Malformed_False(string text)
    {
        Assert.False(WebPassword.IsValidHash(text));
        Assert.False(WebPassword.Verify("x", text));
    }

    private static async Task<string?> MessageAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();
}
