namespace SolarTap.Architecture.Tests;

public class DependencyTests
{
    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (string project in SourceProjectNames())
        {
            data.Add(project);
        }

        return data;
    }

    [Fact]
    public void EverySourceProject_HasARuleAndIsBuiltHere()
    {
        foreach (string project in SourceProjectNames())
        {
            Assert.True(DependencyRules.AllowedProjectReferences.ContainsKey(project), $"{project} has no row in ARCHITECTURE §2's table (DependencyRules).");
            Assert.True(File.Exists(AssemblyPath(project)), $"{project} is not referenced by SolarTap.Architecture.Tests, so its rules are not checked.");
        }
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void ProjectReferences_FollowTheDependencyTable(string project)
    {
        AssemblyInspector assembly = AssemblyInspector.Load(AssemblyPath(project));
        string[] allowedProjects = DependencyRules.AllowedProjectReferences[project];
        string[] allowedPackages = DependencyRules.AllowedPackages[project];

        foreach (string reference in assembly.References)
        {
            bool isFramework = reference is "System" or "mscorlib" or "netstandard" || reference.StartsWith("System.", StringComparison.Ordinal)
                || reference.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);
            bool isOurs = reference.StartsWith("SolarTap", StringComparison.Ordinal);
            bool isAllowedPackage = allowedPackages.Any(p => reference.StartsWith(p, StringComparison.Ordinal));
            if (isOurs)
            {
                Assert.True(allowedProjects.Contains(reference), $"{project} must not reference {reference} (ARCHITECTURE §2).");
            }
            else if (reference == "System.CommandLine")
            {
                Assert.True(isAllowedPackage, $"{project} must not reference {reference} (ARCHITECTURE §2).");
            }
            else
            {
                Assert.True(isFramework || isAllowedPackage, $"{project} must not reference {reference} (ARCHITECTURE §2).");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void PInvokeAndUnsafeCode_OnlyInTheLinuxProject(string project)
    {
        AssemblyInspector assembly = AssemblyInspector.Load(AssemblyPath(project));
        if (project == DependencyRules.InteropProject)
        {
            return;
        }

        Assert.False(assembly.HasPInvoke, $"{project} declares a P/Invoke; interop belongs in {DependencyRules.InteropProject}.");
        Assert.False(assembly.HasUnsafeCode, $"{project} uses unsafe code; it belongs in {DependencyRules.InteropProject}.");
    }

    [Fact]
    public void PureProjects_UseNoClockRandomnessFilesSocketsOrThreads()
    {
        foreach (string project in DependencyRules.PureProjects)
        {
            AssemblyInspector assembly = AssemblyInspector.Load(AssemblyPath(project));
            var violations = DependencyRules.ImpureApis
                .Where(api => api.Contains("::", StringComparison.Ordinal)
                    ? assembly.MemberReferences.Contains(api)
                    : assembly.TypeReferences.Contains(api))
                .ToList();
            Assert.True(violations.Count == 0, $"{project} is pure (ARCHITECTURE §4.1) but uses: {string.Join(", ", violations)}");
        }
    }

    [Fact]
    public void Inspector_SeesImpureCallsInAnAssemblyThatMakesThem()
    {
        // The purity check must be able to fail: this test assembly itself reads files and the clock.
        AssemblyInspector self = AssemblyInspector.Load(typeof(DependencyTests).Assembly.Location);
        Assert.Contains("System.IO.File", self.TypeReferences);
        Assert.Contains("SolarTap.Testing", self.References);
        _ = DateTime.UtcNow;
        Assert.Contains("System.DateTime::get_UtcNow", self.MemberReferences);
    }

    private static IEnumerable<string> SourceProjectNames() => Directory
        .EnumerateFiles(Path.Combine(SolarTap.Testing.TestData.RepositoryRoot, "src"), "*.csproj", SearchOption.AllDirectories)
        .Select(Path.GetFileNameWithoutExtension)
        .Select(name => name!)
        .Order(StringComparer.Ordinal);

    /// <summary>The built assembly of a src project: its AssemblyName when the project file sets one.</summary>
    private static string AssemblyPath(string project)
    {
        string projectFile = Path.Combine(SolarTap.Testing.TestData.RepositoryRoot, "src", project, project + ".csproj");
        string? assemblyName = System.Xml.Linq.XDocument.Load(projectFile).Descendants("AssemblyName").FirstOrDefault()?.Value;
        return Path.Combine(AppContext.BaseDirectory, (assemblyName ?? project) + ".dll");
    }
}
