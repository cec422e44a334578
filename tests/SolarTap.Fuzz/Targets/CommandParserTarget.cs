using System.Text;
using SolarTap.Protocols.SolarEdge.Commands;

namespace SolarTap.Fuzz.Targets;

/// <summary>The semonitor command-syntax parser on mutated command lines, read as Latin-1 and as UTF-8.</summary>
internal sealed class CommandParserTarget : IFuzzTarget
{
    public string Name => "command-parser";

    public IEnumerable<byte[]> Seeds() =>
        new[] { "0012,H0329", "0011,H329,L0", "0030,H01f4,L0", "12,H239/12,H23a/12,H23b/12,H23c", "1,b-80,h7fff,l-80000000,B0ff" }
            .Select(Encoding.ASCII.GetBytes);

    public void Run(byte[] input)
    {
        foreach (string text in new[] { Encoding.Latin1.GetString(input), Encoding.UTF8.GetString(input) })
        {
            bool ok = CommandParser.TryParse(text, out IReadOnlyList<SemonitorCommand> commands, out string? error);
            if (ok ? error is not null || commands.Count == 0 : error is null || commands.Count != 0)
            {
                throw new InvalidOperationException("TryParse result, commands and error disagree.");
            }
        }
    }
}
