using System.Buffers;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Testing;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// The session tracker (and key finder) over framed streams with the real key of 7F104920, so mutated 0x0503/0x003D
/// reach decryption; every scratch buffer is exactly as long as required and guarded by sentinel bytes.
/// </summary>
internal sealed class CryptoSessionTarget : IFuzzTarget
{
    private const byte Sentinel = 0xA5;
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly InverterKey _key = LoadKey();

    public string Name => "crypto-session";

    public IEnumerable<byte[]> Seeds() =>
    [
        TestData.SolarEdge("key_exchange_and_encrypted_ack_issue8.bin"),
        TestData.SolarEdge("synth_encrypted_inverter1ph_issue8.bin"),
        TestData.SolarEdge("synth_passive_capture.inverter_stream.bin"),
    ];

    public void Run(byte[] input)
    {
        using var sessions = new InverterSessions(id => id == 0x7F104920 ? _key : null);
        var tracker = new SessionTracker(sessions);
        var finder = new KeyFinder();
        var reader = new SolarEdgeFrameReader(maxPayloadLength: 2048);
        ReadOnlySequence<byte> buffer = Sequences.Split(input, input.Length / 3, 2 * input.Length / 3);
        while (reader.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done || reader.AbandonCandidate(ref buffer))
        {
            finder.Observe(frame);
            int length = (int)frame.Payload.Length;
            var scratch = new byte[length + 8];
            scratch.AsSpan(length).Fill(Sentinel);
            TrackedMessage message = tracker.Process(frame, Now, scratch.AsSpan(0, length));
            Check(scratch.AsSpan(length), message.Payload.Length <= length);
        }

        // The raw input as one wrapper payload, both directions.
        var spare = new byte[input.Length + 8];
        spare.AsSpan(input.Length).Fill(Sentinel);
        tracker.Process(EncryptedWrapper.InverterHeader(1, 0x7F104920), input, Now, spare.AsSpan(0, input.Length));
        tracker.Process(EncryptedWrapper.ServerHeader(2), input, Now, spare.AsSpan(0, input.Length));
        Check(spare.AsSpan(input.Length), true);
        if (!sessions.TryImport(sessions.Export(), out string? error))
        {
            throw new InvalidOperationException("Exported session state does not import: " + error);
        }
    }

    private static void Check(ReadOnlySpan<byte> guard, bool payloadInBounds)
    {
        if (guard.IndexOfAnyExcept(Sentinel) >= 0 || !payloadInBounds)
        {
            throw new InvalidOperationException("The tracker wrote or pointed past its scratch buffer.");
        }
    }

    private static InverterKey LoadKey()
        => InverterKey.TryParse(TestData.SolarEdgeText("7f104920.key"), out InverterKey? key, out string? error)
            ? key!
            : throw new InvalidOperationException(error);
}
