using System.Net.Sockets;
using System.Text;

namespace SolarTap.Supervisor.Net;

/// <summary>Socket options that tie a socket to one network interface (Linux).</summary>
public static class InterfaceSockets
{
    private const int SolSocket = 1; // <asm-generic/socket.h> SOL_SOCKET
    private const int SoBindToDevice = 25; // <asm-generic/socket.h> SO_BINDTODEVICE

    /// <summary>
    /// SO_BINDTODEVICE (socket(7)): the socket receives only packets that arrived on <paramref name="interfaceName"/>
    /// and sends only through it, broadcasts included. Needs CAP_NET_RAW (root).
    /// </summary>
    /// <exception cref="SocketException">The kernel refused, e.g. <see cref="SocketError.AccessDenied"/> without CAP_NET_RAW.</exception>
    public static void BindToDevice(Socket socket, string interfaceName)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        byte[] name = new byte[Encoding.ASCII.GetByteCount(interfaceName) + 1]; // NUL-terminated, at most IFNAMSIZ
        Encoding.ASCII.GetBytes(interfaceName, name);
        socket.SetRawSocketOption(SolSocket, SoBindToDevice, name);
    }

    /// <summary>Whether a socket error means the process lacks the privilege (not root, no capability).</summary>
    public static bool IsPermissionProblem(SocketException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.SocketErrorCode is SocketError.AccessDenied || error.ErrorCode is 1 or 13; // EPERM, EACCES
    }
}
