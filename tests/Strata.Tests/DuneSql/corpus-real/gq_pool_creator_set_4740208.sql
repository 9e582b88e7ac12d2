-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/liquidity/pool/pool_creator_set_4740208.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (verbatim)
-- part of a query repo
-- query name: Pool Creator Set
-- query link: https://dune.com/queries/4740208


SELECT
    chain,
    pool,
    factory,
    json_extract_scalar(roleAccounts, '$.poolCreator') AS pool_creator
FROM balancer_v3_multichain.vault_evt_poolregistered
ORDER BY 4 DESC