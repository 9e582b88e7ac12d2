-- Source: github.com/franklili3/DuneQueryRepo @9bcbb05, queries/query_5231060.sql (parameters 0x00000000000000000000000000000000000000aa = 0x00000000000000000000000000000000000000aa, 0xa614f803b6fd780986a42c78ec9c7f77e6ded13c = 0xa614f803b6fd780986a42c78ec9c7f77e6ded13c, the USDT contract its sibling query 5237195 names; SQL otherwise verbatim)
-- 方法1：尝试使用十六进制地址
SELECT
    DATE_TRUNC('day', evt_block_time) AS dt,
    'USDT' as asset,
    SUM(
        CASE
            WHEN "from" = 0x00000000000000000000000000000000000000aa THEN value -- OR "from" = 0x0000000000000000000000000000000000000000
            WHEN "to" = 0x00000000000000000000000000000000000000aa THEN -value --OR "to" = 0x0000000000000000000000000000000000000000 
            ELSE 0
        END
    ) / 1e6 AS net_amount
FROM erc20_tron.evt_transfer
WHERE contract_address = 0xa614f803b6fd780986a42c78ec9c7f77e6ded13c  -- USDT在TRON上的合约地址
  AND ("from" = 0x00000000000000000000000000000000000000aa  -- 替换为你的TRON地址的十六进制形式
       OR "to" = 0x00000000000000000000000000000000000000aa)  -- 替换为你的TRON地址的十六进制形式
GROUP BY 1, 2
ORDER BY 1 DESC
LIMIT 100;