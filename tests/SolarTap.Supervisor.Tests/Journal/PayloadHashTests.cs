using System.Security.Cryptography;
using SolarTap.Supervisor.Journal;

namespace SolarTap.Supervisor.Tests.Journal;

public class PayloadHashTests
{
    [Theory]
    // FIPS 180-4 examples (NIST's SHA-256 example values) and the empty message.
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Sha256_KnownMessages_GivesTheStandardDigest(string message, string digest)
    {
        Assert.Equal(digest, Convert.ToHexStringLower(PayloadHash.Sha256(System.Text.Encoding.ASCII.GetBytes(message))));
    }

    [Fact]
    public void Sha256_EveryLengthAroundTheBlockBoundaries_MatchesTheFramework()
    {
        var random = new Random(3);
        for (int length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), PayloadHash.Sha256(data));
        }

        var big = new byte[100_003];
        random.NextBytes(big);
        Assert.Equal(SHA256.HashData(big), PayloadHash.Sha256(big));
    }
}
