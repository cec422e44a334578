using System.IO.Pipelines;

namespace SolarTap.Cli;

/// <summary>Opens the files a command reads, turning the usual failures into one plain sentence.</summary>
internal static class InputFile
{
    /// <summary>"-" means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>Opens <paramref name="path"/> for reading (or stdin for "-").</summary>
    public static Stream Open(string path)
    {
        if (path == StandardInput)
        {
            return Console.OpenStandardInput();
        }

        try
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.ReadWrite | FileShare.Delete,
                BufferSize = 0,
                Options = FileOptions.SequentialScan,
            });
        }
        catch (FileNotFoundException)
        {
            throw new UserError($"{path}: no such file.");
        }
        catch (DirectoryNotFoundException)
        {
            throw new UserError($"{path}: no such file or directory.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserError($"{path}: permission denied.");
        }
        catch (IOException e)
        {
            throw new UserError($"{path}: cannot be read ({e.Message}).", e);
        }
    }

    /// <summary>
    /// A pipe that fills from <paramref name="stream"/>. With <paramref name="follow"/>, reaching the end waits for
    /// the file to grow (like <c>tail -f</c>) until <paramref name="cancel"/> fires; otherwise the pipe completes.
    /// </summary>
    public static PipeReader Pump(Stream stream, bool follow, CancellationToken cancel)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4 << 20, resumeWriterThreshold: 2 << 20, useSynchronizationContext: false));
        _ = Task.Run(() => FillAsync(stream, pipe.Writer, follow, cancel), CancellationToken.None);
        return pipe.Reader;
    }

    private static async Task FillAsync(Stream stream, PipeWriter writer, bool follow, CancellationToken cancel)
    {
        Exception? failure = null;
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                Memory<byte> memory = writer.GetMemory(256 * 1024);
                int read = await stream.ReadAsync(memory, cancel).ConfigureAwait(false);
                if (read == 0)
                {
                    if (!follow)
                    {
                        break;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(250), cancel).ConfigureAwait(false);
                    if (stream.CanSeek && stream.Length < stream.Position)
                    {
                        // The file was truncated (rotated in place): start again from its beginning.
                        stream.Position = 0;
                    }

                    continue;
                }

                writer.Advance(read);
                FlushResult flushed = await writer.FlushAsync(cancel).ConfigureAwait(false);
                if (flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C while following: end the input normally so what was read is still reported.
        }
        catch (IOException e)
        {
            failure = e;
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        await writer.CompleteAsync(failure).ConfigureAwait(false);
    }
}
