using System.Text.Json;
using System.Text.Json.Serialization;
using OolSpecs.Harness.Words;

namespace OolSpecs.Harness.Probe;

/// <summary>Reads the probe's JSON (snake_case keys) into typed records; every key the records name must be present.</summary>
public static class ProbeJson
{
    static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        Converters = { new ProbeWordJsonConverter() },
    };

    public static T Parse<T>(string json, string command)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new ProbeException($"`{command}` printed null instead of an observation.");
        }
        catch (JsonException e)
        {
            var head = json.Length > 400 ? json[..400] + "…" : json;
            throw new ProbeException(
                $"`{command}` printed JSON the harness cannot read ({e.Message}); the probe and the harness are out of step: rebuild with `dotnet build`.\nOutput began: {head}",
                e);
        }
    }
}
