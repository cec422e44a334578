using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace SolarTap.Testing;

/// <summary>
/// FsCheck with a pinned seed (ARCHITECTURE §4.8): the same cases every run, so a failure reproduces.
/// </summary>
public static class Properties
{
    /// <summary>A configuration that runs <paramref name="tests"/> cases from seed (<paramref name="seed"/>, <paramref name="gamma"/>) and throws on failure.</summary>
    public static Config Pinned(ulong seed, ulong gamma = 0x9E37_79B9_7F4A_7C15 | 1, int tests = 500, int endSize = 300) =>
        Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithEndSize(endSize)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, gamma), FSharpOption<int>.None)));

    /// <summary>Checks a property over random byte arrays.</summary>
    public static void ForAllBytes(ulong seed, Func<byte[], bool> property, int tests = 500)
        => Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), property).Check(Pinned(seed, tests: tests));

    /// <summary>
    /// Checks a property over mutations of <paramref name="seeds"/>: bit flips, truncations, inserted and
    /// deleted bytes, duplicated spans. Random noise alone rarely reaches deep into a decoder; mutated real input does.
    /// </summary>
    public static void ForAllMutations(ulong seed, IReadOnlyList<byte[]> seeds, Func<byte[], bool> property, int tests = 500)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        Gen<byte[]> gen =
            from index in Gen.Choose(0, seeds.Count - 1)
            from steps in Gen.Choose(1, 6)
            from noise in ArbMap.Default.GeneratorFor<int[]>()
            select Mutations.Apply(seeds[index], noise, steps);
        Prop.ForAll(gen.ToArbitrary(), property).Check(Pinned(seed, tests: tests));
    }
}
