namespace SolarTap.Testing.Simulators;

/// <summary>
/// Deterministic random bytes for <c>RandomBytes</c> parameters: first the scripted bytes, in order, then bytes from a
/// seeded generator. <c>RandomBytes random = new ScriptedRandom(...).Fill;</c>
/// </summary>
public sealed class ScriptedRandom
{
    private readonly Queue<byte> _script;
    private readonly Random _random;

    /// <summary>A source that yields <paramref name="script"/> first, then seeded bytes.</summary>
    public ScriptedRandom(byte[]? script = null, int seed = 7)
    {
        _script = new Queue<byte>(script ?? []);
        _random = new Random(seed);
    }

    /// <summary>Bytes handed out so far.</summary>
    public long Drawn { get; private set; }

    /// <summary>Scripted bytes not yet handed out.</summary>
    public int ScriptLeft => _script.Count;

    /// <summary>Fills <paramref name="destination"/>.</summary>
    public void Fill(Span<byte> destination)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = _script.TryDequeue(out byte b) ? b : (byte)_random.Next(256);
        }

        Drawn += destination.Length;
    }
}
