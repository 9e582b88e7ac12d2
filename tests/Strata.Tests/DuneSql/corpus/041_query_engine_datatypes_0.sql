-- Source: github.com/duneanalytics/dune-docs, query-engine/datatypes.mdx (sql block 0), verbatim
Select * from ethereum.transactions where "from" = 0xc8ebccc5f5689fa8659d83713341e5ad19349448
