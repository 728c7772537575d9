using System.Reflection;
using System.Reflection.Emit;

namespace OolSpecs.Harness.SourceWatch;

/// <summary>
/// Which entry methods of an assembly (its specs) read which static fields of a type (its claims),
/// directly or through any method of the same assembly they call, lambdas and iterators included:
/// found in the compiled IL, so no hand-kept map can drift from what the specs assert.
/// </summary>
public static class StaticFieldReaders
{
    static readonly Dictionary<short, OpCode> OpCodesByValue =
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

    /// <summary>For every field of <paramref name="fieldType"/> read, the entry methods that reach it.</summary>
    public static ILookup<FieldInfo, MethodInfo> Find(Assembly assembly, Type fieldType, Func<MethodInfo, bool> isEntry)
    {
        var entries = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(isEntry);
        return entries
            .SelectMany(entry => FieldsReached(assembly, entry, fieldType).Select(field => (field, entry)))
            .ToLookup(p => p.field, p => p.entry);
    }

    static IEnumerable<FieldInfo> FieldsReached(Assembly assembly, MethodBase entry, Type fieldType)
    {
        var seen = new HashSet<MethodBase> { entry };
        var pending = new Stack<MethodBase>([entry]);
        var fields = new HashSet<FieldInfo>();
        while (pending.TryPop(out var method))
        {
            foreach (var member in References(method))
            {
                if (member is FieldInfo { IsStatic: true } field && field.FieldType == fieldType)
                {
                    fields.Add(field);
                }
                else if (member is MethodBase callee && callee.Module.Assembly == assembly)
                {
                    // A lambda's or an iterator's code lives in a compiler-made type: all of it is reached.
                    var reached = callee.DeclaringType is { } type && type.Name.StartsWith('<')
                        ? type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>().Append(callee)
                        : [callee];
                    foreach (var next in reached.Where(seen.Add))
                    {
                        pending.Push(next);
                    }
                }
            }
        }

        return fields;
    }

    /// <summary>The fields and methods a method's IL names.</summary>
    static IEnumerable<MemberInfo> References(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            var operand = i;
            i += OperandSize(opCode.OperandType, il, i);
            if (opCode.OperandType is OperandType.InlineField or OperandType.InlineMethod &&
                Resolve(method.Module, BitConverter.ToInt32(il, operand), typeArguments, methodArguments) is { } member)
            {
                yield return member;
            }
        }
    }

    static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
