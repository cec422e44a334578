namespace SolarTap.Testing;

/// <summary>
/// Locates the shared reference data: <c>../shared/testdata</c> beside the checkout (CI puts it there).
/// A missing folder fails the test that asks for it: reference data is never optional.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The checkout's root folder (the one holding Appliance.sln).</summary>
    public static string RepositoryRoot => Root.Value.TrimEnd('/');

    /// <summary>Full path of <paramref name="relative"/> under <c>shared/testdata</c>; fails if it does not exist.</summary>
    public static string PathOf(string relative)
    {
        string path = Path.Combine(SharedTestData, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"Reference data file is missing: {path}", path);
        }

        return path;
    }

    /// <summary>The shared test-data folder.</summary>
    public static string SharedTestData => Path.Combine(Root.Value, "..", "shared", "testdata");

    /// <summary>Bytes of a file under <c>shared/testdata/solaredge</c>.</summary>
    public static byte[] SolarEdge(string name) => File.ReadAllBytes(PathOf(Path.Combine("solaredge", name)));

    /// <summary>Text of a file under <c>shared/testdata/solaredge</c>.</summary>
    public static string SolarEdgeText(string name) => File.ReadAllText(PathOf(Path.Combine("solaredge", name)));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Appliance.sln")))
            {
                string shared = Path.Combine(dir.FullName, "..", "shared", "testdata");
                if (!Directory.Exists(shared))
                {
                    throw new DirectoryNotFoundException(
                        $"The shared reference data must sit beside the checkout: {Path.GetFullPath(shared)} does not exist.");
                }

                return dir.FullName + "/";
            }
        }

        throw new DirectoryNotFoundException($"No Appliance.sln above {AppContext.BaseDirectory}.");
    }
}
