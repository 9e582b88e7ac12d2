namespace Strata.Engine.DuckDb;

/// <summary>
/// The Aave v3 tables (DemoData.Aave.cs): Dune's decoded <c>aave_v3_ethereum</c> Pool event tables from the logs, spellbook's
/// <c>aave_v3_ethereum.base_supply</c> / <c>base_borrow</c> from them as its macros (lending_aave_v3_compatible_supply / _borrow)
/// compute them, <c>lending.supply</c> / <c>lending.borrow</c> as lending_enrich_supply / _borrow add the symbol and the USD
/// amount to them (the demo's only lending protocol), and the views <c>aave_ethereum.supply</c> / <c>borrow</c> over those.
/// </summary>
public static partial class DemoData
{
    private static IEnumerable<string> AaveScript()
    {
        yield return "CREATE SCHEMA IF NOT EXISTS aave_v3_ethereum; CREATE SCHEMA IF NOT EXISTS lending; CREATE SCHEMA IF NOT EXISTS aave_ethereum;";
        string pool = $"l.contract_address = unhex('{AavePool}') AND l.topic0 = unhex";
        // An indexed address, data word k's address, data word k below 2^128 as uint256, a small integer from the last two bytes
        // of data word k or of a topic (uint8 / uint16: Dune's integer), a bool (the word's last digit).
        static string Topic(int t) => $"unhex(substr(hex(l.topic{t}), 25, 40))";
        static string Addr(int k) => $"unhex(substr(hex(l.data), {64 * k + 25}, 40))";
        static string Word(int k) => LowWord($"unhex(substr(hex(l.data), {64 * k + 1}, 64))");
        static string Small(string hex, int k) => $"('0x' || substr(hex({hex}), {64 * k + 61}, 4))::UBIGINT::INTEGER";
        static string Bool(int k) => $"substr(hex(l.data), {64 * k + 64}, 1) = '1'";
        string Table(string name, string topic, string columns) => $"""
            CREATE OR REPLACE TABLE aave_v3_ethereum."Pool_evt_{name}" AS
            SELECT l.contract_address, {EventColumns},
                   {columns}
            FROM ethereum.logs l
            WHERE {pool}('{topic}')
            ORDER BY evt_block_number, evt_index;
            """;
        yield return Table("Supply", "2b627736bca15cd5381dcf80b0bf11fd197d01a037c52b927a881a10fb73ba61",
            $"""{Topic(1)} AS reserve, {Addr(0)} AS "user", {Topic(2)} AS "onBehalfOf", {Word(1)} AS amount, {Small("l.topic3", 0)} AS "referralCode" """);
        yield return Table("Withdraw", "3115d1449a7b732c986cba18244e897a450f61e1bb8d589cd2e69e6c8924f9f7",
            $"""{Topic(1)} AS reserve, {Topic(2)} AS "user", {Topic(3)} AS "to", {Word(0)} AS amount""");
        yield return Table("Borrow", "b3d084820fb1a9decffb176436bd02558d15fac9b0ddfed8c465bc7359d7dce0",
            $"""
            {Topic(1)} AS reserve, {Addr(0)} AS "user", {Topic(2)} AS "onBehalfOf", {Word(1)} AS amount,
            {Small("l.data", 2)} AS "interestRateMode", {Word(3)} AS "borrowRate", {Small("l.topic3", 0)} AS "referralCode"
            """);
        yield return Table("Repay", "a534c8dbe71f871f9f3530e97a74601fea17b426cae02e1c5aee42c96c784051",
            $"""{Topic(1)} AS reserve, {Topic(2)} AS "user", {Topic(3)} AS repayer, {Word(0)} AS amount, {Bool(1)} AS "useATokens" """);
        yield return Table("LiquidationCall", "e413a321e8681d831f4dbccbca790d2952b56f977908e45be37335533e005286",
            $"""
            {Topic(1)} AS "collateralAsset", {Topic(2)} AS "debtAsset", {Topic(3)} AS "user", {Word(0)} AS "debtToCover",
            {Word(1)} AS "liquidatedCollateralAmount", {Addr(2)} AS liquidator, {Bool(3)} AS "receiveAToken"
            """);
        yield return AaveBaseSupply;
        yield return AaveBaseBorrow;
        yield return AaveEnrich("supply", "b.transaction_type, erc20.symbol, b.token_address, b.depositor, b.on_behalf_of, b.withdrawn_to, b.liquidator");
        yield return AaveEnrich("borrow", "b.transaction_type, b.loan_type, erc20.symbol, b.token_address, b.borrower, b.on_behalf_of, b.repayer, b.liquidator");
        yield return """
            CREATE OR REPLACE VIEW aave_ethereum.supply AS
            SELECT blockchain, project, version, transaction_type, symbol, token_address, depositor, on_behalf_of, withdrawn_to, liquidator,
                   amount, amount_usd, block_month, block_time, block_number, project_contract_address, evt_index, tx_hash
            FROM lending.supply
            WHERE blockchain = 'ethereum' AND project = 'aave';
            CREATE OR REPLACE VIEW aave_ethereum.borrow AS
            SELECT blockchain, project, version, transaction_type, loan_type, symbol, token_address, borrower, on_behalf_of, repayer, liquidator,
                   amount, amount_usd, block_month, block_time, block_number, project_contract_address, evt_index, tx_hash
            FROM lending.borrow
            WHERE blockchain = 'ethereum' AND project = 'aave';
            """;
    }

    /// <summary>
    /// lending_enrich_supply / _borrow over the base model: the amount in units of the token (tokens.erc20's decimals, else 18) and
    /// in USD at the minute's price (prices.usd).
    /// </summary>
    private static string AaveEnrich(string model, string columns) => $"""
        CREATE OR REPLACE TABLE lending.{model} AS
        SELECT b.blockchain, b.project, b.version, {columns},
               b.amount / pow(10, coalesce(erc20.decimals, 18)) AS amount,
               b.amount_raw,
               b.amount / pow(10, coalesce(p.decimals, erc20.decimals, 18)) * p.price AS amount_usd,
               b.block_month, b.block_time, b.block_number, b.project_contract_address, b.tx_hash, b.evt_index
        FROM aave_v3_ethereum.base_{model} b
        LEFT JOIN tokens.erc20 erc20 ON b.token_address = erc20.contract_address AND b.blockchain = erc20.blockchain
        LEFT JOIN prices.usd p
               ON date_trunc('minute', b.block_time) = p.minute AND b.token_address = p.contract_address AND b.blockchain = p.blockchain
        ORDER BY b.block_time, b.tx_hash, b.evt_index
        """;

    /// <summary>
    /// spellbook's aave_v3_ethereum.base_supply (lending_aave_v3_compatible_supply): Supply as a deposit, Withdraw as a negative
    /// withdraw (on_behalf_of from the WrappedTokenGatewayV3's withdrawETH calls: the demo has none, so the macro's left join
    /// finds nothing and it is null), Repay with aTokens as a negative repay_with_atokens, and a liquidation's seized collateral
    /// as a negative deposit_liquidation.
    /// </summary>
    private const string AaveBaseSupply = """
        CREATE OR REPLACE TABLE aave_v3_ethereum.base_supply AS
        WITH base_supply AS (
            SELECT 'deposit' AS transaction_type, reserve AS token_address, "user" AS depositor, "onBehalfOf" AS on_behalf_of,
                   CAST(NULL AS BLOB) AS withdrawn_to, CAST(NULL AS BLOB) AS liquidator, CAST(amount AS DOUBLE) AS amount, amount AS amount_raw,
                   contract_address, evt_tx_hash, evt_index, evt_block_time, evt_block_number
            FROM aave_v3_ethereum."Pool_evt_Supply"
            UNION ALL
            SELECT 'withdraw', reserve, "user", CAST(NULL AS BLOB), "to", CAST(NULL AS BLOB), -1 * CAST(amount AS DOUBLE), amount,
                   contract_address, evt_tx_hash, evt_index, evt_block_time, evt_block_number
            FROM aave_v3_ethereum."Pool_evt_Withdraw"
            UNION ALL
            SELECT 'repay_with_atokens', reserve, "user", CAST(NULL AS BLOB), repayer, CAST(NULL AS BLOB), -1 * CAST(amount AS DOUBLE), amount,
                   contract_address, evt_tx_hash, evt_index, evt_block_time, evt_block_number
            FROM aave_v3_ethereum."Pool_evt_Repay"
            WHERE "useATokens"
            UNION ALL
            SELECT 'deposit_liquidation', "collateralAsset", "user", CAST(NULL AS BLOB), liquidator, liquidator,
                   -1 * CAST("liquidatedCollateralAmount" AS DOUBLE), "liquidatedCollateralAmount",
                   contract_address, evt_tx_hash, evt_index, evt_block_time, evt_block_number
            FROM aave_v3_ethereum."Pool_evt_LiquidationCall"
        )
        SELECT 'ethereum' AS blockchain, 'aave' AS project, '3' AS version, transaction_type, token_address, depositor, on_behalf_of,
               withdrawn_to, liquidator, amount, amount_raw,
               CAST(date_trunc('month', timezone('UTC', evt_block_time)) AS DATE) AS block_month, evt_block_time AS block_time,
               evt_block_number AS block_number, contract_address AS project_contract_address, evt_tx_hash AS tx_hash, evt_index
        FROM base_supply
        ORDER BY block_time, tx_hash, evt_index
        """;

    /// <summary>
    /// spellbook's aave_v3_ethereum.base_borrow (lending_aave_v3_compatible_borrow): Borrow (stable or variable by its rate mode),
    /// every Repay as a negative repay, and a liquidation's covered debt as a negative borrow_liquidation.
    /// </summary>
    private const string AaveBaseBorrow = """
        CREATE OR REPLACE TABLE aave_v3_ethereum.base_borrow AS
        WITH base_borrow AS (
            SELECT 'borrow' AS transaction_type,
                   CASE WHEN "interestRateMode" = 1 THEN 'stable' WHEN "interestRateMode" = 2 THEN 'variable' END AS loan_type,
                   reserve AS token_address, "user" AS borrower, "onBehalfOf" AS on_behalf_of, CAST(NULL AS BLOB) AS repayer,
                   CAST(NULL AS BLOB) AS liquidator, CAST(amount AS DOUBLE) AS amount, amount AS amount_raw,
                   contract_address, evt_tx_hash, evt_index, evt_block_time, evt_block_number
            FROM aave_v3_ethereum."Pool_evt_Borrow"
            UNION ALL
            SELECT 'repay', NULL, reserve, "user", CAST(NULL AS BLOB), repayer, CAST(NULL AS BLOB), -1 * CAST(amount AS DOUBLE), amount,
                   contract_address, evt_tx_hash, evt_index, evt_block_time, evt_block_number
            FROM aave_v3_ethereum."Pool_evt_Repay"
            UNION ALL
            SELECT 'borrow_liquidation', NULL, "debtAsset", "user", CAST(NULL AS BLOB), liquidator, liquidator,
                   -1 * CAST("debtToCover" AS DOUBLE), "debtToCover",
                   contract_address, evt_tx_hash, evt_index, evt_block_time, evt_block_number
            FROM aave_v3_ethereum."Pool_evt_LiquidationCall"
        )
        SELECT 'ethereum' AS blockchain, 'aave' AS project, '3' AS version, transaction_type, loan_type, token_address, borrower,
               on_behalf_of, repayer, liquidator, amount, amount_raw,
               CAST(date_trunc('month', timezone('UTC', evt_block_time)) AS DATE) AS block_month, evt_block_time AS block_time,
               evt_block_number AS block_number, contract_address AS project_contract_address, evt_tx_hash AS tx_hash, evt_index
        FROM base_borrow
        ORDER BY block_time, tx_hash, evt_index
        """;
}
