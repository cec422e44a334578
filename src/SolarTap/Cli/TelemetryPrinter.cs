using System.Buffers;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Decoding;
using SolarTap.Protocols.SolarEdge.Semonitor;
using SolarTap.Protocols.SolarEdge.Telemetry;

namespace SolarTap.Cli;

/// <summary>
/// Prints decoded telemetry to standard output in the chosen format, and what could not be decoded to standard
/// error (each unknown record with its bytes; a missing key once per inverter, with what to do).
/// </summary>
internal sealed class TelemetryPrinter : IPackedOptimizerSink
{
    private readonly OutputFormat _format;
    private readonly Stream _output;
    private readonly TextWriter _diagnostics;
    private readonly TimeZoneInfo _timeZone;
    private readonly ReadingWriter? _readings;
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly HashSet<(uint, DecryptionStatus)> _warned = [];
    private readonly PackedOptimizerJsonWriter _packed = new();

    /// <summary>A printer writing to <paramref name="output"/>; call <see cref="CompleteAsync"/> at the end.</summary>
    public TelemetryPrinter(OutputFormat format, Stream output, TextWriter diagnostics, TimeZoneInfo timeZone)
    {
        _format = format;
        _output = output;
        _diagnostics = diagnostics;
        _timeZone = timeZone;
        if (format != OutputFormat.Semonitor)
        {
            _readings = new ReadingWriter(format, output);
        }
    }

    /// <summary>Called with every reading printed, for callers that also keep them (the demo's table).</summary>
    public Action<Reading>? ReadingSeen { get; init; }

    /// <summary>JSON lines of optimizer-only posts are written straight from the wire, unless readings are wanted too.</summary>
    public bool TakesPackedOptimizerPosts => _readings is { IsJson: true } && ReadingSeen is null;

    public void OnPackedOptimizers(scoped in TrackedMessage message, int records)
    {
        Span<byte> room = _readings!.Reserve(records * PackedOptimizerJsonWriter.MaxLineLength);
        _readings.Advance(_packed.Write(message.Payload, message.Header.Source, room));
    }

    public void OnMessage(scoped in TrackedMessage message, TelemetryDecodeResult? telemetry)
    {
        if (message.Status is not (DecryptionStatus.Plain or DecryptionStatus.Decrypted))
        {
            WarnOnce(message);
            return;
        }

        if (telemetry is null)
        {
            return;
        }

        foreach (UnknownTelemetryRecord unknown in telemetry.UnknownRecords)
        {
            _diagnostics.WriteLine(
                $"warning: {Describe(unknown.Reason)} record 0x{(ushort)unknown.Type:x4} from {SolarEdgeAddress.Format(unknown.DeviceId)} in post 0x{message.Header.Sequence:x4} " +
                $"of {SolarEdgeAddress.Format(message.Header.Source)}, {unknown.Data.Length} bytes: {Convert.ToHexStringLower(unknown.Data.Span)}");
        }

        if (_readings is not null)
        {
            _readings.Add(telemetry.Readings);
        }
        else
        {
            _line.ResetWrittenCount();
            if (SemonitorJsonWriter.TryWriteLine(message.Payload, _timeZone, _line))
            {
                _output.Write(_line.WrittenSpan);
            }
        }

        if (ReadingSeen is { } seen)
        {
            foreach (Reading reading in telemetry.Readings)
            {
                seen(reading);
            }
        }
    }

    /// <summary>Makes what was decoded so far visible (for --follow).</summary>
    public async Task FlushAsync()
    {
        if (_readings is not null)
        {
            _readings.Push();
        }
        else
        {
            await _output.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes everything still queued and flushes the output.</summary>
    public async Task CompleteAsync()
    {
        if (_readings is not null)
        {
            await _readings.CompleteAsync().ConfigureAwait(false);
        }

        await _output.FlushAsync().ConfigureAwait(false);
    }

    private void WarnOnce(scoped in TrackedMessage message)
    {
        uint inverter = DecodeStatistics.DeviceOf(message);
        if (!_warned.Add((inverter, message.Status)))
        {
            return;
        }

        string who = inverter == 0 ? "an unknown inverter" : SolarEdgeAddress.Format(inverter);
        _diagnostics.WriteLine(message.Status switch
        {
            DecryptionStatus.NoKey => $"warning: {who} sends encrypted messages and no key was given for it; pass --key FILE (find one with 'solartap key find', or see docs/keys.md).",
            DecryptionStatus.NoSession => $"warning: {who} sends encrypted messages but its session-key message (0x0503) is not in this input; messages before the next 0x0503 cannot be decrypted.",
            DecryptionStatus.WrongKeyOrCorrupt => $"warning: encrypted messages of {who} do not decrypt with the given key; check that the key belongs to this inverter ('solartap key check').",
            DecryptionStatus.UnknownInverter => "warning: encrypted server replies on a connection whose inverter is unknown; they are skipped.",
            _ => $"warning: {who}: encrypted message skipped ({message.Status}).",
        });
    }

    private static string Describe(UnknownRecordReason reason) => reason switch
    {
        UnknownRecordReason.UnknownType => "undecoded",
        UnknownRecordReason.UnusableLength => "unexpected-length",
        UnknownRecordReason.Truncated => "truncated",
        _ => reason.ToString(),
    };

}
