using System.Buffers.Binary;
using System.Numerics;

namespace SolarTap.Supervisor.Journal;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for the key of the journal's <c>posts</c> table. The framework's SHA256 on
/// Linux goes through OpenSSL, and loading libcrypto for this one hash cost the supervisor about 3.5 MB of resident
/// memory under load (docs/PERFORMANCE.md, "SolarEdge server"); payloads are small (one post), so speed is no concern.
/// </summary>
internal static class PayloadHash
{
    /// <summary>The digest's length in bytes.</summary>
    public const int Size = 32;

    private const int BlockSize = 64;

    // FIPS 180-4 §4.2.2 and §5.3.3: the first 32 bits of the fractional parts of the cube roots of the first 64
    // primes, and of the square roots of the first 8; computed exactly rather than copied as a table.
    private static readonly uint[] RoundConstants = RootFractions(64, 3);
    private static readonly uint[] InitialHash = RootFractions(8, 2);

    /// <summary>The SHA-256 digest of <paramref name="data"/>.</summary>
    public static byte[] Sha256(ReadOnlySpan<byte> data)
    {
        Span<uint> hash = stackalloc uint[8];
        InitialHash.CopyTo(hash);
        Span<uint> schedule = stackalloc uint[64];
        int whole = data.Length / BlockSize * BlockSize;
        for (int offset = 0; offset < whole; offset += BlockSize)
        {
            Compress(hash, schedule, data.Slice(offset, BlockSize));
        }

        // Padding (§5.1.1): 0x80, zeros, then the message length in bits, big-endian, ending a block.
        Span<byte> tail = stackalloc byte[2 * BlockSize];
        tail.Clear();
        int rest = data.Length - whole;
        data[whole..].CopyTo(tail);
        tail[rest] = 0x80;
        int tailLength = rest + 1 + sizeof(ulong) <= BlockSize ? BlockSize : 2 * BlockSize;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - sizeof(ulong))..], (ulong)data.Length * 8);
        for (int offset = 0; offset < tailLength; offset += BlockSize)
        {
            Compress(hash, schedule, tail.Slice(offset, BlockSize));
        }

        var digest = new byte[Size];
        for (int i = 0; i < hash.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * sizeof(uint)), hash[i]);
        }

        return digest;
    }

    // §6.2.2, one 512-bit block.
    private static void Compress(Span<uint> hash, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (int t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * sizeof(uint))..]);
        }

        for (int t = 16; t < 64; t++)
        {
            uint s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
            uint s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
            w[t] = unchecked(w[t - 16] + s0 + w[t - 7] + s1);
        }

        uint a = hash[0], b = hash[1], c = hash[2], d = hash[3], e = hash[4], f = hash[5], g = hash[6], h = hash[7];
        for (int t = 0; t < 64; t++)
        {
            uint sum1 = BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25);
            uint choose = (e & f) ^ (~e & g);
            uint t1 = unchecked(h + sum1 + choose + RoundConstants[t] + w[t]);
            uint sum0 = BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22);
            uint majority = (a & b) ^ (a & c) ^ (b & c);
            uint t2 = unchecked(sum0 + majority);
            h = g;
            g = f;
            f = e;
            e = unchecked(d + t1);
            d = c;
            c = b;
            b = a;
            a = unchecked(t1 + t2);
        }

        unchecked
        {
            hash[0] += a;
            hash[1] += b;
            hash[2] += c;
            hash[3] += d;
            hash[4] += e;
            hash[5] += f;
            hash[6] += g;
            hash[7] += h;
        }
    }

    // floor(root(p) * 2^32) = floor(root(p * 2^(32 * degree))), found by bisection in 128-bit integers; its low 32
    // bits are the fraction's first 32 bits. The 64th prime is 311: p * 2^96 < 2^105, and 2^40 bounds the root.
    private static uint[] RootFractions(int count, int degree)
    {
        var fractions = new uint[count];
        int found = 0;
        for (int p = 2; found < count; p++)
        {
            if (!IsPrime(p))
            {
                continue;
            }

            UInt128 scaled = (UInt128)(uint)p << (32 * degree);
            UInt128 low = 0;
            UInt128 high = (UInt128)1 << 40;
            while (high - low > 1)
            {
                UInt128 middle = (low + high) >> 1;
                UInt128 power = degree == 2 ? middle * middle : middle * middle * middle;
                if (power <= scaled)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            fractions[found++] = (uint)(ulong)(low & uint.MaxValue);
        }

        return fractions;
    }

    private static bool IsPrime(int n)
    {
        for (int divisor = 2; divisor * divisor <= n; divisor++)
        {
            if (n % divisor == 0)
            {
                return false;
            }
        }

        return n >= 2;
    }
}
