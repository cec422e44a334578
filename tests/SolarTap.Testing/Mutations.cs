namespace SolarTap.Testing;

/// <summary>Deterministic byte-level mutations driven by a list of numbers (from FsCheck or the fuzz runner).</summary>
public static class Mutations
{
    /// <summary>Applies <paramref name="steps"/> mutations to a copy of <paramref name="input"/>, choosing with <paramref name="noise"/>.</summary>
    public static byte[] Apply(byte[] input, IReadOnlyList<int> noise, int steps)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(noise);
        var bytes = new List<byte>(input);
        int n = 0;
        int Next() => noise.Count == 0 ? n++ * 7919 : Math.Abs(noise[n++ % noise.Count] ^ (n * 40503));
        for (int i = 0; i < steps; i++)
        {
            int at = bytes.Count == 0 ? 0 : Next() % bytes.Count;
            switch (Next() % 6)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << (Next() % 8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 2:
                    bytes.Insert(at, (byte)Next());
                    break;
                case 3 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 4 when bytes.Count > 0:
                    int length = Math.Min(bytes.Count - at, 1 + Next() % 32);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes[at] = (byte)Next();
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
