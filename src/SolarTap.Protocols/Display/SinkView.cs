namespace SolarTap.Protocols.Display;

/// <summary>One upstream sink.</summary>
/// <param name="Name">Sink name ("mqtt", "pvoutput").</param>
/// <param name="State">Short state text ("running", "waiting", "failed").</param>
/// <param name="Backlog">Readings waiting for it in the journal.</param>
public sealed record SinkView(string Name, string State, long Backlog);
