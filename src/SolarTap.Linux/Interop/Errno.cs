using System.Runtime.InteropServices;

namespace SolarTap.Linux.Interop;

/// <summary>
/// The one errno checker (ARCHITECTURE §4.5): turns a failed libc call into an exception whose message names the
/// operation, the device and the system's own words for the error, and says what to do where that is clear.
/// </summary>
internal static class Errno
{
    /// <summary>The errno of the last libc call made through <see cref="LibC"/>.</summary>
    public static int Last => Marshal.GetLastPInvokeError();

    /// <summary>Throws for <paramref name="result"/> -1, returns it otherwise.</summary>
    public static int Check(int result, string operation, string device) =>
        result == -1 ? throw Exception(Last, operation, device) : result;

    /// <summary>Throws for <paramref name="result"/> -1, returns it otherwise.</summary>
    public static nint Check(nint result, string operation, string device) =>
        result == -1 ? throw Exception(Last, operation, device) : result;

    /// <summary>The exception for <paramref name="errno"/>: missing and not-permitted devices get their own types,
    /// so callers and the CLI can tell them apart.</summary>
    public static Exception Exception(int errno, string operation, string device)
    {
        string reason = Marshal.GetPInvokeErrorMessage(errno);
        string message = $"{operation} {device}: {reason} (errno {errno}).";
        return errno switch
        {
            LibC.ENOENT or LibC.ENODEV or LibC.ENXIO => new FileNotFoundException(
                message + " Check that the device is connected and that the path in solartap.yaml is right.", device),
            LibC.EACCES or LibC.EPERM => new UnauthorizedAccessException(
                message + " Run as a user in the device's group (dialout, gpio or i2c) or as root."),
            LibC.EBUSY => new IOException(message + " Another program has it open; stop that program first.", errno),
            _ => new IOException(message, errno),
        };
    }
}
