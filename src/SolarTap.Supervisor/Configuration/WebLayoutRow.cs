namespace SolarTap.Supervisor.Configuration;

/// <summary>One row of the panel map (<c>web.layout</c>): a name such as a roof or string, and its optimizers in order.</summary>
/// <param name="Name">What the row is called on the page.</param>
/// <param name="Optimizers">Optimizer serials as the readings show them (hex, upper case), left to right.</param>
public sealed record WebLayoutRow(string Name, IReadOnlyList<string> Optimizers);
