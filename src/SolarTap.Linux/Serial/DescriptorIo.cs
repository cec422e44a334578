using SolarTap.Linux.Interop;

namespace SolarTap.Linux.Serial;

/// <summary>
/// Reading with a timeout through poll(2) and writing everything to a non-blocking descriptor: shared by the serial
/// port and the pseudo-terminal's controlling side.
/// </summary>
internal static unsafe class DescriptorIo
{
    /// <summary>The longest single poll(2), so a port disposed by another thread ends a read within this time.</summary>
    private const int PollSliceMilliseconds = 100;

    /// <summary>Waits up to <paramref name="timeout"/> for bytes; 0 when none came or <paramref name="stopped"/> turned true.</summary>
    public static int Read(FileDescriptorHandle handle, string name, Span<byte> buffer, TimeSpan timeout, Func<bool> stopped)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        bool added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            long deadline = Environment.TickCount64 + (long)Math.Ceiling(Math.Max(0, timeout.TotalMilliseconds));
            while (true)
            {
                int count = ReadAvailable(handle, name, buffer);
                if (count > 0)
                {
                    return count;
                }

                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || stopped())
                {
                    return 0;
                }

                var poll = new LibC.pollfd { fd = handle.Number, events = LibC.POLLIN };
                int ready = LibC.poll(&poll, 1, (int)Math.Min(remaining, PollSliceMilliseconds));
                if (ready == -1 && Errno.Last != LibC.EINTR)
                {
                    throw Errno.Exception(Errno.Last, "poll", name);
                }

                if (ready > 0 && (poll.revents & LibC.POLLIN) == 0 && (poll.revents & (LibC.POLLERR | LibC.POLLHUP | LibC.POLLNVAL)) != 0)
                {
                    throw new IOException($"{name}: the device hung up or failed (poll revents 0x{poll.revents:X}); was it unplugged?");
                }
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Writes all of <paramref name="data"/>, waiting for room in the driver's buffer when it is full.</summary>
    public static void Write(FileDescriptorHandle handle, string name, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint written = LibC.write(handle, start + done, (nuint)(data.Length - done));
                if (written >= 0)
                {
                    done += (int)written;
                    continue;
                }

                int errno = Errno.Last;
                if (errno == LibC.EINTR)
                {
                    continue;
                }

                if (errno != LibC.EAGAIN)
                {
                    throw Errno.Exception(errno, "write", name);
                }

                var poll = new LibC.pollfd { fd = handle.Number, events = LibC.POLLOUT };
                if (LibC.poll(&poll, 1, 1000) == -1 && Errno.Last != LibC.EINTR)
                {
                    throw Errno.Exception(Errno.Last, "poll", name);
                }
            }
        }
    }

    private static int ReadAvailable(FileDescriptorHandle handle, string name, Span<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            while (true)
            {
                nint count = LibC.read(handle, start, (nuint)buffer.Length);
                if (count >= 0)
                {
                    return (int)count;
                }

                int errno = Errno.Last;
                if (errno == LibC.EAGAIN)
                {
                    return 0;
                }

                if (errno != LibC.EINTR)
                {
                    throw Errno.Exception(errno, "read", name);
                }
            }
        }
    }
}
