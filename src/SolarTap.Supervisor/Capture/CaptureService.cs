using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Devices.Capture;
using SolarTap.Protocols.Net;
using SolarTap.Protocols.Pcap;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.SolarEdge;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Capture;

/// <summary>
/// The passive source of bridge mode (ARCHITECTURE §3, spec §5.4): captures the SolarEdge ports on an interface
/// (a packet socket with a BPF filter), rebuilds both directions of every connection with the same
/// <see cref="TcpReassembler"/> as <c>solartap pcap</c>, decodes them as relay mode does (so encrypted inverters are
/// read with the keys in solaredge.keys_directory), and journals the posts. It never sends anything. An interface
/// that is missing, down or not permitted is reported and tried again every few seconds.
/// </summary>
internal sealed partial class CaptureService : IHostedService, IDisposable
{
    /// <summary>How long to wait before opening the interface again after a failure.</summary>
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>One receive waits at most this long, so time moves on for the reassembler on a quiet link.</summary>
    private static readonly TimeSpan ReceiveSlice = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the counters go to the status model while frames arrive.</summary>
    private static readonly TimeSpan CountersInterval = TimeSpan.FromSeconds(1);

    private const int FrameBufferBytes = (int)BpfFilters.DefaultSnapLength;
    private const string Source = SolarEdgeStatusReporter.CaptureSource;

    private readonly CaptureOptions _options;
    private readonly SolarEdgeOptions _solarEdge;
    private readonly SolarEdgeSessions _sessions;
    private readonly SolarEdgeJournalWriter _journal;
    private readonly SolarEdgeStatusReporter _reporter;
    private readonly IPacketSourceFactory _sources;
    private readonly TimeProvider _time;
    private readonly ILogger<CaptureService> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Channel<SolarEdgeConnectionBatch> _decoded = Channel.CreateUnbounded<SolarEdgeConnectionBatch>(new() { SingleReader = true, SingleWriter = true });
    private readonly Dictionary<TcpFlowKey, HashSet<SolarEdgeServerEventKind>> _warned = [];
    private readonly ushort[] _ports;
    private Task _capturing = Task.CompletedTask;
    private Task _writing = Task.CompletedTask;

    public CaptureService(
        CaptureOptions options, SolarEdgeOptions solarEdge, SolarEdgeSessions sessions, SolarEdgeJournalWriter journal, StatusModel status,
        IPacketSourceFactory sources, TimeProvider time, ILogger<CaptureService> logger, ILogger<SolarEdgeStatusReporter> reporterLogger)
    {
        _options = options;
        _solarEdge = solarEdge;
        _sessions = sessions;
        _journal = journal;
        _sources = sources;
        _time = time;
        _logger = logger;
        _reporter = new SolarEdgeStatusReporter(status, reporterLogger) { Source = Source };
        _ports = [.. options.Ports.Select(p => (ushort)p)];
    }

    private StatusModel Status => _reporter.Status;

    private string Interface => _options.Interface ?? "";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            Status.SetSource(Source, ComponentState.Stopped, "capture.interface is none");
            return Task.CompletedTask;
        }

        if (_solarEdge.Mode == SolarEdgeMode.Off)
        {
            _sessions.Load(); // otherwise the SolarEdge service has loaded them
        }

        Status.SetSource(Source, ComponentState.Waiting, $"opening {Interface}");
        _capturing = Task.Factory.StartNew(CaptureLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _writing = WriteLoopAsync();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _capturing.WaitAsync(cancellationToken).ConfigureAwait(false);
            await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the host's shutdown timeout ran out; the process ends anyway
        }

        _sessions.Save();
        Status.SetSource(Source, ComponentState.Stopped, "stopped");
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Opens the interface (again after failures) and captures until stopped; runs on its own thread.</summary>
    private void CaptureLoop()
    {
        CancellationToken stop = _stopping.Token;
        (SolarEdgePassiveTap tap, TcpReassembler reassembler) = NewPipeline();
        var filter = new CaptureFilter { Ports = _ports };
        BpfInstruction[] program = BpfFilters.TcpPorts(_ports);
        string? lastFailure = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                IPacketSource source;
                try
                {
                    source = _sources.Open(Interface, program);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
                {
                    Failed(e.Message, ref lastFailure);
                    stop.WaitHandle.WaitOne(RetryDelay);
                    continue;
                }

                using (source)
                {
                    lastFailure = null;
                    string ports = string.Join(", ", _ports);
                    Status.SetSource(Source, ComponentState.Running, $"capturing on {Interface}, TCP ports {ports}");
                    LogCapturing(_logger, Interface, ports);
                    try
                    {
                        Receive(source, reassembler, tap, filter, stop);
                    }
                    catch (IOException e)
                    {
                        Failed(e.Message, ref lastFailure);
                        stop.WaitHandle.WaitOne(RetryDelay);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // A bug must not end the capture silently: show it, log it, start again with a fresh pipeline.
                        LogCrashed(_logger, e);
                        Failed($"capture stopped by an internal error: {e.Message}", ref lastFailure);
                        (tap, reassembler) = NewPipeline();
                        stop.WaitHandle.WaitOne(RetryDelay);
                    }
                }
            }
        }
        finally
        {
            _decoded.Writer.TryComplete();
        }
    }

    /// <summary>The reassembler and the tap it feeds, sharing the capture clock.</summary>
    private (SolarEdgePassiveTap Tap, TcpReassembler Reassembler) NewPipeline()
    {
        var tap = new SolarEdgePassiveTap(_sessions.Sessions, _ports);
        var reassembler = new TcpReassembler(tap);
        tap.CaptureTimeNanoseconds = () => reassembler.NowNanoseconds;
        return (tap, reassembler);
    }

    private void Receive(IPacketSource source, TcpReassembler reassembler, SolarEdgePassiveTap tap, CaptureFilter filter, CancellationToken stop)
    {
        byte[] frame = new byte[FrameBufferBytes];
        var counters = new CaptureCounters();
        long lastCounters = _time.GetTimestamp();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int length = source.Receive(frame, ReceiveSlice, out int originalLength);
                long now = (_time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
                if (length == 0)
                {
                    reassembler.AdvanceTime(now); // gaps and idle flows expire on a quiet link too
                }
                else
                {
                    counters.Frames++;
                    counters.Bytes += originalLength;
                    Process(frame.AsSpan(0, length), originalLength, now, reassembler, filter, counters);
                }

                foreach (SolarEdgeConnectionBatch batch in tap.TakeBatches())
                {
                    _decoded.Writer.TryWrite(batch);
                }

                if (!counters.IsEmpty && (length == 0 || _time.GetElapsedTime(lastCounters) >= CountersInterval))
                {
                    Report(counters, reassembler);
                    lastCounters = _time.GetTimestamp();
                }
            }
        }
        finally
        {
            if (!counters.IsEmpty)
            {
                Report(counters, reassembler); // also when the interface failed: what came before it counts
            }
        }
    }

    private static void Process(ReadOnlySpan<byte> frame, int originalLength, long now, TcpReassembler reassembler, CaptureFilter filter, CaptureCounters counters)
    {
        if (originalLength > frame.Length)
        {
            counters.Truncated++;
        }

        switch (PacketDissector.TryDissectTcp(frame, LinkType.Ethernet, out TcpPacket tcp))
        {
            case DissectStatus.Tcp:
                break;
            case DissectStatus.Malformed or DissectStatus.Truncated:
                counters.DecodeErrors++;
                return;
            default:
                counters.NotTcp++;
                return;
        }

        if (!filter.Matches(tcp))
        {
            counters.NotTcp++; // the kernel filter should have dropped it
            return;
        }

        counters.Segments++;
        reassembler.Process(tcp, tcp.PayloadOf(frame), now);
    }

    private void Report(CaptureCounters counters, TcpReassembler reassembler)
    {
        _reporter.Count("frames", counters.Frames);
        _reporter.Count("bytes", counters.Bytes);
        _reporter.Count("segments", counters.Segments);
        _reporter.Count("decode_errors", counters.DecodeErrors);
        if (counters.Truncated > 0)
        {
            _reporter.Count("truncated_frames", counters.Truncated);
        }

        if (counters.NotTcp > 0)
        {
            _reporter.Count("other_frames", counters.NotTcp);
        }

        Status.SetSource(Source, ComponentState.Running, string.Create(CultureInfo.InvariantCulture,
            $"capturing on {Interface}, TCP ports {string.Join(", ", _ports)}; {reassembler.OpenFlows} open flows"));
        counters.Clear();
    }

    private void Failed(string message, ref string? lastFailure)
    {
        Status.SetSource(Source, ComponentState.Failed, $"{message} (trying again every {RetryDelay.TotalSeconds:0} s)");
        if (message != lastFailure)
        {
            LogFailed(_logger, Interface, message);
            lastFailure = message;
        }
    }

    /// <summary>Journals what the capture thread decoded and reports it, in order.</summary>
    private async Task WriteLoopAsync()
    {
        await Task.Yield();
        ChannelReader<SolarEdgeConnectionBatch> reader = _decoded.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out SolarEdgeConnectionBatch? item))
            {
                try
                {
                    await HandleAsync(item).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // One bad batch must not stop the journaling of the next ones.
                    _reporter.Count("journal_errors");
                    LogJournalFailed(_logger, e.Message);
                }
            }
        }
    }

    private async Task HandleAsync(SolarEdgeConnectionBatch item)
    {
        IPAddress inverter = item.Connection.Source.ToIPAddress();
        if (!_warned.TryGetValue(item.Connection, out HashSet<SolarEdgeServerEventKind>? warned))
        {
            if (_warned.Count >= 1024)
            {
                _warned.Clear();
            }

            _warned[item.Connection] = warned = [];
        }

        foreach (SolarEdgeServerEvent e in item.Batch.Events)
        {
            if (e.Kind is SolarEdgeServerEventKind.UndecodableData or SolarEdgeServerEventKind.WrapperUndecryptable or SolarEdgeServerEventKind.WrapperWithoutSession)
            {
                _reporter.Count("decode_errors");
            }

            _reporter.Report(e, inverter, warned);
            if (e.Kind == SolarEdgeServerEventKind.SessionStarted)
            {
                _sessions.Save(); // spec §4.6: a restart keeps decrypting
            }
        }

        foreach (SolarEdgePost post in item.Batch.Posts)
        {
            if (post.IsEmpty)
            {
                _reporter.Count("empty_posts");
                continue;
            }

            try
            {
                // Not cancelled by stopping: what was decoded is journaled before the service ends.
                int stored = await _journal.AppendPostAsync(post, CancellationToken.None).ConfigureAwait(false);
                _reporter.Posted(post, stored, inverter);
            }
            catch (IOException e)
            {
                _reporter.Count("journal_errors"); // the real server has it; this copy is lost
                LogJournalFailed(_logger, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Capture: capturing on {Interface}, TCP ports {Ports}")]
    private static partial void LogCapturing(ILogger logger, string @interface, string ports);

    [LoggerMessage(Level = LogLevel.Error, Message = "Capture: cannot capture on {Interface}: {Error}")]
    private static partial void LogFailed(ILogger logger, string @interface, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Capture: internal error; starting again")]
    private static partial void LogCrashed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Capture: a decoded post could not be journaled: {Error}")]
    private static partial void LogJournalFailed(ILogger logger, string error);
}
