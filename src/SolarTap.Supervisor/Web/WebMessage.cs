namespace SolarTap.Supervisor.Web;

/// <summary>An error or confirmation from the JSON API: one sentence for a person.</summary>
/// <param name="Message">The sentence.</param>
public sealed record WebMessage(string Message);
