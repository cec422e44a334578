using BenchmarkDotNet.Attributes;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;

namespace SolarTap.Benchmarks;

/// <summary>Opening 0x003D wrappers around realistic posts: AES-CTR, mask, inner CRC check.</summary>
[MemoryDiagnoser]
public class CryptoBenchmarks
{
    private SessionCipher _cipher = null!;
    private byte[] _wrapper = [];
    private byte[] _scratch = [];

    /// <summary>Inner payload size; throughput = wrapper size / mean time.</summary>
    [Params(64, 1024)]
    public int PayloadBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var key = new byte[16];
        random.NextBytes(key);
        _cipher = new SessionCipher(key);
        var payload = new byte[PayloadBytes];
        random.NextBytes(payload);
        byte[] inner = SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(1, 0x7F104920, SolarEdgeAddress.Server, FunctionCode.CmdServerPostData), payload);
        var c0 = new byte[16];
        random.NextBytes(c0);
        _wrapper = new byte[EncryptedWrapper.PayloadLength(inner.Length)];
        _cipher.Encrypt(inner, 1, c0, [1, 2, 3, 4], _wrapper);
        _scratch = new byte[inner.Length];
    }

    [GlobalCleanup]
    public void Cleanup() => _cipher.Dispose();

    [Benchmark]
    public WrapperStatus Unwrap() => _cipher.TryUnwrap(_wrapper, _scratch, out _, out _, out _);
}
