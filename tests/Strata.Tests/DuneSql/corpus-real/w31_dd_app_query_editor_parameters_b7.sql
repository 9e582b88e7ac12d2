-- Source: github.com/duneanalytics/dune-docs @1502a52, web-app/query-editor/parameters.mdx, sql block 7 (SQL verbatim)
Select * from dex.trades
where token_pair in (Select pair from unnest(split('{{example_parameter_name}}',',')) as c(pair))
