using System.Globalization;
using SolarTap.Fuzz;

// Usage: SolarTap.Fuzz [--seconds N] [--seed N] [--target NAME]
int seconds = 60;
int seed = Environment.TickCount;
string? only = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seconds": seconds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--target": only = args[++i]; break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: SolarTap.Fuzz [--seconds N] [--seed N] [--target NAME]");
            return 2;
    }
}

IFuzzTarget[] targets = typeof(IFuzzTarget).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IFuzzTarget)))
    .Select(t => (IFuzzTarget)Activator.CreateInstance(t)!)
    .Where(t => only is null || t.Name == only)
    .OrderBy(t => t.Name, StringComparer.Ordinal)
    .ToArray();
if (targets.Length == 0)
{
    Console.Error.WriteLine(only is null ? "No fuzz targets found." : $"No fuzz target named '{only}'.");
    return 2;
}

Console.WriteLine($"fuzzing {targets.Length} targets for {seconds} s, seed {seed}");
string findings = Path.Combine(AppContext.BaseDirectory, "findings");
int failed = new FuzzRunner(TimeSpan.FromSeconds(seconds), seed, findings).Run(targets, Console.Out);
return failed == 0 ? 0 : 1;
