using System.Collections.Concurrent;
using System.Reflection;

namespace OolSpecs.Harness.Words;

/// <summary>
/// The one place where the harness's enums meet the probe's words: every option the harness
/// passes and every word it reads back goes through here, so a word is spelled once, on its
/// enum member (<see cref="ProbeWordAttribute"/>).
/// </summary>
public static class ProbeWords
{
    static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, Enum>> WordsOf = new();

    /// <summary>The probe's word for <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        Table(typeof(T)).FirstOrDefault(pair => pair.Value.Equals(value)).Key
        ?? throw new ArgumentException($"{typeof(T).Name}.{value} has no probe word: the probe neither takes nor prints it.", nameof(value));

    public static bool TryParse<T>(string word, out T value) where T : struct, Enum
    {
        var found = Table(typeof(T)).TryGetValue(word, out var member);
        value = found ? (T)member! : default;
        return found;
    }

    /// <summary>The words of an enum type, in declaration order.</summary>
    public static IReadOnlyList<string> Known(Type enumType) => [.. Table(enumType).Keys];

    /// <summary>True for the enums whose members carry probe words.</summary>
    public static bool HasWords(Type type) => type.IsEnum && Table(type).Count > 0;

    static IReadOnlyDictionary<string, Enum> Table(Type enumType) =>
        WordsOf.GetOrAdd(enumType, type => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (Word: field.GetCustomAttribute<ProbeWordAttribute>()?.Word, Value: (Enum)field.GetValue(null)!))
            .Where(pair => pair.Word is not null)
            .ToDictionary(pair => pair.Word!, pair => pair.Value));
}
