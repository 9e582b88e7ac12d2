namespace Strata.Engine.DuckDb;

/// <summary>
/// A 32-byte ABI word read as the whole uint256 Dune decodes it (a token id, an amount), and the demo's NFT token ids, some of which
/// use all 256 bits as real collections' do (ENS's ids are label hashes, many others are hashes or packed fields).
/// </summary>
public static partial class DemoData
{
    private const string ZeroHalfWord = "00000000000000000000000000000000";

    /// <summary>
    /// The uint256 (a BIGNUM) of the 32-byte word at byte <paramref name="pos"/> of the upper-case hex text <paramref name="h"/>, in
    /// DuckDB alone so a view can hold it: DuckDB parses 64 bits of hex at a time and multiplies a BIGNUM through DOUBLE, but adds
    /// BIGNUMs exactly, so the high 128 bits are doubled 128 times (only when they are not zero) and the low 128 bits added.
    /// </summary>
    private static string Uint256AtHex(string h, string pos) =>
        $"(CASE WHEN substr({h}, 2 * ({pos}) + 1, 32) = '{ZeroHalfWord}' THEN 0::{Uint256Type} "
        + $"ELSE list_reduce(range(128), lambda acc, k: acc + acc, {Uint128AtHex(h, pos, 1)}::{Uint256Type}) END "
        + $"+ {Uint128AtHex(h, pos, 33)}::{Uint256Type})";

    private static string Uint128AtHex(string h, string pos, int at) =>
        $"((('0x' || substr({h}, 2 * ({pos}) + {at}, 16))::UBIGINT::UHUGEINT << 64) | ('0x' || substr({h}, 2 * ({pos}) + {at + 16}, 16))::UBIGINT)";

    /// <summary>
    /// demo_hx_u256(h, pos): <see cref="Uint256AtHex"/> for the generated tables; demo_nft_word(n): the ABI word of the demo's n-th NFT
    /// token id (a mint's tokens are 5i..5i+4): one in four is a 256-bit hash, the others n itself, all distinct.
    /// </summary>
    private static string Uint256WordMacros => $"""
        CREATE OR REPLACE TEMP MACRO demo_hx_u256(h, pos) AS {Uint256AtHex("h", "pos")};
        CREATE OR REPLACE TEMP MACRO demo_nft_word(n) AS CASE WHEN n % 4 = 3 THEN demo_hash(n, 230) ELSE demo_word(n) END;
        """;
}
