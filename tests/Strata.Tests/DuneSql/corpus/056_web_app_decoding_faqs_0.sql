-- Source: github.com/duneanalytics/dune-docs, web-app/decoding/faqs.mdx (sql block 0), verbatim
-- Check if tx hash exists in traces
    SELECT 
        'traces' as table_name,
        COUNT(*) as record_count
    FROM ethereum.traces
    WHERE tx_hash = 0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef;
