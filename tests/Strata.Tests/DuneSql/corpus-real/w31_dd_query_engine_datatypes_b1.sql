-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/datatypes.mdx, sql block 1 (SQL verbatim)
Select * from ethereum.transactions where "from" = 0xc8ebccc5f5689fa8659d83713341e5ad19349448
