namespace SolarTap.Cli.Tests;

/// <summary>The serial commands' user errors: one line on standard error and exit code 2, before any port traffic.</summary>
public class SerialCommandTests
{
    [Theory]
    [InlineData(new[] { "serial", "command", "--port", "/dev/solartap-missing", "--id", "7F104920", "0012,H0329" },
        "solartap: /dev/solartap-missing: no such serial port. Check that the adapter is plugged in; 'ls /dev/serial/by-id/' lists the ports this machine has.")]
    [InlineData(new[] { "serial", "command", "--port", "/dev/null", "--id", "7F104920", "0012,H0329" },
        "solartap: /dev/null: /dev/null is not a serial port (it is not a terminal device).")]
    [InlineData(new[] { "serial", "command", "--port", "/dev/null", "--id", "inverter", "0012,H0329" },
        "solartap: --id: expected the inverter ID in hexadecimal as printed on the inverter (e.g. 7F104920), found 'inverter'.")]
    [InlineData(new[] { "serial", "command", "--port", "/dev/null", "--id", "7F104920", "0012,Q1" },
        "solartap: COMMANDS: command 1 ('0012,Q1'), position 6: expected a parameter like H0329 (size letter B, H or L, or b, h, l for signed, then hex digits), found 'Q1'")]
    [InlineData(new[] { "serial", "sniff", "--port", "/dev/solartap-missing" },
        "solartap: /dev/solartap-missing: no such serial port. Check that the adapter is plugged in; 'ls /dev/serial/by-id/' lists the ports this machine has.")]
    [InlineData(new[] { "key", "read", "--port", "/dev/null", "--id", "7F104920", "--baud", "12345" },
        "solartap: 12345 is not a standard baud rate; use one of 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000.")]
    public async Task Run_BadPortOrArguments_OneLineOnStandardErrorAndExit2(string[] args, string expected)
    {
        ProcessResult result = await SolarTapProcess.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        Assert.Equal(expected + "\n", result.StandardError);
    }
}
