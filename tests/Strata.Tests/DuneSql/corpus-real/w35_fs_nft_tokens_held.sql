-- Source: public GitHub file found with find_string on "FROM nft.trades" (the index names no repository nor path; read_file id 31675021661), NFTs a wallet holds by its trades (parameters {{wallet}} = 0x9d8749ea671c9e0bc0679abbd837bc89ac2701fd, a demo buyer, {{chain}} = ethereum, {{start_date}} = 2025-01-01, {{end_date}} = 2035-01-01; SQL otherwise verbatim)
WITH p AS (
  SELECT FROM_HEX(REPLACE('0x9d8749ea671c9e0bc0679abbd837bc89ac2701fd','0x','')) AS addr
),
tx AS (
  SELECT t.buyer, t.seller, t.nft_contract_address, t.token_id
  FROM nft.trades t
  JOIN p ON 1=1
  WHERE t.blockchain = 'ethereum'
    AND t.block_time >= CAST('2025-01-01' AS TIMESTAMP)
    AND t.block_time <  CAST('2035-01-01'   AS TIMESTAMP)
    AND (t.buyer = p.addr OR t.seller = p.addr)
),
holdings AS (
  SELECT
    nft_contract_address,
    token_id,
    SUM(CASE WHEN buyer  = (SELECT addr FROM p) THEN 1 ELSE 0 END)
  - SUM(CASE WHEN seller = (SELECT addr FROM p) THEN 1 ELSE 0 END) AS qty
  FROM tx
  GROUP BY 1,2
)
SELECT
  COALESCE(SUM(CASE WHEN qty > 0 THEN 1 ELSE 0 END), 0) AS "Tokens Held"
FROM holdings;
