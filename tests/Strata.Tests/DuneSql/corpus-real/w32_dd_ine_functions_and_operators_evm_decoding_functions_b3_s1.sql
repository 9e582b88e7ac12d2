-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/evm-decoding-functions.mdx (```sql block 3, statement 1; SQL verbatim)
SELECT * 
FROM TABLE (
    decode_evm_function_call (
      abi => '{"name":"getPlanet","type":"function","inputs":[{"name":"planetId","type":"uint256"}],"outputs":[{"name":"planetName","type":"string"},{"name":"planetType","type":"string"}]}',
      data => TABLE (
        SELECT * 
        FROM polygon.traces
        WHERE starts_with(input, 0x34efcb8e)
        LIMIT 20
      )
    )
  )
