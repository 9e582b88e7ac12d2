-- Source: github.com/duneanalytics/dune-docs, data-catalog/evm/ethereum/decoded/overview.mdx (sql block 0), verbatim
SELECT *
FROM ethereum.logs
WHERE tx_hash = 0x2bb7c8283b782355875fa37d05e4bd962519ea294678a3dcf2fdffbbd0761bc5
