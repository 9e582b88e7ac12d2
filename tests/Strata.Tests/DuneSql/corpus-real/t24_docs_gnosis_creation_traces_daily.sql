-- Source: github.com/duneanalytics/dune-docs @1502a52824585dd37f95cb0e4b27532c4bd810fa, snippets/evm/raw/creation-traces-snippet.mdx, "Show the creation of smart contracts in the last 10 days" (the template's ${blockchain} = gnosis; SQL otherwise verbatim)
SELECT 
    date_trunc('day', block_time) AS day,
    COUNT(*)
FROM gnosis.creation_traces
GROUP BY 1
ORDER BY 1 DESC
LIMIT 10
