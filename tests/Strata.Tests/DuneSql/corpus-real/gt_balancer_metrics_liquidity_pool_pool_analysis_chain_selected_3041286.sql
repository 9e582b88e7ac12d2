-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/liquidity/pool/pool_analysis_chain_selected_3041286.sql@da8fdab (parameters {{4. Blockchain}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: (Pool Analysis) Chain Selected
-- query link: https://dune.com/queries/3041286


SELECT UPPER('ethereum') as blockchain