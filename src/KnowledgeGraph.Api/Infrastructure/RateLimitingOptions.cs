namespace KnowledgeGraph.Api.Infrastructure;

/// <summary>
/// Section "Api:RateLimit": per-client limits for a public read-only instance. Off by default (one person on their
/// own machine needs none); when on, each client (remote IP address) gets <see cref="PermitsPerWindow"/> requests per
/// <see cref="Window"/>, and loopback clients (the machine itself, a reverse proxy on it) are exempt unless told otherwise.
/// </summary>
public sealed class RateLimitingOptions : IHaveSettingErrors
{
    public const string Section = "Api:RateLimit";

    public bool Enabled { get; set; }

    /// <summary>Requests one client may make in one window; the next one is answered 429 with Retry-After.</summary>
    public int PermitsPerWindow { get; set; } = 300;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests from 127.0.0.1 / ::1 are not limited (behind a reverse proxy on the same machine, every
    /// request comes from loopback: set this to false, or have the proxy limit).</summary>
    public bool ExemptLoopback { get; set; } = true;

    /// <summary>Every setting that cannot work, each named with its section path, so one start shows them all.</summary>
    public IEnumerable<string> SettingErrors()
    {
        if (PermitsPerWindow is < 1 or > 1_000_000)
            yield return $"{Section}:PermitsPerWindow is {PermitsPerWindow}; it must be between 1 and 1000000.";
        if (Window < TimeSpan.FromSeconds(1) || Window > TimeSpan.FromHours(1))
            yield return $"{Section}:Window is {Window}; it must be between 00:00:01 and 01:00:00.";
    }
}
