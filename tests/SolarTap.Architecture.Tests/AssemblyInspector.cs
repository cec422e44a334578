using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SolarTap.Architecture.Tests;

/// <summary>What a compiled assembly refers to, read from its metadata without loading it.</summary>
internal sealed class AssemblyInspector
{
    private AssemblyInspector(string name, IReadOnlyList<string> references, IReadOnlySet<string> members,
        IReadOnlySet<string> types, bool hasPInvoke, bool hasUnsafeCode)
    {
        Name = name;
        References = references;
        MemberReferences = members;
        TypeReferences = types;
        HasPInvoke = hasPInvoke;
        HasUnsafeCode = hasUnsafeCode;
    }

    public string Name { get; }

    /// <summary>Names of the referenced assemblies.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>"Namespace.Type::Member" for every member the assembly calls or reads from another assembly.</summary>
    public IReadOnlySet<string> MemberReferences { get; }

    /// <summary>"Namespace.Type" for every type it refers to in another assembly.</summary>
    public IReadOnlySet<string> TypeReferences { get; }

    /// <summary>True when any method is a P/Invoke (DllImport, or LibraryImport's generated stub).</summary>
    public bool HasPInvoke { get; }

    /// <summary>True when the assembly was compiled with unsafe code allowed and uses it.</summary>
    public bool HasUnsafeCode { get; }

    public static AssemblyInspector Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();

        var references = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (TypeReferenceHandle h in md.TypeReferences)
        {
            types.Add(TypeName(md, h));
        }

        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (MemberReferenceHandle h in md.MemberReferences)
        {
            MemberReference member = md.GetMemberReference(h);
            if (member.Parent.Kind == HandleKind.TypeReference)
            {
                members.Add($"{TypeName(md, (TypeReferenceHandle)member.Parent)}::{md.GetString(member.Name)}");
            }
        }

        bool pinvoke = md.MethodDefinitions.Any(h => (md.GetMethodDefinition(h).Attributes & System.Reflection.MethodAttributes.PinvokeImpl) != 0);
        bool unsafeCode = md.GetModuleDefinition().GetCustomAttributes().Concat(md.GetAssemblyDefinition().GetCustomAttributes())
            .Any(a => AttributeTypeName(md, md.GetCustomAttribute(a)) == "System.Security.UnverifiableCodeAttribute");
        return new AssemblyInspector(md.GetString(md.GetAssemblyDefinition().Name), references, members, types, pinvoke, unsafeCode);
    }

    private static string TypeName(MetadataReader md, TypeReferenceHandle handle)
    {
        TypeReference type = md.GetTypeReference(handle);
        string name = md.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return $"{TypeName(md, (TypeReferenceHandle)type.ResolutionScope)}+{name}";
        }

        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : $"{ns}.{name}";
    }

    private static string AttributeTypeName(MetadataReader md, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference)
        {
            return "";
        }

        EntityHandle parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        return parent.Kind == HandleKind.TypeReference ? TypeName(md, (TypeReferenceHandle)parent) : "";
    }
}
