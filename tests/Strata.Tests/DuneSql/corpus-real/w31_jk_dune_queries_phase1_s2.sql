-- Source: github.com/johnkimdy/dune_analysis @12fbf3e, scripts/dune_queries_phase1.sql (statement 2 of 2, SQL verbatim)
-- ─────────────────────────────────────────────────────────────────────────────
-- Query 2: Korean Exchange Daily Volume (for KFI — Kimchi Flight Index) # Dune Query ID: 6808164
-- ─────────────────────────────────────────────────────────────────────────────
-- KFI = correlation between Korean stablecoin velocity and KRW/USD.
-- Output: date, symbol, korean_daily_volume
-- Save in Dune, add ID to DUNE_QUERY_ID_KOREAN_VOLUME
-- Optimized: 7-day window + blockchain filter to avoid timeout.
-- approx query credit used: 85.979, duration 6 min
-- ─────────────────────────────────────────────────────────────────────────────

WITH korean_exchanges AS (
  SELECT blockchain, address
  FROM cex.addresses
  WHERE cex_name IN ('Upbit', 'Bithumb', 'Coinone', 'Korbit', 'GOPAX')
),
korean_flows AS (
  SELECT
    CAST(date_trunc('day', t.block_time) AS DATE) AS date,
    t.symbol,
    t.amount_usd
  FROM tokens.transfers t
  INNER JOIN korean_exchanges k
    ON (t."to" = k.address OR t."from" = k.address)
    AND t.blockchain = k.blockchain
  WHERE t.symbol IN ('USDT', 'USDC', 'FDUSD')
    AND t.block_time >= CURRENT_DATE - INTERVAL '7' DAY
    AND t.blockchain IN ('ethereum', 'polygon', 'arbitrum', 'base', 'bnb', 'avalanche_c')
    AND t.amount_usd > 0
)
SELECT
  date,
  symbol,
  SUM(amount_usd) AS korean_daily_volume
FROM korean_flows
GROUP BY 1, 2
ORDER BY 1 ASC, 2
