-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/varbinary.mdx, sql block 7 (SQL verbatim)
select varbinary_ltrim(
        cast(UINT256 '101691398105299641525402875323276528467270701520' as varbinary)
    ) as vb
