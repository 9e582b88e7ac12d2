namespace Strata.Tests.DuneSql;

/// <summary>Dune's binary.mdx hashes that DuckDB lacks (DuneHashes.cs), against Trino's published test values
/// (TestVarbinaryFunctions) and RFC 2202 / RFC 4231 HMAC vectors (cross-checked with Python's hashlib/hmac/zlib).</summary>
public sealed class DuneSqlHashTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    [InlineData("SELECT xxhash64(CAST('' AS VARBINARY))", "0xef46db3751d8e999")]
    [InlineData("SELECT xxhash64(CAST('hashme' AS VARBINARY))", "0xf9d96e0e1165e892")]
    [InlineData("SELECT sha512(CAST('' AS VARBINARY))",
        "0xcf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")]
    [InlineData("SELECT sha512(to_utf8('hashme'))",
        "0x8a4b59fb9188d09b989ff596ac9cefbf2ed91ded8dcd9498e8bf2236814a92b23be6867e7fc340880e514f8fdf97e1f147ea4b0fd6c2da3557d0cf1c0b58a204")]
    [InlineData("SELECT crc32(to_utf8('CRC me!'))", "38028046")]
    [InlineData("SELECT crc32(to_utf8('1234567890'))", "639479525")]
    [InlineData("SELECT crc32(to_utf8('ABCDEFGHIJKLM'))", "4223167559")]
    [InlineData("SELECT crc32(to_utf8('The quick brown fox jumps over the lazy dog'))", "1095738169")]
    [InlineData("SELECT hmac_md5(CAST('' AS VARBINARY), CAST('key' AS VARBINARY))", "0x63530468a04e386459855da0063b6596")]
    [InlineData("SELECT hmac_md5(to_utf8('hashme'), to_utf8('key'))", "0x0a26ebeb0e7b65f528d96f7bc631bc8f")]
    [InlineData("SELECT hmac_sha1(to_utf8('hashme'), to_utf8('key'))", "0x2e7c4c6aefa7e69f106eee3ce21944d0046d2f3d")]
    [InlineData("SELECT hmac_sha256(to_utf8('hashme'), to_utf8('key'))", "0xd3d72f9facde059da3a4eb43a9abdd4b35118e0fef00e6d16fb04bb332af0484")]
    [InlineData("SELECT hmac_sha512(to_utf8('hashme'), to_utf8('key'))",
        "0xfefa712b67ded871e1ed987f8b20d6a69eb9fcc87974218b9a1a6d5202b54c18ecda4839a979ded22f07e0881cf40b762691992d120408f49d6212e112509d72")]
    // RFC 2202 / RFC 4231 test case 2 (key "Jefe"): the key is the second argument, as in Trino.
    [InlineData("SELECT hmac_sha1(to_utf8('what do ya want for nothing?'), to_utf8('Jefe'))", "0xeffcdf6ae5eb2fa2d27416d5f184df9c259a7c79")]
    [InlineData("SELECT hmac_sha256(to_utf8('what do ya want for nothing?'), to_utf8('Jefe'))",
        "0x5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    // Dune reads a '0x…' varchar as varbinary; NULL in, NULL out.
    [InlineData("SELECT xxhash64('0x')", "0xef46db3751d8e999")]
    [InlineData("SELECT sha512(CAST(NULL AS varbinary))", "NULL")]
    [InlineData("SELECT hmac_sha256(to_utf8('a'), CAST(NULL AS varbinary))", "NULL")]
    [InlineData("SELECT crc32(CAST(NULL AS varbinary))", "NULL")]
    public void Documented_example_gives_documented_answer(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Hashes_run_over_many_rows_with_nulls_in_between()
    {
        var rows = db.Rows("SELECT n, crc32(b), xxhash64(b), hmac_md5(b, to_utf8('key')) FROM (SELECT n, CASE WHEN n % 7 = 0 THEN NULL ELSE to_utf8(CAST(n AS varchar)) END AS b FROM unnest(sequence(1, 5000)) AS t(n)) ORDER BY n");
        Assert.Equal(5000, rows.Count);
        Assert.All(rows.Where(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture) % 7 == 0), r => Assert.Equal(["NULL", "NULL", "NULL"], r[1..]));
        Assert.Equal(Convert.ToInt64(System.IO.Hashing.Crc32.HashToUInt32("1234"u8)).ToString(System.Globalization.CultureInfo.InvariantCulture), rows[1233][1]);
        Assert.Equal("0x" + Convert.ToHexStringLower(System.IO.Hashing.XxHash64.Hash("4999"u8)), rows[4998][2]);
    }
}
