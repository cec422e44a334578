namespace SolarTap.Protocols.SolarEdge.Commands;

/// <summary>One command of a semonitor <c>-c</c> option: a function code and its packed payload (spec §6.3).</summary>
/// <param name="Function">The function to send.</param>
/// <param name="Payload">The parameters packed little-endian, in the order given.</param>
/// <param name="Text">The command as written, for messages.</param>
public sealed record SemonitorCommand(FunctionCode Function, ReadOnlyMemory<byte> Payload, string Text);
