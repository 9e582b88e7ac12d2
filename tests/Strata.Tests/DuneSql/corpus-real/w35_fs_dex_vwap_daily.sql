-- Source: public GitHub file found with find_string on "FROM dex.trades" (the index names no repository nor path; read_file id 55956086491), a token's daily DEX VWAP and volume (parameters {{token}} = WETH 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2, {{chain}} = ethereum, {{start}} = 2025-01-01; SQL otherwise verbatim)
-- 06_price_volume_daily — daily DEX VWAP price + volume. The basic "what did the chart do".
WITH t AS (
    SELECT block_date, amount_usd,
        CASE WHEN token_bought_address=0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 THEN token_bought_amount
             WHEN token_sold_address  =0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 THEN token_sold_amount END AS tok_amt
    FROM dex.trades
    WHERE blockchain='ethereum' AND block_date >= DATE '2025-01-01'
      AND (token_bought_address=0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 OR token_sold_address=0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2)
)
SELECT block_date,
       count(*) AS trades,
       round(sum(amount_usd)) AS volume_usd,
       round(sum(amount_usd)/NULLIF(sum(tok_amt),0), 6) AS vwap_price_usd
FROM t WHERE tok_amt > 0
GROUP BY 1 ORDER BY 1;
-- NOTE: most volume for a CEX-listed token is OFF-CHAIN; DEX is only part of the picture.
