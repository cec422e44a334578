using System.Runtime.InteropServices;

namespace SolarTap.Linux.Interop;

// <linux/serial.h> (struct serial_rs485, SER_RS485_*) and <sys/file.h> (flock).
// C names are kept (ARCHITECTURE §4.5).
#pragma warning disable CA1707, IDE1006, CS8981 // C names

internal static unsafe partial class LibC
{
    /// <summary>serial_rs485.flags bits.</summary>
    internal const uint SER_RS485_ENABLED = 1u << 0, SER_RS485_RTS_ON_SEND = 1u << 1, SER_RS485_RTS_AFTER_SEND = 1u << 2,
        SER_RS485_RX_DURING_TX = 1u << 4, SER_RS485_TERMINATE_BUS = 1u << 5;

    /// <summary>flock(2) operations.</summary>
    internal const int LOCK_EX = 2, LOCK_NB = 4, LOCK_UN = 8;

    /// <summary>
    /// struct serial_rs485 (32 bytes): flags, the RTS delays in milliseconds, then a union of padding and the
    /// addressing fields of newer kernels (addr_recv, addr_dest), which SolarTap leaves zero.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct serial_rs485
    {
        public uint flags;
        public uint delay_rts_before_send;
        public uint delay_rts_after_send;
        public fixed uint padding[5];
    }

    [LibraryImport(Library, EntryPoint = "flock", SetLastError = true)]
    internal static partial int flock(FileDescriptorHandle fd, int operation);
}
