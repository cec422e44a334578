using System.Buffers.Binary;
using SolarTap.Protocols.SolarEdge;

namespace SolarTap.Cli.Tests;

public class KeyCommandTests
{
    private static string Data(string name) => TestData.PathOf(Path.Combine("solaredge", name));

    [Fact]
    public async Task KeyFind_CaptureOfThePortalReadingTheKey_WritesTheKeyFile()
    {
        // The portal (0xFFFFFFFD) reads parameters 0x0239..0x023C; the inverter answers with 4 key bytes each (spec §4.2).
        byte[] key = Hex.Bytes("e1 99 25 23 f4 dd bb 47 d5 33 6f 6f 17 7e 32 78");
        const uint inverter = 0x7F104920;
        var capture = new SyntheticCapture();
        for (int i = 0; i < 4; i++)
        {
            var request = new SolarEdgeHeader((ushort)(100 + i), SolarEdgeAddress.ConfigurationTool, inverter, FunctionCode.CmdParamsGetSingle);
            byte[] id = new byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(id, (ushort)(0x0239 + i));
            capture.FromServer(SolarEdgeFrameWriter.ToArray(request, id));
            byte[] answer = [.. key.AsSpan(4 * i, 4), 0, 0];
            capture.FromInverter(SolarEdgeFrameWriter.ToArray(request.ReplyWith(FunctionCode.RespParamsSingle), answer));
        }

        string pcap = Path.GetTempFileName();
        File.WriteAllBytes(pcap, capture.ToArray());
        string directory = Directory.CreateTempSubdirectory().FullName;

        ProcessResult result = await SolarTapProcess.RunAsync("key", "find", "--write", directory, pcap);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("7F104920: key e1992523f4ddbb47d5336f6f177e3278", result.StandardOutput, StringComparison.Ordinal);
        string file = Path.Combine(directory, "7f104920.key");
        Assert.Equal(File.ReadAllText(Data("7f104920.key")), File.ReadAllText(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public async Task KeyFind_CaptureWithoutKeyReads_ExplainsAndExitsNonZero()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("key", "find", Data("synth_passive_capture.pcap"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no key found", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("synth_passive_capture.pcap")]
    [InlineData("synth_encrypted_inverter1ph_issue8.bin")]
    public async Task KeyCheck_RightKey_SaysItDecrypts(string capture)
    {
        ProcessResult result = await SolarTapProcess.RunAsync("key", "check", "--key", Data("7f104920.key"), Data(capture));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("7F104920: the key decrypts 1 of 1 encrypted messages.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyCheck_WrongKey_SaysItDoesNotAndExits1()
    {
        string key = Path.GetTempFileName();
        File.WriteAllText(key, "00112233445566778899aabbccddeeff\n");

        ProcessResult result = await SolarTapProcess.RunAsync("key", "check", "--key", key, Data("synth_encrypted_inverter1ph_issue8.bin"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not decrypt", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyCheck_PlainCapture_SaysThereIsNothingToCheck()
    {
        ProcessResult result = await SolarTapProcess.RunAsync("key", "check", "--key", Data("7f104920.key"), Data("synth_opt0080_issue11.bin"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing to check", result.StandardOutput, StringComparison.Ordinal);
    }
}
