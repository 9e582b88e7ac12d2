-- Source: github.com/gustavobftorres/dune-queries, balancer/metrics/token/price/built_on_balancer_project_selected_2755328.sql@da8fdab (parameters {{Project}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: Built on Balancer Project Selected
-- query link: https://dune.com/queries/2755328


SELECT 'ethereum'