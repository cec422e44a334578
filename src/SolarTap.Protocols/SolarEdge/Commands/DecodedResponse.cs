namespace SolarTap.Protocols.SolarEdge.Commands;

/// <summary>A readable decode of one answer (spec §2.2, §6.3).</summary>
/// <param name="Function">The answer's function code.</param>
/// <param name="Kind">What it was recognised as.</param>
/// <param name="Fields">The values, for the command-mode JSON <c>data</c> object.</param>
/// <param name="Summary">One line for a person, e.g. "CPU version 0003.1818".</param>
/// <param name="Error">Why a recognised answer could not be decoded (<see cref="ResponseKind.Malformed"/>), else null.</param>
public sealed record DecodedResponse(FunctionCode Function, ResponseKind Kind, IReadOnlyList<ResponseField> Fields, string Summary, string? Error = null);
