-- Source: github.com/gustavobftorres/dune-queries, balancer/support/legacy/chain_selected_3965060.sql@da8fdab (parameters {{4. Blockchain}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Chain Selected
-- query link: https://dune.com/queries/3965060


SELECT UPPER('ethereum') as blockchain