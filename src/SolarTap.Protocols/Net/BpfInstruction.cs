namespace SolarTap.Protocols.Net;

/// <summary>
/// One classic BPF instruction, as the kernel's <c>struct sock_filter</c> holds it (&lt;linux/filter.h&gt;): an opcode
/// made of class, size, mode and source bits (&lt;linux/bpf_common.h&gt;), two relative jump offsets and a constant.
/// </summary>
/// <param name="Code">The opcode, e.g. <see cref="LoadHalfAbsolute"/>.</param>
/// <param name="JumpTrue">Instructions to skip when a conditional jump holds.</param>
/// <param name="JumpFalse">Instructions to skip when it does not.</param>
/// <param name="K">The constant operand (offset, value or return length).</param>
public readonly record struct BpfInstruction(ushort Code, byte JumpTrue, byte JumpFalse, uint K)
{
    // <linux/bpf_common.h>: class (3 bits) | size (2 bits) | mode (3 bits); jumps: class | operation | source.
    private const ushort ClassLd = 0x00, ClassLdx = 0x01, ClassJmp = 0x05, ClassRet = 0x06;
    private const ushort SizeWord = 0x00, SizeHalf = 0x08, SizeByte = 0x10;
    private const ushort ModeAbs = 0x20, ModeInd = 0x40, ModeMsh = 0xA0;
    private const ushort JumpEq = 0x10, JumpSet = 0x40, SourceK = 0x00;

    /// <summary><c>ld [k]</c>: A = 32-bit big-endian word at offset k.</summary>
    public const ushort LoadWordAbsolute = ClassLd | SizeWord | ModeAbs;

    /// <summary><c>ldh [k]</c>: A = 16-bit big-endian half word at offset k.</summary>
    public const ushort LoadHalfAbsolute = ClassLd | SizeHalf | ModeAbs;

    /// <summary><c>ldb [k]</c>: A = byte at offset k.</summary>
    public const ushort LoadByteAbsolute = ClassLd | SizeByte | ModeAbs;

    /// <summary><c>ldh [x + k]</c>: A = 16-bit big-endian half word at offset X + k.</summary>
    public const ushort LoadHalfIndirect = ClassLd | SizeHalf | ModeInd;

    /// <summary><c>ldxb 4 * ([k] &amp; 0xf)</c>: X = the IPv4 header length of the header at offset k.</summary>
    public const ushort LoadIPv4HeaderLength = ClassLdx | SizeByte | ModeMsh;

    /// <summary><c>jeq #k, jt, jf</c>: jump by jt when A == k, else by jf.</summary>
    public const ushort JumpIfEqual = ClassJmp | JumpEq | SourceK;

    /// <summary><c>jset #k, jt, jf</c>: jump by jt when A &amp; k is not zero, else by jf.</summary>
    public const ushort JumpIfAnySet = ClassJmp | JumpSet | SourceK;

    /// <summary><c>ret #k</c>: accept the first k bytes of the packet (0 drops it).</summary>
    public const ushort Return = ClassRet | SourceK;

    /// <summary><c>ld [12]</c> style text, for logs and test failures.</summary>
    public override string ToString() => $"{{ 0x{Code:x2}, {JumpTrue}, {JumpFalse}, 0x{K:x8} }}";
}
