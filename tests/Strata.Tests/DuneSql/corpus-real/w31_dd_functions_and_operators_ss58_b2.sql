-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/ss58.mdx, sql block 2 (SQL verbatim)
SELECT 
    to_ss58('0x2534454d30f8a028e42654d6b535e0651d1d026ddf115cef59ae1dd71bae074e', 2)
-- results 'DR6pMC4GJiVbgPtNNuw1xgxJyEsYYuXKXq7ZCVBjfFrh3V5'
