using System.Diagnostics;
using System.Net;
using System.Text;

namespace KnowledgeGraph.Benchmarks;

/// <summary>Latencies of one row (milliseconds, time to the last byte of the body) and what went wrong.</summary>
public sealed record RowResult(string Name, int Count, double P50, double P99, double Max, IReadOnlyDictionary<string, int> Errors)
{
    public int ErrorCount => Errors.Values.Sum();

    /// <summary>The first warm-up pass (one request per id), as a process just started answers it; null when not measured.</summary>
    public RowResult? Cold { get; init; }
    public int WarmUpPasses { get; init; }
    public TimeSpan WarmUpTime { get; init; }

    public static RowResult From(string name, List<double> times, Dictionary<string, int> errors)
    {
        times.Sort();
        return new RowResult(name, times.Count, Percentile(times, 0.50), Percentile(times, 0.99), times.Count == 0 ? double.NaN : times[^1], errors);
    }

    /// <summary>Nearest rank: the smallest time at or above which the given share of requests finished.</summary>
    public static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
}

public sealed record ExportResult(TimeSpan Time, long Bytes, bool Complete, string? Error);

public sealed record LoadResult(TimeSpan Duration, int Clients, long Requests, double PerSecond, double P50, double P99, double Max,
    IReadOnlyDictionary<string, int> Errors, long MemoryBefore, long MemoryAfter)
{
    public int ErrorCount => Errors.Values.Sum();
}

/// <summary>Requests through HTTP to the API process, on loopback, bounded in number and time.</summary>
public sealed class HttpMeasurements(Uri address, int maxClients) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = maxClients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromMinutes(5),
    };

    /// <summary>
    /// Warm-up passes over the row's distinct urls (not timed into the row; errors count) until <paramref name="warmUp"/>
    /// has passed, at least one pass, then <paramref name="requests"/> timed requests cycling through them, stopping early
    /// when <paramref name="rowBudget"/> is spent (the table shows n). The first pass is kept apart as the row's cold
    /// figure: .NET compiles a method to its optimised tier only after about 30 calls and a quiet moment, so one pass over
    /// a row's 17 ids left the timed requests half in unoptimised code, and a row read a fresh process rather than a warm
    /// server. Every request asks for a fresh answer (Cache-Control: no-cache), so a row times the work, never the
    /// response cache.
    /// </summary>
    public async Task<RowResult> MeasureAsync(BenchmarkRow row, int requests, TimeSpan warmUp, TimeSpan rowBudget)
    {
        var errors = new Dictionary<string, int>();
        var cold = new List<double>();
        var clock = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            foreach (var url in row.Urls)
            {
                var (ms, error) = await GetAsync(url, fresh: true);
                if (error is not null) Count(errors, error);
                else if (passes == 0) cold.Add(ms);
                if (clock.Elapsed > rowBudget) break;
            }
            passes++;
        } while (clock.Elapsed < warmUp && clock.Elapsed <= rowBudget);
        var warmedFor = clock.Elapsed;

        var times = new List<double>();
        for (var i = 0; i < requests && clock.Elapsed <= rowBudget; i++)
        {
            var (ms, error) = await GetAsync(row.Urls[i % row.Urls.Count], fresh: true);
            if (error is not null) Count(errors, error);
            else times.Add(ms);
        }
        return RowResult.From(row.Name, times, errors) with { Cold = RowResult.From(row.Name, cold, []), WarmUpPasses = passes, WarmUpTime = warmedFor };
    }

    /// <summary>The whole GraphML file, streamed and counted; complete only with a 200 and a closing &lt;/graphml&gt;.</summary>
    public async Task<ExportResult> ExportAsync()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.GetAsync(RequestPlan.ExportGraphMl, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[1 << 16];
            var tail = new byte[256];
            var tailLength = 0;
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer)) > 0)
            {
                total += read;
                if (read >= tail.Length)
                {
                    Array.Copy(buffer, read - tail.Length, tail, 0, tail.Length);
                    tailLength = tail.Length;
                }
                else
                {
                    var keep = Math.Min(tailLength, tail.Length - read);
                    Array.Copy(tail, tailLength - keep, tail, 0, keep);
                    Array.Copy(buffer, 0, tail, keep, read);
                    tailLength = keep + read;
                }
            }
            var end = Encoding.UTF8.GetString(tail, 0, tailLength).TrimEnd();
            var complete = response.StatusCode == HttpStatusCode.OK && end.EndsWith("</graphml>", StringComparison.Ordinal);
            return new ExportResult(clock.Elapsed, total, complete,
                complete ? null : response.StatusCode != HttpStatusCode.OK ? $"HTTP {(int)response.StatusCode}" : "file does not end with </graphml>");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return new ExportResult(clock.Elapsed, 0, false, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary><paramref name="clients"/> clients each asking the next url of the mix as soon as the last answered,
    /// for <paramref name="duration"/> or until <paramref name="maxRequests"/> were sent. <paramref name="fresh"/>: every
    /// request says Cache-Control: no-cache, so each answer is worked out (the cost of the work, not of the cache).</summary>
    public async Task<LoadResult> LoadAsync(IReadOnlyList<string> mix, int clients, TimeSpan duration, long maxRequests, Func<long> memory, bool fresh)
    {
        var before = memory();
        long sent = -1;
        var perClient = new List<double>[clients];
        var errors = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var times = perClient[c] = [];
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref sent);
                if (n >= maxRequests) break;
                var (ms, error) = await GetAsync(mix[(int)(n % mix.Count)], fresh);
                if (error is null) times.Add(ms);
                else lock (errors) Count(errors, error);
            }
        }));
        var elapsed = clock.Elapsed;
        var all = perClient.SelectMany(t => t).ToList();
        all.Sort();
        var total = all.Count + errors.Values.Sum();
        return new LoadResult(elapsed, clients, total, total / elapsed.TotalSeconds, RowResult.Percentile(all, 0.5), RowResult.Percentile(all, 0.99),
            all.Count == 0 ? double.NaN : all[^1], errors, before, memory());
    }

    private async Task<(double Ms, string? Error)> GetAsync(string url, bool fresh)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (fresh) request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            return response.IsSuccessStatusCode ? (ms, null) : (ms, $"{(int)response.StatusCode}");
        }
        catch (TaskCanceledException)
        {
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, $"no answer in {_http.Timeout.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, ex.GetType().Name);
        }
    }

    private static void Count(Dictionary<string, int> errors, string error) => errors[error] = errors.GetValueOrDefault(error) + 1;

    public void Dispose() => _http.Dispose();
}
