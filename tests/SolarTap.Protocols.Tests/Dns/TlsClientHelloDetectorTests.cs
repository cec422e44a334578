using SolarTap.Protocols.Dns;

namespace SolarTap.Protocols.Tests.Dns;

public class TlsClientHelloDetectorTests
{
    [Theory]
    [InlineData("16 03 01 00 f8 01 00 00 f4 03 03")] // TLS 1.2/1.3 ClientHello, record version 0x0301 (RFC 8446 §5.1)
    [InlineData("16 03 03 02 00 01")] // record version 0x0303
    [InlineData("16 03 00 00 04 01")] // SSL 3.0 record version, shortest handshake
    public void Looks_ClientHelloRecord_True(string hex) => Assert.True(TlsClientHelloDetector.Looks(Hex.Bytes(hex)));

    [Theory]
    [InlineData("12 34 56 79 02 00 fd ff 3a 00")] // SolarEdge barker (spec §1.1)
    [InlineData("16 03 01 00 f8 02")] // ServerHello, not ClientHello
    [InlineData("17 03 03 00 20 01")] // application data
    [InlineData("16 03 01 40 01 01")] // record longer than 2^14
    [InlineData("16 03 01 00")] // too short to tell
    [InlineData("47 45 54 20 2f 20")] // "GET / "
    public void Looks_Other_False(string hex) => Assert.False(TlsClientHelloDetector.Looks(Hex.Bytes(hex)));

    [Theory]
    [InlineData("", true)]
    [InlineData("16", true)]
    [InlineData("16 03 01", true)]
    [InlineData("12", false)]
    [InlineData("16 04", false)]
    public void CouldBe_Prefix(string hex, bool expected) => Assert.Equal(expected, TlsClientHelloDetector.CouldBe(Hex.Bytes(hex)));
}
