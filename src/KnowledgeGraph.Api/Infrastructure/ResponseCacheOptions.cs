namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>
/// Section "Api:ResponseCache": answers kept in memory and served again to the next client that asks the same URL.
/// The graph only changes when it is imported, so an answer is a function of its URL until then; an import through
/// the API clears the cache, and <see cref="Duration"/> bounds how stale an answer can be after an import made
/// outside the API (kg-import writing Neo4j or the SQLite file while the API serves).
/// </summary>
public sealed class ResponseCacheOptions : IHaveSettingErrors
{
    public const string Section = "Api:ResponseCache";

    public bool Enabled { get; set; } = true;

    /// <summary>How long an answer is served from the cache.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most memory all cached answers may take together; the least recently used go first.</summary>
    public int SizeLimitMegabytes { get; set; } = 64;

    /// <summary>Larger answers are not cached (they are rare, and would push out many small ones).</summary>
    public int MaximumBodyKilobytes { get; set; } = 1024;

    /// <summary>Every setting that cannot work, each named with its section path, so one start shows them all.</summary>
    public IEnumerable<string> SettingErrors()
    {
        if (Duration < TimeSpan.FromSeconds(1) || Duration > TimeSpan.FromDays(1))
            yield return $"{Section}:Duration is {Duration}; it must be between 00:00:01 and 1.00:00:00.";
        if (SizeLimitMegabytes is < 1 or > 16_384)
            yield return $"{Section}:SizeLimitMegabytes is {SizeLimitMegabytes}; it must be between 1 and 16384.";
        if (MaximumBodyKilobytes < 1 || MaximumBodyKilobytes > SizeLimitMegabytes * 1024)
            yield return $"{Section}:MaximumBodyKilobytes is {MaximumBodyKilobytes}; it must be at least 1 and at most the size limit.";
    }
}
