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
        var files = DatasetReader.InputFiles(directory)
            .Select(f => (Full: f, Name: Path.GetRelativePath(directory, f).Replace('\\', '/')))
            .OrderBy(f => f.Name, StringComparer.Ordinal);
        foreach (var (full, name) in files)
        {
            var bytes = await File.ReadAllBytesAsync(full, cancellationToken);
            // Lengths keep "a"+"bc" apart from "ab"+"c".
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{bytes.Length}\n"));
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
