using System.Diagnostics;
using SolarTap.Devices.Serial;
using SolarTap.Linux.Serial;

namespace SolarTap.Linux.Tests.Serial;

/// <summary>The termios port against real kernel pseudo-terminals.</summary>
public sealed class LinuxSerialPortTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(9600, 1, "9600", "-cstopb")]
    [InlineData(115200, 1, "115200", "-cstopb")]
    [InlineData(19200, 2, "19200", "cstopb")]
    [InlineData(57600, 2, "57600", "cstopb")]
    [InlineData(921600, 1, "921600", "-cstopb")]
    public void Open_SpeedAndStopBits_AreAppliedAsSttySeesThem(int baud, int stopBits, string speed, string cstopb)
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        var settings = new SerialSettings(baud, SerialParity.None, stopBits);
        using LinuxSerialPort port = LinuxSerialPort.Open(pty.DevicePath, settings);

        Assert.Equal(settings, port.ReadBackSettings());
        string stty = Stty(pty.DevicePath);
        Assert.Contains($"speed {speed} baud", stty, StringComparison.Ordinal);
        string[] flags = stty.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("-parenb", flags);
        Assert.Contains(cstopb, flags);
        Assert.Contains("cs8", flags);
        Assert.Contains("-icanon", flags);
        Assert.Contains("-echo", flags);
        Assert.Contains("-opost", flags);
        Assert.Contains("-crtscts", flags);
        Assert.Contains("-ixon", flags);
        Assert.Contains("min = 0;", stty, StringComparison.Ordinal);
        Assert.Contains("time = 0;", stty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SerialParity.Even)]
    [InlineData(SerialParity.Odd)]
    public void Open_ParityOnAPty_IsRefusedNamingWhatTheDriverKept(SerialParity parity)
    {
        // The kernel's pty driver forces CS8 without PARENB, so it cannot carry parity: the read-back check must see that
        // instead of pretending 8E1 is in force (on a UART the same settings are kept; see Apply_* for the flags).
        using PseudoTerminal pty = PseudoTerminal.Open();
        var settings = new SerialSettings(9600, parity);

        IOException refused = Assert.Throws<IOException>(() => LinuxSerialPort.Open(pty.DevicePath, settings));

        Assert.Contains($"did not accept {settings}: the driver set 9600 8N1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadWrite_All256ByteValues_PassUnchangedBothWays()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        using LinuxSerialPort port = LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200));
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        pty.Write(all);
        Assert.Equal(all, ReadExactly(port, all.Length));

        port.Write(all);
        port.Drain();
        Assert.Equal(all, ReadExactly(pty, all.Length));
    }

    [Fact]
    public void Read_NothingArrives_ReturnsZeroAfterTheTimeout()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        using LinuxSerialPort port = LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200));
        var buffer = new byte[16];

        var clock = Stopwatch.StartNew();
        int count = port.Read(buffer, TimeSpan.FromMilliseconds(150));

        Assert.Equal(0, count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(140), $"returned after {clock.Elapsed}");
    }

    [Fact]
    public void Open_SecondOpenOfTheSameDevice_FailsAsBusy()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        using LinuxSerialPort first = LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200));

        IOException busy = Assert.Throws<IOException>(() => LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200)));

        Assert.Contains(pty.DevicePath, busy.Message, StringComparison.Ordinal);
        Assert.Contains("Another program has it open", busy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AfterTheFirstPortIsDisposed_Succeeds()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200)).Dispose();

        using LinuxSerialPort again = LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200));
        Assert.Equal(pty.DevicePath, again.Name);
    }

    [Fact]
    public void Open_MissingDevice_ThrowsFileNotFound()
    {
        FileNotFoundException missing = Assert.Throws<FileNotFoundException>(
            () => LinuxSerialPort.Open("/dev/ttySolarTapMissing", new SerialSettings(115200)));
        Assert.Contains("/dev/ttySolarTapMissing", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotATerminal_SaysItIsNotASerialPort()
    {
        IOException notTty = Assert.Throws<IOException>(() => LinuxSerialPort.Open("/dev/null", new SerialSettings(115200)));
        Assert.Contains("not a serial port", notTty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NonStandardRate_IsRefusedBeforeOpening()
    {
        Assert.Throws<ArgumentException>(() => LinuxSerialPort.Open("/dev/null", new SerialSettings(12345)));
    }

    [Fact]
    public async Task Dispose_WhileAnotherThreadReads_EndsTheReadPromptly()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        LinuxSerialPort port = LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200));
        using var started = new ManualResetEventSlim();
        var reader = Task.Run(() =>
        {
            started.Set();
            return port.Read(new byte[8], TimeSpan.FromSeconds(30));
        });
        started.Wait(Wait);
        Thread.Sleep(50);

        port.Dispose();

        int count = await reader.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, count);
        Assert.Throws<ObjectDisposedException>(() => port.Read(new byte[8], TimeSpan.Zero));
    }

    [Fact]
    public void Open_Rs485OnADriverWithoutIt_FallsBackToTheGpioLineAroundEachWrite()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        var pin = new RecordingOutput();
        using LinuxSerialPort port = LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200),
            new LinuxSerialPortOptions { Rs485 = true, DriverEnable = pin });

        port.Write([0x12, 0x34]);

        Assert.Equal(SerialDirectionControl.Gpio, port.DirectionControl); // a pty answers TIOCSRS485 with ENOTTY
        Assert.Equal([false, true, false], pin.Levels);
        Assert.Equal([0x12, 0x34], ReadExactly(pty, 2));
    }

    [Fact]
    public void Open_Rs485WithoutDriverSupportOrGpio_TrustsTheAdapter()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        using LinuxSerialPort port = LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200), new LinuxSerialPortOptions { Rs485 = true });
        Assert.Equal(SerialDirectionControl.None, port.DirectionControl);
    }

    [Fact]
    public void DiscardInput_BytesWaiting_AreThrownAway()
    {
        using PseudoTerminal pty = PseudoTerminal.Open();
        using LinuxSerialPort port = LinuxSerialPort.Open(pty.DevicePath, new SerialSettings(115200));
        pty.Write([1, 2, 3]);
        Thread.Sleep(50);

        port.DiscardInput();

        Assert.Equal(0, port.Read(new byte[8], TimeSpan.FromMilliseconds(20)));
    }

    private static byte[] ReadExactly(ISerialPort port, int count)
    {
        var result = new byte[count];
        int have = 0;
        long deadline = Environment.TickCount64 + (long)Wait.TotalMilliseconds;
        while (have < count && Environment.TickCount64 < deadline)
        {
            have += port.Read(result.AsSpan(have), TimeSpan.FromMilliseconds(200));
        }

        Assert.Equal(count, have);
        return result;
    }

    private static string Stty(string device)
    {
        var info = new ProcessStartInfo("stty", ["-F", device, "-a"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process stty = Process.Start(info)!;
        string output = stty.StandardOutput.ReadToEnd();
        stty.WaitForExit();
        Assert.True(stty.ExitCode == 0, stty.StandardError.ReadToEnd());
        return output;
    }
}
