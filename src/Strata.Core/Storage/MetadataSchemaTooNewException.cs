using System.Globalization;

namespace Strata.Core.Storage;

/// <summary>
/// The metadata database was written by a newer release: its schema version is above the last one this
/// code knows. Start-up stops with this message rather than misread the database or answer 500s later.
/// It is an <see cref="InvalidOperationException"/>, which the server reports as "Strata cannot start".
/// </summary>
public sealed class MetadataSchemaTooNewException(string database, int foundVersion, int supportedVersion)
    : InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
        $"the metadata database {database} has schema version {foundVersion}, but this Strata knows versions up to {supportedVersion}: a newer Strata wrote it. Run that newer release, or restore a backup made before the upgrade; this one will not open it."))
{
    public int FoundVersion { get; } = foundVersion;

    public int SupportedVersion { get; } = supportedVersion;
}
