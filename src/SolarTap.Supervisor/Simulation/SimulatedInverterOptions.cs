using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Supervisor.Simulation;

/// <summary>What a <see cref="SolarEdgeInverterSimulator"/> pretends to be.</summary>
public sealed class SimulatedInverterOptions
{
    /// <summary>The inverter ID (spec §2.1).</summary>
    public uint InverterId { get; init; } = 0x7F10_4920;

    /// <summary>
    /// The inverter key K. With a key the simulator runs encrypted: it announces a session with 0x0503 first and wraps
    /// every later message in 0x003D (spec §4). Without one it talks in clear.
    /// </summary>
    public InverterKey? Key { get; init; }

    /// <summary>
    /// The 34-byte 0x0503 payload R1 ‖ R2 ‖ 2 bytes (spec §4.1); null to draw it from <see cref="Seed"/>.
    /// </summary>
    public byte[]? SessionAnnouncement { get; init; }

    /// <summary>A three-phase (0x0011) inverter record instead of a single-phase (0x0010) one.</summary>
    public bool ThreePhase { get; init; }

    /// <summary>Number of 0x0080 optimizer records per post (IDs <see cref="OptimizerIdBase"/> + i).</summary>
    public int Optimizers { get; init; } = 10;

    /// <summary>ID of the first optimizer.</summary>
    public uint OptimizerIdBase { get; init; } = 0x2023_0000;

    /// <summary>Rated AC power, W: the peak of the sun curve.</summary>
    public double RatedPower { get; init; } = 5000;

    /// <summary>Lifetime energy at the start, Wh.</summary>
    public double InitialEnergyTotal { get; init; } = 12_345_678;

    /// <summary>Local time of the site minus UTC; places the sun curve.</summary>
    public TimeSpan SiteUtcOffset { get; init; }

    /// <summary>How often a post is made (real inverters: 5 minutes).</summary>
    public TimeSpan PostInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A message not answered within this time is sent again, unchanged (spec §1.4, §5.2).</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A 0x0501 time request is sent at the start and after every this many posts; 0 for never.</summary>
    public int TimeRequestEveryPosts { get; init; } = 12;

    /// <summary>The inverter's clock error at the start: its timestamps are off by this until a 0x0580 corrects them.</summary>
    public TimeSpan ClockError { get; init; }

    /// <summary>Posts made in all; after that the inverter only re-sends what is not yet acknowledged. Null: no limit.</summary>
    public int? PostLimit { get; init; }

    /// <summary>Sequence number of the first message.</summary>
    public ushort FirstSequence { get; init; } = 1;

    /// <summary>Seed of the simulator's own randomness (its wrappers' C0 and mask, a drawn announcement).</summary>
    public int Seed { get; init; } = 1;
}
