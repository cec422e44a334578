namespace SolarTap.System.Tests.Serial;

/// <summary>Runs the poll-cycle measurement with no other test class in parallel.</summary>
[CollectionDefinition(nameof(Rs485PollCyclePerformanceTests), DisableParallelization = true)]
public sealed class Rs485PollCycleRunsAlone;
