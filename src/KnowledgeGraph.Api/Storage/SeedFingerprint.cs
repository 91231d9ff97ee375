using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Records;

namespace KnowledgeGraph.Api.Storage;

/// <summary>
/// SHA-256 over the seed files' relative names and bytes: the JSON files, the <c>*.records.yaml</c> mappings and the
/// tables they name (wherever they are), so any edit, addition, removal or rename changes it; a changed CSV re-imports.
/// </summary>
public static class SeedFingerprint
{
    public static async Task<string> ComputeAsync(string directory, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        var files = DatasetReader.InputFiles(directory)
            .Select(f => (Full: f, Name: Path.GetRelativePath(directory, f).Replace('\\', '/')))
            .OrderBy(f => f.Name, StringComparer.Ordinal);
        foreach (var (full, name) in files)
        {
            // Streamed: a national dataset is hundreds of megabytes, and a restart with unchanged seeds only hashes it.
            await using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            // Lengths keep "a"+"bc" apart from "ab"+"c".
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{stream.Length}\n"));
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0) hash.AppendData(buffer, 0, read);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
