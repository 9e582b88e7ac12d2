using System.Text.RegularExpressions;
using Strata.Core.Uploads;

namespace Strata.Core.Ingest;

/// <summary>The tables an ingested chain fills, as Dune has them.</summary>
public enum ChainTable
{
    Blocks,
    Transactions,
    Logs,
    Traces,
    Erc20Transfers,
}

/// <summary>
/// Names and columns of an ingested chain's tables: <c>&lt;chain&gt;.blocks</c>, <c>.transactions</c>,
/// <c>.logs</c>, <c>.traces</c> and <c>erc20_&lt;chain&gt;.evt_Transfer</c>, with Dune's column names and
/// types (those of the demo data's <c>ethereum</c> tables). They are stored as tables of the reserved
/// owner <see cref="Owner"/>, public, so every owner reads them and no API key writes them.
/// </summary>
public static partial class ChainSchema
{
    /// <summary>The owner of ingested chain tables; not a possible handle (handles are identifiers).</summary>
    public const string Owner = "@chain";

    public const int MaxNameLength = 40;

    /// <summary>A chain name: a lowercase identifier of at most <see cref="MaxNameLength"/> characters (it becomes a schema).</summary>
    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    /// <summary>The schema and table name of one of a chain's tables.</summary>
    public static (string Schema, string Name) Of(string chain, ChainTable table) => table switch
    {
        ChainTable.Blocks => (chain, "blocks"),
        ChainTable.Transactions => (chain, "transactions"),
        ChainTable.Logs => (chain, "logs"),
        ChainTable.Traces => (chain, "traces"),
        ChainTable.Erc20Transfers => ("erc20_" + chain, "evt_Transfer"),
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    public static IReadOnlyList<ChainTable> All { get; } = Enum.GetValues<ChainTable>();

    private static UploadColumn C(string name, UploadTypeKind kind) => new(name, new UploadColumnType(kind));

    private const UploadTypeKind Tz = UploadTypeKind.TimestampTz;
    private const UploadTypeKind Bin = UploadTypeKind.Varbinary;
    private const UploadTypeKind Big = UploadTypeKind.Bigint;
    private const UploadTypeKind U256 = UploadTypeKind.Uint256;

    /// <summary>The columns of each table, in Dune's order.</summary>
    public static IReadOnlyList<UploadColumn> Columns(ChainTable table) => table switch
    {
        ChainTable.Blocks =>
        [
            C("time", Tz), C("number", Big), C("gas_limit", Big), C("gas_used", Big), C("difficulty", U256), C("total_difficulty", U256),
            C("size", Big), C("base_fee_per_gas", Big), C("hash", Bin), C("parent_hash", Bin), C("miner", Bin), C("nonce", Bin),
            C("date", UploadTypeKind.Date), C("blob_gas_used", Big), C("excess_blob_gas", Big), C("parent_beacon_block_root", Bin),
        ],
        ChainTable.Transactions =>
        [
            C("block_time", Tz), C("block_number", Big), C("value", U256), C("gas_limit", Big), C("gas_price", Big), C("gas_used", Big),
            C("max_fee_per_gas", Big), C("max_priority_fee_per_gas", Big), C("priority_fee_per_gas", Big), C("nonce", Big), C("index", Big),
            C("success", UploadTypeKind.Boolean), C("from", Bin), C("to", Bin), C("block_hash", Bin), C("data", Bin), C("hash", Bin),
            C("type", UploadTypeKind.Varchar), C("access_list", UploadTypeKind.AccessList), C("block_date", UploadTypeKind.Date),
            C("max_fee_per_blob_gas", Big), C("blob_versioned_hashes", UploadTypeKind.VarbinaryArray),
        ],
        ChainTable.Logs =>
        [
            C("block_time", Tz), C("block_number", Big), C("block_hash", Bin), C("contract_address", Bin), C("topic0", Bin), C("topic1", Bin),
            C("topic2", Bin), C("topic3", Bin), C("data", Bin), C("tx_hash", Bin), C("index", Big), C("tx_index", Big),
            C("block_date", UploadTypeKind.Date), C("tx_from", Bin), C("tx_to", Bin),
        ],
        ChainTable.Traces =>
        [
            C("block_time", Tz), C("block_number", Big), C("value", U256), C("gas", Big), C("gas_used", Big), C("block_hash", Bin),
            C("success", UploadTypeKind.Boolean), C("tx_index", Big), C("sub_traces", Big), C("error", UploadTypeKind.Varchar),
            C("tx_success", UploadTypeKind.Boolean), C("tx_hash", Bin), C("from", Bin), C("to", Bin), C("trace_address", UploadTypeKind.BigintArray),
            C("type", UploadTypeKind.Varchar), C("address", Bin), C("code", Bin), C("call_type", UploadTypeKind.Varchar), C("input", Bin),
            C("output", Bin), C("refund_address", Bin), C("block_date", UploadTypeKind.Date),
        ],
        ChainTable.Erc20Transfers =>
        [
            C("contract_address", Bin), C("evt_tx_hash", Bin), C("evt_tx_from", Bin), C("evt_tx_to", Bin), C("evt_tx_index", Big),
            C("evt_index", Big), C("evt_block_time", Tz), C("evt_block_number", Big), C("evt_block_date", UploadTypeKind.Date),
            C("from", Bin), C("to", Bin), C("value", U256),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
