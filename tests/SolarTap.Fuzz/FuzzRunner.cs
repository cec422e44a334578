using System.Diagnostics;
using SolarTap.Testing;

namespace SolarTap.Fuzz;

/// <summary>Runs each target for its share of the time budget on mutated seeds and random bytes.</summary>
internal sealed class FuzzRunner(TimeSpan budget, int seed, string findingsDirectory)
{
    public int Run(IReadOnlyList<IFuzzTarget> targets, TextWriter log)
    {
        int failedTargets = 0;
        TimeSpan share = budget / Math.Max(1, targets.Count);
        foreach (IFuzzTarget target in targets)
        {
            (long runs, Exception? finding, byte[]? input) = Fuzz(target, share);
            if (finding is null)
            {
                log.WriteLine($"  {target.Name,-28} {runs,10:N0} inputs, no exception");
                continue;
            }

            failedTargets++;
            Directory.CreateDirectory(findingsDirectory);
            string path = Path.Combine(findingsDirectory, $"{target.Name}-{DateTime.UtcNow:yyyyMMddHHmmss}.bin");
            File.WriteAllBytes(path, input!);
            log.WriteLine($"  {target.Name,-28} FAILED after {runs:N0} inputs: {finding.GetType().Name}: {finding.Message}");
            log.WriteLine($"    input saved to {path}");
            log.WriteLine(finding.StackTrace);
        }

        log.WriteLine($"fuzz: {targets.Count - failedTargets} targets passed, {failedTargets} failed (seed {seed})");
        return failedTargets;
    }

    private (long Runs, Exception? Finding, byte[]? Input) Fuzz(IFuzzTarget target, TimeSpan share)
    {
        var random = new Random(HashCode.Combine(seed, target.Name.Length, target.Name[0]));
        byte[][] seeds = [.. target.Seeds()];
        var clock = Stopwatch.StartNew();
        long runs = 0;
        var noise = new int[16];
        while (clock.Elapsed < share)
        {
            byte[] input;
            if (seeds.Length == 0 || random.Next(8) == 0)
            {
                input = new byte[random.Next(0, 512)];
                random.NextBytes(input);
            }
            else
            {
                for (int i = 0; i < noise.Length; i++)
                {
                    noise[i] = random.Next();
                }

                input = Mutations.Apply(seeds[random.Next(seeds.Length)], noise, 1 + random.Next(8));
            }

            try
            {
                target.Run(input);
            }
#pragma warning disable CA1031 // every exception from a decoder is a finding to report
            catch (Exception e)
#pragma warning restore CA1031
            {
                return (runs, e, input);
            }

            runs++;
        }

        return (runs, null, null);
    }
}
