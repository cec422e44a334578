namespace SolarTap.Supervisor.Web;

/// <summary>One row of the panel map: from <c>web.layout</c>, or one per inverter when there is no layout.</summary>
/// <param name="Name">The row's name (the layout's, or "Inverter SERIAL").</param>
/// <param name="Optimizers">Optimizer serials, left to right.</param>
public sealed record PanelRow(string Name, IReadOnlyList<string> Optimizers);
