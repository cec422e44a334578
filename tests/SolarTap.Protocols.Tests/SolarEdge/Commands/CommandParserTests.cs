using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Commands;

namespace SolarTap.Protocols.Tests.SolarEdge.Commands;

public class CommandParserTests
{
    [Theory]
    [InlineData("0012,H0329", FunctionCode.CmdParamsGetSingle, "2903")]
    [InlineData("0011,H329,L0", FunctionCode.CmdParamsSetSingle, "290300000000")]
    [InlineData("0030,H01f4,L0", FunctionCode.CmdMiscReset, "f40100000000")]
    [InlineData("12,H239", FunctionCode.CmdParamsGetSingle, "3902")]
    [InlineData("33", FunctionCode.CmdMiscGetVer, "")]
    [InlineData("338,B0b", FunctionCode.CmdPolestarSimulateButtonPressing, "0b")]
    [InlineData("11,h-1,l-80000000,b7f", FunctionCode.CmdParamsSetSingle, "ffff000000807f")]
    [InlineData(" 0012,H0329\n", FunctionCode.CmdParamsGetSingle, "2903")]
    public void TryParse_SpecExamples_GivePayloads(string text, FunctionCode function, string payload)
    {
        Assert.True(CommandParser.TryParse(text, out IReadOnlyList<SemonitorCommand> commands, out string? error), error);

        SemonitorCommand command = Assert.Single(commands);
        Assert.Equal(function, command.Function);
        Assert.Equal(payload, Hex.Of(command.Payload.Span));
    }

    [Fact]
    public void TryParse_KeyReadChain_GivesFourCommands()
    {
        // spec §4.2: -c 12,H239/12,H23a/12,H23b/12,H23c
        Assert.True(CommandParser.TryParse("12,H239/12,H23a/12,H23b/12,H23c", out IReadOnlyList<SemonitorCommand> commands, out _));

        Assert.Equal(["3902", "3a02", "3b02", "3c02"], commands.Select(c => Hex.Of(c.Payload.Span)));
        Assert.All(commands, c => Assert.Equal(FunctionCode.CmdParamsGetSingle, c.Function));
        Assert.Equal("12,H23b", commands[2].Text);
    }

    [Theory]
    [InlineData("", "expected at least one command like 0012,H0329, found an empty text")]
    [InlineData("0012,X0329", "command 1 ('0012,X0329'), position 6: expected a parameter like H0329 (size letter B, H or L, or b, h, l for signed, then hex digits), found 'X0329'")]
    [InlineData("12,H239/12,H23g", "command 2 ('12,H23g'), position 12: expected a parameter like H0329")]
    [InlineData("12,H239/", "command 2 (''), position 9: expected a function code of 1 to 4 hex digits (e.g. 0012), found nothing")]
    [InlineData("0x12", "command 1 ('0x12'), position 1: expected a function code of 1 to 4 hex digits (e.g. 0012), found '0x12'")]
    [InlineData("12345", "found '12345'")]
    [InlineData("12,B100", "position 4: expected a parameter like H0329 (size letter B, H or L, or b, h, l for signed, then hex digits), found 'B100': the value is out of range for unsigned 8-bit (0..FF)")]
    [InlineData("12,b80", "found 'b80': the value is out of range for signed 8-bit (-80..7F)")]
    [InlineData("12,L100000000", "out of range for unsigned 32-bit (0..FFFFFFFF)")]
    [InlineData("12,H-1", "found 'H-1'")]
    [InlineData("12,,H1", "position 4: expected a parameter like H0329 (size letter B, H or L, or b, h, l for signed, then hex digits), found nothing")]
    [InlineData("12, H1", "found ' H1'")]
    [InlineData("12,H", "found 'H'")]
    [InlineData("  12,Q1", "command 1 ('12,Q1'), position 6: expected a parameter")]
    public void TryParse_BadText_NamesCommandPositionAndToken(string text, string expected)
    {
        Assert.False(CommandParser.TryParse(text, out IReadOnlyList<SemonitorCommand> commands, out string? error));

        Assert.Empty(commands);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_SignedBounds_AreAccepted()
    {
        Assert.True(CommandParser.TryParse("1,b-80,h7fff,l-80000000,B0ff,H00000001", out IReadOnlyList<SemonitorCommand> commands, out _));
        Assert.Equal("80ff7f00000080ff0100", Hex.Of(commands[0].Payload.Span));
    }

    [Fact]
    public void TryParse_RandomAndMutatedStrings_NeverThrows()
    {
        byte[][] seeds = [.. new[] { "12,H239/12,H23a/12,H23b/12,H23c", "0011,H329,L0", "1,b-80,h7fff,l-80000000" }.Select(System.Text.Encoding.Latin1.GetBytes)];
        static bool Check(byte[] bytes)
        {
            bool ok = CommandParser.TryParse(System.Text.Encoding.Latin1.GetString(bytes), out IReadOnlyList<SemonitorCommand> commands, out string? error);
            return ok ? error is null && commands.Count > 0 : error is not null && commands.Count == 0;
        }

        Properties.ForAllBytes(0xC0DE_0001, Check);
        Properties.ForAllMutations(0xC0DE_0002, seeds, Check, tests: 1000);
    }
}
