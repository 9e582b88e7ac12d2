namespace Strata.Engine.DuckDb;

/// <summary>
/// Safe (formerly Gnosis Safe) on the demo chain: the raw chain holds Safe creations (DemoData.Chain.cs, kind <c>safe</c>, one
/// transaction in a hundred), decoded as Dune's <c>gnosis_safe_ethereum</c> tables, and spellbook's <c>safe_ethereum.singletons</c>
/// and <c>safe_ethereum.safes</c> are derived from them as its models do.
/// <list type="bullet">
/// <item>A creation is a wallet's call of a Safe proxy factory's <c>createProxyWithNonce(address _singleton, bytes initializer,
/// uint256 saltNonce)</c> (<c>0x1688f0b9</c>): the 1.3.0 factory with the 1.3.0 singleton in four cases in ten, else the 1.4.1
/// ones (<see cref="SafeFactories"/>, their mainnet addresses). The initializer is the singleton's <c>setup(address[] _owners,
/// uint256 _threshold, address to, bytes data, address fallbackHandler, address paymentToken, uint256 payment, address
/// paymentReceiver)</c> (<c>0xb63e800d</c>): one to three distinct owners (the sender first), a threshold up to their number, the
/// version's compatibility fallback handler, no module setup and no payment. Traces, as the factory runs: the root call
/// (returning the proxy), the CREATE2 of the proxy ([0], its constructor argument the singleton), the factory's call of the
/// proxy with the initializer ([1]) and the proxy's delegatecall of the singleton ([1, 0]). Logs: the proxy's
/// <c>SafeSetup(address indexed initiator, address[] owners, uint256 threshold, address initializer, address fallbackHandler)</c>
/// (the initiator is the factory), then the factory's <c>ProxyCreation</c> (1.3.0: <c>(address proxy, address singleton)</c>;
/// 1.4.1: <c>(address indexed proxy, address singleton)</c>). A failed creation has its root trace only and no logs.</item>
/// <item>Synthetic: the proxy's address (a CREATE2 address needs the proxy's exact creation code and Keccak-256, neither of which
/// the demo has) and the proxy's code (fixed bytes per version, not the real bytecode). Creations are Ethereum's only
/// (DemoData.Homes.cs).</item>
/// <item>Decoded (the <c>evt_*</c> columns and the ABI's names): <c>GnosisSafeProxyFactory_v1_3_0_evt_ProxyCreation</c> and
/// <c>SafeProxyFactory_v_1_4_1_evt_ProxyCreation</c> (proxy, singleton), <c>GnosisSafev1_3_0_evt_SafeSetup</c> (the SafeSetup
/// logs of the proxies the 1.3.0 factory created; owners <c>array(varbinary)</c>, threshold uint256).</item>
/// <item><c>safe_ethereum.singletons</c>: spellbook's model, the distinct singletons of the factories' creations (its older
/// factories' call tables are empty on the demo). <c>safe_ethereum.safes</c>: spellbook's model, the successful delegatecalls to
/// a singleton whose input starts with a setup selector and that used more than 10,000 gas, the proxy as the address and the
/// version named by the singleton.</item>
/// <item>Safe transactions (kind <c>safe_exec</c>, one transaction in a hundred): the creator of the Safe created last before it (its
/// first owner) calls the Safe's <c>execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas,
/// uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures)</c> (<c>0x6a761202</c>): a call of
/// a demo contract without value or refund, with one synthetic 65-byte signature per confirmation the Safe needs (the demo has no
/// ECDSA keys). Traces: the root call (returning true), the Safe's delegatecall of its singleton ([0]) and the singleton's call
/// of the destination in the Safe's name ([0, 0]); one log, the Safe's <c>ExecutionSuccess(bytes32 txHash, uint256 payment)</c>.
/// <c>safe_ethereum.transactions</c>: spellbook's <c>safe_transactions</c> macro, the Safes' delegatecalls of a singleton whose
/// input is an <c>execTransaction</c> (or a module's), with the transaction's gas.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>A Safe version the demo creates: its proxy factory, singleton and compatibility fallback handler (mainnet, hex).</summary>
    public sealed record SafeFactory(string Version, string Factory, string Singleton, string FallbackHandler);

    /// <summary>The Safe versions the demo creates, in the order of <c>sf_version</c> (0: 1.3.0, 1: 1.4.1).</summary>
    public static IReadOnlyList<SafeFactory> SafeFactories { get; } =
    [
        new("1.3.0", "a6b71e26c5e0845f74c812102ca7114b6a896ab2", "d9db270c1b5e3bd161e8c8503c55ceabee709552", "f48f2b2d2a534e402487b3ee7c18c33aec0fe5e4"),
        new("1.4.1", "4e1dcf7ad4e460cfd30791ccc4f9c8a4f820ec67", "41675c099f32341bf84bfc5382af534df5c7461a", "fd0732dc9e303f09fcef3a7388ad10a83459ec99"),
    ];

    private static readonly string[] SafeTables =
    [
        "gnosis_safe_ethereum.GnosisSafeProxyFactory_v1_3_0_evt_ProxyCreation", "gnosis_safe_ethereum.SafeProxyFactory_v_1_4_1_evt_ProxyCreation",
        "gnosis_safe_ethereum.GnosisSafev1_3_0_evt_SafeSetup", "safe_ethereum.singletons", "safe_ethereum.safes", "safe_ethereum.transactions",
    ];

    /// <summary>SQL for a list of one address of each Safe version, indexed by <c>sf_version + 1</c>.</summary>
    private static string SafeAddressList(Func<SafeFactory, string> address) =>
        "[" + string.Join(", ", SafeFactories.Select(f => $"unhex('{address(f)}')")) + "]";

    /// <summary>SQL for a proxy's runtime code: synthetic bytes, the same for every proxy of a version.</summary>
    private static string SafeProxyCode(string version) => $"(unhex('6080604052') || demo_hash({version}, 86) || demo_hash({version}, 87))";

    /// <summary>SQL for a proxy's creation code (before its constructor argument): synthetic, fixed per version, ending in the runtime code.</summary>
    private static string SafeProxyCreationCode(string version) =>
        $"(unhex('608060405234801561001057600080fd5b50') || demo_hash({version}, 88) || {SafeProxyCode(version)})";

    private static IEnumerable<string> SafeScript()
    {
        string v130 = SafeFactories[0].Factory, v141 = SafeFactories[1].Factory;
        const string proxyCreation = "4f51faf6c4561ff95f067657e43439f0f856d97c04d9ec9070a6199ad418e235";
        yield return "CREATE SCHEMA IF NOT EXISTS gnosis_safe_ethereum; CREATE SCHEMA IF NOT EXISTS safe_ethereum;";
        yield return $"""
            CREATE OR REPLACE TABLE gnosis_safe_ethereum."GnosisSafeProxyFactory_v1_3_0_evt_ProxyCreation" AS
            SELECT l.contract_address, {EventColumns},
                   unhex(substr(hex(l.data), 25, 40)) AS proxy,
                   unhex(substr(hex(l.data), 89, 40)) AS singleton
            FROM ethereum.logs l
            WHERE l.contract_address = unhex('{v130}') AND l.topic0 = unhex('{proxyCreation}')
            ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE gnosis_safe_ethereum."SafeProxyFactory_v_1_4_1_evt_ProxyCreation" AS
            SELECT l.contract_address, {EventColumns},
                   unhex(substr(hex(l.topic1), 25, 40)) AS proxy,
                   unhex(substr(hex(l.data), 25, 40)) AS singleton
            FROM ethereum.logs l
            WHERE l.contract_address = unhex('{v141}') AND l.topic0 = unhex('{proxyCreation}')
            ORDER BY evt_block_number, evt_index;
            """;
        // SafeSetup of the 1.3.0 factory's proxies: the owners array at the offset of the first data word, each owner a padded word.
        yield return $"""
            CREATE OR REPLACE TABLE gnosis_safe_ethereum."GnosisSafev1_3_0_evt_SafeSetup" AS
            WITH s AS (
                SELECT l.*, CAST(('0x' || substr(hex(l.data), 49, 16)) AS UBIGINT)::INTEGER AS owners_at
                FROM ethereum.logs l
                JOIN gnosis_safe_ethereum."GnosisSafeProxyFactory_v1_3_0_evt_ProxyCreation" p
                    ON p.proxy = l.contract_address AND p.evt_tx_hash = l.tx_hash AND p.evt_block_number = l.block_number
                WHERE l.topic0 = unhex('141df868a6331af528e38c83b7aa03edc19be66e37ae67f9285bf4f8e3c6a1a8')
            )
            SELECT l.contract_address, {EventColumns},
                   unhex(substr(hex(l.data), 2 * 96 + 25, 40)) AS "fallbackHandler",
                   unhex(substr(hex(l.data), 2 * 64 + 25, 40)) AS initializer,
                   unhex(substr(hex(l.topic1), 25, 40)) AS initiator,
                   list_transform(range(CAST(('0x' || substr(hex(l.data), 2 * owners_at + 49, 16)) AS UBIGINT)::BIGINT),
                                  lambda j: unhex(substr(hex(l.data), 2 * (owners_at + 32 + 32 * j) + 25, 40))) AS owners,
                   {LowWord("unhex(substr(hex(l.data), 65, 64))")} AS threshold
            FROM s l
            ORDER BY evt_block_number, evt_index;
            """;
        // spellbook's safe_ethereum_singletons and safe_ethereum_safes.
        string versions = string.Join("\n                     ", SafeVersionsBySingleton.Select(v => $"WHEN et.\"to\" = unhex('{v.Singleton}') THEN '{v.Version}'"));
        yield return $"""
            CREATE OR REPLACE TABLE safe_ethereum.singletons AS
            SELECT DISTINCT singleton AS address FROM gnosis_safe_ethereum."GnosisSafeProxyFactory_v1_3_0_evt_ProxyCreation"
            UNION
            SELECT DISTINCT singleton AS address FROM gnosis_safe_ethereum."SafeProxyFactory_v_1_4_1_evt_ProxyCreation"
            ORDER BY address;
            CREATE OR REPLACE TABLE safe_ethereum.safes AS
            SELECT 'ethereum' AS blockchain,
                   et."from" AS address,
                   CASE {versions}
                        ELSE 'unknown' END AS creation_version,
                   CAST(date_trunc('day', timezone('UTC', et.block_time)) AS DATE) AS block_date,
                   CAST(date_trunc('month', timezone('UTC', et.block_time)) AS DATE) AS block_month,
                   et.block_time AS creation_time,
                   et.tx_hash
            FROM ethereum.traces et
            JOIN safe_ethereum.singletons s ON et."to" = s.address
            WHERE et.success
              AND et.call_type = 'delegatecall'
              AND substr(hex(et.input), 1, 8) IN ('0EC78D9E', 'A97AB18A', 'B63E800D')
              AND et.gas_used > 10000
            ORDER BY et.block_number, et.tx_index, et.trace_address;
            """;
        // spellbook's safe_transactions macro: a Safe's delegatecalls of a singleton that execute a Safe transaction.
        yield return $"""
            CREATE OR REPLACE TABLE safe_ethereum.transactions AS
            SELECT 'ethereum' AS blockchain,
                   CAST(date_trunc('day', timezone('UTC', tr.block_time)) AS DATE) AS block_date,
                   CAST(date_trunc('month', timezone('UTC', tr.block_time)) AS DATE) AS block_month,
                   tr.block_time, tr.block_number, tr.tx_hash, s.address, tr."to", tr.value, tr.gas, tr.gas_used AS execution_gas_used,
                   et.gas_used AS total_gas_used, tr.tx_index, tr.sub_traces, tr.trace_address, tr.success, tr.error, tr.code, tr.input, tr.output,
                   CASE substr(hex(tr.input), 1, 8) WHEN '6A761202' THEN 'execTransaction'
                                                    WHEN '468721A7' THEN 'execTransactionFromModule'
                                                    WHEN '5229073F' THEN 'execTransactionFromModuleReturnData'
                                                    ELSE 'unknown' END AS method
            FROM ethereum.traces tr
            JOIN safe_ethereum.safes s ON s.address = tr."from"
            JOIN safe_ethereum.singletons ss ON tr."to" = ss.address
            JOIN ethereum.transactions et ON tr.block_date = et.block_date AND tr.tx_hash = et.hash AND tr.block_number = et.block_number
            WHERE substr(hex(tr.input), 1, 8) IN ('6A761202', '468721A7', '5229073F')
              AND tr.call_type = 'delegatecall'
            ORDER BY tr.block_number, tr.tx_index, tr.trace_address;
            """;
    }

    /// <summary>spellbook's safe_ethereum_safes: the Safe version each known singleton (mainnet, hex) is.</summary>
    private static readonly (string Singleton, string Version)[] SafeVersionsBySingleton =
    [
        ("8942595a2dc5181df0465af0d7be08c8f23c93af", "0.1.0"), ("b6029ea3b2c51d09a50b53ca8012feeb05bda35a", "1.0.0"),
        ("ae32496491b53841efb51829d6f886387708f99b", "1.1.0"), ("34cfac646f301356faa8b21e94227e3583fe3f5f", "1.1.1"),
        ("6851d6fdfafd08c0295c392436245e5bc78b0185", "1.2.0"), ("d9db270c1b5e3bd161e8c8503c55ceabee709552", "1.3.0"),
        ("69f4d1788e39c87893c980c06edf4b7f686e2938", "1.3.0"), ("3e5c63644e683549055b9be8653de26e0b4cd36e", "1.3.0L2"),
        ("fb1bffc9d739b8d520daf37df666da4c687191ea", "1.3.0L2"), ("41675c099f32341bf84bfc5382af534df5c7461a", "1.4.1"),
        ("29fcb43b46531bca003ddc8fcb67ffe91900c762", "1.4.1L2"),
    ];
}
