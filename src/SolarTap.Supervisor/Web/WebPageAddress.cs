namespace SolarTap.Supervisor.Web;

/// <summary>Where the web page is served, once it is (the demo prints it; tests connect to it).</summary>
public sealed class WebPageAddress
{
    private readonly TaskCompletionSource<Uri?> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the page's address once it is served, or with null when it is off or could not start.</summary>
    public Task<Uri?> Listening => _listening.Task;

    /// <summary>Records where the page is served (null: it is not).</summary>
    internal void Set(Uri? address) => _listening.TrySetResult(address);
}
