-- Source: github.com/duneanalytics/dune-docs @1502a52, web-app/query-editor/parameters.mdx, sql block 9 (SQL verbatim)
Select distinct project from dex.trades
