-- Source: public GitHub file found with find_string on "FROM prices.day" (the index names no repository nor path; read_file id 67174073529), Solana tokens past a peak market cap from prices.day and latest balances (comments shortened; SQL otherwise verbatim)
WITH params AS (
    SELECT
        DATE '2024-01-01' AS lookback_start,
        100e6             AS min_peak_mcap_usd,  -- "went to 100M"
        90                AS min_active_days     -- not a 3-day pump and dump
),

daily AS (
    SELECT contract_address, symbol, timestamp, price
    FROM prices.day
    WHERE blockchain = 'solana'
      AND timestamp >= (SELECT lookback_start FROM params)
      AND price > 0
),

candidates AS (
    SELECT
        d.contract_address,
        MAX(d.symbol)    AS symbol,
        COUNT(*)         AS n_active_days,
        MIN(d.timestamp) AS first_priced_day,
        MAX(d.timestamp) AS last_priced_day
    FROM daily d
    CROSS JOIN params p
    GROUP BY d.contract_address
    HAVING COUNT(*) >= MAX(p.min_active_days)
),

peak AS (
    SELECT d.contract_address, MAX(d.price) AS peak_price_usd
    FROM daily d
    WHERE d.contract_address IN (SELECT contract_address FROM candidates)
    GROUP BY d.contract_address
),

supply AS (
    SELECT
        token_mint_address                 AS mint,
        CAST(SUM(token_balance) AS DOUBLE) AS circulating_supply
    FROM solana_utils.latest_balances
    WHERE token_mint_address IN (SELECT to_base58(contract_address) FROM candidates)
      AND token_balance > 0
    GROUP BY 1
)

SELECT
    c.symbol,
    to_base58(c.contract_address)                     AS mint,
    ROUND(s.circulating_supply)                       AS circulating_supply,
    pk.peak_price_usd,
    ROUND(s.circulating_supply * pk.peak_price_usd)   AS peak_mcap_usd,
    c.n_active_days,
    CAST(c.first_priced_day AS DATE)                  AS first_priced_day,
    CAST(c.last_priced_day  AS DATE)                  AS last_priced_day,
    date_diff('day', c.first_priced_day, CAST(now() AS TIMESTAMP)) AS age_days
FROM candidates c
JOIN peak   pk ON pk.contract_address = c.contract_address
JOIN supply s  ON s.mint = to_base58(c.contract_address)
CROSS JOIN params p
WHERE s.circulating_supply * pk.peak_price_usd >= p.min_peak_mcap_usd
ORDER BY peak_mcap_usd DESC
