using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Strata.Tests;

/// <summary>
/// The official clients that cannot run here (Python <c>dune-client</c>, Go <c>duneapi-client-go</c>, Rust
/// <c>duners</c>), mirrored call by call against a real server: each request is sent as the client sends
/// it, and each answer is read as the client reads it: records with the client's required fields and
/// numeric types (a missing field, a float where an integer is declared, a null where none is allowed
/// fails), its date formats (Rust: chrono <c>%Y-%m-%dT%H:%M:%S.%fZ</c>; Go: RFC 3339 into time.Time)
/// and its consistency checks (Go's <c>HasError</c> methods). docs/clients.md lists every call.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed partial class OfficialClientTests(SharedServer shared)
{
    /// <summary>A run that cannot end before it is cancelled: the cancels below must find it running (a 300 M-row range,
    /// used before, could end first on a fast or lightly loaded machine and the cancel's success then failed).</summary>
    private const string Running = LifecycleTests.Endless;

    private StrataServer Server => shared.Server;

    // ---- Rust duners 0.0.7 (src/response.rs) ----------------------------------------------------------------

    /// <summary>duners' ExecutionStatus: five names; any other state (EXPIRED, COMPLETED_PARTIAL) fails to parse.</summary>
    private enum RustState
    {
        Complete,
        Executing,
        Pending,
        Cancelled,
        Failed,
    }

    private sealed class RustStateConverter : JsonConverter<RustState>
    {
        public override RustState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString() switch
        {
            "QUERY_STATE_COMPLETED" => RustState.Complete,
            "QUERY_STATE_EXECUTING" => RustState.Executing,
            "QUERY_STATE_PENDING" => RustState.Pending,
            "QUERY_STATE_CANCELLED" => RustState.Cancelled,
            "QUERY_STATE_FAILED" => RustState.Failed,
            var other => throw new JsonException($"Parse Error {other}"),
        };

        public override void Write(Utf8JsonWriter writer, RustState value, JsonSerializerOptions options) => throw new NotSupportedException();
    }

    /// <summary>duners' date_parse: chrono's <c>%Y-%m-%dT%H:%M:%S.%fZ</c>, a fraction of 1 to 9 digits and a Z, nothing else.</summary>
    private sealed partial class ChronoTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string text = reader.GetString()!;
            var m = ChronoFormat().Match(text);
            if (!m.Success)
            {
                throw new JsonException($"chrono %Y-%m-%dT%H:%M:%S.%fZ does not parse '{text}'");
            }
            return new DateTimeOffset(DateTime.ParseExact(m.Groups[1].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.Zero);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => throw new NotSupportedException();

        [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d{1,9}Z$")]
        private static partial Regex ChronoFormat();
    }

    private sealed record RustResultMetaData(
        string[] ColumnNames, ulong ResultSetBytes, uint TotalRowCount, uint DatapointCount, uint ExecutionTimeMillis,
        string[]? ColumnTypes = null, uint? RowCount = null, ulong? TotalResultSetBytes = null, uint? PendingTimeMillis = null);

    private sealed record RustGetStatusResponse(
        string ExecutionId, uint QueryId, RustState State, DateTimeOffset SubmittedAt,
        DateTimeOffset? ExpiresAt = null, DateTimeOffset? ExecutionStartedAt = null, DateTimeOffset? ExecutionEndedAt = null, DateTimeOffset? CancelledAt = null,
        uint? QueuePosition = null, RustResultMetaData? ResultMetadata = null);

    private sealed record RustExecutionResult(JsonElement[] Rows, RustResultMetaData Metadata);

    private sealed record RustGetResultResponse(
        string ExecutionId, uint QueryId, RustState State, DateTimeOffset SubmittedAt, RustExecutionResult Result,
        bool? IsExecutionFinished = null, DateTimeOffset? ExpiresAt = null, DateTimeOffset? ExecutionStartedAt = null,
        DateTimeOffset? ExecutionEndedAt = null, DateTimeOffset? CancelledAt = null);

    private sealed record RustExecutionResponse(string ExecutionId, RustState State);

    private sealed record RustCancellationResponse(bool Success);

    private sealed record RustDuneError(string Error);

    private static readonly JsonSerializerOptions Rust = Strict(new RustStateConverter(), new ChronoTimestampConverter());

    [Fact]
    public async Task Rust_duners_refresh_reads_execute_status_results_cancel_and_errors_into_its_structs()
    {
        long queryId = await CreateQueryAsync("select 1 as one, 'a' as letter, cast(2.5 as double) as x");
        // duners' _post sends {"query_parameters": {...}} to execute, and the same body to cancel.
        var executed = await ReadAsync<RustExecutionResponse>(Rust, Server.Alice.PostJsonAsync($"/api/v1/query/{queryId}/execute", """{"query_parameters":{}}"""));
        RustGetStatusResponse status;
        do
        {
            status = await ReadAsync<RustGetStatusResponse>(Rust, Server.Alice.GetJsonAsync($"/api/v1/execution/{executed.ExecutionId}/status"));
        }
        while (status.State is RustState.Pending or RustState.Executing && await Pause());
        Assert.Equal(RustState.Complete, status.State);
        Assert.Equal((uint)queryId, status.QueryId);
        Assert.NotNull(status.ResultMetadata);
        Assert.NotNull(status.ExecutionEndedAt);
        var results = await ReadAsync<RustGetResultResponse>(Rust, Server.Alice.GetJsonAsync($"/api/v1/execution/{executed.ExecutionId}/results"));
        Assert.Equal(1, results.Result.Rows[0].GetProperty("one").GetInt64());
        Assert.Equal(["one", "letter", "x"], results.Result.Metadata.ColumnNames);

        var cancelled = await ReadAsync<RustCancellationResponse>(Rust, Server.Alice.PostJsonAsync($"/api/v1/execution/{executed.ExecutionId}/cancel", """{"query_parameters":{}}"""));
        Assert.False(cancelled.Success);
        string running = await Server.Alice.SubmitAsync(Running);
        try
        {
            Assert.True((await ReadAsync<RustCancellationResponse>(Rust, Server.Alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", """{"query_parameters":{}}"""))).Success);
            var afterCancel = await ReadAsync<RustGetStatusResponse>(Rust, Server.Alice.GetJsonAsync($"/api/v1/execution/{running}/status"));
            Assert.Equal(RustState.Cancelled, afterCancel.State);
            Assert.NotNull(afterCancel.CancelledAt);
        }
        finally
        {
            await Server.Alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", null);
        }

        // Errors: duners reads {"error": "..."} of any non-2xx answer.
        var (code, body, _) = await Server.Alice.GetJsonAsync("/api/v1/execution/wonky job ID/results");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("The requested execution ID (ID: wonky job ID) is invalid.", body.Deserialize<RustDuneError>(Rust)!.Error);
        using var stranger = Server.NewClient("Baloney");
        (code, body, _) = await stranger.PostJsonAsync($"/api/v1/query/{queryId}/execute", """{"query_parameters":{}}""");
        Assert.Equal(HttpStatusCode.Unauthorized, code);
        Assert.Equal("invalid API Key", body.Deserialize<RustDuneError>(Rust)!.Error);
    }

    // ---- Go duneapi-client-go (models/*.go) -----------------------------------------------------------------

    /// <summary>encoding/json into time.Time: RFC 3339.</summary>
    private sealed partial class Rfc3339Converter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string text = reader.GetString()!;
            if (!Rfc3339().IsMatch(text))
            {
                throw new JsonException($"time.Time does not parse '{text}' (RFC 3339)");
            }
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => throw new NotSupportedException();

        [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
        private static partial Regex Rfc3339();
    }

    private static readonly JsonSerializerOptions Go = Loose(new Rfc3339Converter());

    private sealed record GoResultMetadata(string[]? ColumnNames = null, long ResultSetBytes = 0, int RowCount = 0, long TotalResultSetBytes = 0, int TotalRowCount = 0, int DatapointCount = 0);

    private sealed record GoResult(GoResultMetadata? Metadata = null, Dictionary<string, JsonElement>[]? Rows = null);

    private sealed record GoExecutionError(string? Type = null, string? Message = null, Dictionary<string, JsonElement>? Metadata = null);

    private sealed record GoStatusResponse(
        string? ExecutionId = null, int QueryId = 0, string? State = null, DateTimeOffset SubmittedAt = default,
        DateTimeOffset? ExecutionStartedAt = null, DateTimeOffset? ExecutionEndedAt = null, DateTimeOffset? CancelledAt = null,
        GoExecutionError? Error = null, GoResultMetadata? ResultMetadata = null)
    {
        /// <summary>models.StatusResponse.HasError, line by line.</summary>
        public string? HasError()
        {
            if (string.IsNullOrEmpty(ExecutionId))
            {
                return "missing executionID";
            }
            if (State is null || !State.StartsWith("QUERY_STATE_", StringComparison.Ordinal))
            {
                return $"bad state: {State}";
            }
            if (State == "QUERY_STATE_COMPLETED")
            {
                if (ResultMetadata is null)
                {
                    return "missing results metadata";
                }
                if (ExecutionEndedAt is null)
                {
                    return "missing execution endedAt";
                }
            }
            else if (ResultMetadata is not null)
            {
                return $"cannot have results metadata if state: {State}";
            }
            return State == "QUERY_STATE_CANCELLED"
                ? CancelledAt is null ? "missing cancelled at" : null
                : CancelledAt is not null ? "field CancelledAt shouldn't be present" : null;
        }
    }

    private sealed record GoResultsResponse(
        long QueryId = 0, string? State = null, DateTimeOffset SubmittedAt = default, DateTimeOffset ExpiresAt = default,
        DateTimeOffset? ExecutionStartedAt = null, DateTimeOffset? ExecutionEndedAt = null, DateTimeOffset? CancelledAt = null,
        GoExecutionError? Error = null, GoResult? Result = null, ulong? NextOffset = null, string? NextUri = null, bool IsExecutionFinished = false)
    {
        /// <summary>models.ResultsResponse.HasError, line by line.</summary>
        public string? HasError()
        {
            if (State is null || !State.StartsWith("QUERY_STATE_", StringComparison.Ordinal))
            {
                return $"bad state: {State}";
            }
            if (State == "QUERY_STATE_COMPLETED")
            {
                if (ExecutionEndedAt is null)
                {
                    return "missing execution endedAt";
                }
                if ((Result?.Rows?.Length ?? 0) != (Result?.Metadata?.RowCount ?? 0))
                {
                    return "missmatch row count";
                }
            }
            else if (Result?.Rows is not null)
            {
                return $"cannot have result if state: {State}";
            }
            return State == "QUERY_STATE_CANCELLED"
                ? CancelledAt is null ? "missing cancelled at" : null
                : CancelledAt is not null ? "field CancelledAt shouldn't be present" : null;
        }
    }

    private sealed record GoExecuteResponse(string? ExecutionId = null, string? State = null)
    {
        public string? HasError() =>
            ExecutionId is not { Length: 26 } || !ExecutionId.StartsWith("01", StringComparison.Ordinal) ? $"bad execution id: {ExecutionId}"
            : State is null || !State.StartsWith("QUERY_STATE_", StringComparison.Ordinal) ? $"bad state: {State}" : null;
    }

    /// <summary>duneClient.getResults: pages with limit and offset on the same URL until next_offset is absent.</summary>
    private async Task<(GoResultsResponse First, int Rows)> GoGetResultsAsync(string url, uint limit)
    {
        ulong offset = 0;
        GoResultsResponse? first = null;
        int rows = 0;
        while (true)
        {
            string query = offset > 0 ? $"?limit={limit}&offset={offset}" : $"?limit={limit}";
            var page = await ReadAsync<GoResultsResponse>(Go, Server.Alice.GetJsonAsync(url + query));
            Assert.Null(page.HasError());
            first ??= page;
            rows += page.Result?.Rows?.Length ?? 0;
            if (page.NextOffset is not { } next)
            {
                return (first, rows);
            }
            offset = next;
        }
    }

    [Fact]
    public async Task Go_client_execute_status_paged_results_by_execution_and_by_query_and_cancel_pass_its_HasError_checks()
    {
        string sql = "select n, cast(n as varchar) as s from unnest(sequence(1, 25)) as t(n)";
        var executed = await ReadAsync<GoExecuteResponse>(Go, Server.Alice.PostJsonAsync("/api/v1/sql/execute", """{"sql":"select n, cast(n as varchar) as s from unnest(sequence(1, 25)) as t(n)","performance":"medium"}"""));
        Assert.Null(executed.HasError());
        // Execution.WaitGetResults: polls results until is_execution_finished.
        GoResultsResponse polled;
        do
        {
            polled = await ReadAsync<GoResultsResponse>(Go, Server.Alice.GetJsonAsync($"/api/v1/execution/{executed.ExecutionId}/results?limit=32000"));
            Assert.Null(polled.HasError());
        }
        while (!polled.IsExecutionFinished && await Pause());
        var status = await ReadAsync<GoStatusResponse>(Go, Server.Alice.GetJsonAsync($"/api/v1/execution/{executed.ExecutionId}/status"));
        Assert.Null(status.HasError());
        Assert.Equal("QUERY_STATE_COMPLETED", status.State);

        var (first, rows) = await GoGetResultsAsync($"/api/v1/execution/{executed.ExecutionId}/results", 7);
        Assert.Equal(25, rows);
        Assert.Equal((ulong?)7, first.NextOffset);

        long queryId = await CreateQueryAsync(sql);
        var byQuery = await ReadAsync<GoExecuteResponse>(Go, Server.Alice.PostJsonAsync($"/api/v1/query/{queryId}/execute", """{"performance":"medium"}"""));
        Assert.Null(byQuery.HasError());
        await Server.Alice.WaitAsync(byQuery.ExecutionId!);
        (first, rows) = await GoGetResultsAsync($"/api/v1/query/{queryId}/results", 10);
        Assert.Equal(25, rows);
        Assert.Equal(queryId, first.QueryId);

        string running = await Server.Alice.SubmitAsync(Running);
        try
        {
            var pending = await ReadAsync<GoStatusResponse>(Go, Server.Alice.GetJsonAsync($"/api/v1/execution/{running}/status"));
            Assert.Null(pending.HasError());
            var (code, cancel, _) = await Server.Alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", null);
            Assert.Equal(HttpStatusCode.OK, code);
            Assert.True(cancel!["success"]!.GetValue<bool>());
        }
        finally
        {
            await Server.Alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", null);
        }
        Assert.Null((await ReadAsync<GoStatusResponse>(Go, Server.Alice.GetJsonAsync($"/api/v1/execution/{running}/status"))).HasError());
        Assert.Null((await ReadAsync<GoResultsResponse>(Go, Server.Alice.GetJsonAsync($"/api/v1/execution/{running}/results?limit=32000"))).HasError());
    }

    private sealed record GoQueryParameter(string Key, string Type, string Value, string[]? EnumOptions = null);

    private sealed record GoGetQueryResponse(
        int QueryId = 0, string? Name = null, string? Description = null, string? QuerySql = null, string? Owner = null, bool IsPrivate = false,
        bool IsArchived = false, bool IsUnsaved = false, bool IsTemp = false, int Version = 0, string? QueryEngine = null, string[]? Tags = null,
        GoQueryParameter[]? Parameters = null);

    [Fact]
    public async Task Go_UpdateQuery_with_is_archived_archives_and_unarchives_as_the_archive_routes_do()
    {
        var (code, created, _) = await Server.Alice.PostJsonAsync("/api/v1/query",
            """{"name":"go crud","query_sql":"select {{n}} as n","is_temp":true,"parameters":[{"key":"n","type":"number","value":"3"}]}""");
        Assert.True(code == HttpStatusCode.OK, $"{code} {created}");
        long id = created!["query_id"]!.GetValue<long>();
        async Task<GoGetQueryResponse> Get() => await ReadAsync<GoGetQueryResponse>(Go, Server.Alice.GetJsonAsync($"/api/v1/query/{id}"));
        Assert.False((await Get()).IsArchived);
        Assert.Equal("3", (await Get()).Parameters![0].Value);

        (code, var updated, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", """{"is_archived":true,"tags":["x"]}""");
        Assert.True(code == HttpStatusCode.OK, $"{code} {updated}");
        Assert.Equal(id, updated!["query_id"]!.GetValue<long>());
        Assert.True((await Get()).IsArchived);
        Assert.Equal(["x"], (await Get()).Tags!);
        (code, var refused, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute", "{}");
        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.StartsWith("Not allowed to execute query", refused!["error"]!.GetValue<string>(), StringComparison.Ordinal);

        (code, _, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", """{"is_archived":false}""");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.False((await Get()).IsArchived);
        (code, _, _) = await Server.Alice.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", """{"is_archived":"yes"}""");
        Assert.Equal(HttpStatusCode.BadRequest, code);
    }

    private sealed record GoUploadsColumn(string Name, string Type, bool Nullable);

    private sealed record GoUploadsOwner(string Handle, string Type);

    private sealed record GoUploadsListElement(
        string FullName, bool IsPrivate, string TableSizeBytes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, GoUploadsOwner Owner, GoUploadsColumn[] Columns,
        DateTimeOffset? PurgedAt = null);

    private sealed record GoUploadsListResponse(GoUploadsListElement[] Tables);

    /// <summary>Python's models.CreateTableResult (legacy /table/create): dataclass fields without a default are required.</summary>
    private sealed record PyCreateTableResult(string Namespace, string TableName, string FullName, string ExampleQuery, string Message, bool? AlreadyExisted = false);

    private sealed record PyUploadCreateResponse(string Namespace, string TableName, string FullName, string ExampleQuery);

    [Fact]
    public async Task Table_create_answers_the_message_Python_requires_and_Go_ListTables_reads_the_list_at_api_v1_tables()
    {
        string name = "clients_" + Guid.NewGuid().ToString("N")[..8];
        string body = $$"""{"namespace":"alice","table_name":"{{name}}","schema":[{"name":"a","type":"integer"}],"description":"","is_private":false}""";
        var legacy = await ReadAsync<PyCreateTableResult>(Python, Server.Alice.PostJsonAsync("/api/v1/table/create", body));
        Assert.Equal($"dune.alice.{name}", legacy.FullName);
        Assert.Contains(legacy.FullName, legacy.Message, StringComparison.Ordinal);
        var again = await ReadAsync<PyCreateTableResult>(Python, Server.Alice.PostJsonAsync("/api/v1/uploads", body));
        Assert.True(again.AlreadyExisted);
        await ReadAsync<PyUploadCreateResponse>(Python, Server.Alice.PostJsonAsync("/api/v1/uploads", body));

        var modern = await ReadAsync<GoUploadsListResponse>(Go, Server.Alice.GetJsonAsync("/api/v1/uploads?limit=10000&offset=0"));
        var deprecated = await ReadAsync<GoUploadsListResponse>(Go, Server.Alice.GetJsonAsync("/api/v1/tables?limit=10000&offset=0"));
        Assert.Contains(deprecated.Tables, t => t.FullName == $"dune.alice.{name}" && t.Columns[0].Name == "a" && t.Owner.Handle == "alice");
        Assert.Equal(modern.Tables.Select(t => t.FullName), deprecated.Tables.Select(t => t.FullName));
    }

    private sealed record GoSearchResult(string FullName, string Category, string? DatasetType = null, string[]? Blockchains = null, string? Visibility = null, JsonElement? Schema = null);

    private sealed record GoSearchPagination(int Limit, int Offset, bool HasMore, int? NextOffset = null);

    private sealed record GoSearchDatasetsResponse(int Total, GoSearchResult[] Results, GoSearchPagination Pagination);

    [Fact]
    public async Task Go_SearchDatasets_finds_tables_by_words_and_filters_and_search_by_contract_checks_the_address()
    {
        var found = await ReadAsync<GoSearchDatasetsResponse>(Go, Server.Alice.PostJsonAsync("/api/v1/datasets/search", """{"query":"ethereum transactions","limit":5}"""));
        Assert.Contains(found.Results, r => r.FullName == "ethereum.transactions" && r.Category == "canonical" && r.Blockchains!.SequenceEqual(["ethereum"]));

        var decoded = await ReadAsync<GoSearchDatasetsResponse>(Go, Server.Alice.PostJsonAsync("/api/v1/datasets/search",
            """{"dataset_types":["decoded_table"],"blockchains":["ethereum"],"include_schema":true,"limit":250}"""));
        var transfers = Assert.Single(decoded.Results, r => r.FullName.Equals("erc20_ethereum.evt_Transfer", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("decoded", transfers.Category);
        Assert.Contains("\"contract_address\"", transfers.Schema!.Value.GetRawText(), StringComparison.Ordinal);
        Assert.All(decoded.Results, r => Assert.Equal("decoded_table", r.DatasetType));

        var paged = await ReadAsync<GoSearchDatasetsResponse>(Go, Server.Alice.PostJsonAsync("/api/v1/datasets/search", """{"schemas":["ethereum"],"limit":2}"""));
        Assert.True(paged.Total > 2);
        Assert.True(paged.Pagination.HasMore);
        Assert.Equal(2, paged.Pagination.NextOffset);
        var rest = await ReadAsync<GoSearchDatasetsResponse>(Go, Server.Alice.PostJsonAsync("/api/v1/datasets/search", """{"schemas":["ethereum"],"limit":250,"offset":2}"""));
        Assert.Equal(paged.Total - 2, rest.Results.Length);
        Assert.False(rest.Pagination.HasMore);

        var (code, error, _) = await Server.Alice.PostJsonAsync("/api/v1/datasets/search", """{"dataset_types":["tables"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("dataset_types", error!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var none = await ReadAsync<GoSearchDatasetsResponse>(Go, Server.Alice.PostJsonAsync("/api/v1/datasets/search-by-contract", """{"contract_address":"0xdac17f958d2ee523a2206206994597c13d831ec7"}"""));
        Assert.Equal(0, none.Total);
        (code, error, _) = await Server.Alice.PostJsonAsync("/api/v1/datasets/search-by-contract", """{"contract_address":"0x12"}""");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("contract_address", error!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private sealed record GoBillingPeriod(string StartDate, string EndDate, double CreditsUsed, int CreditsIncluded);

    private sealed record GoUsageResponse(int PrivateQueries, int PrivateDashboards, long BytesUsed, long BytesAllowed, GoBillingPeriod[] BillingPeriods);

    [Fact]
    public async Task Go_and_Python_GetUsage_read_integer_counts_from_the_usage_route()
    {
        var usage = await ReadAsync<GoUsageResponse>(Go, Server.Alice.PostJsonAsync("/api/v1/usage", """{"start_date":"2026-01-01","end_date":"2026-12-31"}"""));
        Assert.True(usage.BytesAllowed > 0);
        Assert.Equal(12, usage.BillingPeriods.Length); // one per month of 2026, the end exclusive
        Assert.Equal(("2026-01-01", "2026-02-01"), (usage.BillingPeriods[0].StartDate, usage.BillingPeriods[0].EndDate));
        Assert.All(usage.BillingPeriods, p => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", p.StartDate));
    }

    // ---- Python dune-client 1.x (dune_client/models.py) -----------------------------------------------------

    private static readonly JsonSerializerOptions Python = Strict();

    /// <summary>models.ResultMetadata.from_dict: the keys it indexes (pending_time_millis may be absent).</summary>
    private sealed record PyResultMetadata(string[] ColumnNames, string[] ColumnTypes, long TotalRowCount, long ResultSetBytes, long DatapointCount, long ExecutionTimeMillis, long? PendingTimeMillis = null);

    private sealed record PyExecutionResult(JsonElement[] Rows, PyResultMetadata Metadata);

    private sealed record PyResultsResponse(
        string ExecutionId, string State, string SubmittedAt, long? QueryId = null, PyExecutionResult? Result = null, string? NextUri = null, long? NextOffset = null,
        string? ExecutionEndedAt = null);

    private sealed record PyPipelineQueryExecutionStatus(string Status, long QueryId, string? ExecutionId = null);

    private sealed record PyPipelineNodeExecution(long Id, PyPipelineQueryExecutionStatus QueryExecutionStatus);

    private sealed record PyPipelineStatusResponse(string Status, PyPipelineNodeExecution[] NodeExecutions);

    private sealed record PyPipelineExecutionResponse(string PipelineExecutionId);

    [Fact]
    public async Task Python_get_latest_result_then_the_pages_it_follows_read_into_its_models()
    {
        long queryId = await CreateQueryAsync("select n from unnest(sequence(1, 5)) as t(n)");
        var (_, executed, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{queryId}/execute", """{"query_parameters":{},"performance":"medium"}""");
        await Server.Alice.WaitAsync(executed!["execution_id"]!.GetValue<string>());
        // get_latest_result: limit=1 for the metadata, then the execution's results with allow_partial_results, following next_uri.
        var latest = await ReadAsync<PyResultsResponse>(Python, Server.Alice.GetJsonAsync($"/api/v1/query/{queryId}/results?limit=1"));
        Assert.NotNull(latest.ExecutionEndedAt);
        Assert.Equal(5, latest.Result!.Metadata.TotalRowCount);
        var page = await ReadAsync<PyResultsResponse>(Python, Server.Alice.GetJsonAsync($"/api/v1/execution/{latest.ExecutionId}/results?allow_partial_results=true&limit=2"));
        int rows = page.Result!.Rows.Length;
        while (page.NextUri is { } next)
        {
            Assert.StartsWith(Server.BaseUrl.ToString().TrimEnd('/'), next, StringComparison.Ordinal);
            page = await ReadAsync<PyResultsResponse>(Python, Server.Alice.GetJsonAsync(next));
            rows += page.Result!.Rows.Length;
        }
        Assert.Equal(5, rows);
    }

    private sealed record PyQueryParameter(string Key, string Type, JsonElement Value);

    /// <summary>dune_client.query.DuneQuery.from_dict: the keys it indexes.</summary>
    private sealed record PyDuneQuery(
        long QueryId, string Name, PyQueryParameter[] Parameters, string Description, string[] Tags, int Version, string QueryEngine,
        bool IsPrivate, bool IsArchived, bool IsUnsaved, string Owner, string QuerySql);

    [Fact]
    public async Task Python_create_query_with_QueryParameter_to_dict_bodies_then_get_query_and_execute_query()
    {
        // QueryParameter.to_dict sends key, type and value only: no enumOptions, a list for a multi-select enum.
        var (code, created, _) = await Server.Alice.PostJsonAsync("/api/v1/query/", """
            {"name":"py params","query_sql":"select '{{chain}}' as chain, {{n}} as n, timestamp '{{since}}' as since","is_private":false,
             "parameters":[{"key":"chain","type":"enum","value":"ethereum"},{"key":"n","type":"number","value":"3"},
                           {"key":"since","type":"datetime","value":"2024-01-02 03:04:05"},{"key":"tokens","type":"enum","value":["a","b"]}]}
            """);
        Assert.True(code == HttpStatusCode.OK, $"{code} {created}");
        long id = created!["query_id"]!.GetValue<long>();
        var query = await ReadAsync<PyDuneQuery>(Python, Server.Alice.GetJsonAsync($"/api/v1/query/{id}"));
        Assert.Equal(["chain", "n", "since", "tokens"], query.Parameters.Select(p => p.Key));
        // QueryParameter.from_dict: a datetime default goes through strptime("%Y-%m-%d %H:%M:%S").
        Assert.Equal("2024-01-02 03:04:05", query.Parameters[2].Value.GetString());
        var raw = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/query/{id}");
        Assert.Equal("[\"ethereum\"]", raw["parameters"]![0]!["enumOptions"]!.ToJsonString());
        Assert.True(raw["parameters"]![3]!["isMultiselect"]!.GetValue<bool>());
        Assert.Equal("[\"a\",\"b\"]", raw["parameters"]![3]!["enumOptions"]!.ToJsonString());

        (code, var executed, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute", """{"query_parameters":{"n":"4","since":"2024-01-02 03:04:05"},"performance":"medium"}""");
        Assert.True(code == HttpStatusCode.OK, $"{code} {executed}");
        string executionId = executed!["execution_id"]!.GetValue<string>();
        Assert.Equal("QUERY_STATE_COMPLETED", (await Server.Alice.WaitAsync(executionId))["state"]!.GetValue<string>());
        var row = (await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{executionId}/results"))["result"]!["rows"]![0]!;
        Assert.Equal("ethereum", row["chain"]!.GetValue<string>());
        Assert.Equal(4, row["n"]!.GetValue<long>());
        (code, var refused, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute", """{"query_parameters":{"chain":"solana"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("chain", refused!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Python_get_pipeline_status_finds_query_execution_status_on_every_node_a_view_refresh_too()
    {
        string view = "result_clients_" + Guid.NewGuid().ToString("N")[..8];
        long viewQuery = await CreateQueryAsync("select 1 as v");
        var (code, made, _) = await Server.Alice.PostJsonAsync("/api/v1/materialized-views", $$"""{"name":"{{view}}","query_id":{{viewQuery}}}""");
        Assert.True(code == HttpStatusCode.OK, $"{code} {made}");
        await Server.Alice.WaitAsync(made!["execution_id"]!.GetValue<string>());
        long queryId = await CreateQueryAsync($"select v from dune.alice.{view}");
        var started = await ReadAsync<PyPipelineExecutionResponse>(Python, Server.Alice.PostJsonAsync($"/api/v1/query/{queryId}/pipeline/execute", """{"performance":"medium"}"""));
        PyPipelineStatusResponse status;
        do
        {
            status = await ReadAsync<PyPipelineStatusResponse>(Python, Server.Alice.GetJsonAsync($"/api/v1/pipelines/executions/{started.PipelineExecutionId}/status"));
        }
        while (status.Status is not ("completed" or "failed") && await Pause());
        Assert.Equal("completed", status.Status);
        Assert.Equal([viewQuery, queryId], status.NodeExecutions.Select(n => n.QueryExecutionStatus.QueryId));
        Assert.All(status.NodeExecutions, n => Assert.Equal("QUERY_STATE_COMPLETED", n.QueryExecutionStatus.Status));
        var raw = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/pipelines/executions/{started.PipelineExecutionId}/status");
        Assert.Equal($"dune.alice.{view}", raw["node_executions"]![0]!["materialized_view_refresh_status"]!["name"]!.GetValue<string>());
        Assert.Equal(raw["node_executions"]![0]!["materialized_view_refresh_status"]!["execution_id"]!.GetValue<string>(), status.NodeExecutions[0].QueryExecutionStatus.ExecutionId);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /// <summary>serde / dataclass strictness: required constructor parameters, no null where the type has none, exact number types.</summary>
    private static JsonSerializerOptions Strict(params JsonConverter[] converters)
    {
        var options = Loose(converters);
        options.RespectRequiredConstructorParameters = true;
        options.RespectNullableAnnotations = true;
        return options;
    }

    /// <summary>encoding/json: every field optional, but a value of the wrong JSON type still fails.</summary>
    private static JsonSerializerOptions Loose(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        foreach (var c in converters)
        {
            options.Converters.Add(c);
        }
        return options;
    }

    private static async Task<T> ReadAsync<T>(JsonSerializerOptions options, Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> call)
    {
        var (status, body, response) = await call;
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        try
        {
            return body.Deserialize<T>(options)!;
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"{typeof(T).Name} does not read {body}: {e.Message}");
        }
    }

    private async Task<long> CreateQueryAsync(string sql)
    {
        var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/query/", new JsonObject { ["name"] = "clients", ["query_sql"] = sql, ["is_private"] = true }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        return body!["query_id"]!.GetValue<long>();
    }

    private static async Task<bool> Pause()
    {
        await Task.Delay(50);
        return true;
    }
}
