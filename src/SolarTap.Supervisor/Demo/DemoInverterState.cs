namespace SolarTap.Supervisor.Demo;

/// <summary>One simulated inverter of the demo site, as its own side sees it.</summary>
/// <param name="Serial">Its ID, as in readings.</param>
/// <param name="Description">"single-phase, plain" and the like.</param>
/// <param name="Encrypted">Whether it runs encrypted.</param>
/// <param name="Optimizers">Its optimizers.</param>
/// <param name="PostsMade">Posts it made.</param>
/// <param name="PostsAcknowledged">Posts the supervisor acknowledged.</param>
/// <param name="TimeAnswers">Time requests the supervisor answered.</param>
/// <param name="Problems">What the supervisor got wrong, as the inverter saw it.</param>
public sealed record DemoInverterState(
    string Serial, string Description, bool Encrypted, int Optimizers, int PostsMade, int PostsAcknowledged, int TimeAnswers, IReadOnlyList<string> Problems);
