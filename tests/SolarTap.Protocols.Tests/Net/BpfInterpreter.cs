using System.Buffers.Binary;
using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Tests.Net;

/// <summary>
/// A classic BPF interpreter with the kernel's semantics for the instructions a socket filter may use here: loads out
/// of the packet drop it (return 0), jumps are relative to the next instruction, falling off the end is an error.
/// Written from the instruction set (linux/filter.h, Documentation/networking/filter.rst), to check programs without a socket.
/// </summary>
internal static class BpfInterpreter
{
    /// <summary>Runs <paramref name="program"/> over <paramref name="packet"/>; returns how many bytes it keeps (0 drops).</summary>
    public static uint Run(IReadOnlyList<BpfInstruction> program, ReadOnlySpan<byte> packet)
    {
        uint a = 0, x = 0;
        for (int pc = 0; pc < program.Count; pc++)
        {
            BpfInstruction i = program[pc];
            switch (i.Code)
            {
                case BpfInstruction.LoadWordAbsolute:
                    if (!TryLoad(packet, i.K, 4, out a))
                    {
                        return 0;
                    }

                    break;
                case BpfInstruction.LoadHalfAbsolute:
                    if (!TryLoad(packet, i.K, 2, out a))
                    {
                        return 0;
                    }

                    break;
                case BpfInstruction.LoadByteAbsolute:
                    if (!TryLoad(packet, i.K, 1, out a))
                    {
                        return 0;
                    }

                    break;
                case BpfInstruction.LoadHalfIndirect:
                    if (!TryLoad(packet, x + i.K, 2, out a))
                    {
                        return 0;
                    }

                    break;
                case BpfInstruction.LoadIPv4HeaderLength:
                    if (!TryLoad(packet, i.K, 1, out uint b))
                    {
                        return 0;
                    }

                    x = 4 * (b & 0xF);
                    break;
                case BpfInstruction.JumpIfEqual:
                    pc += a == i.K ? i.JumpTrue : i.JumpFalse;
                    break;
                case BpfInstruction.JumpIfAnySet:
                    pc += (a & i.K) != 0 ? i.JumpTrue : i.JumpFalse;
                    break;
                case BpfInstruction.Return:
                    return i.K;
                default:
                    throw new InvalidOperationException($"Instruction {pc} ({i}) is not one this interpreter knows.");
            }
        }

        throw new InvalidOperationException("The program ran off its end without a return (the kernel rejects such programs).");
    }

    private static bool TryLoad(ReadOnlySpan<byte> packet, uint offset, int size, out uint value)
    {
        value = 0;
        if (offset > int.MaxValue || offset + (uint)size > (uint)packet.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> at = packet.Slice((int)offset, size);
        value = size switch
        {
            4 => BinaryPrimitives.ReadUInt32BigEndian(at),
            2 => BinaryPrimitives.ReadUInt16BigEndian(at),
            _ => at[0],
        };
        return true;
    }
}
