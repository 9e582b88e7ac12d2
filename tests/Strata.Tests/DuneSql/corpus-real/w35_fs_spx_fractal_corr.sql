-- Source: public GitHub file found with find_string on "FROM prices.day" (the index names no repository nor path; read_file id 60478326021), SPX6900 vs PEPE return correlation by day sequence (the header comment block shortened away; SQL otherwise verbatim)
WITH spx_period AS (
  -- 1. SPX6900's last 12 months, days numbered 1..N (calendar-independent).
  SELECT timestamp AS calendar_date,
         price AS spx_price,
         (price - LAG(price) OVER (ORDER BY timestamp)) / LAG(price) OVER (ORDER BY timestamp) AS spx_return,
         ROW_NUMBER() OVER (ORDER BY timestamp) AS sequence_id
  FROM prices.day
  WHERE blockchain = 'ethereum'
    AND contract_address = 0xe0f63a424a4439cbe457d80e4f4b51ad25b2c56c
    AND timestamp >= NOW() - INTERVAL '12' MONTH
),
target_historical_period AS (
  -- 2. A target token's specific historical era, numbered 1..N to match.
  SELECT timestamp AS calendar_date,
         symbol,
         price AS token_price,
         (price - LAG(price) OVER (ORDER BY timestamp)) / LAG(price) OVER (ORDER BY timestamp) AS token_return,
         ROW_NUMBER() OVER (ORDER BY timestamp) AS sequence_id
  FROM prices.day
  WHERE blockchain = 'ethereum'
    AND contract_address = 0x6982508145454ce325ddbe47a25d4ec3d2311933  -- PEPE (change per hypothesis)
    AND timestamp >= DATE '2024-01-01'
    AND timestamp <= DATE '2024-12-31'
)
-- 3. Join by sequence order (not calendar day) and correlate returns.
SELECT t.symbol AS historical_token,
       MIN(s.calendar_date) AS spx_start_date,
       MAX(s.calendar_date) AS spx_end_date,
       MIN(t.calendar_date) AS historical_comparison_start,
       MAX(t.calendar_date) AS historical_comparison_end,
       COUNT(*) AS total_days_compared,
       CORR(t.token_return, s.spx_return) AS sequence_correlation
FROM spx_period s
JOIN target_historical_period t ON s.sequence_id = t.sequence_id
WHERE s.spx_return IS NOT NULL AND t.token_return IS NOT NULL
GROUP BY t.symbol;
