using System.Text.Json;
using System.Text.Json.Serialization;

namespace OolSpecs.Harness.Words;

/// <summary>Reads and writes the enums that carry <see cref="ProbeWordAttribute"/> as the probe's words.</summary>
public sealed class ProbeWordJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => ProbeWords.HasWords(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WordConverter<>).MakeGenericType(typeToConvert))!;

    sealed class WordConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var word = reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw new JsonException($"expected a {typeof(T).Name} word, found {reader.TokenType}");
            return ProbeWords.TryParse<T>(word, out var value)
                ? value
                : throw new JsonException($"'{word}' is not a {typeof(T).Name} word; known: {string.Join(", ", ProbeWords.Known(typeof(T)))}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ProbeWords.Of(value));
    }
}
