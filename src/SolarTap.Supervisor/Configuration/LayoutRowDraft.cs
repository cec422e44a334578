namespace SolarTap.Supervisor.Configuration;

/// <summary>A <c>web.layout</c> row while its keys are being read.</summary>
internal sealed class LayoutRowDraft
{
    public string? Name { get; set; }

    public List<string> Optimizers { get; set; } = [];
}
