using System.Text;
using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

/// <summary>
/// Golden images of rendered frames in Display/Golden/*.png. The comparison is of pixels, not of file bytes: the
/// compressed bytes depend on the runtime's zlib build, the pixels only on our renderer. Set
/// SOLARTAP_UPDATE_GOLDEN=1 to (re)write the files from the current renderer, then look at them before committing.
/// </summary>
internal static class GoldenImage
{
    public static string Folder => Path.Combine(TestData.RepositoryRoot, "tests", "SolarTap.Protocols.Tests", "Display", "Golden");

    public static void AssertMatches(string name, MonoFramebuffer actual)
    {
        string path = Path.Combine(Folder, name + ".png");
        if (Environment.GetEnvironmentVariable("SOLARTAP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(path, PngWriter.Write(actual));
            return;
        }

        Assert.True(File.Exists(path), $"Golden image {path} is missing; run the tests once with SOLARTAP_UPDATE_GOLDEN=1 and look at it.");
        MonoFramebuffer expected = DecodedPng.Read(File.ReadAllBytes(path)).ToFramebuffer();
        if (!expected.ContentEquals(actual))
        {
            string actualPath = Path.Combine(Path.GetTempPath(), $"solartap-golden-{name}.actual.png");
            File.WriteAllBytes(actualPath, PngWriter.Write(actual, scale: 4));
            Assert.Fail($"Frame differs from {path} (actual written to {actualPath}); '#' both, '+' only actual, '-' only golden:\n{Diff(expected, actual)}");
        }
    }

    /// <summary>The frame as text, one character per pixel.</summary>
    public static string Art(MonoFramebuffer frame) => Diff(frame, frame);

    private static string Diff(MonoFramebuffer expected, MonoFramebuffer actual)
    {
        var text = new StringBuilder();
        for (int y = 0; y < Math.Max(expected.Height, actual.Height); y++)
        {
            for (int x = 0; x < Math.Max(expected.Width, actual.Width); x++)
            {
                bool e = expected.GetPixel(x, y);
                bool a = actual.GetPixel(x, y);
                text.Append(e && a ? '#' : a ? '+' : e ? '-' : '.');
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
