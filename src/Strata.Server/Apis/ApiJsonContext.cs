using System.Text.Json.Serialization;

namespace Strata.Server.Apis;

[JsonSerializable(typeof(ErrorBody))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
public sealed partial class ApiJsonContext : JsonSerializerContext;
