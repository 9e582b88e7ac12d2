namespace Strata.Core.Results;

/// <summary>Result files on local disk: <c>{root}/{executionId}.arrow</c>, written under a temporary name first.</summary>
public sealed class LocalResultStore : IResultStore
{
    private const string Extension = ".arrow";
    private const string TempMarker = ".tmp-";
    private readonly string root;
    private readonly int batchRows;

    public LocalResultStore(string root, int batchRows = ResultWriter.DefaultBatchRows)
    {
        this.root = root;
        this.batchRows = batchRows;
        Directory.CreateDirectory(root);
    }

    public string PathOf(string executionId) => Path.Combine(root, executionId + Extension);

    public ResultWriter CreateWriter(string executionId, ResultSchema schema)
    {
        string final = PathOf(executionId);
        // A result file without a completed execution is an orphan of a crash between rename and commit.
        File.Delete(final);
        string temp = final + TempMarker + Guid.NewGuid().ToString("N");
        return new ResultWriter(temp, final, schema, batchRows);
    }

    public StoredResult? Open(string executionId)
    {
        try
        {
            return new StoredResult(PathOf(executionId));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public void Delete(string executionId) => File.Delete(PathOf(executionId));

    public void RemoveIncomplete()
    {
        foreach (string file in Directory.EnumerateFiles(root, "*" + TempMarker + "*"))
        {
            File.Delete(file);
        }
    }
}
